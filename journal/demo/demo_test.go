package demo

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/rewirejournal/rewire/journal"
)

var end = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func kinds(rs []*journal.Record) map[journal.Kind]int {
	n := make(map[journal.Kind]int)
	for _, r := range rs {
		n[r.Kind]++
	}
	return n
}

func entries(rs []*journal.Record) []*journal.Entry {
	var out []*journal.Entry
	for _, r := range rs {
		if r.Entry != nil {
			out = append(out, r.Entry)
		}
	}
	return out
}

func TestTheSameSeedGivesTheSameRecords(t *testing.T) {
	a, _ := json.Marshal(Generate(300, 7, end))
	b, _ := json.Marshal(Generate(300, 7, end))
	c, _ := json.Marshal(Generate(300, 8, end))
	if string(a) != string(b) {
		t.Error("two runs with seed 7 differ")
	}
	if string(a) == string(c) {
		t.Error("seeds 7 and 8 give the same records")
	}
}

func TestGenerateMakesEveryKind(t *testing.T) {
	for _, n := range []int{1, 10, 1000} {
		t.Run(fmt.Sprintf("with %d entries", n), func(t *testing.T) {
			rs := Generate(n, 1, end)
			got := kinds(rs)
			if got[journal.KindEntry] != n {
				t.Errorf("%d entries, want %d", got[journal.KindEntry], n)
			}
			if got[journal.KindSettings] != 1 || got[journal.KindCrisis] != 1 {
				t.Errorf("%d settings and %d crisis cards, want one of each", got[journal.KindSettings], got[journal.KindCrisis])
			}
			if p := got[journal.KindPattern]; p < 2 || p > 3 {
				t.Errorf("%d custom breathing patterns, want 2 or 3", p)
			}
			if n < 100 {
				return
			}
			for _, k := range journal.Kinds {
				if got[k] == 0 {
					t.Errorf("no %s records", k)
				}
			}
			days := got[journal.KindEntry] * 100 / 115
			for k, share := range map[journal.Kind]float64{journal.KindGratitude: 0.85, journal.KindCheckIn: 0.9, journal.KindUrge: 0.3} {
				if f := float64(got[k]) / float64(days); f < share-0.1 || f > share+0.1 {
					t.Errorf("%s on %.2f of days, want about %.2f", k, f, share)
				}
			}
		})
	}
}

func TestEveryRecordIsValid(t *testing.T) {
	rs := Generate(2000, 3, end)
	endDate := end.Format(journal.DateLayout)
	for i, r := range rs {
		r.Version = journal.RecordVersion
		if err := r.Validate(); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if !r.ID.IsZero() {
			t.Fatalf("record %d has an id; the vault assigns them", i)
		}
		if r.Date >= endDate || !r.Created.Before(end) || r.Date != r.Created.Format(journal.DateLayout) {
			t.Fatalf("record %d: date %s, created %v; want a day before %s", i, r.Date, r.Created, endDate)
		}
		if i > 0 && r.Created.Before(rs[i-1].Created) {
			t.Fatalf("record %d is older than the one before it", i)
		}
		if e := r.Entry; e != nil {
			if e.Mood < 1 || e.Mood > 5 || len(e.Tags) > 3 {
				t.Fatalf("entry %d: mood %d, tags %v", i, e.Mood, e.Tags)
			}
			for _, tag := range e.Tags {
				if !slices.Contains(tags, tag) {
					t.Fatalf("entry %d: tag %q not in the fixed set", i, tag)
				}
			}
		}
	}
}

func TestEntryBodiesAverageAboutOnePointTwoKB(t *testing.T) {
	es := entries(Generate(3000, 5, end))
	total, titled, tagged := 0, 0, 0
	for _, e := range es {
		total += len(e.Body)
		if e.Title != "" {
			titled++
		}
		if len(e.Tags) > 0 {
			tagged++
		}
	}
	avg := total / len(es)
	t.Logf("average body %d bytes; %d of %d titled, %d tagged", avg, titled, len(es), tagged)
	if avg < 1000 || avg > 1400 {
		t.Errorf("average body is %d bytes, want 1000–1400", avg)
	}
	if titled < len(es)*8/10 || tagged < len(es)*8/10 {
		t.Errorf("%d titled and %d tagged of %d; want most of both", titled, tagged, len(es))
	}
}

func TestEntriesAreInSeveralLanguages(t *testing.T) {
	es := entries(Generate(3000, 11, end))
	var swedish, ukrainian, emoji, rtl int
	for _, e := range es {
		if strings.ContainsAny(e.Body, "åäö") {
			swedish++
		}
		if strings.ContainsAny(e.Body, "іїєґ") && strings.ContainsFunc(e.Body, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) {
			ukrainian++
		}
		if strings.ContainsAny(e.Body, "💪🌅🙏🌿💙") {
			emoji++
		}
		if strings.ContainsFunc(e.Body, func(r rune) bool { return unicode.In(r, unicode.Arabic, unicode.Hebrew) }) {
			rtl++
		}
	}
	t.Logf("of %d entries: %d Swedish, %d Ukrainian, %d with emoji, %d with Arabic or Hebrew", len(es), swedish, ukrainian, emoji, rtl)
	share := func(n int) float64 { return float64(n) / float64(len(es)) }
	if s := share(swedish); s < 0.10 || s > 0.20 {
		t.Errorf("%.2f Swedish, want about 0.15", s)
	}
	if s := share(ukrainian); s < 0.06 || s > 0.14 {
		t.Errorf("%.2f Ukrainian, want about 0.10", s)
	}
	if emoji == 0 || rtl == 0 {
		t.Errorf("%d entries with emoji and %d with right-to-left text, want some of each", emoji, rtl)
	}
}

func TestUrgeWavesRiseAndFall(t *testing.T) {
	for i, r := range Generate(1000, 9, end) {
		u := r.Urge
		if u == nil {
			continue
		}
		if len(u.Samples) < 2 {
			t.Fatalf("urge %d has %d samples", i, len(u.Samples))
		}
		peak := 0
		for j, s := range u.Samples {
			if !s.At.Equal(u.Started.Add(time.Duration(j) * time.Minute)) {
				t.Fatalf("urge %d: sample %d at %v, want a minute apart from %v", i, j, s.At, u.Started)
			}
			if s.Rating > u.Samples[peak].Rating {
				peak = j
			}
		}
		last := u.Samples[len(u.Samples)-1].Rating
		if peak == 0 {
			t.Fatalf("urge %d peaks at its first sample: %v", i, u.Samples)
		}
		if u.Finished && !u.ActedOn && (last >= u.Samples[peak].Rating || !u.Ended.Equal(u.Samples[len(u.Samples)-1].At)) {
			t.Fatalf("urge %d does not ease off: %v", i, u.Samples)
		}
	}
}

func TestEveryTemplateFills(t *testing.T) {
	g := &gen{rng: rand.New(rand.NewPCG(1, 2))}
	for _, b := range books {
		var all []string
		for _, tag := range tags {
			tp, ok := b.topics[tag]
			if !ok {
				t.Fatalf("%s has no %q topic", b.code, tag)
			}
			all = append(all, tp.titles...)
			all = append(all, tp.sentences...)
		}
		all = append(all, b.general...)
		all = append(all, b.emoji...)
		for _, s := range all {
			if got := g.fill(b, s, 42); strings.ContainsAny(got, "{}") {
				t.Errorf("%s: %q fills to %q", b.code, s, got)
			}
		}
	}
}

func BenchmarkGenerate10k(b *testing.B) {
	var n, size int
	for b.Loop() {
		rs := Generate(10_000, 1, end)
		n, size = len(rs), 0
		for _, e := range entries(rs) {
			size += len(e.Body)
		}
	}
	b.ReportMetric(float64(n), "records/op")
	b.ReportMetric(float64(size)/10_000, "B/entry")
}
