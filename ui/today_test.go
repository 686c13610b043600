package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
)

func todayOf(t *testing.T, a *App) *todayScreen {
	t.Helper()
	a.ShowScreen(screenJournal)
	a.ShowScreen(screenToday)
	return a.shell.screens[screenToday].(*todayScreen)
}

func TestTodayRecoveryDay(t *testing.T) {
	tests := []struct {
		name, start string
		day, note   string
	}{
		{"no start date shows no count", "", "", ""},
		{"the start date is day one", "2026-11-25", "Day 1 of your recovery", "Beginning is the bravest step"},
		{"an ordinary day has no milestone", "2026-11-20", "Day 6 of your recovery", ""},
		{"the day after the first week is ordinary", "2026-11-18", "Day 8 of your recovery", ""},
		{"a week is a milestone", "2026-11-19", "Day 7 of your recovery", "One week"},
		{"a year is a milestone", "2025-11-26", "Day 365 of your recovery", "One year"},
		{"the second year is a milestone", "2024-11-26", "Day 730 of your recovery", "2 years"},
		{"a start date in the future shows nothing", "2026-12-01", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, _ := unlockedTestApp(t)
			if err := a.SaveSettings(journal.Settings{RecoveryStart: tt.start}); err != nil {
				t.Fatal(err)
			}
			s := todayOf(t, a)
			if s.day.Text != tt.day || s.day.Visible() != (tt.day != "") {
				t.Errorf("day %q (visible %v), want %q", s.day.Text, s.day.Visible(), tt.day)
			}
			if tt.note == "" && s.milestone.Visible() {
				t.Errorf("milestone %q shown", s.milestone.Text)
			}
			if tt.note != "" && (!s.milestone.Visible() || !showsText(a, tt.note)) {
				t.Errorf("milestone %q, want %q", s.milestone.Text, tt.note)
			}
			if !showsText(a, "25 November 2026") {
				t.Error("no date")
			}
		})
	}
}

func TestTodayPracticesAreTickedFromRecords(t *testing.T) {
	a, j, _ := unlockedTestApp(t)
	dailySeed(t, j,
		journal.Record{Kind: journal.KindGratitude, Date: "2026-11-25", Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "a"}, {Text: "b"}, {Text: "c"}}}},
		journal.Record{Kind: journal.KindSession, Date: "2026-11-25", Session: &journal.PracticeSession{Practice: "breathing", Seconds: 240}},
		journal.Record{Kind: journal.KindSession, Date: "2026-11-25", Session: &journal.PracticeSession{Practice: "meditation", Seconds: 360}},
		journal.Record{Kind: journal.KindSession, Date: "2026-11-24", Session: &journal.PracticeSession{Practice: "meditation", Seconds: 3600}},
		journal.Record{Kind: journal.KindCheckIn, Date: "2026-11-25", CheckIn: &journal.CheckIn{MovementMin: 25, SleepHours: 6, Mood: 4, Craving: 3, Intention: "Be gentle"}},
	)
	s := todayOf(t, a)
	want := map[practice]struct{ checked, disabled bool }{
		practiceMindful:    {true, true},
		practiceGratitude:  {true, true},
		practiceMovement:   {true, false},
		practiceSleep:      {false, false},
		practiceConnection: {false, false},
		practiceLearning:   {false, false},
	}
	for p, w := range want {
		c := s.practices[p]
		if c.Checked != w.checked || c.Disabled() != w.disabled {
			t.Errorf("%s: checked %v disabled %v, want %v %v", c.Text, c.Checked, c.Disabled(), w.checked, w.disabled)
		}
	}
	for _, text := range []string{"Mood 4 of 5", "Craving 3 of 10", "Intention: Be gentle", "Open check-in"} {
		if !showsText(a, text) {
			t.Errorf("the check-in summary lacks %q", text)
		}
	}
	test.Tap(button(a, "Open check-in"))
	if a.shell.current != screenCheckIn {
		t.Error("the check-in button did not open the check-in")
	}
}

func TestTodayHandTicksSaveIntoTheCheckIn(t *testing.T) {
	a, j, _ := unlockedTestApp(t)
	s := todayOf(t, a)
	if !showsText(a, "Check in now") {
		t.Error("no invitation to check in")
	}
	test.Tap(s.practices[practiceConnection])
	test.Tap(s.practices[practiceSleep])
	recs := dailyRecords(j, journal.KindCheckIn)
	if len(recs) != 1 {
		t.Fatalf("%d check-ins, want 1", len(recs))
	}
	if c := recs[0].CheckIn; !c.Connection || c.SleepHours != 7 || recs[0].Date != "2026-11-25" {
		t.Errorf("saved %+v", *c)
	}
	test.Tap(s.practices[practiceConnection])
	recs = dailyRecords(j, journal.KindCheckIn)
	if len(recs) != 1 || recs[0].CheckIn.Connection {
		t.Errorf("untick: %d records, %+v", len(recs), recs)
	}
	if !s.practices[practiceSleep].Checked || s.practices[practiceConnection].Checked {
		t.Error("the checklist does not show what was saved")
	}
	// The check-in screen shows the ticks.
	c, _ := checkInOf(t, a)
	if c.sleep.Value != 7 || c.connection.Checked {
		t.Errorf("check-in screen shows sleep %v, connection %v", c.sleep.Value, c.connection.Checked)
	}
}

func TestTodayOnThisDay(t *testing.T) {
	a, j, _ := unlockedTestApp(t)
	entry := func(date, title, body string) journal.Record {
		return journal.Record{Kind: journal.KindEntry, Date: date, Entry: &journal.Entry{Title: title, Body: body}}
	}
	dailySeed(t, j,
		entry("2026-10-25", "", "\nA month ago I started walking"),
		entry("2025-11-25", "A year ago", "body"),
		entry("2026-10-24", "Not this day", ""),
		entry("2026-11-25", "Written today", ""),
		entry("2024-11-26", "Another day", ""),
	)
	s := todayOf(t, a)
	for _, want := range []string{"A month ago I started walking", "25 October 2026", "A year ago", "25 November 2025"} {
		if !showsText(a, want) {
			t.Errorf("On this day lacks %q", want)
		}
	}
	for _, not := range []string{"Not this day", "Written today", "Another day"} {
		if showsText(a, not) {
			t.Errorf("On this day shows %q", not)
		}
	}
	if len(s.memories.Objects) != 2 {
		t.Errorf("%d memories, want 2", len(s.memories.Objects))
	}
}

func TestTodayOnThisDayEmptyIsKind(t *testing.T) {
	a, _, _ := unlockedTestApp(t)
	todayOf(t, a)
	if !showsText(a, "will be waiting for you here") {
		t.Error("no kind empty state")
	}
}

func TestTodayButtons(t *testing.T) {
	t.Run("Breathe shows the Breathe screen", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		todayOf(t, a)
		test.Tap(button(a, "Breathe"))
		if a.shell == nil || a.shell.current != screenBreathe {
			t.Error("not on the Breathe screen")
		}
	})
	t.Run("a craving opens urge surfing at its first rating", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		todayOf(t, a)
		test.Tap(button(a, "I'm having a craving"))
		if a.shell.current != screenUrge || a.urgeOf().view != urgeStart {
			t.Fatalf("shows screen %d, want urge surfing at its start", a.shell.current)
		}
		if !showsText(a, "How strong is the urge right now?") || button(a, "7") == nil {
			t.Errorf("no first rating to give; texts %q", texts(a))
		}
	})
	t.Run("Write about this starts a new entry", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		s := todayOf(t, a)
		if s.promptText == "" || !showsText(a, s.promptText) {
			t.Fatal("no prompt of the day")
		}
		test.Tap(button(a, "Write about this"))
		if a.shell.current != screenJournal {
			t.Error("not on the journal")
		}
	})
}

func TestTodayLinksOpenTheJournal(t *testing.T) {
	a, fj, _ := unlockedTestApp(t)
	old := &journal.Record{Kind: journal.KindEntry, Date: "2025-11-25", Entry: &journal.Entry{Title: "A year ago", Body: "Body from a year ago"}}
	if err := fj.Save(old); err != nil {
		t.Fatal(err)
	}
	a.ShowScreen(screenToday)
	today := a.shell.screens[screenToday].(*todayScreen)
	js := a.shell.screens[screenJournal].(*journalScreen)

	t.Run("write about this starts an entry under the prompt of the day", func(t *testing.T) {
		a.ShowScreen(screenToday)
		test.Tap(button(a, "Write about this"))
		if !strings.HasPrefix(js.body.Text, today.promptText) || today.promptText == "" {
			t.Fatalf("journal body = %q, want it to start with %q", js.body.Text, today.promptText)
		}
	})
	t.Run("an on-this-day entry opens in the editor", func(t *testing.T) {
		a.ShowScreen(screenToday)
		today.openEntry(old.ID)
		if js.body.Text != "Body from a year ago" {
			t.Fatalf("journal body = %q", js.body.Text)
		}
	})
}
