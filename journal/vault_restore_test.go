package journal

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

var (
	t0 = time.Date(2026, 10, 1, 8, 0, 0, 0, time.FixedZone("CEST", 2*3600))
	t1 = t0.Add(24 * time.Hour)
	t2 = t0.Add(48 * time.Hour)
)

// stamped returns a record as a backup holds it: id, version and times set.
func stamped(id ID, created, updated time.Time, r *Record) Record {
	c := r.clone()
	c.ID, c.Version, c.Created, c.Updated = id, RecordVersion, created, updated
	return c
}

func settingsRecord(lang string) *Record {
	return &Record{Kind: KindSettings, Date: "2026-10-01", Settings: &Settings{Language: lang}}
}

func mustList(t *testing.T, v *Vault, kinds ...Kind) []Record {
	t.Helper()
	rs, err := v.List(Filter{Kinds: kinds})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func asJSON(t *testing.T, x any) string {
	t.Helper()
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMergeIntoAnEmptyVaultKeepsIDsDatesAndTimes(t *testing.T) {
	v, _, _, _ := newTestVault(t)
	in := []Record{
		stamped(NewID(), t0, t1, entry("2026-10-01", "Sea", "Grey and calm.", "walk")),
		stamped(NewID(), t1, t1, entry("2026-10-02", "Тиша", "Спокійний вечір.")),
		stamped(NewID(), t0, t2, settingsRecord("sv")),
	}
	var calls [][2]int
	rep, err := v.Merge(in, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if want := (MergeReport{Added: 3}); rep != want {
		t.Fatalf("report = %+v, want %+v", rep, want)
	}
	for _, r := range in {
		got, err := v.Get(r.ID)
		if err != nil {
			t.Fatalf("Get %s: %v", r.ID, err)
		}
		if asJSON(t, got) != asJSON(t, r) {
			t.Errorf("stored\n%s\nwant\n%s", asJSON(t, got), asJSON(t, r))
		}
	}
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{3, 3} {
		t.Errorf("progress calls %v do not end at 3 of 3", calls)
	}
	if hits, err := v.Search(Query{Text: "спокійний"}); err != nil || len(hits) != 1 {
		t.Errorf("search after merge: %v, %v", hits, err)
	}
}

func TestMergeByID(t *testing.T) {
	for _, tc := range []struct {
		name string
		// vault and incoming edits of one entry: body and Updated.
		vaultBody, inBody string
		vaultAt, inAt     time.Time
		want              MergeReport
		wantBodies        []string // the entries afterwards, any order
		wantWinner        string   // the body under the original id
	}{
		{"the same record is left alone", "calm", "calm", t1, t1,
			MergeReport{Unchanged: 1}, []string{"calm"}, "calm"},
		{"a newer incoming edit wins and the vault's older one is kept as a copy", "calm", "calm, then rain", t1, t2,
			MergeReport{Updated: 1, Copies: 1}, []string{"calm", "calm, then rain"}, "calm, then rain"},
		{"an older incoming edit is kept as a copy", "calm, then rain", "calm", t2, t1,
			MergeReport{Copies: 1}, []string{"calm", "calm, then rain"}, "calm, then rain"},
		{"a tie goes to the vault and keeps the other as a copy", "calm", "rain", t1, t1,
			MergeReport{Copies: 1}, []string{"calm", "rain"}, "calm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, _, _, _ := newTestVault(t)
			id := NewID()
			if _, err := v.Merge([]Record{stamped(id, t0, tc.vaultAt, entry("2026-10-01", "Sea", tc.vaultBody))}, nil); err != nil {
				t.Fatal(err)
			}
			in := []Record{stamped(id, t0, tc.inAt, entry("2026-10-01", "Sea", tc.inBody))}
			plan, err := v.PlanMerge(in)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := v.Merge(in, nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep != tc.want || plan != tc.want {
				t.Fatalf("report %+v, plan %+v, want %+v", rep, plan, tc.want)
			}
			check := func() {
				t.Helper()
				rs := mustList(t, v, KindEntry)
				bodies := map[string]bool{}
				for _, r := range rs {
					bodies[r.Entry.Body] = true
				}
				if len(rs) != len(tc.wantBodies) {
					t.Fatalf("%d entries, want %d", len(rs), len(tc.wantBodies))
				}
				for _, b := range tc.wantBodies {
					if !bodies[b] {
						t.Fatalf("no entry says %q", b)
					}
				}
				if got, _ := v.Get(id); got.Entry.Body != tc.wantWinner {
					t.Fatalf("the original id says %q, want %q", got.Entry.Body, tc.wantWinner)
				}
			}
			check()
			t.Run("and merging it again changes nothing", func(t *testing.T) {
				rep, err := v.Merge(in, nil)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Writes() != 0 {
					t.Fatalf("second merge wrote: %+v", rep)
				}
				check()
			})
		})
	}
}

func TestMergeCopiesKeepTheirOwnTimes(t *testing.T) {
	v, _, _, _ := newTestVault(t)
	id := NewID()
	if _, err := v.Merge([]Record{stamped(id, t0, t2, entry("2026-10-01", "Sea", "new"))}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Merge([]Record{stamped(id, t0, t1, entry("2026-10-01", "Sea", "old"))}, nil); err != nil {
		t.Fatal(err)
	}
	for _, r := range mustList(t, v, KindEntry) {
		if r.Entry.Body == "old" && (r.ID == id || !r.Updated.Equal(t1) || !r.Created.Equal(t0)) {
			t.Fatalf("the copy is %s, created %v, updated %v", r.ID, r.Created, r.Updated)
		}
	}
}

func TestMergeMatchesSettingsByKind(t *testing.T) {
	for _, tc := range []struct {
		name     string
		inAt     time.Time
		wantLang string
		want     MergeReport
	}{
		{"newer settings replace the vault's", t2, "uk", MergeReport{Updated: 1, Replaced: 1}},
		{"older settings give way to the vault's", t0, "sv", MergeReport{Replaced: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, _, _, _ := newTestVault(t)
			mine := stamped(NewID(), t0, t1, settingsRecord("sv"))
			if _, err := v.Merge([]Record{mine}, nil); err != nil {
				t.Fatal(err)
			}
			rep, err := v.Merge([]Record{stamped(NewID(), t0, tc.inAt, settingsRecord("uk"))}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if rep != tc.want {
				t.Fatalf("report %+v, want %+v", rep, tc.want)
			}
			rs := mustList(t, v, KindSettings)
			if len(rs) != 1 || rs[0].ID != mine.ID || rs[0].Settings.Language != tc.wantLang {
				t.Fatalf("settings after merge: %+v", rs)
			}
		})
	}
}

func TestMergeRefusesBadInputAndChangesNothing(t *testing.T) {
	id := NewID()
	good := stamped(NewID(), t0, t1, entry("2026-10-01", "Sea", "calm"))
	newer := stamped(NewID(), t0, t1, entry("2026-10-01", "Sea", "calm"))
	newer.Version = RecordVersion + 1
	badMood := stamped(NewID(), t0, t1, entry("2026-10-01", "Sea", "calm"))
	badMood.Entry.Mood = 9
	for _, tc := range []struct {
		name string
		in   []Record
	}{
		{"a record without an id", []Record{good, stamped(ID{}, t0, t1, entry("2026-10-01", "", "x"))}},
		{"an id twice", []Record{stamped(id, t0, t1, entry("2026-10-01", "", "x")), stamped(id, t0, t2, entry("2026-10-01", "", "y"))}},
		{"a record from a newer version", []Record{good, newer}},
		{"an invalid record", []Record{good, badMood}},
	} {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			v, _, _, _ := newTestVault(t)
			if _, err := v.Merge(tc.in, nil); !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if _, err := v.PlanMerge(tc.in); !errors.Is(err, ErrInvalid) {
				t.Fatalf("plan err = %v, want ErrInvalid", err)
			}
			if n := len(mustList(t, v)); n != 0 {
				t.Fatalf("%d records stored", n)
			}
		})
	}
}

func TestMergeThatFailsToCommitLeavesTheVaultAsItWas(t *testing.T) {
	v, store, _, _ := newTestVault(t)
	keep := stamped(NewID(), t0, t1, entry("2026-10-01", "Sea", "calm"))
	if _, err := v.Merge([]Record{keep}, nil); err != nil {
		t.Fatal(err)
	}
	store.failPut = errors.New("disk full")
	changed := keep
	changed.Updated = t2
	changed.Entry = &Entry{Body: "changed"}
	if _, err := v.Merge([]Record{changed, stamped(NewID(), t0, t1, entry("2026-10-02", "", "new"))}, nil); err == nil {
		t.Fatal("merge succeeded with a failing store")
	}
	rs := mustList(t, v)
	if len(rs) != 1 || rs[0].Entry.Body != "calm" {
		t.Fatalf("vault after a failed merge: %+v", rs)
	}
}

func TestMergeNeedsAnUnlockedVault(t *testing.T) {
	v, _, _, _ := newTestVault(t)
	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	if _, err := v.Merge(nil, nil); !errors.Is(err, ErrLocked) {
		t.Fatalf("Merge: %v", err)
	}
	if _, err := v.PlanMerge(nil); !errors.Is(err, ErrLocked) {
		t.Fatalf("PlanMerge: %v", err)
	}
}

func TestProgressIsThrottledButEndsAtTotal(t *testing.T) {
	for _, total := range []int{1, 7, 100, 1000, 12345} {
		var calls, last int
		p := newProgress(func(done, n int) {
			if n != total || done <= last {
				t.Fatalf("progress(%d, %d) after %d", done, n, last)
			}
			calls, last = calls+1, done
		}, total)
		for i := 1; i <= total; i++ {
			p(i)
		}
		if last != total || calls > 101 {
			t.Errorf("total %d: %d calls, last %d", total, calls, last)
		}
	}
}
