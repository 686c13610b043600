package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/rewirejournal/rewire/journal"
)

func TestASnapshotOpensAsTheSameVault(t *testing.T) {
	dir := t.TempDir()
	v, _, _ := newVault(t, dir)
	var ids []journal.ID
	for _, body := range []string{"first 🌊", "второй", "tredje"} {
		r := &journal.Record{Kind: journal.KindEntry, Entry: &journal.Entry{Body: body}}
		if err := v.Save(r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	bak := filepath.Join(dir, "vault.db.bak")
	if err := v.Snapshot(bak); err != nil {
		t.Fatal(err)
	}
	// A save after the snapshot is not in it.
	if err := v.Save(&journal.Record{Kind: journal.KindEntry, Entry: &journal.Entry{Body: "later"}}); err != nil {
		t.Fatal(err)
	}
	v.Close()

	fi, err := os.Stat(bak)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("snapshot mode %v, want 0600", fi.Mode().Perm())
	}
	s := openVault(t, bak)
	defer s.Close()
	if err := s.Unlock(testPass); err != nil {
		t.Fatalf("the snapshot does not open with the passphrase: %v", err)
	}
	got, err := s.List(journal.Filter{Kinds: []journal.Kind{journal.KindEntry}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ids) {
		t.Fatalf("snapshot holds %d entries, want %d", len(got), len(ids))
	}
	for _, id := range ids {
		if _, err := s.Get(id); err != nil {
			t.Errorf("record %s: %v", id, err)
		}
	}
}

func TestASnapshotNeverOverwrites(t *testing.T) {
	tests := []struct {
		name     string
		existing []byte
	}{
		{"an empty file", []byte{}},
		{"a file with something in it", []byte("keep me")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			v, _, _ := newVault(t, dir)
			defer v.Close()
			bak := filepath.Join(dir, "vault.db.bak")
			if err := os.WriteFile(bak, tt.existing, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := v.Snapshot(bak); !errors.Is(err, os.ErrExist) {
				t.Fatalf("Snapshot over %s = %v, want ErrExist", tt.name, err)
			}
			if b, _ := os.ReadFile(bak); string(b) != string(tt.existing) {
				t.Error("the existing file was changed")
			}
		})
	}
}
