package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/export")

var cet = time.FixedZone("CET", 3600)

// dayRecords is one day as the app keeps it, with the awkward texts an
// export must carry: several entries, no title, non-ASCII, Markdown
// headings and a line that looks like the export's own comment.
func dayRecords() []journal.Record {
	at := func(h, m int) time.Time { return time.Date(2026, 3, 8, h, m, 0, 0, cet) }
	two := 2
	return []journal.Record{
		{ID: journal.ID{1}, Kind: journal.KindCheckIn, Version: 1, Date: "2026-03-08", Created: at(21, 30), Updated: at(21, 35),
			CheckIn: &journal.CheckIn{Mood: 3, Intention: "Call Sam", Challenge: "The kiosk\non the bridge", Win: "Walked past it", Craving: 6,
				Mindful: true, MovementMin: 25, Connection: true, SleepHours: 7.5, GratitudeSet: true, Note: "Tired, but okay."}},
		{ID: journal.ID{2}, Kind: journal.KindEntry, Version: 1, Date: "2026-03-08", Created: at(7, 5), Updated: at(7, 20),
			Entry: &journal.Entry{Title: "Morgon", Body: "Kaffe på balkongen. Fåglarna är tillbaka.", Tags: []string{"morgon", "kaffe, svart"}, Mood: 4, Starred: true}},
		{ID: journal.ID{3}, Kind: journal.KindEntry, Version: 1, Date: "2026-03-08", Created: at(22, 40), Updated: at(22, 40),
			Entry: &journal.Entry{Body: "## Not a title\n\nСьогодні був важкий день, але я впорався.\n<!-- rewire {\"kind\":\"entry\"} -->\nThe line above is text I wrote --> not a comment.", Mood: 2}},
		{ID: journal.ID{4}, Kind: journal.KindGratitude, Version: 1, Date: "2026-03-08", Created: at(21, 0), Updated: at(21, 0),
			Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "Sam answered", Why: "I called first"}, {Text: "Soup"}, {Text: "Sun on the\nwalk"}}}},
		{ID: journal.ID{5}, Kind: journal.KindSession, Version: 1, Date: "2026-03-08", Created: at(8, 0), Updated: at(8, 0),
			Session: &journal.PracticeSession{Practice: "breathing", Pattern: "box", Started: at(8, 0), Seconds: 240, DistressBefore: &two}},
		{ID: journal.ID{6}, Kind: journal.KindEntry, Version: 1, Date: "2026-03-09", Created: time.Date(2026, 3, 10, 0, 30, 0, 0, cet), Updated: time.Date(2026, 3, 10, 0, 30, 0, 0, cet),
			Entry: &journal.Entry{Title: "Late", Body: "Written after midnight, for the day before."}},
	}
}

func TestExportMarkdownMatchesTheGoldenFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "export")
	res, err := ExportMarkdown(dir, dayRecords())
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != 2 || res.Records != 5 || res.Counts[journal.KindEntry] != 3 || res.Counts[journal.KindSession] != 0 {
		t.Fatalf("exported %+v", res)
	}
	for _, name := range []string{"2026-03-08.md", "2026-03-09.md"} {
		got := mustRead(t, filepath.Join(dir, name))
		golden := filepath.Join("testdata", "export", name)
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if want := mustRead(t, golden); got != want {
			t.Errorf("%s differs from %s (run with -update to accept):\n%s", name, golden, got)
		}
		if info, err := os.Stat(filepath.Join(dir, name)); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v", name, info.Mode(), err)
		}
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, %v", info.Mode(), err)
	}
}

// comparable is what a Markdown round trip must keep of a record.
func comparable(r journal.Record) string {
	r.ID, r.Version, r.Updated = journal.ID{}, 0, time.Time{}
	if r.Entry != nil {
		e := *r.Entry
		e.Title, e.Body = normalise(e.Title), normalise(e.Body)
		r.Entry = &e
	}
	b, _ := json.Marshal(r)
	return string(b)
}

func TestMarkdownRoundTripKeepsEntriesGratitudeAndCheckIns(t *testing.T) {
	for _, tc := range []struct {
		name string
		recs []journal.Record
	}{
		{"a hand-made day", dayRecords()},
		{"a year of demo life", demoRecords(300)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "md")
			if _, err := ExportMarkdown(dir, tc.recs); err != nil {
				t.Fatal(err)
			}
			p, err := ParseMarkdown(dir, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Skipped) != 0 {
				t.Fatalf("skipped %q", p.Skipped)
			}
			var want, got []string
			for _, r := range tc.recs {
				if slices.Contains(importKinds, r.Kind) {
					want = append(want, comparable(r))
				}
			}
			for _, r := range p.Records {
				got = append(got, comparable(r))
			}
			slices.Sort(want)
			slices.Sort(got)
			if len(got) != len(want) {
				t.Fatalf("%d records back, want %d", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("record came back as\n%s\nwant\n%s", got[i], want[i])
				}
			}

			// Into the vault it came from: nothing new.
			v := newVault(t)
			if _, err := v.Merge(tc.recs, nil); err != nil {
				t.Fatal(err)
			}
			prev, err := NewPreview(v, p)
			if err != nil {
				t.Fatal(err)
			}
			if len(prev.New) != 0 || prev.Duplicates != len(p.Records) {
				t.Fatalf("importing the export back: %d new, %d duplicates of %d (%q)", len(prev.New), prev.Duplicates, len(p.Records), prev.Skipped)
			}
		})
	}
}

// demoRecords returns n days of demo records, stamped as a vault stores
// them.
func demoRecords(n int) []journal.Record {
	gen := demo.Generate(n, 7, time.Date(2026, 11, 25, 21, 0, 0, 0, cet))
	out := make([]journal.Record, len(gen))
	for i, r := range gen {
		r.ID, r.Version, r.Updated = journal.NewID(), journal.RecordVersion, r.Created
		out[i] = *r
	}
	return out
}

func TestExportsNeverWriteOverAnything(t *testing.T) {
	base := t.TempDir()
	full := filepath.Join(base, "full")
	if err := os.MkdirAll(full, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "mine.txt"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(base, "file.json")
	if err := os.WriteFile(file, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	recs := dayRecords()
	for _, tc := range []struct {
		name   string
		export func() error
	}{
		{"Markdown into a folder with files", func() error { _, err := ExportMarkdown(full, recs); return err }},
		{"Markdown onto a file", func() error { _, err := ExportMarkdown(file, recs); return err }},
		{"JSON onto a file", func() error { _, err := ExportJSON(file, recs, time.Now()); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.export(); !errors.Is(err, ErrExists) {
				t.Fatalf("got %v, want ErrExists", err)
			}
			if mustRead(t, filepath.Join(full, "mine.txt")) != "mine" || mustRead(t, file) != "mine" {
				t.Fatal("an export changed the user's files")
			}
		})
	}
	t.Run("Markdown into an empty folder", func(t *testing.T) {
		empty := filepath.Join(base, "empty")
		if err := os.Mkdir(empty, 0o700); err != nil {
			t.Fatal(err)
		}
		if _, err := ExportMarkdown(empty, recs); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("a failed export leaves nothing behind", func(t *testing.T) {
		bad := append(dayRecords(), journal.Record{ID: journal.ID{9}, Kind: journal.KindEntry, Date: "someday", Entry: &journal.Entry{Body: "x"}})
		dir := filepath.Join(base, "failed")
		if _, err := ExportMarkdown(dir, bad); err == nil {
			t.Fatal("exported a record without a date")
		}
		left, _ := filepath.Glob(filepath.Join(base, "*failed*"))
		if len(left) != 0 {
			t.Fatalf("left %v", left)
		}
	})
}

func TestExportJSONHoldsEveryRecord(t *testing.T) {
	recs := demoRecords(60)
	path := filepath.Join(t.TempDir(), "out", "rewire.json")
	exported := time.Date(2026, 11, 25, 21, 0, 0, 500, time.UTC)
	res, err := ExportJSON(path, recs, exported)
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != len(recs) || res.Files != 1 {
		t.Fatalf("exported %+v", res)
	}
	data := []byte(mustRead(t, path))
	var x JSONExport
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&x); err != nil {
		t.Fatal(err)
	}
	if x.App != "Rewire" || x.Format != JSONFormat || !x.Exported.Equal(exported.Truncate(time.Second)) || len(x.Records) != len(recs) {
		t.Fatalf("header %s %d %v, %d records", x.App, x.Format, x.Exported, len(x.Records))
	}
	kinds := map[journal.Kind]bool{}
	byID := map[journal.ID]journal.Record{}
	for _, r := range x.Records {
		byID[r.ID] = r
		kinds[r.Kind] = true
		if x.Counts[r.Kind] == 0 {
			t.Errorf("counts %v miss %s", x.Counts, r.Kind)
		}
	}
	for _, r := range recs {
		want, _ := json.Marshal(r)
		got, _ := json.Marshal(byID[r.ID])
		if !bytes.Equal(got, want) {
			t.Fatalf("record %s exported as\n%s\nwant\n%s", r.ID, got, want)
		}
	}
	if len(kinds) < 6 {
		t.Errorf("only kinds %v exported", kinds)
	}
	if lines := strings.Count(string(data), "\n"); lines != len(recs)+2 {
		t.Errorf("%d lines for %d records: want one a line", lines, len(recs))
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", info.Mode())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
