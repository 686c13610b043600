package sqlite

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
)

func entry(date, title, body string, tags ...string) *journal.Record {
	return &journal.Record{Kind: journal.KindEntry, Date: date,
		Entry: &journal.Entry{Title: title, Body: body, Tags: tags, Mood: 2}}
}

func TestWrongPassphraseIsRefusedAndTheFileIsUnchanged(t *testing.T) {
	v, path, _ := newVault(t, t.TempDir())
	if err := v.Save(entry("2026-11-01", "t", "b")); err != nil {
		t.Fatal(err)
	}
	v.Close()
	before := vaultFileHash(t, path)
	v = openVault(t, path)
	for _, p := range []string{"", "correct horse battery stapl", "Correct horse battery staple", "correct horse battery staple "} {
		if err := v.Unlock([]byte(p)); !errors.Is(err, journal.ErrWrongPassphrase) {
			t.Fatalf("Unlock(%d bytes) = %v, want ErrWrongPassphrase", len(p), err)
		}
	}
	v.Close()
	if vaultFileHash(t, path) != before {
		t.Fatal("failed unlocks changed the vault file")
	}
}

func TestNFCAndNFDSpellingsOfAPassphraseBothUnlock(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vault.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	pass := "Åsa går på ö, Київ"
	nfc, nfd := norm.NFC.String(pass), norm.NFD.String(pass)
	if nfc == nfd {
		t.Fatal("test passphrase has no decomposable characters")
	}
	v, _, err := journal.Create(st, []byte(nfd), journal.MinKDFParams(), vaultOpts())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{nfc, nfd} {
		v.Lock()
		if err := v.Unlock([]byte(p)); err != nil {
			t.Fatalf("unlock with %q: %v", p, err)
		}
	}
	v.Close()
}

// flipEach XORs each byte of the value in turn, writes it back, runs check
// and restores the original.
func flipEach(t *testing.T, path, table, keyCol, valCol string, key any, check func(i int)) {
	t.Helper()
	db := rawDB(t, path)
	var orig []byte
	if err := db.QueryRow(fmt.Sprintf("SELECT %s FROM %s WHERE %s = ?", valCol, table, keyCol), key).Scan(&orig); err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	for i := range orig {
		b := bytes.Clone(orig)
		b[i] ^= 0xff
		mustExec(t, db, fmt.Sprintf("UPDATE %s SET %s = ? WHERE %s = ?", table, valCol, keyCol), b, key)
		check(i)
	}
	mustExec(t, db, fmt.Sprintf("UPDATE %s SET %s = ? WHERE %s = ?", table, valCol, keyCol), orig, key)
	db.Close()
}

func TestEveryFlippedByteOfARecordBlobIsDetected(t *testing.T) {
	v, path, kit := newVault(t, t.TempDir())
	r := entry("2026-11-01", "canary title", "a body long enough to be worth flipping")
	if err := v.Save(r); err != nil {
		t.Fatal(err)
	}
	v.Close()
	flipEach(t, path, "items", "id", "blob", r.ID[:], func(i int) {
		v := openVault(t, path)
		defer v.Close()
		if err := v.UnlockWithRecoveryIdentity(kit); err != nil {
			t.Fatalf("byte %d: a damaged record stopped the unlock: %v", i, err)
		}
		if d := v.Damaged(); len(d) != 1 || d[0] != r.ID {
			t.Fatalf("byte %d: Damaged = %v", i, d)
		}
		if got, err := v.Get(r.ID); !errors.Is(err, journal.ErrNotFound) {
			t.Fatalf("byte %d: a flipped blob gave a record: %+v", i, got)
		}
		if err := v.Check(); !errors.Is(err, journal.ErrDamaged) {
			t.Fatalf("byte %d: Check = %v", i, err)
		}
	})
}

func TestEveryFlippedByteOfThePassphraseSlotIsDetected(t *testing.T) {
	v, path, _ := newVault(t, t.TempDir())
	v.Close()
	flipEach(t, path, "slots", "name", "data", "passphrase", func(i int) {
		v := openVault(t, path)
		defer v.Close()
		err := v.Unlock(testPass)
		if err == nil {
			t.Fatalf("byte %d: a flipped slot unlocked", i)
		}
		if !errors.Is(err, journal.ErrWrongPassphrase) && !errors.Is(err, journal.ErrDamaged) && !errors.Is(err, journal.ErrNewerSchema) {
			t.Fatalf("byte %d: unexpected error %v", i, err)
		}
	})
}

func TestEveryFlippedByteOfTheRecoverySlotIsDetected(t *testing.T) {
	v, path, kit := newVault(t, t.TempDir())
	v.Close()
	flipEach(t, path, "slots", "name", "data", "recovery", func(i int) {
		v := openVault(t, path)
		defer v.Close()
		if err := v.UnlockWithRecoveryIdentity(kit); err == nil {
			t.Fatalf("byte %d: a flipped recovery slot unlocked", i)
		}
	})
}

func TestEveryFlippedByteOfTheHeaderIsDetected(t *testing.T) {
	v, path, kit := newVault(t, t.TempDir())
	v.Close()
	for _, k := range []string{"vault_id", "format", "recovery_recipient", "mac"} {
		t.Run(k, func(t *testing.T) {
			flipEach(t, path, "header", "k", "v", k, func(i int) {
				st, err := Open(path)
				if err != nil {
					return // refused at open: detected
				}
				v, err := journal.Open(st, vaultOpts())
				if err != nil {
					st.Close()
					return // refused before unlock: detected
				}
				defer v.Close()
				if err := v.UnlockWithRecoveryIdentity(kit); err == nil {
					t.Fatalf("%s byte %d: a tampered header unlocked", k, i)
				}
			})
		})
	}
}

func TestABlobCopiedToAnotherRowDoesNotOpen(t *testing.T) {
	v, path, kit := newVault(t, t.TempDir())
	a, b := entry("2026-11-01", "a", "first"), entry("2026-11-02", "b", "second")
	if err := v.SaveAll([]*journal.Record{a, b}); err != nil {
		t.Fatal(err)
	}
	v.Close()
	db := rawDB(t, path)
	mustExec(t, db, "UPDATE items SET blob = (SELECT blob FROM items WHERE id = ?) WHERE id = ?", a.ID[:], b.ID[:])
	db.Close()
	v = openVault(t, path)
	defer v.Close()
	if err := v.UnlockWithRecoveryIdentity(kit); err != nil {
		t.Fatal(err)
	}
	if d := v.Damaged(); len(d) != 1 || d[0] != b.ID {
		t.Fatalf("Damaged = %v, want [%v]", d, b.ID)
	}
	if got, err := v.Get(a.ID); err != nil || got.Entry.Body != "first" {
		t.Fatalf("the original row: %+v, %v", got, err)
	}
}

func TestABlobCopiedToAnotherVaultDoesNotOpen(t *testing.T) {
	v1, path1, _ := newVault(t, t.TempDir())
	r := entry("2026-11-01", "moved", "from vault one")
	if err := v1.Save(r); err != nil {
		t.Fatal(err)
	}
	v1.Close()
	v2, path2, kit2 := newVault(t, t.TempDir())
	v2.Close()
	var blob []byte
	if err := rawDB(t, path1).QueryRow("SELECT blob FROM items WHERE id = ?", r.ID[:]).Scan(&blob); err != nil {
		t.Fatal(err)
	}
	mustExec(t, rawDB(t, path2), "INSERT INTO items(id, blob) VALUES (?, ?)", r.ID[:], blob)
	v2 = openVault(t, path2)
	defer v2.Close()
	if err := v2.UnlockWithRecoveryIdentity(kit2); err != nil {
		t.Fatal(err)
	}
	if d := v2.Damaged(); len(d) != 1 || d[0] != r.ID {
		t.Fatalf("Damaged = %v, want the moved record", d)
	}
}

func TestAbsurdKDFParametersInTheFileAreRefusedBeforeAllocation(t *testing.T) {
	v, path, _ := newVault(t, t.TempDir())
	v.Close()
	db := rawDB(t, path)
	var slot []byte
	if err := db.QueryRow("SELECT data FROM slots WHERE name = 'passphrase'").Scan(&slot); err != nil {
		t.Fatal(err)
	}
	// Layout: version, kind, memKiB (4 bytes BE), time (4), threads (1), …
	bad := bytes.Clone(slot)
	copy(bad[2:6], []byte{0xff, 0xff, 0xff, 0xff}) // 4 TiB
	mustExec(t, db, "UPDATE slots SET data = ? WHERE name = 'passphrase'", bad)
	db.Close()
	v = openVault(t, path)
	defer v.Close()
	var err error
	allocs := testing.AllocsPerRun(1, func() { err = v.Unlock(testPass) })
	if !errors.Is(err, journal.ErrDamaged) {
		t.Fatalf("err = %v, want ErrDamaged", err)
	}
	if p, _ := rwcrypto.SlotKDFParams(bad); p.MemoryKiB != 0xffffffff {
		t.Fatalf("the slot layout moved: %+v", p)
	}
	// An Argon2id run would make 4 TiB / 1 KiB blocks; a refused one makes
	// only the allocations of reading the slot.
	if allocs > 1000 {
		t.Fatalf("%v allocations: the KDF ran", allocs)
	}
}

func TestAfterAPassphraseChangeTheOldOneFailsAndItsSlotIsGone(t *testing.T) {
	v, path, _ := newVault(t, t.TempDir())
	db := rawDB(t, path)
	var oldSlot []byte
	if err := db.QueryRow("SELECT data FROM slots WHERE name = 'passphrase'").Scan(&oldSlot); err != nil {
		t.Fatal(err)
	}
	db.Close()
	newPass := []byte("a different passphrase entirely")
	if err := v.ChangePassphrase(newPass, journal.MinKDFParams()); err != nil {
		t.Fatal(err)
	}
	// The wrapped key and salt are the slot's unique bytes; none of its
	// 16-byte windows past the header may survive anywhere in the files.
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		b, err := os.ReadFile(f)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for i := 11; i+16 <= len(oldSlot); i += 8 {
			if bytes.Contains(b, oldSlot[i:i+16]) {
				t.Fatalf("%s still holds bytes %d–%d of the old slot", filepath.Base(f), i, i+16)
			}
		}
	}
	v.Lock()
	if err := v.Unlock(testPass); !errors.Is(err, journal.ErrWrongPassphrase) {
		t.Fatalf("old passphrase: %v", err)
	}
	if err := v.Unlock(newPass); err != nil {
		t.Fatalf("new passphrase: %v", err)
	}
	v.Close()
}

func TestAVaultFromANewerSchemaIsRefusedAndUntouched(t *testing.T) {
	v, path, _ := newVault(t, t.TempDir())
	v.Close()
	db := rawDB(t, path)
	mustExec(t, db, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+1))
	db.Close()
	before := vaultFileHash(t, path)
	if _, err := Open(path); !errors.Is(err, journal.ErrNewerSchema) {
		t.Fatalf("Open = %v, want ErrNewerSchema", err)
	}
	if vaultFileHash(t, path) != before {
		t.Fatal("the newer vault was modified")
	}
}

// canaries are distinctive strings written through every kind of record.
var canaries = []string{"CANARYtitle7731", "CANARYbody7732", "canarytag7733", "CANARYgrat7734",
	"CANARYwhy7735", "CANARYintent7736", "CANARYurge7737", "CANARYcrisis7738", "КАНАРКА7739"}

func TestPlaintextCanariesAppearInNoFile(t *testing.T) {
	dir := t.TempDir()
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("SQLITE_TMPDIR", tmp)
	var logs bytes.Buffer
	log.SetOutput(&logs)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })

	v, path, kit := newVault(t, dir)
	recs := []*journal.Record{
		entry("2026-11-01", canaries[0], strings.Repeat(canaries[1]+" ", 200), canaries[2]),
		{Kind: journal.KindGratitude, Date: "2026-11-01", Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: canaries[3], Why: canaries[4]}}}},
		{Kind: journal.KindCheckIn, Date: "2026-11-01", CheckIn: &journal.CheckIn{Intention: canaries[5], Craving: 3}},
		{Kind: journal.KindUrge, Date: "2026-11-01", Urge: &journal.UrgeEpisode{Situation: canaries[6]}},
		{Kind: journal.KindCrisis, Date: "2026-11-01", Crisis: &journal.CrisisCard{Reasons: []string{canaries[7]}}},
		entry("2026-11-02", "", canaries[8]),
	}
	if err := v.SaveAll(recs); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ { // edits, so old versions pass through the WAL
		recs[0].Entry.Body += " " + canaries[1]
		if err := v.Save(recs[0]); err != nil {
			t.Fatal(err)
		}
	}
	if hits, err := v.Search(journal.Query{Text: canaries[1]}); err != nil || len(hits) != 1 {
		t.Fatalf("search: %v %v", hits, err)
	}
	scan := func(when string) {
		t.Helper()
		for _, root := range []string{dir, tmp} {
			filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				low := bytes.ToLower(b)
				for _, c := range canaries {
					if bytes.Contains(low, bytes.ToLower([]byte(c))) {
						t.Errorf("%s: %q found in %s", when, c, p)
					}
				}
				return nil
			})
		}
		for _, c := range canaries {
			if strings.Contains(strings.ToLower(logs.String()), strings.ToLower(c)) {
				t.Errorf("%s: %q found in the log", when, c)
			}
		}
	}
	scan("while unlocked")
	v.Lock()
	scan("after lock")
	if err := v.UnlockWithRecoveryIdentity(kit); err != nil {
		t.Fatal(err)
	}
	v.Close()
	scan("after close")
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

func TestAFullDiskGivesAClearErrorAndTheVaultStillOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "vault.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v, kit, err := journal.Create(st, testPass, journal.MinKDFParams(), vaultOpts())
	if err != nil {
		t.Fatal(err)
	}
	kept := entry("2026-11-01", "kept", "saved before the disk filled")
	if err := v.Save(kept); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := st.db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	mustExec(t, st.db, fmt.Sprintf("PRAGMA max_page_count = %d", pages+1))
	big := entry("2026-11-02", "big", strings.Repeat("a long paste that will not fit ", 20_000))
	err = v.Save(big)
	if err == nil || !strings.Contains(err.Error(), "full") {
		t.Fatalf("Save on a full disk = %v, want a clear 'full' error", err)
	}
	if strings.Contains(err.Error(), "long paste") {
		t.Fatal("the error leaks the record's text")
	}
	if !big.ID.IsZero() {
		t.Fatal("the failed record was given an id as if saved")
	}
	if n, _ := v.Count(); n[journal.KindEntry] != 1 {
		t.Fatalf("in memory after the failed save: %v", n)
	}
	v.Close()
	v = openVault(t, path)
	defer v.Close()
	if err := v.UnlockWithRecoveryIdentity(kit); err != nil {
		t.Fatalf("the vault does not open after a full disk: %v", err)
	}
	got, err := v.List(journal.Filter{})
	if err != nil || len(got) != 1 || got[0].ID != kept.ID {
		t.Fatalf("after reopening: %d records, %v", len(got), err)
	}
	integrityOK(t, path)
}

func TestHugeAndOddTextRoundTrips(t *testing.T) {
	v, path, kit := newVault(t, t.TempDir())
	paste := strings.Repeat("Ten megabytes of pasted text, line after line.\n", 10<<20/47)
	cases := []struct{ name, title, body, query string }{
		{"a 10 MB paste", "paste", paste, "megabytes"},
		{"emoji", "🌊 wave", "Rode the wave 🌊💪 and it passed 🙏", "wave"},
		{"right-to-left text", "שלום", "היום היה יום טוב. اليوم كان يوما جيدا", "שלום"},
		{"Ukrainian", "Ранок", "Сьогодні я пройшов пʼять кілометрів і відчув спокій", "кілометрів"},
		{"control characters and NUL", "ctl", "tab\there\x00nul\r\nline", "tab"},
	}
	for _, c := range cases {
		r := entry("2026-11-03", c.title, c.body)
		if err := v.Save(r); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		defer func(c struct{ name, title, body, query string }, id journal.ID) {
			t.Run(c.name+" reads back equal and is found", func(t *testing.T) {
				got, err := v.Get(id)
				if err != nil || got.Entry.Body != c.body || got.Entry.Title != c.title {
					t.Fatalf("Get: %v (body equal: %v)", err, err == nil && got.Entry.Body == c.body)
				}
				hits, err := v.Search(journal.Query{Text: c.query})
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, h := range hits {
					found = found || h.ID == id
				}
				if !found {
					t.Fatalf("search %q did not find it (%d hits)", c.query, len(hits))
				}
			})
		}(c, r.ID)
	}
	v.Lock()
	if err := v.UnlockWithRecoveryIdentity(kit); err != nil {
		t.Fatal(err)
	}
	_ = path
}
