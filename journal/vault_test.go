package journal

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
)

type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time { return c.t }

var testPass = []byte("correct horse battery staple")

// newTestVault creates an unlocked vault over a memStore. Key derivation at
// the floor costs ~0.2 s, so tests share vaults within a test where they can.
func newTestVault(t *testing.T) (*Vault, *memStore, []byte, *fakeClock) {
	t.Helper()
	store := newMemStore()
	clock := &fakeClock{t: time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)}
	v, kit, err := Create(store, testPass, MinKDFParams(), Options{NewIndex: newMemIndex, Clock: clock})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	return v, store, kit, clock
}

func entry(date, title, body string, tags ...string) *Record {
	return &Record{Kind: KindEntry, Date: date, Entry: &Entry{Title: title, Body: body, Tags: tags, Mood: 3}}
}

func TestCreateRefusesWeakKDFParams(t *testing.T) {
	for _, p := range []KDFParams{
		{MemoryKiB: 32 * 1024, Time: 3, Threads: 4},
		{MemoryKiB: 64 * 1024, Time: 2, Threads: 4},
		{MemoryKiB: 64 * 1024, Time: 3, Threads: 1},
	} {
		t.Run(fmt.Sprintf("m=%d t=%d p=%d is refused", p.MemoryKiB, p.Time, p.Threads), func(t *testing.T) {
			_, _, err := Create(newMemStore(), testPass, p, Options{})
			if !errors.Is(err, ErrWeakKDF) {
				t.Fatalf("err = %v, want ErrWeakKDF", err)
			}
		})
	}
}

func TestVaultLifecycle(t *testing.T) {
	v, store, kit, clock := newTestVault(t)

	r := entry("2026-11-24", "Walk", "A long walk after the meeting helped.", "walk", "meeting")
	if err := v.Save(r); err != nil {
		t.Fatal(err)
	}
	if r.ID.IsZero() || !r.Created.Equal(clock.t) || r.Version != RecordVersion {
		t.Fatalf("saved record not stamped: %+v", r)
	}

	t.Run("a saved record reads back equal", func(t *testing.T) {
		got, err := v.Get(r.ID)
		if err != nil || got.Entry.Body != r.Entry.Body || !slices.Equal(got.Entry.Tags, r.Entry.Tags) {
			t.Fatalf("Get = %+v, %v", got, err)
		}
	})
	t.Run("the store holds no plaintext", func(t *testing.T) {
		for _, b := range store.items {
			if strings.Contains(string(b), "meeting") || strings.Contains(string(b), "entry") {
				t.Fatal("plaintext in a stored blob")
			}
		}
	})
	t.Run("an update keeps created and moves updated", func(t *testing.T) {
		clock.t = clock.t.Add(time.Hour)
		r.Entry.Body += " Then tea."
		if err := v.Save(r); err != nil {
			t.Fatal(err)
		}
		got, _ := v.Get(r.ID)
		if !got.Updated.Equal(clock.t) || got.Created.Equal(clock.t) || !strings.HasSuffix(got.Entry.Body, "tea.") {
			t.Fatalf("after update: %+v", got)
		}
	})
	t.Run("the index follows saves", func(t *testing.T) {
		hits, err := v.Search(Query{Text: "tea"})
		if err != nil || len(hits) != 1 || hits[0].ID != r.ID {
			t.Fatalf("Search = %v, %v", hits, err)
		}
	})
	t.Run("a wrong passphrase is refused and nothing changes", func(t *testing.T) {
		if err := v.Lock(); err != nil {
			t.Fatal(err)
		}
		before := len(store.items)
		if err := v.Unlock([]byte("not it")); !errors.Is(err, ErrWrongPassphrase) {
			t.Fatalf("err = %v, want ErrWrongPassphrase", err)
		}
		if !v.Locked() || len(store.items) != before {
			t.Fatal("a failed unlock changed the vault")
		}
	})
	t.Run("a locked vault refuses reads and writes", func(t *testing.T) {
		if _, err := v.Get(r.ID); !errors.Is(err, ErrLocked) {
			t.Fatalf("Get: %v", err)
		}
		if err := v.Save(entry("2026-11-24", "", "x")); !errors.Is(err, ErrLocked) {
			t.Fatalf("Save: %v", err)
		}
		if _, err := v.Search(Query{Text: "tea"}); !errors.Is(err, ErrLocked) {
			t.Fatalf("Search: %v", err)
		}
	})
	t.Run("the right passphrase opens it again", func(t *testing.T) {
		if err := v.Unlock(testPass); err != nil {
			t.Fatal(err)
		}
		if got, err := v.Get(r.ID); err != nil || got.Entry.Title != "Walk" {
			t.Fatalf("Get = %+v, %v", got, err)
		}
	})
	t.Run("a changed passphrase replaces the old one", func(t *testing.T) {
		newPass := []byte("a new and longer passphrase")
		if err := v.ChangePassphrase(newPass, MinKDFParams()); err != nil {
			t.Fatal(err)
		}
		v.Lock()
		if err := v.Unlock(testPass); !errors.Is(err, ErrWrongPassphrase) {
			t.Fatalf("old passphrase: %v", err)
		}
		if err := v.Unlock(newPass); err != nil {
			t.Fatalf("new passphrase: %v", err)
		}
	})
	t.Run("the recovery kit sets a new passphrase", func(t *testing.T) {
		v.Lock()
		third := []byte("third passphrase, from the kit")
		if err := v.UnlockWithRecoveryKit(kit, third, MinKDFParams()); err != nil {
			t.Fatal(err)
		}
		v.Lock()
		if err := v.Unlock(third); err != nil {
			t.Fatalf("passphrase set by recovery: %v", err)
		}
	})
	t.Run("a kit from another vault is refused", func(t *testing.T) {
		_, _, otherKit, _ := newTestVault(t)
		v.Lock()
		if err := v.UnlockWithRecoveryKit(otherKit, []byte("x"), MinKDFParams()); !errors.Is(err, ErrWrongRecoveryKit) {
			t.Fatalf("err = %v, want ErrWrongRecoveryKit", err)
		}
		if err := v.UnlockWithRecoveryKit([]byte("hello"), []byte("x"), MinKDFParams()); !errors.Is(err, ErrWrongRecoveryKit) {
			t.Fatalf("garbage kit: err = %v", err)
		}
	})
}

func TestLockDropsPlaintextAndIndex(t *testing.T) {
	v, _, _, _ := newTestVault(t)
	if err := v.Save(entry("2026-11-20", "t", "secret words")); err != nil {
		t.Fatal(err)
	}
	idx := v.index.ix.(*memIndex)
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	if v.records != nil || v.dek != nil || v.sealer != nil || v.index != nil || !idx.closed {
		t.Fatal("lock left decrypted state behind")
	}
}

func TestDamagedRecordIsReportedAndTheRestOpens(t *testing.T) {
	v, store, _, _ := newTestVault(t)
	good, bad := entry("2026-11-01", "good", "fine"), entry("2026-11-02", "bad", "will be damaged")
	if err := v.SaveAll([]*Record{good, bad}); err != nil {
		t.Fatal(err)
	}
	store.items[bad.ID][40] ^= 1
	v.Lock()
	if err := v.Unlock(testPass); err != nil {
		t.Fatalf("unlock with one damaged record: %v", err)
	}
	if d := v.Damaged(); len(d) != 1 || d[0] != bad.ID {
		t.Fatalf("Damaged = %v, want [%v]", d, bad.ID)
	}
	if _, err := v.Get(good.ID); err != nil {
		t.Fatalf("good record: %v", err)
	}
	err := v.Check()
	var de *DamagedError
	if !errors.As(err, &de) || !errors.Is(err, ErrDamaged) || len(de.IDs) != 1 || de.IDs[0] != bad.ID {
		t.Fatalf("Check = %v", err)
	}
}

func TestBlobSwappedBetweenRecordsIsDamaged(t *testing.T) {
	v, store, _, _ := newTestVault(t)
	a, b := entry("2026-11-01", "a", "aaa"), entry("2026-11-02", "b", "bbb")
	if err := v.SaveAll([]*Record{a, b}); err != nil {
		t.Fatal(err)
	}
	store.items[a.ID], store.items[b.ID] = store.items[b.ID], store.items[a.ID]
	v.Lock()
	if err := v.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if len(v.Damaged()) != 2 {
		t.Fatalf("Damaged = %v, want both", v.Damaged())
	}
}

func TestTamperedHeaderIsDetected(t *testing.T) {
	v, store, _, _ := newTestVault(t)
	v.Lock()
	other, err := rwcrypto.NewRecoveryIdentity()
	if err != nil {
		t.Fatal(err)
	}
	store.header.RecoveryRecipient = other.Recipient().String()
	v2, err := Open(store, Options{NewIndex: newMemIndex})
	if err != nil {
		t.Fatal(err)
	}
	if err := v2.Unlock(testPass); !errors.Is(err, ErrDamaged) {
		t.Fatalf("err = %v, want ErrDamaged: an attacker must not redirect backups", err)
	}
}

func TestSaveValidates(t *testing.T) {
	v, store, _, _ := newTestVault(t)
	cases := []struct {
		name string
		r    *Record
	}{
		{"an unknown kind", &Record{Kind: "diary", Date: "2026-11-01", Entry: &Entry{}}},
		{"a kind without its payload", &Record{Kind: KindGratitude, Date: "2026-11-01", Entry: &Entry{}}},
		{"two payloads", &Record{Kind: KindEntry, Date: "2026-11-01", Entry: &Entry{}, CheckIn: &CheckIn{}}},
		{"a bad date", &Record{Kind: KindEntry, Date: "25/11/2026", Entry: &Entry{}}},
		{"mood 6", &Record{Kind: KindEntry, Date: "2026-11-01", Entry: &Entry{Mood: 6}}},
		{"craving 11", &Record{Kind: KindCheckIn, Date: "2026-11-01", CheckIn: &CheckIn{Craving: 11}}},
		{"an inhale of 0 s", &Record{Kind: KindPattern, Date: "2026-11-01", Pattern: &BreathingPattern{Name: "x", Inhale: 0, Exhale: 4}}},
		{"an urge rating of -1", &Record{Kind: KindUrge, Date: "2026-11-01", Urge: &UrgeEpisode{Samples: []UrgeSample{{Rating: -1}}}}},
	}
	for _, c := range cases {
		t.Run(c.name+" is refused and nothing is stored", func(t *testing.T) {
			if err := v.Save(c.r); !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if len(store.items) != 0 {
				t.Fatal("an invalid record reached the store")
			}
		})
	}
}

func TestSaveAllIsAllOrNothing(t *testing.T) {
	v, store, _, _ := newTestVault(t)
	store.failPut = errors.New("disk full")
	a := entry("2026-11-01", "a", "aaa")
	if err := v.SaveAll([]*Record{a, entry("2026-11-02", "b", "bbb")}); err == nil {
		t.Fatal("SaveAll succeeded on a failing store")
	}
	if n, _ := v.Count(); len(n) != 0 {
		t.Fatalf("memory changed after a failed save: %v", n)
	}
	if !a.ID.IsZero() {
		t.Fatal("the caller's record was changed by a failed save")
	}
}

func TestListFiltersAndOrders(t *testing.T) {
	v, _, _, clock := newTestVault(t)
	recs := []*Record{
		entry("2026-11-01", "first", "x", "walk"),
		entry("2026-11-03", "third", "x"),
		{Kind: KindCheckIn, Date: "2026-11-02", CheckIn: &CheckIn{Craving: 2}},
		{Kind: KindGratitude, Date: "2026-10-31", Gratitude: &Gratitude{Items: []GratitudeItem{{Text: "tea"}}}},
	}
	for _, r := range recs {
		clock.t = clock.t.Add(time.Minute)
		if err := v.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	later := entry("2026-11-03", "third, later", "x", "Walk")
	clock.t = clock.t.Add(time.Minute)
	v.Save(later)

	titles := func(rs []Record) string {
		var s []string
		for _, r := range rs {
			s = append(s, r.Date+":"+string(r.Kind)+":"+r.Title())
		}
		return strings.Join(s, " ")
	}
	cases := []struct {
		name string
		f    Filter
		want string
	}{
		{"everything comes newest day first, newest first within a day", Filter{},
			"2026-11-03:entry:third, later 2026-11-03:entry:third 2026-11-02:checkin: 2026-11-01:entry:first 2026-10-31:gratitude:"},
		{"a kind filter keeps that kind", Filter{Kinds: []Kind{KindCheckIn, KindGratitude}}, "2026-11-02:checkin: 2026-10-31:gratitude:"},
		{"a date range is inclusive", Filter{From: "2026-11-01", To: "2026-11-02"}, "2026-11-02:checkin: 2026-11-01:entry:first"},
		{"a tag matches regardless of case", Filter{Tag: "walk"}, "2026-11-03:entry:third, later 2026-11-01:entry:first"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := v.List(c.f)
			if err != nil {
				t.Fatal(err)
			}
			if titles(got) != c.want {
				t.Fatalf("got  %s\nwant %s", titles(got), c.want)
			}
		})
	}
}

func TestDeleteRemovesFromStoreMemoryAndIndex(t *testing.T) {
	v, store, _, _ := newTestVault(t)
	r := entry("2026-11-01", "gone", "remove me")
	v.Save(r)
	if err := v.Delete(r.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok := store.items[r.ID]; ok {
		t.Fatal("still in store")
	}
	if _, err := v.Get(r.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get: %v", err)
	}
	if hits, _ := v.Search(Query{Text: "remove"}); len(hits) != 0 {
		t.Fatalf("still in index: %v", hits)
	}
}

func TestResolveFindsAUniquePrefix(t *testing.T) {
	v, _, _, _ := newTestVault(t)
	r := entry("2026-11-01", "x", "y")
	v.Save(r)
	cases := []struct {
		name, in string
		want     error
	}{
		{"the full id resolves", r.ID.String(), nil},
		{"an 8-digit prefix resolves", r.ID.String()[:8], nil},
		{"a 3-digit prefix is too short", r.ID.String()[:3], ErrBadID},
		{"an unknown prefix is not found", "ffffffffff", ErrNotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id, err := v.Resolve(c.in)
			if c.want == nil && (err != nil || id != r.ID) {
				t.Fatalf("Resolve = %v, %v", id, err)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
		})
	}
}

func TestGetReturnsACopy(t *testing.T) {
	v, _, _, _ := newTestVault(t)
	r := entry("2026-11-01", "x", "y", "a")
	v.Save(r)
	got, _ := v.Get(r.ID)
	got.Entry.Tags[0] = "changed"
	got.Entry.Body = "changed"
	again, _ := v.Get(r.ID)
	if again.Entry.Tags[0] != "a" || again.Entry.Body != "y" {
		t.Fatal("a caller changed the vault's record through Get")
	}
}

// List reads per-kind lists kept in order as records are saved, edited and
// deleted. This drives a vault through a seeded run of such changes and
// compares every List with a plain scan of what should be there.
func TestListAgreesWithAPlainScanAfterSavesEditsAndDeletes(t *testing.T) {
	v, _, _, clock := newTestVault(t)
	rng := rand.New(rand.NewPCG(7, 7))
	model := map[ID]Record{}
	day := func() string { return fmt.Sprintf("2026-11-%02d", 1+rng.IntN(5)) }
	scan := func(f Filter) []Record {
		var out []Record
		for _, r := range model {
			if f.match(&r) {
				out = append(out, r)
			}
		}
		slices.SortFunc(out, func(a, b Record) int { return listOrder(&a, &b) })
		return out
	}
	ids := func(rs []Record) []ID {
		var out []ID
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	filters := []Filter{{}, {Kinds: []Kind{KindEntry}}, {Kinds: []Kind{KindCheckIn, KindEntry}},
		{From: "2026-11-02", To: "2026-11-03"}, {Kinds: []Kind{KindEntry}, To: "2026-11-02"},
		{Kinds: []Kind{KindEntry}, From: "2026-11-04"}, {From: "2026-11-09"}, {To: "2026-10-01"}}
	for step := range 300 {
		clock.t = clock.t.Add(time.Duration(rng.IntN(3)) * time.Second) // equal times happen
		switch op := rng.IntN(10); {
		case op < 5 || len(model) == 0:
			r := entry(day(), fmt.Sprint(step), "x")
			if rng.IntN(3) == 0 {
				r = &Record{Kind: KindCheckIn, Date: day(), CheckIn: &CheckIn{Craving: 1}}
			}
			if err := v.Save(r); err != nil {
				t.Fatal(err)
			}
			model[r.ID] = *r
		case op < 8: // an edit may move a record to another day
			for id := range model {
				r, _ := v.Get(id)
				r.Date = day()
				if err := v.Save(&r); err != nil {
					t.Fatal(err)
				}
				model[id] = r
				break
			}
		case op < 9:
			for id := range model {
				if err := v.Delete(id); err != nil {
					t.Fatal(err)
				}
				delete(model, id)
				break
			}
		case step%50 == 0: // unlock rebuilds the lists (one KDF run: not often)
			v.Lock()
			if err := v.Unlock(testPass); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range filters {
			got, err := v.List(f)
			if err != nil {
				t.Fatal(err)
			}
			if want := scan(f); !slices.Equal(ids(got), ids(want)) {
				t.Fatalf("step %d, filter %+v: List gave %d records, a scan %d (or another order)", step, f, len(got), len(want))
			}
		}
	}
}

func TestBackupKeyIsTheVaultsBackupSubkeyAndNeedsTheVaultUnlocked(t *testing.T) {
	v, _, _, _ := newTestVault(t)
	other, _, _, _ := newTestVault(t)
	first, err := v.BackupKey()
	if err != nil {
		t.Fatal(err)
	}
	again, err := v.BackupKey()
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := other.BackupKey()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		ok   bool
	}{
		{"the key is the same each time", *first == *again},
		{"the key is not zero", *first != [32]byte{}},
		{"another vault has another key", *first != *theirs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.ok {
				t.Fail()
			}
		})
	}
	t.Run("a locked vault gives no key, and the same one after unlock", func(t *testing.T) {
		if err := v.Lock(); err != nil {
			t.Fatal(err)
		}
		if k, err := v.BackupKey(); !errors.Is(err, ErrLocked) || k != nil {
			t.Fatalf("BackupKey while locked = %v, %v", k, err)
		}
		if err := v.Unlock(testPass); err != nil {
			t.Fatal(err)
		}
		k, err := v.BackupKey()
		if err != nil || *k != *first {
			t.Fatalf("BackupKey after unlock = %x, %v", k, err)
		}
	})
}
