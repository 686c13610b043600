//go:build !cgo

package sqlite

// Without cgo there is no SQLite (go-sqlite3 then fails every Open), so
// nothing to register; FTS5's own bm25 names the ranking.
const rankFunc = "bm25"

func registerRank() error { return nil }

type sizeCache struct{}

func newSizeCache() (sizeCache, error)  { return sizeCache{}, nil }
func (sizeCache) arg() int64            { return 0 }
func (*sizeCache) free()                {}
func (sizeCache) get(int64) (int, bool) { return 0, false }
