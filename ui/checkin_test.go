package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
)

// checkInOf shows the check-in screen with manual autosave timers.
func checkInOf(t *testing.T, a *App) (*checkInScreen, *dailyTimers) {
	t.Helper()
	a.ShowScreen(screenCheckIn)
	s := a.shell.screens[screenCheckIn].(*checkInScreen)
	timers := &dailyTimers{}
	s.saver.after = timers.after
	return s, timers
}

func TestCheckInAutosave(t *testing.T) {
	tests := []struct {
		name  string
		flush func(a *App, timers *dailyTimers)
	}{
		{"when the autosave timer fires", func(_ *App, timers *dailyTimers) { timers.fire() }},
		{"when the user switches screens", func(a *App, _ *dailyTimers) { a.ShowScreen(screenGratitude) }},
		{"when the app locks", func(a *App, _ *dailyTimers) { a.Lock() }},
	}
	for _, tt := range tests {
		t.Run("a check-in is saved as one record for the day "+tt.name, func(t *testing.T) {
			a, j, _ := unlockedTestApp(t)
			s, timers := checkInOf(t, a)
			s.mood.SetSelected("Good")
			test.Type(s.intention, "Call Mum")
			s.craving.SetValue(6)
			s.movement.SetValue(30)
			s.sleep.SetValue(7.5)
			test.Tap(s.connection)
			if n := len(dailyRecords(j, journal.KindCheckIn)); n != 0 {
				t.Fatalf("saved %d records before the debounce", n)
			}
			tt.flush(a, timers)
			recs := dailyRecords(j, journal.KindCheckIn)
			if len(recs) != 1 {
				t.Fatalf("%d check-ins, want 1", len(recs))
			}
			want := journal.CheckIn{Mood: 4, Intention: "Call Mum", Craving: 6, MovementMin: 30, SleepHours: 7.5, Connection: true}
			if r := recs[0]; r.Date != "2026-11-25" || *r.CheckIn != want {
				t.Errorf("saved %s %+v, want %+v", r.Date, *r.CheckIn, want)
			}
		})
	}

	t.Run("a second edit updates the record", func(t *testing.T) {
		a, j, _ := unlockedTestApp(t)
		s, timers := checkInOf(t, a)
		test.Type(s.win, "Went to the meeting")
		timers.fire()
		test.Type(s.note, "Tired but okay")
		timers.fire()
		a.ShowScreen(screenToday)
		s, timers = checkInOf(t, a)
		s.craving.SetValue(2)
		timers.fire()
		recs := dailyRecords(j, journal.KindCheckIn)
		if len(recs) != 1 {
			t.Fatalf("%d check-ins, want 1", len(recs))
		}
		if c := recs[0].CheckIn; c.Win != "Went to the meeting" || c.Note != "Tired but okay" || c.Craving != 2 {
			t.Errorf("saved %+v", *c)
		}
		if !showsText(a, "Saved") {
			t.Error("no quiet Saved status")
		}
	})

	t.Run("just looking saves nothing", func(t *testing.T) {
		a, j, _ := unlockedTestApp(t)
		checkInOf(t, a)
		a.ShowScreen(screenToday)
		if n := len(dailyRecords(j, journal.KindCheckIn)); n != 0 {
			t.Errorf("%d records saved without an edit", n)
		}
	})
}

func TestCheckInLapseIsLoggedKindly(t *testing.T) {
	a, j, _ := unlockedTestApp(t)
	s, timers := checkInOf(t, a)
	if s.lapseNote.Visible() {
		t.Error("the lapse note shows before anything was ticked")
	}
	test.Tap(s.lapse)
	if !s.lapseNote.Visible() || !showsText(a, "information, not failure") {
		t.Error("no kind note after ticking a lapse")
	}
	timers.fire()
	if recs := dailyRecords(j, journal.KindCheckIn); len(recs) != 1 || !recs[0].CheckIn.Lapse {
		t.Errorf("lapse not saved: %+v", recs)
	}
	if st, _ := j.settings(); st.RecoveryStart != "" {
		t.Error("a lapse touched the recovery start")
	}
}

func TestCheckInLoadsTheDay(t *testing.T) {
	a, j, _ := unlockedTestApp(t)
	dailySeed(t, j,
		journal.Record{Kind: journal.KindCheckIn, Date: "2026-11-24", CheckIn: &journal.CheckIn{
			Mood: 2, Intention: "Rest", Challenge: "Work", Win: "Walked", Craving: 7, Lapse: true, Note: "Hard day",
			MovementMin: 25, Connection: true, Learning: true, SleepHours: 6.5}},
		journal.Record{Kind: journal.KindSession, Date: "2026-11-24", Session: &journal.PracticeSession{Practice: "meditation", Seconds: 600}},
		journal.Record{Kind: journal.KindGratitude, Date: "2026-11-24", Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "a"}, {Text: "b"}, {Text: "c"}}}},
	)
	s, timers := checkInOf(t, a)
	if s.intention.Text != "" || s.mindful.Disabled() {
		t.Error("today is not empty")
	}
	test.Tap(s.picker.prev)
	checks := []struct {
		what string
		ok   bool
	}{
		{"mood", s.mood.Selected == "Low"},
		{"intention", s.intention.Text == "Rest"},
		{"challenge", s.challenge.Text == "Work"},
		{"win", s.win.Text == "Walked"},
		{"craving", s.craving.Value == 7 && s.cravingN.Text == "7 of 10"},
		{"lapse and its note", s.lapse.Checked && s.lapseNote.Visible()},
		{"note", s.note.Text == "Hard day"},
		{"movement", s.movement.Value == 25 && s.movementN.Text == "25 min"},
		{"sleep", s.sleep.Value == 6.5 && s.sleepN.Text == "6.5 h"},
		{"connection", s.connection.Checked},
		{"learning", s.learning.Checked},
		{"mindfulness, known from the session", s.mindful.Checked && s.mindful.Disabled()},
		{"gratitude, known from the log", s.gratitude.Checked && s.gratitude.Disabled()},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("the earlier day's %s is not shown", c.what)
		}
	}
	// An edit keeps the record and does not store the app's own ticks as the user's.
	s.note.SetText("Hard day, better now")
	timers.fire()
	recs := dailyRecords(j, journal.KindCheckIn)
	if len(recs) != 1 {
		t.Fatalf("%d check-ins, want 1", len(recs))
	}
	if c := recs[0].CheckIn; c.Note != "Hard day, better now" || c.Mindful || c.GratitudeSet || c.Mood != 2 || c.SleepHours != 6.5 {
		t.Errorf("saved %+v", *c)
	}
}
