package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// manualTimers is a [scheduler] that tests fire by hand instead of
// sleeping.
type manualTimers struct{ waiting []*manualTimer }

type manualTimer struct {
	d       time.Duration
	f       func()
	stopped bool
}

func (m *manualTimers) after(d time.Duration, f func()) func() {
	t := &manualTimer{d: d, f: f}
	m.waiting = append(m.waiting, t)
	return func() { t.stopped = true }
}

// fire runs every timer still waiting and returns how many ran.
func (m *manualTimers) fire() int {
	n := 0
	for len(m.waiting) > 0 {
		t := m.waiting[0]
		m.waiting = m.waiting[1:]
		if !t.stopped {
			t.f()
			n++
		}
	}
	return n
}

// journalTest is an unlocked app showing the journal screen, with its
// timers under the test's control.
type journalTest struct {
	a      *App
	j      *fakeJournal
	clock  *fakeClock
	s      *journalScreen
	timers *manualTimers
}

func newJournalTest(t *testing.T, seed func(j *fakeJournal)) *journalTest {
	t.Helper()
	a, j, clock := unlockedTestApp(t)
	if seed != nil {
		seed(j)
	}
	s := a.shell.screens[screenJournal].(*journalScreen)
	m := &manualTimers{}
	s.saveLater.after, s.undoLater.after = m.after, m.after
	a.ShowScreen(screenJournal)
	return &journalTest{a: a, j: j, clock: clock, s: s, timers: m}
}

// entries returns the journal entries the fake vault holds.
func (jt *journalTest) entries() []journal.Record {
	var out []journal.Record
	for _, r := range jt.j.records {
		if r.Kind == journal.KindEntry {
			out = append(out, r)
		}
	}
	return out
}

// seedEntry stores an entry directly, with a given creation time so the
// order within a day is known.
func seedEntry(j *fakeJournal, date, title, body string, created time.Time) journal.ID {
	r := journal.Record{ID: journal.NewID(), Kind: journal.KindEntry, Date: date, Created: created, Updated: created,
		Entry: &journal.Entry{Title: title, Body: body}}
	j.records[r.ID] = r
	return r.ID
}

var seedTime = time.Date(2026, 11, 1, 8, 0, 0, 0, time.Local)

func TestJournalAutosave(t *testing.T) {
	tests := []struct {
		name  string
		after func(jt *journalTest) // what happens after typing
		saved bool
	}{
		{"nothing is saved while the debouncer waits", func(jt *journalTest) {}, false},
		{"the entry is saved when the debouncer fires", func(jt *journalTest) { jt.timers.fire() }, true},
		{"switching to another screen saves at once", func(jt *journalTest) { jt.a.ShowScreen(screenToday) }, true},
		{"locking saves at once", func(jt *journalTest) { jt.a.Lock() }, true},
		{"quitting saves at once", func(jt *journalTest) { jt.a.Quit() }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			jt := newJournalTest(t, nil)
			jt.a.NewEntry()
			test.Type(jt.s.title, "Evening")
			test.Type(jt.s.body, "Went for a walk instead.")
			tt.after(jt)
			got := jt.entries()
			if !tt.saved {
				if len(got) != 0 {
					t.Fatalf("saved %d entries before the debouncer fired", len(got))
				}
				if jt.s.status.Text != "Saving…" {
					t.Errorf("status %q, want Saving…", jt.s.status.Text)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("%d entries saved, want 1", len(got))
			}
			if e := got[0].Entry; e.Title != "Evening" || e.Body != "Went for a walk instead." {
				t.Errorf("saved %q / %q", e.Title, e.Body)
			}
			if got[0].Date != "2026-11-25" {
				t.Errorf("date %q, want today", got[0].Date)
			}
		})
	}
}

func TestJournalEditor(t *testing.T) {
	t.Run("a saved entry says so and appears at the top of the list", func(t *testing.T) {
		jt := newJournalTest(t, func(j *fakeJournal) { seedEntry(j, "2026-11-20", "Older", "", seedTime) })
		jt.a.NewEntry()
		test.Type(jt.s.body, "First line\nsecond line")
		jt.timers.fire()
		if jt.s.status.Text != "Saved" {
			t.Errorf("status %q, want Saved", jt.s.status.Text)
		}
		if len(jt.s.rows) != 2 || jt.s.rows[0].Title != "First line" || jt.s.rows[0].Line != "second line" {
			t.Fatalf("rows %+v", jt.s.rows)
		}
		if jt.s.rows[0].ID != jt.s.cur.ID {
			t.Error("the new row is not the open entry")
		}
		test.Type(jt.s.body, " more")
		jt.timers.fire()
		if n := len(jt.entries()); n != 2 {
			t.Errorf("a second save made %d entries, want the same 2", n)
		}
	})
	t.Run("an empty new entry is never saved", func(t *testing.T) {
		jt := newJournalTest(t, nil)
		jt.a.NewEntry()
		test.Type(jt.s.title, "x")
		jt.s.title.SetText("")
		jt.a.ShowScreen(screenToday)
		if n := len(jt.entries()); n != 0 {
			t.Errorf("saved %d empty entries", n)
		}
	})
	t.Run("switching entries saves the previous one", func(t *testing.T) {
		var first, second journal.ID
		jt := newJournalTest(t, func(j *fakeJournal) {
			first = seedEntry(j, "2026-11-20", "First", "one", seedTime)
			second = seedEntry(j, "2026-11-10", "Second", "two", seedTime)
		})
		jt.s.list.Select(0)
		if jt.s.cur.ID != first {
			t.Fatal("selecting row 0 did not open the newest entry")
		}
		test.Type(jt.s.body, "Still ")
		jt.s.list.Select(1)
		if got := jt.j.records[first].Entry.Body; got != "Still one" {
			t.Errorf("the first entry holds %q after switching", got)
		}
		if jt.s.cur.ID != second || jt.s.body.Text != "two" || jt.s.title.Text != "Second" {
			t.Errorf("the editor shows %q, want the second entry", jt.s.title.Text)
		}
		if jt.timers.fire() != 0 {
			t.Error("a save was still pending after switching")
		}
	})
	t.Run("mood, tags and date are saved, and the date moves the row", func(t *testing.T) {
		jt := newJournalTest(t, func(j *fakeJournal) {
			seedEntry(j, "2026-11-20", "Other", "", seedTime)
			j.records[journal.NewID()] = journal.Record{Kind: journal.KindEntry, Date: "2026-11-01",
				Entry: &journal.Entry{Body: "old", Tags: []string{"sleep", "work"}}}
		})
		jt.a.NewEntry()
		test.Type(jt.s.body, "Tired but okay")
		jt.s.mood.SetSelected("4")
		test.Type(jt.s.tagField, "sl")
		if len(jt.s.tagHints.Objects) != 1 || jt.s.tagHints.Objects[0].(*widget.Button).Text != "#sleep" {
			t.Fatalf("tag hints %d, want #sleep", len(jt.s.tagHints.Objects))
		}
		test.Tap(jt.s.tagHints.Objects[0].(*widget.Button))
		if jt.s.tagField.Text != "sleep, " {
			t.Errorf("completed to %q", jt.s.tagField.Text)
		}
		test.Type(jt.s.tagField, "#walk")
		d := time.Date(2026, 11, 5, 0, 0, 0, 0, time.Local)
		jt.s.date.SetDate(&d)
		jt.timers.fire()
		r := jt.j.records[jt.s.cur.ID]
		if r.Entry.Mood != 4 || !slices.Equal(r.Entry.Tags, []string{"sleep", "walk"}) || r.Date != "2026-11-05" {
			t.Errorf("saved mood %d, tags %q, date %s", r.Entry.Mood, r.Entry.Tags, r.Date)
		}
		if i := jt.s.indexOf(r.ID); i != 1 {
			t.Errorf("the entry dated 5 November is row %d, want 1", i)
		}
	})
	t.Run("delete then undo restores the same id", func(t *testing.T) {
		var id journal.ID
		jt := newJournalTest(t, func(j *fakeJournal) { id = seedEntry(j, "2026-11-20", "Keep me", "please", seedTime) })
		jt.s.list.Select(0)
		test.Tap(jt.s.delete)
		if _, ok := jt.j.records[id]; ok {
			t.Fatal("delete kept the entry")
		}
		if !jt.s.undoBar.Visible() || len(jt.s.rows) != 0 || !jt.s.empty.Visible() {
			t.Fatal("no undo offer, or the row or empty state is wrong")
		}
		test.Tap(button(jt.a, "Undo"))
		r, ok := jt.j.records[id]
		if !ok || r.Entry.Title != "Keep me" {
			t.Fatal("undo did not bring back the same entry")
		}
		if jt.s.cur.ID != id || len(jt.s.rows) != 1 || jt.s.undoBar.Visible() {
			t.Error("after undo the entry is not open and listed, or the undo bar stays")
		}
	})
	t.Run("the undo offer goes away when its timer fires", func(t *testing.T) {
		jt := newJournalTest(t, func(j *fakeJournal) { seedEntry(j, "2026-11-20", "Gone", "", seedTime) })
		jt.s.list.Select(0)
		test.Tap(jt.s.delete)
		jt.timers.fire()
		if jt.s.undoBar.Visible() || jt.s.deleted != nil {
			t.Error("the undo offer outlived its window")
		}
	})
	t.Run("the empty journal invites a first entry", func(t *testing.T) {
		jt := newJournalTest(t, nil)
		if !jt.s.empty.Visible() || !showsText(jt.a, "write a first line") {
			t.Error("no kind empty state")
		}
	})
}

func TestJournalPrompts(t *testing.T) {
	prompts := journalPrompts()
	if len(prompts) < 6 {
		t.Fatalf("%d prompts, want at least 6", len(prompts))
	}
	for i, p := range prompts {
		t.Run(fmt.Sprintf("prompt %d fills the body of a new entry", i), func(t *testing.T) {
			var old journal.ID
			jt := newJournalTest(t, func(j *fakeJournal) { old = seedEntry(j, "2026-11-20", "Old", "text", seedTime) })
			jt.s.list.Select(0)
			jt.s.startFromPrompt(i)
			if !jt.s.cur.ID.IsZero() || !strings.HasPrefix(jt.s.body.Text, p) {
				t.Fatalf("body %q is not a new entry starting with the prompt", jt.s.body.Text)
			}
			if jt.j.records[old].Entry.Body != "text" {
				t.Error("the prompt changed the entry that was open")
			}
			jt.a.ShowScreen(screenToday)
			if n := len(jt.entries()); n != 1 {
				t.Fatalf("a prompt alone saved an entry (%d entries)", n)
			}
		})
	}
	t.Run("the prompt menu lists every prompt and writing under one saves it", func(t *testing.T) {
		jt := newJournalTest(t, nil)
		test.Tap(jt.s.prompt)
		if jt.a.win.Canvas().Overlays().Top() == nil {
			t.Fatal("no prompt menu")
		}
		jt.a.win.Canvas().Overlays().Top().Hide()
		menu := jt.s.promptMenu()
		if len(menu.Items) != len(prompts) || menu.Items[2].Label != prompts[2] {
			t.Fatalf("%d menu items, want %d", len(menu.Items), len(prompts))
		}
		menu.Items[2].Action()
		test.Type(jt.s.body, "Rest.")
		jt.timers.fire()
		got := jt.entries()
		if len(got) != 1 || got[0].Entry.Body != prompts[2]+"\n\nRest." {
			t.Errorf("saved %+v", got)
		}
	})
}

func TestJournalList(t *testing.T) {
	t.Run("10 000 entries are listed without 10 000 row widgets", func(t *testing.T) {
		jt := newJournalTest(t, func(j *fakeJournal) {
			day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)
			for i := range 10000 {
				seedEntry(j, day.AddDate(0, 0, -i/3).Format(journal.DateLayout), fmt.Sprintf("Entry %d", i),
					strings.Repeat("body ", 50), seedTime.Add(time.Duration(i)*time.Minute))
			}
		})
		if n := jt.s.list.Length(); n != 10000 {
			t.Fatalf("list length %d, want 10000", n)
		}
		jt.s.list.ScrollToBottom()
		rows := 0
		for _, o := range objects(jt.a) {
			if _, ok := o.(*entryItem); ok {
				rows++
			}
		}
		if rows == 0 || rows > 60 {
			t.Errorf("%d row widgets built, want a screenful", rows)
		}
	})
	dates := []struct{ date, title string }{
		{"2026-11-20", "Late November"},
		{"2026-11-10", "Tenth, later"},
		{"2026-11-10", "Tenth, earlier"},
		{"2026-10-01", "October"},
	}
	jumps := []struct {
		name string
		to   time.Time
		want string
	}{
		{"a day with two entries opens the newer", time.Date(2026, 11, 10, 0, 0, 0, 0, time.Local), "Tenth, later"},
		{"a day without entries opens the nearest before it", time.Date(2026, 11, 15, 0, 0, 0, 0, time.Local), "Tenth, later"},
		{"a day before every entry opens the oldest", time.Date(2026, 9, 1, 0, 0, 0, 0, time.Local), "October"},
		{"a day after every entry opens the newest", time.Date(2027, 1, 1, 0, 0, 0, 0, time.Local), "Late November"},
	}
	for _, tt := range jumps {
		t.Run("the calendar: "+tt.name, func(t *testing.T) {
			jt := newJournalTest(t, func(j *fakeJournal) {
				for i, d := range dates {
					seedEntry(j, d.date, d.title, "", seedTime.Add(-time.Duration(i)*time.Hour))
				}
			})
			test.Tap(jt.s.goTo)
			cal, ok := jt.a.win.Canvas().Overlays().Top().(*widget.PopUp).Content.(*widget.Calendar)
			if !ok {
				t.Fatal("Go to date shows no calendar")
			}
			cal.OnChanged(tt.to)
			if jt.s.title.Text != tt.want {
				t.Errorf("opened %q, want %q", jt.s.title.Text, tt.want)
			}
			if jt.a.win.Canvas().Overlays().Top() != nil {
				t.Error("the calendar stays open after picking a day")
			}
		})
	}
}

func TestJournalHelpers(t *testing.T) {
	t.Run("rows take the title, or else the first line", func(t *testing.T) {
		tests := []struct {
			title, body, wantTitle, wantLine string
		}{
			{"Title", "\n\nfirst\nsecond", "Title", "first"},
			{"", "  \nfirst\n\nsecond", "first", "second"},
			{"", "", "", ""},
			{"", strings.Repeat("ж", 200), strings.Repeat("ж", rowLimit/2) + "…", ""},
		}
		for _, tt := range tests {
			row := summarize(&journal.Record{Kind: journal.KindEntry, Entry: &journal.Entry{Title: tt.title, Body: tt.body}})
			if row.Title != tt.wantTitle || row.Line != tt.wantLine {
				t.Errorf("(%q, %q): got (%q, %q), want (%q, %q)", tt.title, tt.body, row.Title, row.Line, tt.wantTitle, tt.wantLine)
			}
		}
	})
	t.Run("tags are split on commas, without # or repeats", func(t *testing.T) {
		if got := parseTags(" #sleep, work,,Sleep, self care "); !slices.Equal(got, []string{"sleep", "work", "self care"}) {
			t.Errorf("got %q", got)
		}
	})
	t.Run("tag suggestions complete the last tag", func(t *testing.T) {
		known := []string{"sleep", "self care", "work", "walk"}
		tests := []struct {
			field string
			want  []string
		}{
			{"", known},
			{"s", []string{"sleep", "self care"}},
			{"sleep, w", []string{"work", "walk"}},
			{"Sleep, ", []string{"self care", "work", "walk"}},
			{"walk", []string{"sleep", "self care", "work"}},
			{"sleep, walk", []string{"self care", "work"}},
		}
		for _, tt := range tests {
			if got := tagSuggestions(tt.field, known, 5); !slices.Equal(got, tt.want) {
				t.Errorf("%q: got %q, want %q", tt.field, got, tt.want)
			}
		}
		for _, tt := range []struct{ field, tag, want string }{
			{"sleep,wa", "walk", "sleep, walk, "},
			{"", "walk", "walk, "},
			{"sleep", "walk", "sleep, walk, "},
			{"sleep, ", "walk", "sleep, walk, "},
			{"Sl", "sleep", "sleep, "},
		} {
			if got := completeTag(tt.field, tt.tag); got != tt.want {
				t.Errorf("completeTag(%q, %q) = %q, want %q", tt.field, tt.tag, got, tt.want)
			}
		}
	})
}

// TestJournalShortcut checks Ctrl+N from another screen.
func TestJournalShortcut(t *testing.T) {
	jt := newJournalTest(t, nil)
	jt.a.ShowScreen(screenSettings)
	jt.a.NewEntry()
	if jt.a.shell.current != screenJournal || jt.a.win.Canvas().Focused() != fyne.Focusable(jt.s.body) {
		t.Error("Ctrl+N did not show the journal with the body focused")
	}
}
