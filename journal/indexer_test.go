package journal

import (
	"errors"
	"testing"
)

// gatedIndex holds its first Add (the bulk load at unlock) until the gate
// opens, so a test can act while the index is still loading.
type gatedIndex struct {
	*memIndex
	gate    chan struct{}
	started chan struct{}
	first   bool
}

func (g *gatedIndex) Add(docs ...Doc) error {
	if !g.first {
		g.first = true
		close(g.started)
		<-g.gate
	}
	return g.memIndex.Add(docs...)
}

func TestChangesWhileTheIndexLoadsAreAppliedInOrder(t *testing.T) {
	v, store, _, _ := newTestVault(t)
	stale, gone := entry("2026-11-01", "stale", "old words"), entry("2026-11-02", "gone", "deleted words")
	if err := v.SaveAll([]*Record{stale, gone}); err != nil {
		t.Fatal(err)
	}
	v.Close()

	g := &gatedIndex{gate: make(chan struct{}), started: make(chan struct{})}
	v, err := Open(store, Options{NewIndex: func() (Index, error) {
		mi, _ := newMemIndex()
		g.memIndex = mi.(*memIndex)
		return g, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	<-g.started // the vault is unlocked and usable while the index loads

	stale.Entry.Body = "fresh words"
	added := entry("2026-11-03", "new", "brand new words")
	if err := v.SaveAll([]*Record{stale, added}); err != nil {
		t.Fatal(err)
	}
	if err := v.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := v.Get(added.ID); err != nil || got.Entry.Body != "brand new words" {
		t.Fatalf("a record saved during the load: %v", err)
	}
	close(g.gate)
	if err := v.WaitIndexed(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		query string
		want  []ID
	}{
		{"fresh", []ID{stale.ID}},
		{"old words", nil},
		{"brand new", []ID{added.ID}},
		{"deleted", nil},
	}
	for _, c := range cases {
		t.Run("search "+c.query+" sees the latest state", func(t *testing.T) {
			hits, err := v.Search(Query{Text: c.query})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != len(c.want) || len(hits) == 1 && hits[0].ID != c.want[0] {
				t.Fatalf("hits = %v, want %v", hits, c.want)
			}
		})
	}
}

func TestLockWaitsForTheIndexAndClosesIt(t *testing.T) {
	v, store, _, _ := newTestVault(t)
	v.Close()
	g := &gatedIndex{gate: make(chan struct{}), started: make(chan struct{})}
	v, _ = Open(store, Options{NewIndex: func() (Index, error) {
		mi, _ := newMemIndex()
		g.memIndex = mi.(*memIndex)
		return g, nil
	}})
	if err := v.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	<-g.started
	locked := make(chan error)
	go func() { locked <- v.Lock() }()
	close(g.gate)
	if err := <-locked; err != nil {
		t.Fatal(err)
	}
	if !g.closed {
		t.Fatal("lock left the index open")
	}
	if _, err := v.Search(Query{Text: "x"}); !errors.Is(err, ErrLocked) {
		t.Fatalf("Search after lock = %v", err)
	}
}
