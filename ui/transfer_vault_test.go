package ui

import (
	"bytes"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/transfer"
)

// xferStore is a [journal.Store] in memory, so these tests run the export
// and import dialogs on a real [journal.Vault] (encryption, Merge's one
// transaction) without a database.
type xferStore struct {
	mu     sync.Mutex
	header *journal.Header
	slots  map[string][]byte
	items  map[journal.ID][]byte
	puts   int // Put calls: one per transaction
}

var _ journal.Store = (*xferStore)(nil)

func newXferStore() *xferStore {
	return &xferStore{slots: map[string][]byte{}, items: map[journal.ID][]byte{}}
}

func (m *xferStore) Header() (journal.Header, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.header == nil {
		return journal.Header{}, journal.ErrNoVault
	}
	return *m.header, nil
}

func (m *xferStore) Init(h journal.Header, slots []journal.Slot) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.header = &h
	for _, s := range slots {
		m.slots[s.Name] = bytes.Clone(s.Data)
	}
	return nil
}

func (m *xferStore) Slots() ([]journal.Slot, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []journal.Slot
	for n, d := range m.slots {
		out = append(out, journal.Slot{Name: n, Data: bytes.Clone(d)})
	}
	return out, nil
}

func (m *xferStore) ReplaceSlot(s journal.Slot) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.slots[s.Name] = bytes.Clone(s.Data)
	return nil
}

func (m *xferStore) Items(fn func(journal.ID, []byte) error) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for id, b := range m.items {
		if err := fn(id, bytes.Clone(b)); err != nil {
			return err
		}
	}
	return nil
}

func (m *xferStore) Item(id journal.ID) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.items[id]
	if !ok {
		return nil, journal.ErrNotFound
	}
	return bytes.Clone(b), nil
}

func (m *xferStore) Put(items ...journal.Item) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.puts++
	for _, it := range items {
		m.items[it.ID] = bytes.Clone(it.Blob)
	}
	return nil
}

func (m *xferStore) Delete(ids ...journal.ID) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		delete(m.items, id)
	}
	return nil
}

func (m *xferStore) Checkpoint() error { return nil }
func (m *xferStore) Close() error      { return nil }

// xferVaultApp is an unlocked app whose journal is a real vault in memory.
func xferVaultApp(t *testing.T) (*App, *journal.Vault, *xferStore) {
	t.Helper()
	a, _ := xferApp(t)
	store := newXferStore()
	v, _, err := journal.Create(store, []byte(testPassphrase), journal.MinKDFParams(), journal.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a.j = v
	return a, v, store
}

func xferContentKeys(t *testing.T, v *journal.Vault) [][32]byte {
	t.Helper()
	recs, err := v.List(journal.Filter{Kinds: []journal.Kind{journal.KindEntry, journal.KindGratitude, journal.KindCheckIn}})
	if err != nil {
		t.Fatal(err)
	}
	var keys [][32]byte
	for i := range recs {
		keys = append(keys, transfer.ContentKey(&recs[i]))
	}
	slices.SortFunc(keys, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	return keys
}

func TestMarkdownRoundTripThroughTheDialogsOnRealVaults(t *testing.T) {
	from, src, _ := xferVaultApp(t)
	fake := newFakeJournal("")
	fake.locked = false
	xferSeed(t, fake)
	for _, r := range fake.records {
		r.ID = journal.ID{}
		if err := src.Save(&r); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	stubXferPicker(t, dir)
	from.showExport()
	xferTap(t, from, "Choose folder…")
	xferTap(t, from, "Export")
	if got := xferValue(from, "Records"); got != "5" {
		t.Fatalf("exported %s records, want 5; labels: %q", got, xferLabels(from))
	}

	a, dst, store := xferVaultApp(t)
	stubXferPicker(t, filepath.Join(dir, "Rewire export 2026-11-25"))
	a.showImport()
	xferChoose(t, a, "Markdown: a folder of .md files")
	xferTap(t, a, "Choose folder…")
	before := store.puts
	xferTap(t, a, "Import all 5")
	if store.puts != before+1 {
		t.Errorf("the import took %d transactions, want 1", store.puts-before)
	}
	if got, want := xferContentKeys(t, dst), xferContentKeys(t, src); !slices.Equal(got, want) {
		t.Errorf("the imported vault says something else than the exported one: %d records, want %d", len(got), len(want))
	}
	xferTap(t, a, "Close")

	a.showImport()
	xferChoose(t, a, "Markdown: a folder of .md files")
	xferTap(t, a, "Choose folder…")
	if !xferShows(a, "Nothing new to import") {
		t.Errorf("a second import offers something; labels: %q", xferLabels(a))
	}
	if store.puts != before+1 {
		t.Error("the second import wrote to the vault")
	}
}
