// Package sqlite is Rewire's SQLite adapter: [Store] keeps a vault's sealed
// records, key slots and header in one SQLite file, and [Index] is the
// in-memory FTS5 full-text index built at unlock.
//
// The store sees only random ids and ciphertext; the index holds plaintext,
// but only in memory, and is dropped when the vault locks. Neither knows
// anything about cryptography or records beyond [journal.Doc].
//
// This is the only Rewire package that uses cgo for SQLite
// (github.com/mattn/go-sqlite3). Build it with the sqlite_fts5 tag; without
// it [NewIndex] fails because the fts5 module is missing. It has a little C
// of its own (rank.go): the FTS5 ranking function the index uses, a bm25
// that skips work bm25 repeats, registered with the SQLite that go-sqlite3
// compiles in.
//
// # What must not live here
//
// No domain rules (they belong in journal), no UI, and no plaintext on
// disk: nothing but [journal.Item] blobs, [journal.Slot] data and the
// [journal.Header] is ever written to the file.
package sqlite
