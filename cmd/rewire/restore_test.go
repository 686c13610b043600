package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
)

// replaceFixture is a vault at dir/vault.db holding demo records, opened
// and unlocked as the app holds it, and its records as a backup holds them.
func replaceFixture(t *testing.T) (*vaults, []journal.Record) {
	t.Helper()
	v := newVaults(filepath.Join(t.TempDir(), "vault.db"))
	t.Cleanup(func() { v.Close() })
	if _, _, err := v.Create([]byte(perfPassphrase), journal.MinKDFParams()); err != nil {
		t.Fatal(err)
	}
	if err := v.vault.SaveAll(demo.Generate(60, 7, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	recs, err := v.vault.List(journal.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return v, recs
}

func recordJSON(t *testing.T, recs []journal.Record) map[journal.ID]string {
	t.Helper()
	out := make(map[journal.ID]string, len(recs))
	for _, r := range recs {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		out[r.ID] = string(b)
	}
	return out
}

// openWith opens the vault file at path with passphrase and lists it.
func openWith(t *testing.T, path, passphrase string) []journal.Record {
	t.Helper()
	v := newVaults(path)
	defer v.Close()
	j, err := v.Open()
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Unlock([]byte(passphrase)); err != nil {
		t.Fatalf("unlock %s: %v", filepath.Base(path), err)
	}
	recs, err := j.List(journal.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestReplaceWithPutsARestoredVaultInPlaceAndKeepsTheOldOne(t *testing.T) {
	v, recs := replaceFixture(t)
	want := recordJSON(t, recs)
	// The backup being restored lacks the newest records the vault has.
	backup := recs[:len(recs)-5]
	const newPass = "lantern over still water"
	calls := 0
	j, kit, bak, err := v.ReplaceWith(backup, []byte(newPass), journal.MinKDFParams(), func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	if j.Locked() || len(kit) == 0 || calls == 0 {
		t.Fatalf("locked %v, kit %d bytes, %d progress calls", j.Locked(), len(kit), calls)
	}
	if bak != v.path+".bak" {
		t.Errorf("previous vault kept at %s", bak)
	}
	got, err := j.List(journal.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(backup) {
		t.Fatalf("restored vault holds %d records, the backup %d", len(got), len(backup))
	}
	for id, g := range recordJSON(t, got) {
		if want[id] != g {
			t.Errorf("record %s restored as %s, want %s", id, g, want[id])
		}
	}
	if _, err := os.Stat(v.path + ".restoring"); !os.IsNotExist(err) {
		t.Error("the temporary vault was left behind")
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}

	if n := len(openWith(t, bak, perfPassphrase)); n != len(recs) {
		t.Errorf("the .bak file holds %d records, the old vault had %d", n, len(recs))
	}
	if n := len(openWith(t, v.path, newPass)); n != len(backup) {
		t.Errorf("reopened, the restored vault holds %d records", n)
	}

	t.Run("and a second restore keeps the first .bak too", func(t *testing.T) {
		if _, err := v.Open(); err != nil {
			t.Fatal(err)
		}
		if err := v.vault.Unlock([]byte(newPass)); err != nil {
			t.Fatal(err)
		}
		_, _, bak2, err := v.ReplaceWith(recs, []byte(newPass), journal.MinKDFParams(), nil)
		if err != nil {
			t.Fatal(err)
		}
		if bak2 != v.path+".2.bak" {
			t.Errorf("second .bak is %s", bak2)
		}
		if _, err := os.Stat(bak); err != nil {
			t.Errorf("the first .bak is gone: %v", err)
		}
	})
}

func TestReplaceWithBadRecordsLeavesTheVaultOpenAndUnchanged(t *testing.T) {
	v, recs := replaceFixture(t)
	bad := append([]journal.Record(nil), recs...)
	bad[3].Date = "not a date"
	j, kit, bak, err := v.ReplaceWith(bad, []byte("lantern over still water"), journal.MinKDFParams(), nil)
	if err == nil {
		t.Fatal("a backup with an invalid record replaced the vault")
	}
	if kit != nil || bak != "" || j == nil || j.Locked() {
		t.Fatalf("kit %v, bak %q, journal %v", kit != nil, bak, j)
	}
	got, err := j.List(journal.Filter{})
	if err != nil || len(got) != len(recs) {
		t.Fatalf("the open vault lists %d records, %v", len(got), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(v.path))
	for _, e := range entries {
		if e.Name() != "vault.db" && e.Name() != "vault.db.lock" && e.Name() != "vault.db-wal" && e.Name() != "vault.db-shm" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestReplaceWithPutsTheOldVaultBackWhenTheRestoredOneFailsItsCheck(t *testing.T) {
	v, recs := replaceFixture(t)
	real := checkRestored
	t.Cleanup(func() { checkRestored = real })
	checkRestored = func(*journal.Vault, int) error { return errors.New("a record did not open") }

	j, kit, bak, err := v.ReplaceWith(recs[:3], []byte("lantern over still water"), journal.MinKDFParams(), nil)
	if err == nil || kit != nil || bak != "" {
		t.Fatalf("err %v, kit %v, bak %q", err, kit != nil, bak)
	}
	if j == nil || !j.Locked() {
		t.Fatal("the old vault was not opened again, locked")
	}
	if err := j.Unlock([]byte(perfPassphrase)); err != nil {
		t.Fatalf("the old passphrase does not open the vault put back: %v", err)
	}
	got, err := j.List(journal.Filter{})
	if err != nil || len(got) != len(recs) {
		t.Fatalf("the vault put back lists %d records, %v", len(got), err)
	}
	for _, name := range []string{".bak", ".restoring"} {
		if _, err := os.Stat(v.path + name); !os.IsNotExist(err) {
			t.Errorf("%s left behind", name)
		}
	}
}
