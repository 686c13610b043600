package sqlite

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/rewirejournal/rewire/journal"
)

var testHeader = journal.Header{
	VaultID:           [16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
	Format:            1,
	RecoveryRecipient: "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq",
	MAC:               bytes.Repeat([]byte{0xaa}, 32),
}

var testSlots = []journal.Slot{
	{Name: "passphrase", Data: []byte("wrapped by a passphrase")},
	{Name: "recovery", Data: []byte("wrapped by the recovery kit")},
}

// openTest opens a store in a fresh directory and closes it at the end.
func openTest(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "vault", "rewire.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// allItems reads every item into a map.
func allItems(t *testing.T, s *Store) map[journal.ID][]byte {
	t.Helper()
	got := map[journal.ID][]byte{}
	if err := s.Items(func(id journal.ID, blob []byte) error {
		got[id] = bytes.Clone(blob)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return got
}

func TestAVaultKeepsItsHeaderAndSlotsAcrossOpens(t *testing.T) {
	s, path := openTest(t)
	if _, err := s.Header(); !errors.Is(err, journal.ErrNoVault) {
		t.Fatalf("Header of an empty store = %v, want ErrNoVault", err)
	}
	if err := s.Init(testHeader, testSlots); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := s.Header()
	if err != nil {
		t.Fatal(err)
	}
	if h.VaultID != testHeader.VaultID || h.Format != testHeader.Format ||
		h.RecoveryRecipient != testHeader.RecoveryRecipient || !bytes.Equal(h.MAC, testHeader.MAC) {
		t.Errorf("Header = %+v, want %+v", h, testHeader)
	}
	slots, err := s.Slots()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(slots, testSlots, func(a, b journal.Slot) bool { return a.Name == b.Name && bytes.Equal(a.Data, b.Data) }) {
		t.Errorf("Slots = %q, want %q", slots, testSlots)
	}
}

func TestInitOnAnExistingVaultGetsErrExists(t *testing.T) {
	s, _ := openTest(t)
	if err := s.Init(testHeader, testSlots); err != nil {
		t.Fatal(err)
	}
	other := testHeader
	other.VaultID[0] = 0xff
	if err := s.Init(other, nil); !errors.Is(err, journal.ErrExists) {
		t.Fatalf("second Init = %v, want ErrExists", err)
	}
	if h, _ := s.Header(); h.VaultID != testHeader.VaultID {
		t.Error("second Init changed the header")
	}
}

func TestOpenCreatesPrivateFiles(t *testing.T) {
	s, path := openTest(t)
	if err := s.Init(testHeader, testSlots); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		path string
		mode os.FileMode
	}{
		{"the directory is the user's alone", filepath.Dir(path), 0o700 | os.ModeDir},
		{"the database is the user's alone", path, 0o600},
		{"the log is the user's alone", path + "-wal", 0o600},
		{"the lock file is the user's alone", path + ".lock", 0o600},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fi, err := os.Stat(tc.path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode() != tc.mode {
				t.Errorf("mode %v, want %v", fi.Mode(), tc.mode)
			}
		})
	}
}

func TestItemsArePutReadAndDeleted(t *testing.T) {
	a, b, c := journal.NewID(), journal.NewID(), journal.NewID()
	for _, tc := range []struct {
		name string
		do   func(s *Store) error
		want map[journal.ID]string
	}{
		{"an empty store has no items", func(*Store) error { return nil }, map[journal.ID]string{}},
		{"put items are read back", func(s *Store) error {
			return s.Put(journal.Item{ID: a, Blob: []byte("A")}, journal.Item{ID: b, Blob: []byte("B")})
		}, map[journal.ID]string{a: "A", b: "B"}},
		{"a second put replaces the blob", func(s *Store) error {
			if err := s.Put(journal.Item{ID: a, Blob: []byte("A")}); err != nil {
				return err
			}
			return s.Put(journal.Item{ID: a, Blob: []byte("A2")})
		}, map[journal.ID]string{a: "A2"}},
		{"deleted items are gone and missing ids are ignored", func(s *Store) error {
			if err := s.Put(journal.Item{ID: a, Blob: []byte("A")}, journal.Item{ID: b, Blob: []byte("B")}); err != nil {
				return err
			}
			return s.Delete(a, c)
		}, map[journal.ID]string{b: "B"}},
		{"an empty blob is kept", func(s *Store) error {
			return s.Put(journal.Item{ID: c})
		}, map[journal.ID]string{c: ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTest(t)
			if err := tc.do(s); err != nil {
				t.Fatal(err)
			}
			got := allItems(t, s)
			if len(got) != len(tc.want) {
				t.Errorf("Items gave %d items, want %d", len(got), len(tc.want))
			}
			for id, want := range tc.want {
				if string(got[id]) != want {
					t.Errorf("Items: %s = %q, want %q", id, got[id], want)
				}
				blob, err := s.Item(id)
				if err != nil || string(blob) != want {
					t.Errorf("Item(%s) = %q, %v; want %q", id, blob, err, want)
				}
			}
			for _, id := range []journal.ID{a, b, c} {
				if _, ok := tc.want[id]; ok {
					continue
				}
				if _, err := s.Item(id); !errors.Is(err, journal.ErrNotFound) {
					t.Errorf("Item(%s) of a missing record = %v, want ErrNotFound", id, err)
				}
			}
		})
	}
}

func TestManyItemsArePutInOneTransaction(t *testing.T) {
	s, _ := openTest(t)
	items := make([]journal.Item, 5000)
	for i := range items {
		items[i] = journal.Item{ID: journal.NewID(), Blob: bytes.Repeat([]byte{byte(i)}, 100+i%900)}
	}
	if err := s.Put(items...); err != nil {
		t.Fatal(err)
	}
	got := allItems(t, s)
	if len(got) != len(items) {
		t.Fatalf("%d items stored, want %d", len(got), len(items))
	}
	for _, it := range items {
		if !bytes.Equal(got[it.ID], it.Blob) {
			t.Fatalf("item %s changed", it.ID)
		}
	}
}

func TestItemsStopsAtTheCallbacksError(t *testing.T) {
	s, _ := openTest(t)
	if err := s.Put(journal.Item{ID: journal.NewID()}, journal.Item{ID: journal.NewID()}); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	calls := 0
	err := s.Items(func(journal.ID, []byte) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Items = %v after %d calls, want stop after 1", err, calls)
	}
	// The connection is free again.
	if _, err := s.Header(); !errors.Is(err, journal.ErrNoVault) {
		t.Errorf("Header after a stopped Items = %v", err)
	}
}

func TestSecondOpenOfTheSameVaultGetsErrInUse(t *testing.T) {
	s, path := openTest(t)
	// flock belongs to the open file description, so this second Open in
	// the same process must fail just as one from another process would.
	if s2, err := Open(path); !errors.Is(err, journal.ErrInUse) {
		if err == nil {
			s2.Close()
		}
		t.Fatalf("second Open = %v, want ErrInUse", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatalf("Open after Close = %v", err)
	}
	s2.Close()
}

func TestNewerSchemaIsRefusedAndTheFileIsUntouched(t *testing.T) {
	for _, tc := range []struct {
		name   string
		create func(t *testing.T, path string)
	}{
		{"a file in rollback mode", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`CREATE TABLE future (x); PRAGMA user_version = 2`); err != nil {
				t.Fatal(err)
			}
		}},
		{"a file in WAL mode written by Rewire", func(t *testing.T, path string) {
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Init(testHeader, testSlots); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.Exec(`PRAGMA user_version = 2`); err != nil {
				t.Fatal(err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "rewire.db")
			tc.create(t, path)
			before := fileHash(t, path)
			s, err := Open(path)
			if !errors.Is(err, journal.ErrNewerSchema) {
				if err == nil {
					s.Close()
				}
				t.Fatalf("Open = %v, want ErrNewerSchema", err)
			}
			if after := fileHash(t, path); after != before {
				t.Error("the database file changed")
			}
			for _, ext := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + ext); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("Open left a %s file (%v)", ext, err)
				}
			}
			// The refusal released the lock.
			if _, err := lockFile(path + ".lock"); err != nil {
				t.Errorf("the vault is still locked: %v", err)
			}
		})
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestFilesThatAreNotVaultsAreLeftAlone(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"a text file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, bytes.Repeat([]byte("not sqlite "), 1000), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"a file shorter than a database header", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("SQLite format 3\x00"), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"another program's database", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite3", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(`CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org')`); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "rewire.db")
			tc.make(t, path)
			before := fileHash(t, path)
			s, err := Open(path)
			if !errors.Is(err, journal.ErrNotVault) {
				if err == nil {
					s.Close()
				}
				t.Fatalf("Open = %v, want ErrNotVault", err)
			}
			if fileHash(t, path) != before {
				t.Error("the file changed")
			}
			for _, ext := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + ext); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("Open left a %s file (%v)", ext, err)
				}
			}
		})
	}
}

func TestDamagedFilesAreReportedAsDamaged(t *testing.T) {
	for _, tc := range []struct {
		name  string
		spoil func(t *testing.T, path string)
	}{
		{"a database with a garbled page", func(t *testing.T, path string) {
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			s.Init(testHeader, testSlots)
			for range 20 {
				s.Put(journal.Item{ID: journal.NewID(), Blob: make([]byte, 2000)})
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// Page 2 holds the root of the first table; scribble over
			// its b-tree header and cell pointers.
			pageSize := int(b[16])<<8 | int(b[17])
			for i := pageSize; i < pageSize+64; i++ {
				b[i] = 0xff
			}
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "rewire.db")
			tc.spoil(t, path)
			s, err := Open(path)
			if !errors.Is(err, journal.ErrDamaged) {
				if err == nil {
					s.Close()
				}
				t.Fatalf("Open = %v, want ErrDamaged", err)
			}
			t.Log(err)
		})
	}
}

func TestReplacedSlotBytesAreGoneFromTheFiles(t *testing.T) {
	for _, tc := range []struct {
		name      string
		reopen    bool // move the old slot from the log into the main file first
		slotBytes int
	}{
		{"a slot still in the log", false, 64},
		{"a slot already in the main file", true, 64},
		{"a slot big enough for overflow pages", true, 10_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "rewire.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			// The new slot is a different size, so SQLite cannot simply
			// write it over the old cell or reuse its overflow pages.
			old, repl := randomBytes(tc.slotBytes), randomBytes(tc.slotBytes/2+7)
			if err := s.Init(testHeader, []journal.Slot{{Name: "passphrase", Data: old}, testSlots[1]}); err != nil {
				t.Fatal(err)
			}
			if tc.reopen {
				s.Close()
				if !fileContains(t, path, old[:32]) {
					t.Fatal("the old slot never reached the main file; the test proves nothing")
				}
				if s, err = Open(path); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.ReplaceSlot(journal.Slot{Name: "passphrase", Data: repl}); err != nil {
				t.Fatal(err)
			}
			// Gone as soon as ReplaceSlot returns, so a crash right after
			// leaks nothing, and still gone after Close.
			assertGone(t, path, old)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			assertGone(t, path, old)
			if !fileContains(t, path, repl[:32]) {
				t.Error("the new slot is not in the file")
			}
		})
	}
}

// assertGone fails if any 32-byte window of old is in the database or its
// log files.
func assertGone(t *testing.T, path string, old []byte) {
	t.Helper()
	for _, ext := range []string{"", "-wal", "-shm", "-journal"} {
		for i := 0; i+32 <= len(old); i += 32 {
			if fileContains(t, path+ext, old[i:i+32]) {
				t.Fatalf("rewire.db%s still holds bytes %d–%d of the old slot", ext, i, i+32)
			}
		}
	}
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

// fileContains reports whether the file at path holds b; a missing file
// holds nothing.
func fileContains(t *testing.T, path string, b []byte) bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(data, b)
}

func TestReadOnlyDirectoryGivesAClearErrorAndLosesNothing(t *testing.T) {
	for _, tc := range []struct {
		name string
		// spoil makes writes fail; it may skip when it cannot.
		spoil func(t *testing.T, s *Store, path string)
		// code is the SQLite error the failed Put wraps, if any.
		code sqlite3.ErrNo
	}{
		{"a full disk", func(t *testing.T, s *Store, _ string) {
			// A real SQLITE_FULL: the database may not grow by more than
			// two pages.
			var pages int
			if err := s.db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.Exec(`PRAGMA max_page_count = ` + strconv.Itoa(pages+2)); err != nil {
				t.Fatal(err)
			}
		}, sqlite3.ErrFull},
		{"a read-only directory and file", func(t *testing.T, s *Store, path string) {
			if err := s.Checkpoint(); err != nil {
				t.Fatal(err)
			}
			// The -shm file is memory-mapped; SQLite needs it writable even on a
			// read-only medium (it would fall back to heap memory there).
			makeReadOnly(t, path, path+"-wal", filepath.Dir(path))
		}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "vault", "rewire.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			kept := journal.Item{ID: journal.NewID(), Blob: []byte("kept")}
			if err := s.Put(kept); err != nil {
				t.Fatal(err)
			}
			tc.spoil(t, s, path)

			var batch []journal.Item
			for range 20 {
				batch = append(batch, journal.Item{ID: journal.NewID(), Blob: randomBytes(4000)})
			}
			err = s.Put(batch...)
			if err == nil {
				t.Fatal("Put succeeded")
			}
			if !strings.HasPrefix(err.Error(), "save: ") {
				t.Errorf("error %q does not say what failed", err)
			}
			var se sqlite3.Error
			if tc.code != 0 && (!errors.As(err, &se) || se.Code != tc.code) {
				t.Errorf("error %v does not wrap SQLite error %v", err, tc.code)
			}
			t.Log(err)
			if got := allItems(t, s); len(got) != 1 || string(got[kept.ID]) != "kept" {
				t.Errorf("after the failed Put the store holds %d items", len(got))
			}
			s.Close()
			makeWritable(path, path+"-wal", path+"-shm", filepath.Dir(path))

			s, err = Open(path)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer s.Close()
			if got := allItems(t, s); len(got) != 1 || string(got[kept.ID]) != "kept" {
				t.Errorf("after reopening the store holds %d items, want only the one put before", len(got))
			}
		})
	}
}

// makeReadOnly makes paths unwritable. Root writes through permission bits,
// so as root it sets the immutable attribute instead (chattr +i, which
// ext4 and most Linux file systems support); that stops root too.
func makeReadOnly(t *testing.T, paths ...string) {
	t.Helper()
	t.Cleanup(func() { makeWritable(paths...) })
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if os.Geteuid() != 0 {
			if err := os.Chmod(p, 0o500); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if out, err := exec.Command("chattr", "+i", p).CombinedOutput(); err != nil {
			t.Fatalf("cannot make %s read-only as root: chattr: %v: %s", p, err, out)
		}
	}
}

func makeWritable(paths ...string) {
	for _, p := range paths {
		if os.Geteuid() == 0 {
			exec.Command("chattr", "-i", p).Run()
		}
		mode := os.FileMode(0o600)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			mode = 0o700
		}
		os.Chmod(p, mode)
	}
}
