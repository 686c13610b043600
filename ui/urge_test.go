package ui

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	rwpractice "github.com/rewirejournal/rewire/journal/practice"
)

// urgeTicker is a [ticker] that ticks only when the test says so.
type urgeTicker struct {
	ticks map[int]func()
	next  int
}

func newUrgeTicker() *urgeTicker { return &urgeTicker{ticks: map[int]func(){}} }

func (m *urgeTicker) start(_ time.Duration, f func()) func() {
	id := m.next
	m.next++
	m.ticks[id] = f
	return func() { delete(m.ticks, id) }
}

// fire ticks every running ticker once, as if a second had passed.
func (m *urgeTicker) fire() {
	for _, f := range m.ticks {
		f()
	}
}

func (m *urgeTicker) running() int { return len(m.ticks) }

// urgeOf returns the urge screen with a manual ticker and manual draft
// timers.
func urgeOf(t *testing.T, a *App) (*urgeScreen, *urgeTicker, *dailyTimers) {
	t.Helper()
	s := a.urgeOf()
	if s == nil {
		t.Fatal("no urge screen: is the app unlocked?")
	}
	tk, timers := newUrgeTicker(), &dailyTimers{}
	s.tick = tk.start
	s.saver.after = timers.after
	return s, tk, timers
}

// urgeRecords returns the saved urge episodes, oldest first.
func urgeRecords(j *fakeJournal) []journal.Record {
	var out []journal.Record
	for _, r := range j.records {
		if r.Kind == journal.KindUrge {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b journal.Record) int { return a.Urge.Started.Compare(b.Urge.Started) })
	return out
}

// onlyUrge returns the one saved urge episode.
func onlyUrge(t *testing.T, j *fakeJournal) journal.UrgeEpisode {
	t.Helper()
	recs := urgeRecords(j)
	if len(recs) != 1 {
		t.Fatalf("%d urge records saved, want 1", len(recs))
	}
	return *recs[0].Urge
}

func ratingsOf(ep journal.UrgeEpisode) []int {
	var out []int
	for _, s := range ep.Samples {
		out = append(out, s.Rating)
	}
	return out
}

// rateUrge taps rating n on the screen.
func rateUrge(t *testing.T, a *App, n int) {
	t.Helper()
	b := button(a, strconv.Itoa(n))
	if b == nil {
		t.Fatalf("no rating button %d; texts %q", n, texts(a))
	}
	test.Tap(b)
}

// tapButton taps the visible button labelled text, failing if there is none.
func tapButton(t *testing.T, a *App, text string) {
	t.Helper()
	b := button(a, text)
	if b == nil {
		t.Fatalf("no button %q; texts %q", text, texts(a))
	}
	test.Tap(b)
}

// overlayButton returns the button labelled text in the top dialog.
func overlayButton(a *App, text string) *widget.Button {
	over := a.win.Canvas().Overlays().Top()
	if over == nil {
		return nil
	}
	for _, o := range test.LaidOutObjects(over) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}

// check returns the check box labelled text.
func check(t *testing.T, a *App, text string) *widget.Check {
	t.Helper()
	for _, o := range objects(a) {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			return c
		}
	}
	t.Fatalf("no check box %q", text)
	return nil
}

// visibleTexts returns the texts of the window's labels and buttons that
// are shown: unlike texts, it skips anything hidden.
func visibleTexts(a *App) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Check:
			out = append(out, w.Text)
		}
		switch w := o.(type) {
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(a.win.Canvas().Content())
	return out
}

// shows reports whether a shown text in the window contains s.
func shows(a *App, s string) bool {
	return slices.ContainsFunc(visibleTexts(a), func(t string) bool { return strings.Contains(t, s) })
}

const duePrompt = "How strong is the urge now?"

func TestUrgeFlowFromCravingToHistory(t *testing.T) {
	a, j, clock := unlockedTestApp(t)
	s, tk, timers := urgeOf(t, a)
	start := clock.Now()

	test.Tap(button(a, "I'm having a craving"))
	if a.shell.current != screenUrge || s.view != urgeStart {
		t.Fatalf("the craving button shows screen %d view %d, want the first rating", a.shell.current, s.view)
	}
	if len(urgeRecords(j)) != 0 {
		t.Fatal("a record was saved before the first rating")
	}
	rateUrge(t, a, 6)
	if ep := onlyUrge(t, j); !slices.Equal(ratingsOf(ep), []int{6}) || ep.Finished || ep.CadenceSeconds != 60 {
		t.Fatalf("after the first rating saved %v finished %v cadence %d", ratingsOf(ep), ep.Finished, ep.CadenceSeconds)
	}
	if tk.running() != 1 {
		t.Fatalf("%d tickers run, want 1", tk.running())
	}
	if !shows(a, "Notice the urge") {
		t.Errorf("no first guidance; texts %q", texts(a))
	}

	// Three prompts, a minute apart, each answered; then a fourth that
	// brings the urge down to 3.
	for i, r := range []int{8, 7, 5, 3} {
		clock.advance(59 * time.Second)
		tk.fire()
		if shows(a, duePrompt) {
			t.Fatalf("prompt %d came before the cadence", i+1)
		}
		if shows(a, "It has eased off") {
			t.Fatalf("ending was suggested before rating %d", r)
		}
		clock.advance(time.Second)
		tk.fire()
		if !shows(a, duePrompt) || button(a, "5").Importance != widget.HighImportance {
			t.Fatalf("no prompt %d after a minute; texts %q", i+1, texts(a))
		}
		rateUrge(t, a, r)
		if shows(a, duePrompt) {
			t.Fatalf("the prompt stayed after rating %d", r)
		}
		if got := ratingsOf(onlyUrge(t, j)); len(got) != i+2 || got[i+1] != r {
			t.Fatalf("saved ratings %v after rating %d", got, r)
		}
	}
	if !shows(a, "It has eased off") {
		t.Fatalf("ending not suggested at 3; texts %q", texts(a))
	}
	if w := s.run.wave.wave; len(w.Ratings) != 5 || w.Ratings[1].Minutes != 1 || w.Ratings[4].Value != 3 {
		t.Errorf("the live wave shows %+v", w.Ratings)
	}

	endAt := clock.Now()
	tapButton(t, a, "End and note what helped")
	if s.view != urgeEnding || tk.running() != 0 {
		t.Fatalf("view %d with %d tickers after End, want the form and none", s.view, tk.running())
	}
	clock.advance(3 * time.Minute) // writing takes a while
	test.Tap(check(t, a, "Feelings"))
	test.Tap(check(t, a, "Tired"))
	test.Type(s.form.other, "payday")
	test.Type(s.form.situation, "After work, alone")
	test.Type(s.form.coping, "Called Sam")
	s.form.acted.SetSelected("No, I rode it out")
	timers.fire()
	if ep := onlyUrge(t, j); ep.Finished || ep.Situation != "After work, alone" || !slices.Equal(ep.HALT, []string{"tired"}) {
		t.Fatalf("the draft was not saved as it was written: %+v", ep)
	}
	tapButton(t, a, "Save")
	ep := onlyUrge(t, j)
	if !ep.Finished || !ep.Ended.Equal(endAt) || ep.ActedOn {
		t.Errorf("saved finished %v ended %v acted %v; want finished at %v, not acted on", ep.Finished, ep.Ended, ep.ActedOn, endAt)
	}
	if !slices.Equal(ep.Triggers, []string{"feelings", "payday"}) || !slices.Equal(ep.HALT, []string{"tired"}) ||
		ep.Coping != "Called Sam" || !ep.Started.Equal(start) {
		t.Errorf("saved %+v", ep)
	}
	if !shows(a, "You rode it out") || !shows(a, "Your wave: peak 8 of 10, 4 min in all") {
		t.Errorf("no closing words or wave; texts %q", texts(a))
	}

	tapButton(t, a, "See your waves")
	h := s.hist
	if h.list.Length() != 1 || len(h.rows) == 0 {
		t.Fatalf("history lists %d episodes", h.list.Length())
	}
	var shown []*urgeRow // the list also makes a row only to measure
	for _, r := range h.rows {
		if r.title.Text != "" {
			shown = append(shown, r)
		}
	}
	if len(shown) != 1 {
		t.Fatalf("%d rows shown, want 1", len(shown))
	}
	if got := shown[0].wave.wave.Ratings; len(got) != 5 || got[1].Value != 8 {
		t.Errorf("the history row's wave is %+v", got)
	}
	for _, want := range []string{"Peak 8 · 4 min · ridden out", "Ridden out without acting: 1 of 1 (100%)",
		"Most common triggers: Feelings (1), payday (1)", "Median time to the peak: 1 min", "Success is riding the urge out"} {
		if !shows(a, want) {
			t.Errorf("history lacks %q; texts %q", want, texts(a))
		}
	}
}

func TestUrgeCadence(t *testing.T) {
	for _, secs := range []int{30, 45, 60, 90, 120} {
		t.Run("a cadence of "+strconv.Itoa(secs)+" s chosen in settings prompts after exactly that", func(t *testing.T) {
			a, j, clock := unlockedTestApp(t)
			a.ShowScreen(screenSettings)
			st := a.shell.screens[screenSettings].(*settingsScreen)
			st.cadence.SetSelected(strconv.Itoa(secs) + " seconds")
			if a.Settings().UrgeCadenceSeconds != secs {
				t.Fatalf("settings saved cadence %d", a.Settings().UrgeCadenceSeconds)
			}
			_, tk, _ := urgeOf(t, a)
			a.StartUrge()
			rateUrge(t, a, 5)
			cadence := time.Duration(secs) * time.Second
			for range 2 {
				clock.advance(cadence - time.Second)
				tk.fire()
				if shows(a, duePrompt) {
					t.Fatal("prompted a second early")
				}
				clock.advance(time.Second)
				tk.fire()
				if !shows(a, duePrompt) {
					t.Fatal("no prompt at the cadence")
				}
				rateUrge(t, a, 6)
			}
			if ep := onlyUrge(t, j); ep.CadenceSeconds != secs || len(ep.Samples) != 3 {
				t.Errorf("saved cadence %d with %d ratings", ep.CadenceSeconds, len(ep.Samples))
			}
		})
	}
}

func TestUrgeSuggestsEnding(t *testing.T) {
	tests := []struct {
		name    string
		ratings []int
		want    bool
	}{
		{"not on the first rating alone, however low", []int{2}, false},
		{"when it falls to 3", []int{7, 3}, true},
		{"when it falls to half the start", []int{10, 5}, true},
		{"not when it is a little lower", []int{10, 6}, false},
		{"not while it rises", []int{5, 8}, false},
		{"when a mild urge stays mild", []int{3, 3}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, clock := unlockedTestApp(t)
			_, tk, _ := urgeOf(t, a)
			a.StartUrge()
			for i, r := range tt.ratings {
				if i > 0 {
					clock.advance(time.Minute)
					tk.fire()
				}
				rateUrge(t, a, r)
			}
			if got := shows(a, "It has eased off"); got != tt.want {
				t.Errorf("suggests ending: %v, want %v", got, tt.want)
			}
		})
	}
}

func TestUrgeSoftCapAndKeepGoing(t *testing.T) {
	a, j, clock := unlockedTestApp(t)
	_, tk, _ := urgeOf(t, a)
	a.StartUrge()
	rateUrge(t, a, 9)
	for range 29 {
		clock.advance(time.Minute)
		tk.fire()
		rateUrge(t, a, 9)
	}
	clock.advance(59 * time.Second)
	tk.fire()
	if shows(a, "Half an hour") {
		t.Fatal("the soft cap came before thirty minutes")
	}
	clock.advance(time.Second)
	tk.fire()
	if !shows(a, "Half an hour") || button(a, "Keep going") == nil {
		t.Fatalf("no soft cap at thirty minutes; texts %q", texts(a))
	}
	tapButton(t, a, "Keep going")
	if shows(a, "Half an hour") {
		t.Error("Keep going did not close the offer")
	}
	rateUrge(t, a, 8)
	clock.advance(29 * time.Minute)
	tk.fire()
	if shows(a, "Half an hour") {
		t.Error("offered again before another thirty minutes")
	}
	clock.advance(time.Minute)
	tk.fire()
	if !shows(a, "Half an hour") {
		t.Error("not offered again after another thirty minutes")
	}
	tapButton(t, a, "End here")
	tapButton(t, a, "Save")
	if ep := onlyUrge(t, j); !ep.Finished || len(ep.Samples) != 31 {
		t.Errorf("saved finished %v with %d ratings", ep.Finished, len(ep.Samples))
	}
}

// TestUrgeBreathingAndBack breathes in the middle of a craving: the
// user's own pattern, logged like on the Breathe screen, and back to the
// same session, which went on meanwhile; then once more, going back in the
// middle of a guide.
func TestUrgeBreathingAndBack(t *testing.T) {
	r := newPracticeRig(t, true) // one hand-driven ticker for the session and the guide
	a, j, clock := r.a, r.j, r.clock
	dailySeed(t, j, journal.Record{Kind: journal.KindPattern, Date: clock.Now().Format(journal.DateLayout),
		Pattern: &journal.BreathingPattern{Name: "Slow waves", Inhale: 4, Exhale: 6, Minutes: 5}})
	s := a.urgeOf()
	a.StartUrge()
	rateUrge(t, a, 8)
	r.run(20, time.Second)
	tapButton(t, a, "Breathe for a while")
	if s.view != urgeBreathing || !shows(a, "Slow waves") || !shows(a, "Box breathing") ||
		!shows(a, "Your urge session goes on while you breathe: 0:20 since you started") {
		t.Fatalf("no breathing practice in the urge screen; texts %q", visibleTexts(a))
	}
	if ep := onlyUrge(t, j); len(ep.Pauses) != 1 || !ep.Pauses[0].To.IsZero() {
		t.Fatalf("the pause was not saved as it began: %+v", ep.Pauses)
	}

	r.startPreset(len(rwpractice.Presets())) // the user's pattern
	a.StartUrge()                            // Ctrl+U while breathing keeps the breathing
	if s.view != urgeBreathing || a.breathing == nil {
		t.Fatalf("Ctrl+U left the breathing practice (view %d)", s.view)
	}
	r.run(60, time.Second)
	if !shows(a, "Slow waves") || !shows(a, "1:20 since you started") || shows(a, duePrompt) {
		t.Fatalf("a minute into the guide: texts %q", visibleTexts(a))
	}
	tapButton(t, a, "Done")
	tapButton(t, a, "Finish")
	if a.shell.current != screenUrge || s.view != urgeRunning || s.breath != nil || r.tick.running() != 1 {
		t.Fatalf("not back in the running session (view %d, %d tickers)", s.view, r.tick.running())
	}
	logged := r.sessions(rwpractice.PracticeBreathing)
	if len(logged) != 1 || logged[0].Session.Pattern != "Slow waves" || logged[0].Session.Seconds != 60 {
		t.Fatalf("breathing logged %+v, want the minute of Slow waves", logged)
	}
	ep := onlyUrge(t, j)
	if len(ep.Pauses) != 1 || !ep.Pauses[0].To.Equal(clock.Now()) || ep.Finished {
		t.Fatalf("the pause was not closed on return: %+v", ep.Pauses)
	}
	// The urge went on while breathing: a rating is due at once, at the
	// same cadence as before.
	if !shows(a, duePrompt) || !shows(a, "1:20 since you started") {
		t.Errorf("after breathing: texts %q", visibleTexts(a))
	}
	rateUrge(t, a, 5)
	r.run(59, time.Second)
	if shows(a, duePrompt) {
		t.Error("a prompt came before the cadence after breathing")
	}
	r.run(1, time.Second)
	if !shows(a, duePrompt) {
		t.Error("no prompt a minute after the rating")
	}
	rateUrge(t, a, 4)

	// Again, and back in the middle of box breathing: what was breathed
	// is saved, and a screen left meanwhile pauses the guide.
	tapButton(t, a, "Breathe for a while")
	r.startPreset(0)
	r.run(8, time.Second)
	a.ShowScreen(screenJournal)
	r.run(30, time.Second)
	a.ShowScreen(screenUrge)
	if s.view != urgeBreathing || !showsText(a, "Paused") {
		t.Fatalf("coming back to the urge screen: view %d, texts %q", s.view, visibleTexts(a))
	}
	tapButton(t, a, "Back to urge surfing")
	if s.view != urgeRunning || s.breath != nil || r.tick.running() != 1 {
		t.Fatalf("Back left view %d with %d tickers", s.view, r.tick.running())
	}
	logged = r.sessions(rwpractice.PracticeBreathing)
	box := 0
	for _, rec := range logged {
		if rec.Session.Pattern == rwpractice.PresetBox {
			box = rec.Session.Seconds
		}
	}
	if len(logged) != 2 || box != 8 {
		t.Errorf("logged %d breathing sessions, box %d s; want 2, box 8 s", len(logged), box)
	}
	if ep := onlyUrge(t, j); !slices.Equal(ratingsOf(ep), []int{8, 5, 4}) || len(ep.Pauses) != 2 || ep.Pauses[1].To.IsZero() {
		t.Errorf("the episode after two breaks: ratings %v, pauses %+v", ratingsOf(ep), ep.Pauses)
	}
}

// TestUrgeLockWhileBreathing: locking in the middle of a guide inside
// urge surfing saves both, and the next unlock offers the session again.
func TestUrgeLockWhileBreathing(t *testing.T) {
	r := newPracticeRig(t, true)
	a, j := r.a, r.j
	a.StartUrge()
	rateUrge(t, a, 6)
	tapButton(t, a, "Breathe for a while")
	r.startPreset(2) // coherent
	r.run(40, time.Second)
	tapButton(t, a, "Lock")
	r.run(1, time.Second) // the session's ticker notices the lock at its next tick
	if !j.Locked() || a.breathing != nil || r.tick.running() != 0 {
		t.Fatalf("locked %v, guide %v, %d tickers", j.Locked(), a.breathing != nil, r.tick.running())
	}
	logged := r.sessions(rwpractice.PracticeBreathing)
	if len(logged) != 1 || logged[0].Session.Seconds != 40 {
		t.Fatalf("breathing log after lock: %+v, want the 40 s breathed", logged)
	}
	if ep := onlyUrge(t, j); ep.Finished || len(ep.Pauses) != 1 || !slices.Equal(ratingsOf(ep), []int{6}) {
		t.Fatalf("episode after lock: %+v", ep)
	}
	r.clock.advance(time.Minute)
	test.Type(a.unlockView.passphrase, testPassphrase)
	a.unlockView.submit()
	if overlayButton(a, "Resume surfing") == nil {
		t.Error("no offer to resume after unlocking again")
	}
}

func TestUrgeActedOnIsMetKindly(t *testing.T) {
	a, j, _ := unlockedTestApp(t)
	st := a.Settings()
	st.RecoveryStart = "2026-10-01"
	if err := a.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
	s, _, _ := urgeOf(t, a)
	a.StartUrge()
	rateUrge(t, a, 9)
	tapButton(t, a, "End")
	s.form.acted.SetSelected("Yes, I acted on it")
	tapButton(t, a, "Save")
	if ep := onlyUrge(t, j); !ep.ActedOn || !ep.Finished {
		t.Fatalf("saved acted on %v, finished %v", ep.ActedOn, ep.Finished)
	}
	if !shows(a, "Thank you for being honest") || !shows(a, "Nothing has been reset") {
		t.Errorf("no kind words; texts %q", texts(a))
	}
	for _, txt := range texts(a) {
		if l := strings.ToLower(txt); strings.Contains(l, "streak") || strings.Contains(l, "fail") || strings.Contains(l, "start over") {
			t.Errorf("judging words after a lapse: %q", txt)
		}
	}
	tapButton(t, a, "Back to Today")
	if a.Settings().RecoveryStart != "2026-10-01" || !shows(a, "Day 56 of your recovery") {
		t.Error("acting on an urge changed the recovery counter")
	}
}

func TestUrgeShortcut(t *testing.T) {
	a, j, _ := unlockedTestApp(t)
	s, _, _ := urgeOf(t, a)
	press := func() {
		a.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyU, Modifier: fyne.KeyModifierShortcutDefault})
	}
	a.ShowScreen(screenJournal)
	press()
	if a.shell.current != screenUrge || s.view != urgeStart {
		t.Fatalf("Ctrl+U shows screen %d view %d, want the first rating", a.shell.current, s.view)
	}
	rateUrge(t, a, 4)
	a.ShowScreen(screenGratitude)
	press()
	if a.shell.current != screenUrge || s.view != urgeRunning || len(urgeRecords(j)) != 1 {
		t.Errorf("Ctrl+U during a session shows view %d with %d records; want the same session", s.view, len(urgeRecords(j)))
	}
}

// crashAndReopen leaves the app as a killed process would (no Leave, no
// lock) and opens a new one on the same vault, the clock moved on by away.
func crashAndReopen(t *testing.T, v *fakeVaults, old *fakeClock, away time.Duration) (*App, *fakeClock) {
	t.Helper()
	v.j.locked = true
	a, clock := newTestApp(t, v)
	clock.now = old.now.Add(away)
	test.Type(a.unlockView.passphrase, testPassphrase)
	a.unlockView.submit()
	if a.shell == nil {
		t.Fatal("the new app did not unlock")
	}
	return a, clock
}

func TestUrgeSurvivesACrash(t *testing.T) {
	begin := func(t *testing.T) (*fakeVaults, *fakeClock) {
		j := newFakeJournal(testPassphrase)
		v := &fakeVaults{j: j}
		a, clock := newTestApp(t, v)
		test.Type(a.unlockView.passphrase, testPassphrase)
		a.unlockView.submit()
		_, tk, _ := urgeOf(t, a)
		a.StartUrge()
		rateUrge(t, a, 7)
		clock.advance(time.Minute)
		tk.fire()
		rateUrge(t, a, 9)
		clock.advance(40 * time.Second) // killed mid-minute: these seconds are lost
		return v, clock
	}

	t.Run("a recent session is offered to resume and goes on as the same record", func(t *testing.T) {
		v, old := begin(t)
		id := urgeRecords(v.j)[0].ID
		a, clock := crashAndReopen(t, v, old, 2*time.Minute)
		s, tk, _ := urgeOf(t, a)
		resume := overlayButton(a, "Resume surfing")
		if resume == nil {
			t.Fatal("no offer to resume after the crash")
		}
		test.Tap(resume)
		if a.shell.current != screenUrge || s.view != urgeRunning || tk.running() != 1 {
			t.Fatalf("resume shows screen %d view %d with %d tickers", a.shell.current, s.view, tk.running())
		}
		tk.fire()
		if !shows(a, duePrompt) {
			t.Errorf("a rating is not due after the time away; texts %q", texts(a))
		}
		rateUrge(t, a, 4)
		recs := urgeRecords(v.j)
		if len(recs) != 1 || recs[0].ID != id || !slices.Equal(ratingsOf(*recs[0].Urge), []int{7, 9, 4}) {
			t.Fatalf("after resuming: %d records, ratings %v", len(recs), ratingsOf(*recs[0].Urge))
		}
		if got := recs[0].Urge.Samples[2].At; !got.Equal(clock.Now()) {
			t.Errorf("the new rating is at %v, want %v", got, clock.Now())
		}
	})

	t.Run("an older session is offered only to finish, ending at its last rating", func(t *testing.T) {
		v, old := begin(t)
		lastRated := urgeRecords(v.j)[0].Urge.Samples[1].At
		a, _ := crashAndReopen(t, v, old, 2*time.Hour)
		s, _, _ := urgeOf(t, a)
		if overlayButton(a, "Resume surfing") != nil {
			t.Error("offered to resume an urge two hours old")
		}
		finish := overlayButton(a, "Add notes and finish")
		if finish == nil {
			t.Fatal("no offer to finish")
		}
		test.Tap(finish)
		if s.view != urgeEnding {
			t.Fatalf("view %d, want the end form", s.view)
		}
		test.Tap(check(t, a, "Lonely"))
		tapButton(t, a, "Save")
		ep := onlyUrge(t, v.j)
		if !ep.Finished || !ep.Ended.Equal(lastRated) || !slices.Equal(ep.HALT, []string{"lonely"}) {
			t.Errorf("finished %v at %v (want %v), HALT %v", ep.Finished, ep.Ended, lastRated, ep.HALT)
		}
	})

	t.Run("a day-old session is not asked about but waits in the history", func(t *testing.T) {
		v, old := begin(t)
		a, _ := crashAndReopen(t, v, old, 13*time.Hour)
		if a.win.Canvas().Overlays().Top() != nil {
			t.Error("asked about an urge thirteen hours old")
		}
		urgeOf(t, a)
		a.ShowScreen(screenUrge)
		if !shows(a, "A session wasn't finished") || !shows(a, "not finished") {
			t.Errorf("the interrupted session is not in the history; texts %q", texts(a))
		}
		if !shows(a, "Sessions finished") && !shows(a, "After your first finished session") {
			t.Error("no figures")
		}
	})

	t.Run("the end form's words survive a crash and come back", func(t *testing.T) {
		v, old := begin(t)
		// Reopen, resume, start the form, type, let the draft save, crash.
		a, clock := crashAndReopen(t, v, old, time.Minute)
		s, _, timers := urgeOf(t, a)
		test.Tap(overlayButton(a, "Resume surfing"))
		tapButton(t, a, "End")
		test.Type(s.form.situation, "Kitchen, late")
		timers.fire()
		a2, _ := crashAndReopen(t, v, clock, time.Minute)
		s2, _, _ := urgeOf(t, a2)
		test.Tap(overlayButton(a2, "Add notes and finish"))
		if s2.form == nil || s2.form.situation.Text != "Kitchen, late" {
			t.Fatalf("the draft did not come back into the form")
		}
	})
}

func TestUrgeLockMidSession(t *testing.T) {
	a, j, clock := unlockedTestApp(t)
	_, tk, _ := urgeOf(t, a)
	a.StartUrge()
	rateUrge(t, a, 6)
	a.Lock()
	tk.fire()
	if tk.running() != 0 {
		t.Error("the ticker runs on after lock")
	}
	if ep := onlyUrge(t, j); ep.Finished || len(ep.Samples) != 1 {
		t.Fatalf("after lock: %+v", ep)
	}
	clock.advance(3 * time.Minute)
	test.Type(a.unlockView.passphrase, testPassphrase)
	a.unlockView.submit()
	if overlayButton(a, "Resume surfing") == nil {
		t.Error("no offer to resume after unlocking again")
	}
}

// BenchmarkCravingToFirstRating measures the craving button on Today
// showing the first rating, with a year of episodes in the vault.
func BenchmarkCravingToFirstRating(b *testing.B) {
	a, j, clock := unlockedTestApp(b)
	for i := range 365 {
		at := clock.Now().AddDate(0, 0, -i-1)
		r := journal.Record{Kind: journal.KindUrge, Date: at.Format(journal.DateLayout), Urge: &journal.UrgeEpisode{
			Started: at, Ended: at.Add(10 * time.Minute), Finished: true,
			Samples: []journal.UrgeSample{{At: at, Rating: 6}, {At: at.Add(time.Minute), Rating: 8}, {At: at.Add(2 * time.Minute), Rating: 3}}}}
		if err := j.Save(&r); err != nil {
			b.Fatal(err)
		}
	}
	s := a.urgeOf()
	craving := func() *widget.Button { a.ShowScreen(screenToday); return button(a, "I'm having a craving") }
	for b.Loop() {
		b.StopTimer()
		btn := craving()
		b.StartTimer()
		test.Tap(btn)
		if s.view != urgeStart {
			b.Fatal("the first rating did not show")
		}
		b.StopTimer()
		s.view = urgeHome
		b.StartTimer()
	}
}

func TestUrgeGuideTextsExistInEveryLanguage(t *testing.T) {
	t.Cleanup(func() { SetLanguage("en") })
	for _, l := range Languages {
		SetLanguage(l.Code)
		seen := map[string]bool{}
		for _, key := range rwpractice.UrgeGuideSteps() {
			text := guideText(key)
			if text == "" || text == key || seen[text] {
				t.Errorf("%s: guidance step %q has text %q", l.Code, key, text)
			}
			seen[text] = true
		}
	}
}

func TestUrgeGuidanceMovesOn(t *testing.T) {
	a, _, clock := unlockedTestApp(t)
	_, tk, _ := urgeOf(t, a)
	a.StartUrge()
	rateUrge(t, a, 5)
	steps := rwpractice.UrgeGuideSteps()
	for i, key := range steps {
		if !shows(a, guideText(key)) {
			t.Errorf("at %v: step %d (%s) not shown", time.Duration(i)*rwpractice.GuideStepTime, i, key)
		}
		clock.advance(rwpractice.GuideStepTime)
		tk.fire()
		rateUrge(t, a, 5)
	}
	// After the last step, the guidance goes back to breathing.
	if !shows(a, guideText(rwpractice.GuideBreathe)) {
		t.Errorf("the guidance did not loop back to breathing; texts %q", visibleTexts(a))
	}
}

func TestUrgeLockClosesAnOpenEpisode(t *testing.T) {
	a, j, clock := unlockedTestApp(t)
	at := clock.Now().Add(-time.Hour)
	dailySeed(t, j, journal.Record{Kind: journal.KindUrge, Date: at.Format(journal.DateLayout), Urge: &journal.UrgeEpisode{
		Started: at, Ended: at.Add(5 * time.Minute), Finished: true, Situation: "At my brother's wedding",
		Samples: []journal.UrgeSample{{At: at, Rating: 6}, {At: at.Add(time.Minute), Rating: 2}}}})
	s, _, _ := urgeOf(t, a)
	a.ShowScreen(screenUrge)
	if s.hist.list.Length() != 1 {
		t.Fatalf("history lists %d episodes", s.hist.list.Length())
	}
	s.hist.list.Select(0)
	over := a.win.Canvas().Overlays().Top()
	if over == nil {
		t.Fatal("selecting an episode opened nothing")
	}
	found := false
	for _, o := range test.LaidOutObjects(over) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "At my brother's wedding") {
			found = true
		}
	}
	if !found {
		t.Fatal("the episode's situation is not in its dialog")
	}
	a.Lock()
	if a.win.Canvas().Overlays().Top() != nil {
		t.Error("the episode stayed open over the lock screen")
	}
}
