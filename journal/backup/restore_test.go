package backup

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
	"github.com/rewirejournal/rewire/journal/sqlite"
)

// These tests restore into real vaults: journal.Vault over the SQLite store.

var vaultPass = []byte("correct horse battery staple")

func vaultOptions() journal.Options {
	return journal.Options{NewIndex: func() (journal.Index, error) { return sqlite.NewIndex() }}
}

// createVault makes a vault at path with floor key derivation and returns
// it unlocked with its recovery kit.
func createVault(t testing.TB, path string) (*journal.Vault, []byte) {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v, kit, err := journal.Create(st, vaultPass, journal.MinKDFParams(), vaultOptions())
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v, kit
}

// openVaultWithKit opens the vault at path and unlocks it with the kit.
func openVaultWithKit(t testing.TB, path string, kit []byte) *journal.Vault {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := journal.Open(st, vaultOptions())
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	if err := v.UnlockWithRecoveryIdentity(kit); err != nil {
		v.Close()
		t.Fatal(err)
	}
	return v
}

// restoreFile is a restore as the app and rewire-cli do it: read and check
// the whole backup, then merge it in one transaction.
func restoreFile(v *journal.Vault, path string, key Key) (journal.MergeReport, error) {
	c, err := ReadFile(path, key, nil)
	if err != nil {
		return journal.MergeReport{}, err
	}
	return v.Merge(c.Records, nil)
}

func listJSON(t testing.TB, v *journal.Vault) map[journal.ID]string {
	t.Helper()
	rs, err := v.List(journal.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[journal.ID]string, len(rs))
	for _, r := range rs {
		out[r.ID] = mustJSON(t, r)
	}
	return out
}

func TestRoundTrip10kRecordsThroughBackupIntoANewVault(t *testing.T) {
	n := 10_000
	if testing.Short() {
		n = 1000
	}
	// 3 000 days of demo life hold a little over 10 000 records; the
	// oldest 10 000 include one of every kind.
	gen := demo.Generate(3000, 1, time.Now())[:n]
	dir := t.TempDir()
	v, kitText := createVault(t, filepath.Join(dir, "vault.db"))
	if err := v.SaveAll(gen); err != nil {
		t.Fatal(err)
	}
	want := listJSON(t, v)

	res, err := Automatic(v, filepath.Join(dir, "backups"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	key, err := RecoveryKitKey(kitText)
	if err != nil {
		t.Fatal(err)
	}
	restored, _ := createVault(t, filepath.Join(dir, "restored.db"))
	rep, err := restoreFile(restored, res.Path, key)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != len(want) || rep.Writes() != len(want) {
		t.Fatalf("restore report %+v for %d records", rep, len(want))
	}
	got := listJSON(t, restored)
	if len(got) != len(want) {
		t.Fatalf("%d records restored, want %d", len(got), len(want))
	}
	for id, w := range want {
		if got[id] != w {
			t.Fatalf("record %s restored as\n%s\nwant\n%s", id, got[id], w)
		}
	}
	if err := restored.Check(); err != nil {
		t.Fatal(err)
	}
	if hits, err := restored.Search(journal.Query{Text: "craving"}); err != nil || len(hits) == 0 {
		t.Errorf("search in the restored vault: %d hits, %v", len(hits), err)
	}

	t.Run("and restoring it again into the same vault changes nothing", func(t *testing.T) {
		rep, err := restoreFile(restored, res.Path, key)
		if err != nil || rep.Writes() != 0 || rep.Unchanged != len(want) {
			t.Fatalf("report %+v, %v", rep, err)
		}
	})
}

func TestBadBackupsLeaveTheVaultUnchanged(t *testing.T) {
	dir := t.TempDir()
	v, _ := createVault(t, filepath.Join(dir, "vault.db"))
	if err := v.SaveAll(demo.Generate(20, 3, time.Now())); err != nil {
		t.Fatal(err)
	}
	before := listJSON(t, v)
	for _, b := range badBackups(t) {
		path := filepath.Join(dir, "bad.age")
		if err := os.WriteFile(path, b.data, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := restoreFile(v, path, b.key); err == nil {
			t.Fatalf("%s: restored", b.name)
		}
		after := listJSON(t, v)
		if len(after) != len(before) {
			t.Fatalf("%s: the vault has %d records, had %d", b.name, len(after), len(before))
		}
		for id, r := range before {
			if after[id] != r {
				t.Fatalf("%s: record %s changed", b.name, id)
			}
		}
	}
}

// ownKeyOf is the key with which the real vault v opens its own backups;
// the backup key is wiped when the test ends.
func ownKeyOf(t testing.TB, v *journal.Vault) Key {
	t.Helper()
	k, err := v.BackupKey()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { clear(k[:]) })
	key, err := VaultKey(v.ID(), k)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// The case the vault's own key is for: an entry deleted today comes back
// from last night's automatic backup without the recovery kit, after the
// vault was locked and unlocked again.
func TestADeletedEntryComesBackFromTheVaultsOwnBackupWithoutTheKit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vault.db")
	v, _ := createVault(t, path)
	recs := demo.Generate(20, 3, time.Now())
	if err := v.SaveAll(recs); err != nil {
		t.Fatal(err)
	}
	var gone journal.Record
	for _, r := range recs {
		if r.Kind == journal.KindEntry {
			gone = *r
			break
		}
	}
	res, err := Automatic(v, filepath.Join(dir, "backups"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	if _, err := v.BackupKey(); err == nil {
		t.Fatal("a locked vault gave its backup key")
	}
	if err := v.Unlock(vaultPass); err != nil {
		t.Fatal(err)
	}
	other, _ := createVault(t, filepath.Join(dir, "other.db"))
	for _, tc := range []struct {
		name  string
		vault *journal.Vault
		err   error
	}{
		{"another vault's key does not open it, and nothing is merged", other, ErrNotOwnBackup},
		{"the vault's own key opens it and the entry is back", v, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := listJSON(t, tc.vault)
			rep, err := restoreFile(tc.vault, res.Path, ownKeyOf(t, tc.vault))
			if !errors.Is(err, tc.err) {
				t.Fatalf("restore = %+v, %v; want %v", rep, err, tc.err)
			}
			after := listJSON(t, tc.vault)
			if err != nil {
				if len(after) != len(before) {
					t.Fatalf("%d records before, %d after a refused restore", len(before), len(after))
				}
				return
			}
			if rep.Added != 1 || len(after) != len(before)+1 {
				t.Fatalf("report %+v; %d records before, %d after", rep, len(before), len(after))
			}
			if got, err := tc.vault.Get(gone.ID); err != nil || got.Entry.Body != gone.Entry.Body {
				t.Fatalf("the deleted entry: %v", err)
			}
		})
	}
}
