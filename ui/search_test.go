package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// searchSpy wraps the fake journal: it records every query and marks the
// query's words in the snippets, as the real index does.
type searchSpy struct {
	*fakeJournal
	queries []journal.Query
}

func (s *searchSpy) Search(q journal.Query) ([]journal.Hit, error) {
	s.queries = append(s.queries, q)
	hits, err := s.fakeJournal.Search(q)
	for i := range hits {
		low := strings.ToLower(hits[i].Snippet)
		for _, w := range strings.Fields(strings.ToLower(q.Text)) {
			w = strings.Trim(w, `"*`)
			for at := 0; w != ""; {
				k := strings.Index(low[at:], w)
				if k < 0 {
					break
				}
				hits[i].Marks = append(hits[i].Marks, [2]int{at + k, at + k + len(w)})
				at += k + len(w)
			}
		}
	}
	return hits, err
}

func (s *searchSpy) last() journal.Query {
	if len(s.queries) == 0 {
		return journal.Query{Text: "(no query)"}
	}
	return s.queries[len(s.queries)-1]
}

type searchTest struct {
	a      *App
	spy    *searchSpy
	s      *searchScreen
	timers *manualTimers
}

func newSearchTest(t *testing.T, seed func(j *fakeJournal)) *searchTest {
	t.Helper()
	a, j, _ := unlockedTestApp(t)
	if seed != nil {
		seed(j)
	}
	spy := &searchSpy{fakeJournal: j}
	a.j = spy
	s := a.shell.screens[screenSearch].(*searchScreen)
	m := &manualTimers{}
	s.searchLater.after = m.after
	js := a.shell.screens[screenJournal].(*journalScreen)
	js.saveLater.after, js.undoLater.after = m.after, m.after
	a.ShowScreen(screenSearch)
	return &searchTest{a: a, spy: spy, s: s, timers: m}
}

func seedSearch(j *fakeJournal) {
	seedEntry(j, "2026-11-20", "After dinner", "I felt a craving after dinner and went for a walk.", seedTime)
	seedEntry(j, "2026-11-18", "Morning", "Calm morning, coffee on the balcony.", seedTime)
	id := journal.NewID()
	j.records[id] = journal.Record{ID: id, Kind: journal.KindGratitude, Date: "2026-11-19",
		Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "A walk with my sister", Why: "I called her"}}}}
	for _, r := range j.records {
		if r.Entry != nil && r.Entry.Title == "Morning" {
			r.Entry.Tags = []string{"calm", "mornings"}
			j.records[r.ID] = r
		}
	}
}

// shownHits returns the result rows drawn in the window.
func shownHits(a *App) []*hitItem {
	var out []*hitItem
	for _, o := range objects(a) {
		if h, ok := o.(*hitItem); ok && h.Visible() {
			out = append(out, h)
		}
	}
	return out
}

func TestSearchAsYouType(t *testing.T) {
	t.Run("Ctrl+F focuses the search field", func(t *testing.T) {
		st := newSearchTest(t, nil)
		st.a.ShowScreen(screenToday)
		st.a.ShowScreen(screenSearch)
		if st.a.win.Canvas().Focused() != fyne.Focusable(st.s.field) {
			t.Error("the search field is not focused")
		}
		if !st.s.state.Visible() || !showsText(st.a, "Search everything you have written") {
			t.Error("no type-to-search state")
		}
	})
	t.Run("typing searches once the debouncer fires, the last word as a prefix", func(t *testing.T) {
		st := newSearchTest(t, seedSearch)
		test.Type(st.s.field, "crav")
		if len(st.spy.queries) != 0 {
			t.Fatal("searched before the debouncer fired")
		}
		st.timers.fire()
		if q := st.spy.last(); q.Text != "crav*" {
			t.Errorf("query %q, want crav*", q.Text)
		}
		rows := shownHits(st.a)
		if len(rows) != 1 {
			t.Fatalf("%d result rows, want 1", len(rows))
		}
		segs := rows[0].snippet.Segments
		var marked []string
		for i, sg := range segs {
			ts := sg.(*widget.TextSegment)
			if ts.Style == markStyle {
				marked = append(marked, ts.Text)
				if i == 0 || segs[i-1].(*widget.TextSegment).Text != "I felt a " {
					t.Errorf("the text before the match is wrong: %q", segs)
				}
			}
		}
		if !slices.Equal(marked, []string{"crav"}) {
			t.Errorf("highlighted %q, want [crav]", marked)
		}
		if !strings.Contains(rows[0].head.Text, "Journal entry · 20 November 2026 · After dinner") {
			t.Errorf("head %q", rows[0].head.Text)
		}
	})
	t.Run("nothing found says so", func(t *testing.T) {
		st := newSearchTest(t, seedSearch)
		test.Type(st.s.field, "zebra ")
		st.timers.fire()
		if st.spy.last().Text != "zebra " || !st.s.state.Visible() || !showsText(st.a, "Nothing found") {
			t.Errorf("query %q; no no-results state", st.spy.last().Text)
		}
	})
	t.Run("results of an older search arriving late are ignored", func(t *testing.T) {
		st := newSearchTest(t, seedSearch)
		var queued []func()
		st.a.opts.Run = func(work func()) { queued = append(queued, work) }
		test.Type(st.s.field, "walk")
		st.timers.fire()
		test.Type(st.s.field, " sister")
		st.timers.fire()
		if len(queued) != 2 {
			t.Fatalf("%d searches queued, want 2", len(queued))
		}
		queued[1]()
		queued[0]()
		if len(st.s.hits) != 1 || st.s.hits[0].Kind != journal.KindGratitude {
			t.Errorf("shows %d hits, want only the newer search's gratitude", len(st.s.hits))
		}
	})
}

func TestSearchFilters(t *testing.T) {
	day := func(d int) *time.Time { t := time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC); return &t }
	tests := []struct {
		name string
		set  func(s *searchScreen)
		want journal.Query
	}{
		{"no filter searches everything", func(s *searchScreen) {}, journal.Query{Text: "walk*"}},
		{"the kind filter", func(s *searchScreen) { s.kind.SetSelectedIndex(2) },
			journal.Query{Text: "walk*", Kinds: []journal.Kind{journal.KindGratitude}}},
		{"the tag filter", func(s *searchScreen) { s.tag.SetSelected("mornings") }, journal.Query{Text: "walk*", Tag: "mornings"}},
		{"the date range", func(s *searchScreen) { s.from.SetDate(day(2)); s.to.SetDate(day(19)) },
			journal.Query{Text: "walk*", From: "2026-11-02", To: "2026-11-19"}},
		{"clearing the filters", func(s *searchScreen) { s.kind.SetSelectedIndex(3); s.from.SetDate(day(2)); s.clearFilters() },
			journal.Query{Text: "walk*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name+" passes through to the query", func(t *testing.T) {
			st := newSearchTest(t, seedSearch)
			if !slices.Contains(st.s.tag.Options, "mornings") || st.s.tag.Options[0] != "Any tag" {
				t.Fatalf("tag options %q", st.s.tag.Options)
			}
			test.Type(st.s.field, "walk")
			st.timers.fire()
			tt.set(st.s)
			got := st.spy.last()
			if got.Text != tt.want.Text || !slices.Equal(got.Kinds, tt.want.Kinds) || got.Tag != tt.want.Tag ||
				got.From != tt.want.From || got.To != tt.want.To {
				t.Errorf("query %+v, want %+v", got, tt.want)
			}
		})
	}
	t.Run("a tag alone searches", func(t *testing.T) {
		st := newSearchTest(t, seedSearch)
		st.s.tag.SetSelected("calm")
		if q := st.spy.last(); q.Tag != "calm" || q.Text != "" {
			t.Errorf("query %+v", q)
		}
	})
}

func TestSearchOpens(t *testing.T) {
	t.Run("Enter opens the entry in the journal editor", func(t *testing.T) {
		st := newSearchTest(t, seedSearch)
		test.Type(st.s.field, "balcony")
		st.timers.fire()
		st.s.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		js := st.a.shell.screens[screenJournal].(*journalScreen)
		if st.a.shell.current != screenJournal || js.title.Text != "Morning" {
			t.Fatalf("shows screen %d with %q, want the journal with Morning", st.a.shell.current, js.title.Text)
		}
		if js.indexOf(js.cur.ID) < 0 {
			t.Error("the opened entry is not in the list")
		}
	})
	t.Run("Enter before the results are in opens the first when they come", func(t *testing.T) {
		st := newSearchTest(t, seedSearch)
		test.Type(st.s.field, "dinner")
		st.s.field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		js := st.a.shell.screens[screenJournal].(*journalScreen)
		if st.a.shell.current != screenJournal || js.title.Text != "After dinner" {
			t.Errorf("shows screen %d with %q", st.a.shell.current, js.title.Text)
		}
	})
	t.Run("other kinds open read-only", func(t *testing.T) {
		st := newSearchTest(t, seedSearch)
		test.Type(st.s.field, "sister")
		st.timers.fire()
		st.s.list.Select(0)
		if st.a.shell.current != screenSearch || st.a.win.Canvas().Overlays().Top() == nil {
			t.Fatal("no read-only view of the gratitude")
		}
		if !strings.Contains(strings.Join(texts(st.a), "\n"), "I called her") {
			t.Errorf("the view lacks the text")
		}
	})
}

func TestSnippetSegments(t *testing.T) {
	long := strings.Repeat("word ", 20) + "craving here"
	tests := []struct {
		name    string
		snippet string
		marks   [][2]int
		want    []string // segment texts; marked ones in [brackets]
	}{
		{"no marks", "calm day", nil, []string{"calm day"}},
		{"marks in any order", "a calm day", [][2]int{{7, 10}, {2, 6}}, []string{"a ", "[calm]", " ", "[day]"}},
		{"overlapping and out-of-range marks are dropped", "calm day", [][2]int{{0, 4}, {2, 6}, {5, 99}}, []string{"[calm]", " day"}},
		{"a mark inside a letter is dropped", "жах", [][2]int{{1, 4}}, []string{"жах"}},
		{"line breaks become dots", "one\n\n two  three\n", [][2]int{{6, 9}}, []string{"one · ", "[two]", " three"}},
		{"a late match keeps some words before it", long, [][2]int{{100, 107}},
			[]string{"…", "word word word word word word word word ", "[craving]", " here"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sg := range snippetSegments(tt.snippet, tt.marks) {
				ts := sg.(*widget.TextSegment)
				if ts.Style == markStyle {
					got = append(got, "["+ts.Text+"]")
				} else {
					got = append(got, ts.Text)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPrefixQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"crav", "crav*"},
		{"calm morn", "calm morn*"},
		{"craving ", "craving "},
		{`"calm morning"`, `"calm morning"`},
		{`"calm morn`, `"calm morn`},
		{"walk*", "walk*"},
		{"тяга", "тяга*"},
	}
	for _, tt := range tests {
		if got := prefixQuery(tt.in); got != tt.want {
			t.Errorf("prefixQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
