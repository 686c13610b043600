package sqlite

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/rewirejournal/rewire/journal"
)

var update = flag.Bool("update", false, "rewrite testdata/v<SchemaVersion>.db")

// fixtureItems are the records every fixture database holds.
var fixtureItems = []journal.Item{
	{ID: journal.ID{0: 1}, Blob: []byte("first sealed record")},
	{ID: journal.ID{0: 2}, Blob: bytes.Repeat([]byte("a record with overflow pages "), 300)},
	{ID: journal.ID{15: 0xff}, Blob: []byte{}},
}

func fixturePath(version int) string {
	return filepath.Join("testdata", fmt.Sprintf("v%d.db", version))
}

// writeFixture writes the fixture of the current schema version, the file a
// later Rewire must still open and migrate.
func writeFixture(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "v.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Init(testHeader, testSlots); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(fixtureItems...); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fixturePath(SchemaVersion), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEveryOlderSchemaMigratesFromItsFixture(t *testing.T) {
	if *update {
		writeFixture(t)
	}
	for v := 1; v <= SchemaVersion; v++ {
		t.Run(fmt.Sprintf("a vault written at schema %d opens with its data intact", v), func(t *testing.T) {
			b, err := os.ReadFile(fixturePath(v))
			if err != nil {
				t.Fatalf("%v (run go test -tags sqlite_fts5 ./journal/sqlite/ -run Fixture -update once per schema version)", err)
			}
			if got, err := fileUserVersion(fixturePath(v)); err != nil || got != v {
				t.Fatalf("fixture is at schema %d (%v), want %d", got, err, v)
			}
			path := filepath.Join(t.TempDir(), "rewire.db")
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var got int
			if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&got); err != nil || got != SchemaVersion {
				t.Errorf("user_version = %d (%v), want %d", got, err, SchemaVersion)
			}
			h, err := s.Header()
			if err != nil || h.VaultID != testHeader.VaultID || !bytes.Equal(h.MAC, testHeader.MAC) {
				t.Errorf("Header = %+v, %v", h, err)
			}
			if slots, err := s.Slots(); err != nil || len(slots) != len(testSlots) {
				t.Errorf("Slots = %q, %v", slots, err)
			}
			items := allItems(t, s)
			if len(items) != len(fixtureItems) {
				t.Errorf("%d items, want %d", len(items), len(fixtureItems))
			}
			for _, it := range fixtureItems {
				if !bytes.Equal(items[it.ID], it.Blob) {
					t.Errorf("item %s changed", it.ID)
				}
			}
		})
	}
}

func TestAnEmptyFileBecomesAnEmptyVaultAtTheCurrentSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rewire.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Checkpoint(); err != nil {
		t.Fatal(err)
	}
	if v, err := fileUserVersion(path); err != nil || v != SchemaVersion {
		t.Errorf("user_version = %d (%v), want %d", v, err, SchemaVersion)
	}
}
