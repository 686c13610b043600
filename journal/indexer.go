package journal

import "sync"

// indexer owns the search index of an unlocked vault. Its bulk load at
// unlock runs in the background, so the vault is usable as soon as its
// records are decrypted (building FTS5 for 10k entries takes several times
// longer than decrypting them); updates made meanwhile are queued and
// applied in order once the load is done, and searches wait for it.
type indexer struct {
	ix    Index
	ready chan struct{}

	mu      sync.Mutex
	loading bool
	pending []func(Index) error
	err     error // the first failure; search reports it
}

// startIndexer loads docs into ix on a new goroutine.
func startIndexer(ix Index, docs []Doc) *indexer {
	x := &indexer{ix: ix, ready: make(chan struct{}), loading: true}
	go func() {
		err := ix.Add(docs...)
		x.mu.Lock()
		for _, op := range x.pending {
			if err == nil {
				err = op(ix)
			}
		}
		x.pending, x.loading, x.err = nil, false, err
		x.mu.Unlock()
		close(x.ready)
	}()
	return x
}

// update applies op now, or after the bulk load if it is still running.
func (x *indexer) update(op func(Index) error) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.loading {
		x.pending = append(x.pending, op)
		return nil
	}
	if x.err != nil {
		return x.err
	}
	if err := op(x.ix); err != nil {
		x.err = err
		return err
	}
	return nil
}

// wait blocks until the bulk load and the updates queued behind it are done.
func (x *indexer) wait() error {
	<-x.ready
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.err
}

func (x *indexer) search(q Query) ([]Hit, error) {
	if err := x.wait(); err != nil {
		return nil, err
	}
	return x.ix.Search(q)
}

// close waits for the load, then frees the index and its plaintext.
func (x *indexer) close() error {
	<-x.ready
	return x.ix.Close()
}
