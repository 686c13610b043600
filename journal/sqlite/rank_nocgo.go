//go:build !cgo

package sqlite

// Without cgo there is no SQLite (go-sqlite3 then fails every Open), so
// nothing to register; FTS5's own bm25 names the ranking.
const rankFunc = "bm25"

func registerRank() error { return nil }
