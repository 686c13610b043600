package sqlite

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/rewirejournal/rewire/journal"
)

// SchemaVersion is the version of the file layout this code writes, kept in
// PRAGMA user_version. A file with a higher version is refused untouched.
const SchemaVersion = 1

// migrations[v] takes a file from schema version v to v+1. They only ever
// move forward; each runs in its own transaction together with the bump of
// user_version, so a crash leaves the file at one version or the next.
// Every migration is tested from a fixture database in testdata/.
var migrations = []func(tx *sql.Tx) error{
	0: func(tx *sql.Tx) error {
		// Nothing about a record is in clear but its random id and the
		// size of its ciphertext. WITHOUT ROWID keeps the blob beside its
		// key and leaves no rowid order that would hint at insertion time.
		_, err := tx.Exec(`
			CREATE TABLE items (id BLOB PRIMARY KEY, blob BLOB NOT NULL) WITHOUT ROWID;
			CREATE TABLE slots (name TEXT PRIMARY KEY, data BLOB NOT NULL);
			CREATE TABLE header (k TEXT PRIMARY KEY, v BLOB NOT NULL);`)
		return err
	},
}

func init() {
	if len(migrations) != SchemaVersion {
		panic("sqlite: SchemaVersion does not match the migrations") // a programming error
	}
}

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// fileUserVersion reads user_version straight from the database header
// (offset 60, big-endian), before SQLite opens the file. That lets Open
// refuse a newer file without SQLite writing anything, not even a -wal or
// -shm file. An empty or missing file is version 0; a file that is not an
// SQLite database, or is another program's, is [journal.ErrNotVault].
func fileUserVersion(path string) (int, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var hdr [100]byte
	n, err := io.ReadFull(f, hdr[:])
	switch {
	case n == 0 && (err == io.EOF):
		return 0, nil
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF):
		return 0, err
	case n < len(hdr) || !bytes.Equal(hdr[:len(sqliteMagic)], sqliteMagic):
		return 0, fmt.Errorf("%w (not an SQLite database)", journal.ErrNotVault)
	}
	v := int(int32(binary.BigEndian.Uint32(hdr[60:64])))
	// The schema cookie (offset 40) counts schema changes. Rewire's first
	// migration creates the tables and sets user_version in one
	// transaction, so a version-0 file whose schema has ever changed is
	// another program's database: opening it would add tables to it.
	if v == 0 && binary.BigEndian.Uint32(hdr[40:44]) != 0 {
		return 0, fmt.Errorf("%w (an SQLite database of another program)", journal.ErrNotVault)
	}
	return v, nil
}

// migrate brings the file up to SchemaVersion. The version is read again
// inside each transaction: the WAL may hold a newer commit than the main
// file's header that fileUserVersion saw.
func migrate(db *sql.DB) error {
	for {
		done, err := migrateOnce(db)
		if err != nil || done {
			return err
		}
	}
}

func migrateOnce(db *sql.DB) (done bool, err error) {
	tx, err := db.Begin()
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return false, err
	}
	switch {
	case v > SchemaVersion:
		return false, fmt.Errorf("%w (schema %d, this Rewire knows %d)", journal.ErrNewerSchema, v, SchemaVersion)
	case v == SchemaVersion:
		return true, nil
	case v < 0:
		return false, fmt.Errorf("%w: schema version %d", journal.ErrDamaged, v)
	}
	if err := migrations[v](tx); err != nil {
		return false, fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
	}
	// PRAGMA takes no parameters; v+1 is our own integer.
	if _, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, v+1)); err != nil {
		return false, fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate schema %d to %d: %w", v, v+1, err)
	}
	return false, nil
}
