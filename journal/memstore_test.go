package journal

import (
	"bytes"
	"slices"
	"strings"
	"sync"
)

// memStore is an in-memory Store for tests of the domain logic.
type memStore struct {
	mu      sync.Mutex
	header  *Header
	slots   map[string][]byte
	items   map[ID][]byte
	failPut error
}

func newMemStore() *memStore {
	return &memStore{slots: map[string][]byte{}, items: map[ID][]byte{}}
}

func (m *memStore) Header() (Header, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.header == nil {
		return Header{}, ErrNoVault
	}
	return *m.header, nil
}

func (m *memStore) Init(h Header, slots []Slot) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.header != nil {
		return ErrExists
	}
	m.header = &h
	for _, s := range slots {
		m.slots[s.Name] = bytes.Clone(s.Data)
	}
	return nil
}

func (m *memStore) Slots() ([]Slot, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Slot
	for n, d := range m.slots {
		out = append(out, Slot{Name: n, Data: bytes.Clone(d)})
	}
	return out, nil
}

func (m *memStore) ReplaceSlot(s Slot) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.slots[s.Name] = bytes.Clone(s.Data)
	return nil
}

func (m *memStore) Items(fn func(ID, []byte) error) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for id, b := range m.items {
		if err := fn(id, bytes.Clone(b)); err != nil {
			return err
		}
	}
	return nil
}

func (m *memStore) Item(id ID) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.items[id]
	if !ok {
		return nil, ErrNotFound
	}
	return bytes.Clone(b), nil
}

func (m *memStore) Put(items ...Item) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failPut != nil {
		return m.failPut
	}
	for _, it := range items {
		m.items[it.ID] = bytes.Clone(it.Blob)
	}
	return nil
}

func (m *memStore) Delete(ids ...ID) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		delete(m.items, id)
	}
	return nil
}

func (m *memStore) Checkpoint() error { return nil }
func (m *memStore) Close() error      { return nil }

// memIndex is a substring "index" for tests: enough to check the vault keeps
// its index current, not a model of FTS5.
type memIndex struct {
	mu     sync.Mutex
	docs   map[ID]Doc
	closed bool
}

func newMemIndex() (Index, error) { return &memIndex{docs: map[ID]Doc{}}, nil }

func (x *memIndex) Add(docs ...Doc) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, d := range docs {
		x.docs[d.ID] = d
	}
	return nil
}

func (x *memIndex) Remove(ids ...ID) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, id := range ids {
		delete(x.docs, id)
	}
	return nil
}

func (x *memIndex) Search(q Query) ([]Hit, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	var hits []Hit
	for _, d := range x.docs {
		if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, d.Kind) {
			continue
		}
		if strings.Contains(strings.ToLower(d.Title+" "+d.Text), strings.ToLower(q.Text)) {
			hits = append(hits, Hit{ID: d.ID, Kind: d.Kind, Date: d.Date, Title: d.Title})
		}
	}
	return hits, nil
}

func (x *memIndex) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.closed, x.docs = true, nil
	return nil
}

var (
	_ Store = (*memStore)(nil)
	_ Index = (*memIndex)(nil)
)
