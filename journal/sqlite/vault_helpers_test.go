package sqlite

import (
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/rewirejournal/rewire/journal"
)

// These helpers drive a whole vault (journal + crypto + this store) for the
// security, crash and benchmark tests.

var testPass = []byte("correct horse battery staple")

func vaultOpts() journal.Options {
	return journal.Options{NewIndex: func() (journal.Index, error) { return NewIndex() }}
}

// newVault creates a vault at dir/vault.db with floor KDF parameters and
// returns it unlocked, with its path and recovery kit.
func newVault(t testing.TB, dir string) (*journal.Vault, string, []byte) {
	t.Helper()
	path := filepath.Join(dir, "vault.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v, kit, err := journal.Create(st, testPass, journal.MinKDFParams(), vaultOpts())
	if err != nil {
		t.Fatal(err)
	}
	return v, path, kit
}

// openVault opens the vault at path, locked.
func openVault(t testing.TB, path string) *journal.Vault {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := journal.Open(st, vaultOpts())
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	return v
}

// rawDB opens the vault file directly, bypassing the store, to tamper with it.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func vaultFileHash(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func mustExec(t testing.TB, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
