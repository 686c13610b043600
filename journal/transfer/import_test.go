package transfer

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/sqlite"
)

// newVault makes an unlocked vault over a real SQLite store in a temporary
// folder, with the floor key derivation.
func newVault(t testing.TB) *journal.Vault {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "vault.db"))
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := journal.Create(st, []byte("correct horse battery staple"), journal.MinKDFParams(),
		journal.Options{NewIndex: func() (journal.Index, error) { return sqlite.NewIndex() }})
	if err != nil {
		st.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v
}

func zone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// wantEntry is what an imported entry should be; created is shown as
// "2006-01-02 15:04 -0700" so a test reads its time zone.
type wantEntry struct {
	date, created, title, body string // body: its start
	tags                       []string
	mood                       int
	starred                    bool
}

func checkEntries(t *testing.T, got []journal.Record, want []wantEntry) {
	t.Helper()
	if len(got) != len(want) {
		for _, r := range got {
			t.Logf("got %s %q", r.Date, r.Title())
		}
		t.Fatalf("%d records, want %d", len(got), len(want))
	}
	for i, w := range want {
		r := got[i]
		if r.Kind != journal.KindEntry || r.Entry == nil {
			t.Fatalf("record %d is a %s, want an entry", i, r.Kind)
		}
		e := r.Entry
		if r.Date != w.date || r.Created.Format("2006-01-02 15:04 -0700") != w.created || e.Title != w.title ||
			!strings.HasPrefix(e.Body, w.body) || !slices.Equal(e.Tags, w.tags) || e.Mood != w.mood || e.Starred != w.starred {
			t.Errorf("entry %d:\n got %s %s %q %q %q mood %d starred %v\nwant %s %s %q %q… %q mood %d starred %v", i,
				r.Date, r.Created.Format("2006-01-02 15:04 -0700"), e.Title, e.Body, e.Tags, e.Mood, e.Starred,
				w.date, w.created, w.title, w.body, w.tags, w.mood, w.starred)
		}
		if err := r.Validate(); err != nil {
			t.Errorf("entry %d does not validate: %v", i, err)
		}
		if !r.ID.IsZero() {
			t.Errorf("entry %d has an id before the preview", i)
		}
	}
}

func checkSkipped(t *testing.T, skipped []Skip, want ...string) {
	t.Helper()
	got := make([]string, len(skipped))
	for i, s := range skipped {
		got[i] = s.String()
	}
	if len(got) != len(want) {
		t.Fatalf("skipped %q, want %d lines like %q", got, len(want), want)
	}
	for i := range want {
		if !strings.Contains(got[i], want[i]) {
			t.Errorf("skipped line %d is %q, want it to say %q", i, got[i], want[i])
		}
	}
}

func TestParseJrnlReadsItsJSONExport(t *testing.T) {
	p, err := ParseFile(Jrnl, "testdata/jrnl.json", zone(t, "Europe/Stockholm"))
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, p.Records, []wantEntry{
		{"2026-03-02", "2026-03-02 21:40 +0100", "Seven days.", "I went to the Tuesday meeting", []string{"recovery"}, 0, true},
		{"2026-03-03", "2026-03-03 06:05 +0100", "Morning craving, rode it out.", "Woke at 5", []string{"recovery"}, 0, false},
		{"2026-03-03", "2026-03-03 19:30 +0100", "Tacksam för promenaden längs ån.", "Mamma ringde", []string{"kärlek", "family"}, 0, false},
		{"2026-03-04", "2026-03-04 22:10 +0100", "Сьогодні подзвонив мамі.", "Ми довго говорили.", []string{"сім'я", "family"}, 0, false},
		{"2026-03-06", "2026-03-06 23:59 +0100", "Day eleven.", "", nil, 0, false},
	})
	checkSkipped(t, p.Skipped, `entry 6: the date "March 7th 10:00" is not YYYY-MM-DD HH:MM`)
	if p.Format != Jrnl || p.Format.String() != "jrnl" {
		t.Errorf("format %q", p.Format)
	}
}

func TestParseDayOneReadsTheZipAndTheBareJSONAlike(t *testing.T) {
	want := []wantEntry{
		{"2026-03-14", "2026-03-14 23:30 +0100", "Sent, men hemma", "Kvällen var lång. Jag ville gå ut, men jag ringde Anna i stället!\n\n[photo]\n\nI morgon: mötet kl. 18.", []string{"recovery", "kärlek"}, 0, true},
		{"2026-03-14", "2026-03-14 18:00 -0700", "Evening check", "Six o'clock here, two hours after the meeting. Craving a 3/10 - better", nil, 0, false},
		// 22:15 UTC is a quarter past midnight in Kyiv: the next day there.
		{"2026-03-15", "2026-03-15 00:15 +0200", "", "Пів на першу ночі. Не спиться, але я не пив.", []string{"сім'я"}, 0, false},
		{"2026-03-15", "2026-03-15 09:00 +0000", "", "A zone Day One never wrote: read in the fallback zone.", nil, 0, false},
	}
	for _, path := range []string{"testdata/dayone.zip", "testdata/dayone/Journal.json"} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p, err := ParseFile(DayOne, path, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			checkEntries(t, p.Records, want)
			prefix := ""
			if strings.HasSuffix(path, ".zip") {
				prefix = "Journal.json: "
			}
			checkSkipped(t, p.Skipped, prefix+"entry 5 (2026-03-16 09:00): empty", prefix+"1 photos or other media: not imported")
			if p.Records[0].Updated.Format(time.RFC3339) != "2026-03-15T08:12:41+01:00" {
				t.Errorf("modified %v", p.Records[0].Updated)
			}
		})
	}
}

func TestParseMarkdownReadsAFolderOfNotes(t *testing.T) {
	p, err := ParseFile(Markdown, "testdata/markdown", zone(t, "Europe/Stockholm"))
	if err != nil {
		t.Fatal(err)
	}
	checkEntries(t, p.Records, []wantEntry{
		{"2026-03-05", "2026-03-05 12:00 +0100", "Slept through the night", "First full night in weeks.", []string{"recovery", "sleep, finally"}, 4, false},
		{"2026-03-06", "2026-03-06 12:00 +0100", "Evening walk", "Walked to the river", nil, 0, false},
		{"2026-03-07", "2026-03-07 08:15 +0100", "Morgon med kaffe", "Svart kaffe på balkongen.", []string{"morgon", "kaffe, svart", "ån"}, 0, true},
		{"2026-03-09", "2026-03-09 20:45 +0100", "", "Дев'ятий день.", nil, 0, false},
	})
	checkSkipped(t, p.Skipped,
		"ideas.md: no date in the front matter or the file name",
		`journal/march.md: the mood "9" is not 1–5; imported without it`)
	if strings.Contains(p.Records[0].Entry.Body, "---") || !strings.Contains(p.Records[0].Entry.Body, "## What helped") {
		t.Errorf("body %q", p.Records[0].Entry.Body)
	}
}

func TestParsersRefuseWhatIsNotTheirFormat(t *testing.T) {
	dir := t.TempDir()
	file := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		format Format
		path   string
	}{
		{"Day One's JSON given as jrnl", Jrnl, "testdata/dayone/Journal.json"},
		{"jrnl's JSON given as Day One", DayOne, "testdata/jrnl.json"},
		{"a zip of jrnl's JSON given as Day One", DayOne, "testdata/dayone.zip"},
		{"text given as jrnl", Jrnl, file("notes.txt", "Dear diary")},
		{"an array given as Day One", DayOne, file("array.json", `[{"text": "x"}]`)},
		{"an object without entries given as jrnl", Jrnl, file("tags.json", `{"tags": {"@a": 1}}`)},
		{"a broken zip given as Day One", DayOne, file("broken.zip", "PK\x03\x04 and then nothing")},
		{"a folder without Markdown", Markdown, empty},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "a zip of jrnl's JSON given as Day One" {
				tc.path = zipOf(t, dir, map[string]string{"journal.json": mustRead(t, "testdata/jrnl.json")})
			}
			p, err := ParseFile(tc.format, tc.path, time.UTC)
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("got %v, %v; want ErrFormat", p, err)
			}
		})
	}
	t.Run("a missing file is a path error", func(t *testing.T) {
		for _, f := range Formats {
			if _, err := ParseFile(f, filepath.Join(dir, "missing"), time.UTC); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s: %v", f, err)
			}
		}
	})
}

func TestFrontMatterReadsWhatNotesAppsWrite(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		key        string
		want       []string
		body       string
	}{
		{"a plain value", "---\ntitle: A walk\n---\nbody", "title", []string{"A walk"}, "body"},
		{"a double-quoted value with escapes", "---\ntitle: \"Say \\\"hi\\\" \\u00e5\"\n---\n", "title", []string{`Say "hi" å`}, ""},
		{"a single-quoted value", "---\ntitle: 'It''s fine'\n---\n", "title", []string{"It's fine"}, ""},
		{"a comment after a value", "---\nmood: 3 # ok day\n---\n", "mood", []string{"3"}, ""},
		{"a flow list", "---\ntags: [a, \"b, c\", 'd']\n---\n", "tags", []string{"a", "b, c", "d"}, ""},
		{"an empty flow list", "---\ntags: []\n---\n", "tags", nil, ""},
		{"a block list", "---\ntags:\n  - a\n  - \"b\"\nmood: 2\n---\n", "tags", []string{"a", "b"}, ""},
		{"keys in any case", "---\nTitle: X\n---\n", "title", []string{"X"}, ""},
		{"empty front matter", "---\n---\nbody", "title", nil, "body"},
		{"front matter ending the file", "---\ntitle: X\n---", "title", []string{"X"}, ""},
		{"no closing line is no front matter", "---\ntitle: X\nbody", "title", nil, "---\ntitle: X\nbody"},
		{"a rule later in the text is not front matter", "body\n---\ntitle: X\n---\n", "title", nil, "body\n---\ntitle: X\n---\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fm, body := splitFrontMatter(tc.text)
			if got := fm[tc.key]; !slices.Equal(got, tc.want) {
				t.Errorf("%s = %q, want %q", tc.key, got, tc.want)
			}
			if body != tc.body {
				t.Errorf("body %q, want %q", body, tc.body)
			}
		})
	}
}

func TestMarkdownDates(t *testing.T) {
	loc := zone(t, "Europe/Kyiv")
	for _, tc := range []struct {
		name, file, text string
		want             string // "" when skipped
	}{
		{"a date in the front matter", "x.md", "---\ndate: 2026-02-01\n---\nHi", "2026-02-01 12:00 +0200"},
		{"a date and time", "x.md", "---\ndate: 2026-02-01 23:10\n---\nHi", "2026-02-01 23:10 +0200"},
		{"seconds and a T", "x.md", "---\ndate: 2026-02-01T23:10:05\n---\nHi", "2026-02-01 23:10 +0200"},
		{"a time with its own zone", "x.md", "---\ndate: 2026-02-01T23:10:00Z\n---\nHi", "2026-02-02 01:10 +0200"},
		{"created instead of date", "x.md", "---\ncreated: 2026-02-01\n---\nHi", "2026-02-01 12:00 +0200"},
		{"the front matter wins over the name", "2025-01-01.md", "---\ndate: 2026-02-01\n---\nHi", "2026-02-01 12:00 +0200"},
		{"a dashed name", "2026-02-03 Walk.md", "Hi", "2026-02-03 12:00 +0200"},
		{"an underscored name", "2026_02_03_walk.md", "Hi", "2026-02-03 12:00 +0200"},
		{"a compact name", "20260203.md", "Hi", "2026-02-03 12:00 +0200"},
		{"a name with a non-date first", "9999-99-99 then 2026-02-04.md", "Hi", "2026-02-04 12:00 +0200"},
		{"an impossible date", "2026-02-30.md", "Hi", ""},
		{"a bad front-matter date", "2026-02-03.md", "---\ndate: soon\n---\nHi", ""},
		{"no date", "walk.md", "Hi", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := ParseMarkdownFile(tc.file, []byte(tc.text), loc)
			if tc.want == "" {
				if len(p.Records) != 0 || len(p.Skipped) != 1 {
					t.Fatalf("got %v, skipped %q", p.Records, p.Skipped)
				}
				return
			}
			if len(p.Records) != 1 {
				t.Fatalf("got %d records, skipped %q", len(p.Records), p.Skipped)
			}
			if got := p.Records[0].Created.Format("2006-01-02 15:04 -0700"); got != tc.want || p.Records[0].Date != tc.want[:10] {
				t.Errorf("got %s on %s, want %s", got, p.Records[0].Date, tc.want)
			}
		})
	}
}

// TestImportingTheSameFileTwiceAddsNothing runs each format through
// preview and apply into a real vault, twice.
func TestImportingTheSameFileTwiceAddsNothing(t *testing.T) {
	for _, tc := range []struct {
		format Format
		path   string
		dates  []string
	}{
		{Jrnl, "testdata/jrnl.json", []string{"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-06"}},
		{DayOne, "testdata/dayone.zip", []string{"2026-03-14", "2026-03-15"}},
		{Markdown, "testdata/markdown", []string{"2026-03-05", "2026-03-06", "2026-03-07", "2026-03-09"}},
	} {
		t.Run(tc.format.String(), func(t *testing.T) {
			v := newVault(t)
			parsed, err := ParseFile(tc.format, tc.path, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			prev, err := NewPreview(v, parsed)
			if err != nil {
				t.Fatal(err)
			}
			if len(prev.New) != len(parsed.Records) || prev.Duplicates != 0 || !slices.Equal(prev.Dates, tc.dates) {
				t.Fatalf("preview: %d new, %d duplicates, dates %v; want %d new on %v", len(prev.New), prev.Duplicates, prev.Dates, len(parsed.Records), tc.dates)
			}
			if prev.First() != tc.dates[0] || prev.Last() != tc.dates[len(tc.dates)-1] {
				t.Errorf("first %s, last %s", prev.First(), prev.Last())
			}
			if n, err := v.Count(); err != nil || n[journal.KindEntry] != 0 {
				t.Fatalf("the preview changed the vault: %v %v", n, err)
			}
			rep, err := prev.Apply(v, nil)
			if err != nil || rep.Added != len(prev.New) {
				t.Fatalf("apply: %+v, %v", rep, err)
			}
			for _, r := range prev.New {
				got, err := v.Get(r.ID)
				if err != nil || got.Entry.Body != r.Entry.Body || !got.Created.Equal(r.Created) || got.Date != r.Date {
					t.Fatalf("stored %+v, %v; want %+v", got, err, r)
				}
			}

			again, err := ParseFile(tc.format, tc.path, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			prev2, err := NewPreview(v, again)
			if err != nil {
				t.Fatal(err)
			}
			if len(prev2.New) != 0 || prev2.Duplicates != len(again.Records) || len(prev2.Dates) != 0 || prev2.First() != "" {
				t.Fatalf("second preview: %d new, %d duplicates of %d", len(prev2.New), prev2.Duplicates, len(again.Records))
			}
			if rep, err := prev2.Apply(v, nil); err != nil || rep.Writes() != 0 {
				t.Fatalf("second apply: %+v, %v", rep, err)
			}
			if n, _ := v.Count(); n[journal.KindEntry] != len(prev.New) {
				t.Fatalf("%d entries after importing twice, want %d", n[journal.KindEntry], len(prev.New))
			}
		})
	}
}

func TestPreviewCountsDuplicatesInsideTheSource(t *testing.T) {
	v := newVault(t)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	e := newEntry(at, at, "Same", "Same text", nil, false)
	e2 := newEntry(at.Add(time.Hour), at, "Same", "Same text  \r\n", []string{"retagged"}, false)
	p, err := NewPreview(v, &Parsed{Format: Jrnl, Records: []journal.Record{e, e2}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.New) != 1 || p.Duplicates != 1 || p.Found != 2 {
		t.Fatalf("%d new, %d duplicates, %d found", len(p.New), p.Duplicates, p.Found)
	}
}

func TestAGratitudeListOrCheckInForADayWithOneKeepsTheVaults(t *testing.T) {
	v := newVault(t)
	mine := []*journal.Record{
		{Kind: journal.KindGratitude, Date: "2026-03-01", Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "Tea"}}}},
		{Kind: journal.KindCheckIn, Date: "2026-03-01", CheckIn: &journal.CheckIn{Mood: 3, Craving: 2}},
	}
	if err := v.SaveAll(mine); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 21, 0, 0, 0, time.UTC)
	in := []journal.Record{
		{Kind: journal.KindGratitude, Date: "2026-03-01", Created: at, Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "Tea"}}}},
		{Kind: journal.KindCheckIn, Date: "2026-03-01", Created: at, CheckIn: &journal.CheckIn{Mood: 5, Craving: 0}},
		{Kind: journal.KindCheckIn, Date: "2026-03-02", Created: at, CheckIn: &journal.CheckIn{Mood: 4, Craving: 1}},
		{Kind: journal.KindCheckIn, Date: "2026-03-02", Created: at, CheckIn: &journal.CheckIn{Mood: 2, Craving: 7}},
	}
	p, err := NewPreview(v, &Parsed{Format: Markdown, Records: in})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.New) != 1 || p.Duplicates != 1 || p.Kept != 2 || p.New[0].CheckIn.Mood != 4 {
		t.Fatalf("%d new, %d duplicates, %d kept: %q", len(p.New), p.Duplicates, p.Kept, p.Skipped)
	}
	checkSkipped(t, p.Skipped, "2026-03-01: Rewire already has a different check-in for this day", "2026-03-02: Rewire already has a different check-in")
	if c := p.Counts(); c[journal.KindCheckIn] != 1 || len(c) != 1 {
		t.Errorf("counts %v", c)
	}
}

func TestApplyIsOneTransaction(t *testing.T) {
	v := newVault(t)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	good := newEntry(at, at, "Fine", "Fine", nil, false)
	bad := newEntry(at, at, "Bad", "Bad", nil, false)
	bad.Entry.Mood = 9 // a parser never lets this through; Merge refuses it
	p, err := NewPreview(v, &Parsed{Format: Jrnl, Records: []journal.Record{good, bad}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Apply(v, nil); !errors.Is(err, journal.ErrInvalid) {
		t.Fatalf("apply: %v", err)
	}
	if n, _ := v.Count(); len(n) != 0 {
		t.Fatalf("a failed import stored %v", n)
	}
}

func mustRead(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
