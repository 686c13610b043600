package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/rewirejournal/rewire/journal"
)

// storeDriver is go-sqlite3 with the store's per-connection settings applied
// on every connect, so they hold even if database/sql ever reconnects.
// synchronous=FULL because NORMAL can lose the last commit in WAL mode on
// power loss; secure_delete so deleted slots and records are overwritten
// with zeros, not left in free pages; temp_store so sorts never spill to a
// temporary file. (mmap_size would read the records at unlock about a
// third faster, but every page of the file it maps counts in the app's
// resident memory, which the app's budget cannot spare.)
const storeDriver = "sqlite3_rewire_store"

func init() {
	sql.Register(storeDriver, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			_, err := c.Exec(`
				PRAGMA busy_timeout = 5000;
				PRAGMA synchronous = FULL;
				PRAGMA secure_delete = ON;
				PRAGMA temp_store = MEMORY;
				PRAGMA foreign_keys = ON;`, nil)
			return err
		},
	})
}

// Store is a vault in one SQLite file. It implements [journal.Store]; open
// it with [Open]. Its methods are safe for concurrent use.
type Store struct {
	db   *sql.DB
	path string

	mu   sync.Mutex
	lock *os.File // nil once closed
}

var _ journal.Store = (*Store)(nil)

// Open opens the vault at path, creating the directory (0700) and an empty
// file (0600) if they are missing, and brings the schema up to
// [SchemaVersion].
//
// It fails with an error wrapping [journal.ErrInUse] when another Store has
// the vault open (in this process or another), [journal.ErrNewerSchema]
// when a newer Rewire wrote the file (which is then left byte for byte as it
// was), and [journal.ErrDamaged] when the file is not a database or fails
// SQLite's quick_check.
func Open(path string) (*Store, error) {
	fail := func(err error) (*Store, error) { return nil, fmt.Errorf("open vault %s: %w", path, err) }
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fail(err)
	}
	lock, err := lockFile(path + ".lock")
	if err != nil {
		return fail(err)
	}
	s, err := open(path)
	if err != nil {
		unlockFile(lock)
		return fail(err)
	}
	s.lock = lock
	return s, nil
}

// open does the work of Open once the lock is held.
func open(path string) (*Store, error) {
	// Refuse a newer file before SQLite touches it: opening a WAL database
	// creates -wal and -shm files, and setting WAL mode rewrites the header.
	v, err := fileUserVersion(path)
	if err != nil {
		return nil, err
	}
	if v > SchemaVersion {
		return nil, fmt.Errorf("%w (schema %d, this Rewire knows %d)", journal.ErrNewerSchema, v, SchemaVersion)
	}
	// SQLite would create the file with the umask's permissions; the -wal
	// and -shm files copy the main file's, so 0600 here covers them too.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()

	db, err := sql.Open(storeDriver, dsn(path))
	if err != nil {
		return nil, err
	}
	// One connection: SQLite has a single writer anyway, so a pool buys
	// nothing but SQLITE_BUSY between our own connections, and a checkpoint
	// that must wait for readers. Calls queue in database/sql instead. The
	// cost is that [Store.Items]'s callback must not call the store.
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	s := &Store{db: db, path: path}
	if err := s.check(); err != nil {
		db.Close()
		return nil, err
	}
	var mode string
	if err := db.QueryRow(`PRAGMA journal_mode = WAL`).Scan(&mode); err != nil {
		db.Close()
		return nil, fmt.Errorf("set WAL mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		db.Close()
		return nil, fmt.Errorf("set WAL mode: the file system allows only %q", mode)
	}
	if err := migrate(db); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// dsn makes a file: URI for path. URI mode lets any path through: % ? and #
// are escaped, and go-sqlite3 reads its own options after the first '?'.
func dsn(path string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(path) + "?_txlock=immediate"
}

// check runs PRAGMA quick_check: a damaged file is reported before the
// vault is used, not halfway through an unlock.
func (s *Store) check() error {
	rows, err := s.db.Query(`PRAGMA quick_check`)
	if err != nil {
		return damaged(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return damaged(err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return damaged(err)
	}
	if len(problems) > 0 {
		if len(problems) > 3 {
			problems = append(problems[:3], fmt.Sprintf("and %d more", len(problems)-3))
		}
		return fmt.Errorf("%w: the database file failed its integrity check: %s",
			journal.ErrDamaged, strings.Join(problems, "; "))
	}
	return nil
}

// damaged marks errors that mean the file is not a usable database.
func damaged(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return fmt.Errorf("%w: the database file is unreadable: %w", journal.ErrDamaged, err)
	}
	return fmt.Errorf("integrity check: %w", err)
}

// Header keys in the header table.
const (
	hVaultID   = "vault_id"
	hFormat    = "format"
	hRecipient = "recovery_recipient"
	hMAC       = "mac"
)

// Header returns the vault header, or [journal.ErrNoVault] when the file
// holds no vault yet.
func (s *Store) Header() (journal.Header, error) {
	var h journal.Header
	rows, err := s.db.Query(`SELECT k, v FROM header`)
	if err != nil {
		return h, fmt.Errorf("read header: %w", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return h, fmt.Errorf("read header: %w", err)
		}
		seen[k] = true
		switch k {
		case hVaultID:
			if len(v) != len(h.VaultID) {
				return h, fmt.Errorf("read header: %w: vault id is %d bytes", journal.ErrDamaged, len(v))
			}
			copy(h.VaultID[:], v)
		case hFormat:
			if len(v) != 1 {
				return h, fmt.Errorf("read header: %w: format is %d bytes", journal.ErrDamaged, len(v))
			}
			h.Format = v[0]
		case hRecipient:
			h.RecoveryRecipient = string(v)
		case hMAC:
			h.MAC = v
		}
	}
	if err := rows.Err(); err != nil {
		return h, fmt.Errorf("read header: %w", err)
	}
	if len(seen) == 0 {
		return h, journal.ErrNoVault
	}
	for _, k := range []string{hVaultID, hFormat, hRecipient, hMAC} {
		if !seen[k] {
			return h, fmt.Errorf("read header: %w: %s is missing", journal.ErrDamaged, k)
		}
	}
	return h, nil
}

// Init writes the header and key slots of a new vault in one transaction;
// [journal.ErrExists] if the file already has a header.
func (s *Store) Init(h journal.Header, slots []journal.Slot) error {
	return s.write("create vault", func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM header`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return journal.ErrExists
		}
		for k, v := range map[string][]byte{
			hVaultID:   h.VaultID[:],
			hFormat:    {h.Format},
			hRecipient: []byte(h.RecoveryRecipient),
			hMAC:       nonNil(h.MAC),
		} {
			if _, err := tx.Exec(`INSERT INTO header (k, v) VALUES (?, ?)`, k, v); err != nil {
				return err
			}
		}
		for _, sl := range slots {
			if _, err := tx.Exec(`INSERT INTO slots (name, data) VALUES (?, ?)`, sl.Name, nonNil(sl.Data)); err != nil {
				return err
			}
		}
		return nil
	})
}

// Slots returns every key slot, ordered by name.
func (s *Store) Slots() ([]journal.Slot, error) {
	rows, err := s.db.Query(`SELECT name, data FROM slots ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("read key slots: %w", err)
	}
	defer rows.Close()
	var out []journal.Slot
	for rows.Next() {
		var sl journal.Slot
		if err := rows.Scan(&sl.Name, &sl.Data); err != nil {
			return nil, fmt.Errorf("read key slots: %w", err)
		}
		out = append(out, sl)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read key slots: %w", err)
	}
	return out, nil
}

// ReplaceSlot stores sl in place of the slot with the same name (or adds it)
// in one transaction, then truncates the write-ahead log. secure_delete
// zeroes the old slot's bytes in the database pages, and the checkpoint
// moves the new pages into the main file and empties the log, which could
// otherwise still hold an older copy of the page. No VACUUM is needed: the
// test TestReplacedSlotBytesAreGoneFromTheFiles greps the files.
func (s *Store) ReplaceSlot(sl journal.Slot) error {
	err := s.write("replace key slot", func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT OR REPLACE INTO slots (name, data) VALUES (?, ?)`, sl.Name, nonNil(sl.Data))
		return err
	})
	if err != nil {
		return err
	}
	if err := s.checkpoint(); err != nil {
		return fmt.Errorf("replace key slot: saved, but wiping the old slot from the log failed: %w", err)
	}
	return nil
}

// Items calls fn for every stored record, in no particular order. Each blob
// is a fresh copy that fn may keep.
//
// It reads through the driver's own rows rather than database/sql's, which
// would copy every blob a second time and take a lock per row: at unlock
// this is every record in the vault, and the difference is about a third
// of the read.
func (s *Store) Items(fn func(id journal.ID, blob []byte) error) error {
	conn, err := s.db.Conn(context.Background())
	if err != nil {
		return fmt.Errorf("read records: %w", err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		rows, err := c.Query(`SELECT id, blob FROM items`, nil)
		if err != nil {
			return err
		}
		defer rows.Close()
		row := make([]driver.Value, 2)
		for {
			if err := rows.Next(row); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
			rawID, _ := row[0].([]byte)
			blob, _ := row[1].([]byte)
			var id journal.ID
			if len(rawID) != len(id) {
				return fmt.Errorf("%w: a record id is %d bytes, not %d", journal.ErrDamaged, len(rawID), len(id))
			}
			copy(id[:], rawID)
			if err := fn(id, blob); err != nil {
				return errCallback{err}
			}
		}
	})
	var cb errCallback
	if errors.As(err, &cb) {
		return cb.err
	}
	if err != nil {
		return fmt.Errorf("read records: %w", err)
	}
	return nil
}

// errCallback carries the error of an Items callback out unwrapped.
type errCallback struct{ err error }

func (e errCallback) Error() string { return e.err.Error() }

// Item returns one record's blob, or [journal.ErrNotFound].
func (s *Store) Item(id journal.ID) ([]byte, error) {
	var blob []byte
	err := s.db.QueryRow(`SELECT blob FROM items WHERE id = ?`, id[:]).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, journal.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("read record: %w", err)
	}
	return blob, nil
}

// Put inserts or replaces items in one transaction: either all are saved or
// none is (a full disk leaves the file as it was).
func (s *Store) Put(items ...journal.Item) error {
	if len(items) == 0 {
		return nil
	}
	return s.write("save", func(tx *sql.Tx) error {
		st, err := tx.Prepare(`INSERT OR REPLACE INTO items (id, blob) VALUES (?, ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, it := range items {
			if _, err := st.Exec(it.ID[:], nonNil(it.Blob)); err != nil {
				return err
			}
		}
		return nil
	})
}

// Delete removes records in one transaction; missing ids are ignored.
// secure_delete overwrites their ciphertext in the file.
func (s *Store) Delete(ids ...journal.ID) error {
	if len(ids) == 0 {
		return nil
	}
	return s.write("delete", func(tx *sql.Tx) error {
		st, err := tx.Prepare(`DELETE FROM items WHERE id = ?`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, id := range ids {
			if _, err := st.Exec(id[:]); err != nil {
				return err
			}
		}
		return nil
	})
}

// Checkpoint copies the write-ahead log into the main file and truncates
// it to zero bytes; the vault calls it on lock.
func (s *Store) Checkpoint() error {
	if err := s.checkpoint(); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

func (s *Store) checkpoint() error {
	var busy, logFrames, done int
	if err := s.db.QueryRow(`PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done); err != nil {
		return err
	}
	if busy != 0 {
		return errors.New("the log is still in use")
	}
	return nil
}

// Close checkpoints, closes the file and releases the lock. The store is
// unusable afterwards; closing twice is harmless.
// Snapshot writes a consistent copy of the vault file to path (which must
// not exist), with SQLite's VACUUM INTO: one read transaction, so saves
// made meanwhile are either all in the copy or not at all. The copy holds
// what the file holds, records sealed, and is made readable only by its
// owner. It opens as a vault with the same passphrase and recovery kit.
func (s *Store) Snapshot(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	f.Close()
	if _, err := s.db.Exec(`VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("snapshot: %w", err)
	}
	sf, err := os.Open(path)
	if err == nil {
		err = sf.Sync()
		sf.Close()
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lock == nil {
		return nil
	}
	err := s.checkpoint()
	if err != nil {
		err = fmt.Errorf("close vault: checkpoint: %w", err)
	}
	if cerr := s.db.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("close vault: %w", cerr)
	}
	// The lock goes last, once SQLite has let go of the file.
	if lerr := unlockFile(s.lock); lerr != nil && err == nil {
		err = fmt.Errorf("close vault: unlock: %w", lerr)
	}
	s.lock = nil
	return err
}

// write runs fn in one transaction and wraps any error with what.
func (s *Store) write(what string, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return fmt.Errorf("%s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// nonNil turns nil into an empty slice: the driver binds a nil []byte as
// NULL, which the NOT NULL columns refuse.
func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}
