package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
)

// gratitudeOf shows the gratitude screen with manual autosave timers.
func gratitudeOf(t *testing.T, a *App) (*gratitudeScreen, *dailyTimers) {
	t.Helper()
	a.ShowScreen(screenGratitude)
	s := a.shell.screens[screenGratitude].(*gratitudeScreen)
	timers := &dailyTimers{}
	s.saver.after = timers.after
	return s, timers
}

func TestGratitudeAutosave(t *testing.T) {
	tests := []struct {
		name  string
		flush func(a *App, timers *dailyTimers)
	}{
		{"when the autosave timer fires", func(_ *App, timers *dailyTimers) { timers.fire() }},
		{"when the user switches screens", func(a *App, _ *dailyTimers) { a.ShowScreen(screenToday) }},
		{"when the app locks", func(a *App, _ *dailyTimers) { a.Lock() }},
	}
	for _, tt := range tests {
		t.Run("typing saves one record for the day "+tt.name, func(t *testing.T) {
			a, j, _ := unlockedTestApp(t)
			s, timers := gratitudeOf(t, a)
			test.Type(s.texts[0], "Coffee with Sam")
			test.Type(s.whys[0], "I called him")
			if n := len(dailyRecords(j, journal.KindGratitude)); n != 0 {
				t.Fatalf("saved %d records before the debounce", n)
			}
			if timers.pending() != 1 {
				t.Fatalf("%d autosave timers armed, want 1", timers.pending())
			}
			tt.flush(a, timers)
			recs := dailyRecords(j, journal.KindGratitude)
			if len(recs) != 1 {
				t.Fatalf("%d gratitude records, want 1", len(recs))
			}
			r := recs[0]
			if r.Date != "2026-11-25" || len(r.Gratitude.Items) != 1 || r.Gratitude.Items[0] != (journal.GratitudeItem{Text: "Coffee with Sam", Why: "I called him"}) {
				t.Errorf("saved %s %+v", r.Date, r.Gratitude)
			}
		})
	}

	t.Run("a second edit updates the day's record", func(t *testing.T) {
		a, j, _ := unlockedTestApp(t)
		s, timers := gratitudeOf(t, a)
		test.Type(s.texts[0], "Sunshine")
		timers.fire()
		test.Type(s.texts[2], "A good night's sleep")
		timers.fire()
		if !showsText(a, "Saved") {
			t.Error("no quiet Saved status")
		}
		recs := dailyRecords(j, journal.KindGratitude)
		if len(recs) != 1 {
			t.Fatalf("%d gratitude records, want 1", len(recs))
		}
		items := recs[0].Gratitude.Items
		if len(items) != 3 || items[0].Text != "Sunshine" || items[1].Text != "" || items[2].Text != "A good night's sleep" {
			t.Errorf("items %+v", items)
		}
		// Coming back to the screen loads the same record: still one.
		a.ShowScreen(screenToday)
		s, timers = gratitudeOf(t, a)
		test.Type(s.texts[1], "Lunch")
		timers.fire()
		if recs := dailyRecords(j, journal.KindGratitude); len(recs) != 1 || recs[0].Gratitude.Items[1].Text != "Lunch" {
			t.Errorf("after coming back: %d records, %+v", len(recs), recs)
		}
	})

	t.Run("just looking saves nothing", func(t *testing.T) {
		a, j, _ := unlockedTestApp(t)
		gratitudeOf(t, a)
		a.ShowScreen(screenToday)
		if n := len(dailyRecords(j, journal.KindGratitude)); n != 0 {
			t.Errorf("%d records saved without typing", n)
		}
	})
}

func TestGratitudeDays(t *testing.T) {
	a, j, _ := unlockedTestApp(t)
	dailySeed(t, j,
		journal.Record{Kind: journal.KindGratitude, Date: "2026-11-24", Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "The lake", Why: "I went out"}, {Text: "Soup"}}}},
		journal.Record{Kind: journal.KindGratitude, Date: "2026-11-20", Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "A letter"}}}},
	)
	s, timers := gratitudeOf(t, a)

	t.Run("the history lists earlier days newest first", func(t *testing.T) {
		if len(s.historyDays) != 2 || s.historyDays[0].Date != "2026-11-24" || s.historyDays[1].Date != "2026-11-20" {
			t.Fatalf("history %+v", s.historyDays)
		}
		if s.emptyHistory.Visible() {
			t.Error("the empty history note shows beside a history")
		}
	})
	t.Run("the previous day shows its values", func(t *testing.T) {
		test.Tap(s.picker.prev)
		if s.texts[0].Text != "The lake" || s.whys[0].Text != "I went out" || s.texts[1].Text != "Soup" || s.texts[2].Text != "" {
			t.Errorf("fields %q %q %q %q", s.texts[0].Text, s.whys[0].Text, s.texts[1].Text, s.texts[2].Text)
		}
		if s.picker.isToday() || s.picker.next.Disabled() {
			t.Error("still on today")
		}
	})
	t.Run("editing an earlier day updates that day", func(t *testing.T) {
		test.Type(s.texts[2], "Rain")
		test.Tap(s.picker.next) // switching days saves at once
		if timers.pending() != 0 {
			t.Error("a timer is still armed after the day switch saved")
		}
		recs := dailyRecords(j, journal.KindGratitude)
		if len(recs) != 2 {
			t.Fatalf("%d records, want 2", len(recs))
		}
		r, _, _ := recordForDay(j, journal.KindGratitude, "2026-11-24")
		if len(r.Gratitude.Items) != 3 || r.Gratitude.Items[2].Text != "Rain" || r.Gratitude.Items[0].Why != "I went out" {
			t.Errorf("the 24th holds %+v", r.Gratitude.Items)
		}
		if s.texts[0].Text != "" || !s.picker.isToday() {
			t.Error("back on today, the fields are not empty")
		}
	})
	t.Run("tapping a day in the history opens it", func(t *testing.T) {
		s.history.Select(1)
		if s.day != "2026-11-20" || s.texts[0].Text != "A letter" {
			t.Errorf("showing %s with %q", s.day, s.texts[0].Text)
		}
	})
	t.Run("the future is not offered", func(t *testing.T) {
		s.picker.set(s.picker.day.AddDate(0, 0, 30))
		if !s.picker.isToday() || !s.picker.next.Disabled() {
			t.Errorf("picker at %v", s.picker.day)
		}
	})
}

func TestGratitudeEmptyHistoryIsKind(t *testing.T) {
	a, _, _ := unlockedTestApp(t)
	s, _ := gratitudeOf(t, a)
	if !s.emptyHistory.Visible() || !showsText(a, "Even one small thing counts") {
		t.Error("no kind empty state")
	}
}
