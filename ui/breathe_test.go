package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	prac "github.com/rewirejournal/rewire/journal/practice"
	"github.com/rewirejournal/rewire/sound"
)

// manualTicker is a [Ticker] that ticks only when the test says so.
type manualTicker struct{ fns []*tickFn }

type tickFn struct {
	f       func()
	stopped bool
}

func (m *manualTicker) ticker(_ time.Duration, f func()) func() {
	t := &tickFn{f: f}
	m.fns = append(m.fns, t)
	return func() { t.stopped = true }
}

// fire ticks every running ticker once.
func (m *manualTicker) fire() {
	for _, t := range slices.Clone(m.fns) {
		if !t.stopped {
			t.f()
		}
	}
}

// running is how many tickers have not been stopped.
func (m *manualTicker) running() int {
	n := 0
	for _, t := range m.fns {
		if !t.stopped {
			n++
		}
	}
	return n
}

// fakeSound records the cues played, with the clock's time.
type fakeSound struct {
	clock  *fakeClock
	played []sound.Cue
	at     []time.Time
	none   bool // no device
}

func (f *fakeSound) Play(c sound.Cue) {
	if sound.Known(c) && !f.none {
		f.played = append(f.played, c)
		f.at = append(f.at, f.clock.Now())
	}
}
func (f *fakeSound) Prepare()          {}
func (f *fakeSound) Available() bool   { return !f.none }
func (f *fakeSound) SetVolume(float64) {}
func (f *fakeSound) SetMuted(bool)     {}

// practiceRig is an unlocked app with a hand-driven ticker and a fake sound.
type practiceRig struct {
	t     testing.TB
	a     *App
	j     *fakeJournal
	clock *fakeClock
	tick  *manualTicker
	snd   *fakeSound
}

func newPracticeRig(t testing.TB, unlock bool) *practiceRig {
	t.Helper()
	fa := test.NewTempApp(t)
	SetLanguage("en")
	t.Cleanup(func() { SetLanguage("en") })
	r := &practiceRig{t: t, j: newFakeJournal(testPassphrase), tick: &manualTicker{}}
	r.clock = &fakeClock{now: time.Date(2026, 11, 25, 9, 30, 0, 0, time.Local)}
	r.j.clock = r.clock.Now
	r.snd = &fakeSound{clock: r.clock}
	r.a = New(fa, &fakeVaults{j: r.j}, Options{
		Run: InlineRunner, Clock: r.clock.Now, TickEvery: -1, Ticker: r.tick.ticker, Sound: r.snd,
		Calibrate: func(time.Duration, func(float64)) (journal.KDFParams, error) { return journal.MinKDFParams(), nil },
	})
	r.a.build()
	r.a.win.Resize(screenshotSize)
	if unlock {
		test.Type(r.a.unlockView.passphrase, testPassphrase)
		r.a.unlockView.submit()
		if r.a.shell == nil {
			t.Fatal("the app did not unlock")
		}
	}
	return r
}

// run advances the clock by step, n times, ticking after each.
func (r *practiceRig) run(n int, step time.Duration) {
	for range n {
		r.clock.advance(step)
		r.tick.fire()
	}
}

func (r *practiceRig) sessions(practice string) []journal.Record {
	var out []journal.Record
	for _, rec := range dailyRecords(r.j, journal.KindSession) {
		if rec.Session.Practice == practice {
			out = append(out, rec)
		}
	}
	return out
}

// buttons returns the visible buttons labelled text, in layout order.
func buttons(a *App, text string) []*widget.Button {
	var out []*widget.Button
	for _, o := range objects(a) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			out = append(out, b)
		}
	}
	return out
}

func (r *practiceRig) breathePanel() *breathingPanel {
	r.t.Helper()
	r.a.ShowScreen(screenBreathe)
	return r.a.shell.screens[screenBreathe].(*breatheScreen).panel
}

// startPreset taps Start in the row of the preset at index i of
// practice.Presets.
func (r *practiceRig) startPreset(i int) {
	r.t.Helper()
	starts := buttons(r.a, "Start")
	if len(starts) <= i {
		r.t.Fatalf("%d Start buttons, want more than %d", len(starts), i)
	}
	test.Tap(starts[i])
	if r.a.breathing == nil {
		r.t.Fatal("no guide after Start")
	}
}

func TestBreathingFromUnlockSavesNothing(t *testing.T) {
	r := newPracticeRig(t, false)
	test.Tap(button(r.a, "Breathe"))
	if !showsText(r.a, "Breathe in") || !showsText(r.a, "4") || !showsText(r.a, "Nothing is saved") {
		t.Fatalf("the guide does not start with breathe in; texts %q", texts(r.a))
	}
	r.run(5, time.Second)
	if !showsText(r.a, "Hold") {
		t.Errorf("five seconds in, the guide does not say hold; texts %q", texts(r.a))
	}
	test.Tap(button(r.a, "Done"))
	if r.a.unlockView == nil || !r.j.Locked() || len(r.j.records) != 0 || r.tick.running() != 0 {
		t.Error("Done did not return to the unlock screen untouched, with the ticker stopped")
	}
}

func TestBreathingSessionPhasesCuesAndLog(t *testing.T) {
	r := newPracticeRig(t, true)
	p := r.breathePanel()
	p.before.set(7)
	r.startPreset(0) // box
	var phases []string
	for range 4 * 60 {
		ph := r.a.breathing.phase.Text
		if len(phases) == 0 || phases[len(phases)-1] != ph {
			phases = append(phases, ph)
		}
		r.run(1, time.Second)
		if r.a.breathing == nil {
			break
		}
	}
	want := []string{"Breathe in", "Hold", "Breathe out", "Rest", "Breathe in", "Hold"}
	if len(phases) != 60 || !slices.Equal(phases[:6], want) {
		t.Errorf("phases %d: %q…, want 60 starting %q", len(phases), phases[:min(6, len(phases))], want)
	}
	if n := len(r.snd.played); n != 60 || r.snd.played[0] != sound.In || r.snd.played[1] != sound.Hold || r.snd.played[2] != sound.Out {
		t.Errorf("%d cues %v…, want one per phase: in, hold, out…", n, r.snd.played[:min(4, n)])
	}
	if !showsText(r.a, "How are you now?") || !showsText(r.a, "4 min") {
		t.Fatalf("no closing page; texts %q", texts(r.a))
	}
	p.guide.after.set(3)
	test.Tap(button(r.a, "Finish"))
	got := r.sessions(prac.PracticeBreathing)
	if len(got) != 1 {
		t.Fatalf("%d sessions logged, want 1", len(got))
	}
	s := got[0].Session
	if s.Pattern != prac.PresetBox || !s.Preset || s.Seconds != 240 || s.Cycles != 15 || !s.Finished ||
		s.DistressBefore == nil || *s.DistressBefore != 7 || s.DistressAfter == nil || *s.DistressAfter != 3 {
		t.Errorf("logged %+v", s)
	}
	if st, _ := r.j.settings(); st.BreathingSince != "2026-11-25" {
		t.Errorf("BreathingSince %q, want today", st.BreathingSince)
	}
	if !showsText(r.a, "distress 7 → 3") || r.tick.running() != 0 {
		t.Error("the list does not show the session, or the ticker still runs")
	}
}

func TestBreathing478IsCappedInTheFirstMonth(t *testing.T) {
	tests := []struct {
		name      string
		since     string
		pick      int // index in the cycles select: 0 is four breaths
		wantCount string
		want      int
	}{
		{"first session ever", "", 4, "Breath 1 of 4", 4},
		{"two weeks in", "2026-11-11", 4, "Breath 1 of 4", 4},
		{"two months in, eight chosen", "2026-09-25", 4, "Breath 1 of 8", 8},
		{"two months in, four chosen", "2026-09-25", 0, "Breath 1 of 4", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newPracticeRig(t, true)
			if tt.since != "" {
				if err := r.a.SaveSettings(journal.Settings{BreathingSince: tt.since}); err != nil {
					t.Fatal(err)
				}
			}
			p := r.breathePanel()
			p.refresh()
			firstMonth := showsText(r.a, "During your first month")
			if firstMonth != p.cycles.Disabled() || firstMonth != (tt.want == 4 && tt.pick == 4) {
				t.Errorf("first-month note %v, select disabled %v", firstMonth, p.cycles.Disabled())
			}
			p.cycles.SetSelectedIndex(tt.pick) // a disabled select can still be set in code: the guide caps anyway
			r.startPreset(1)
			if !showsText(r.a, tt.wantCount) {
				t.Errorf("texts %q, want %q", texts(r.a), tt.wantCount)
			}
			r.run(20*tt.want, time.Second)
			test.Tap(button(r.a, "Finish"))
			s := r.sessions(prac.PracticeBreathing)[0].Session
			if s.Cycles != tt.want || s.Seconds != 19*tt.want || !s.Finished {
				t.Errorf("logged %d cycles in %d s, want %d in %d", s.Cycles, s.Seconds, tt.want, 19*tt.want)
			}
		})
	}
}

// editor opens the pattern editor for a new pattern.
func (r *practiceRig) editor() *patternEditor {
	r.t.Helper()
	p := r.breathePanel()
	test.Tap(button(r.a, "New pattern"))
	if p.editor == nil {
		r.t.Fatal("no editor")
	}
	return p.editor
}

func TestCustomPatternValidationErrorsAreShown(t *testing.T) {
	tests := []struct {
		name   string
		set    func(e *patternEditor)
		errors []string
	}{
		{"no name", func(e *patternEditor) { e.name.SetText(" ") }, []string{"Give the pattern a name"}},
		{"a preset's name", func(e *patternEditor) { e.name.SetText("Box") }, []string{"Give the pattern a name"}},
		{"0 s inhale", func(e *patternEditor) { e.inhale.SetText("0") }, []string{"Breathe in for 1 to 30 seconds."}},
		{"31 s hold", func(e *patternEditor) { e.holdIn.SetText("31") }, []string{"Hold for 0 to 30 seconds."}},
		{"exhale not a number", func(e *patternEditor) { e.exhale.SetText("six") }, []string{"Breathe out for 1 to 30 seconds."}},
		{"negative rest", func(e *patternEditor) { e.holdOut.SetText("-1") }, []string{"Rest for 0 to 30 seconds."}},
		{"61 minutes", func(e *patternEditor) { e.length.SetText("61") }, []string{"Choose 1 to 60 minutes"}},
		{"half a breath", func(e *patternEditor) {
			e.byCycles.SetSelected("Breaths")
			e.length.SetText("2,5")
		}, []string{"Choose 1 to 60 minutes"}},
		{"two wrong at once", func(e *patternEditor) {
			e.inhale.SetText("0")
			e.exhale.SetText("30.5")
		}, []string{"Breathe in for 1", "Breathe out for 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newPracticeRig(t, true)
			e := r.editor()
			e.name.SetText("Evening calm")
			tt.set(e)
			test.Tap(button(r.a, "Save"))
			for _, msg := range tt.errors {
				if !showsText(r.a, msg) {
					t.Errorf("no error %q; texts %q", msg, texts(r.a))
				}
			}
			if len(dailyRecords(r.j, journal.KindPattern)) != 0 {
				t.Error("an invalid pattern was saved")
			}
			if tt.name != "two wrong at once" && showsText(r.a, "Breathe out for 1") && !slices.Contains(tt.errors, "Breathe out for 1 to 30 seconds.") {
				t.Error("a valid field is marked")
			}
		})
	}
}

func TestCustomPatternNamesAreUnique(t *testing.T) {
	r := newPracticeRig(t, true)
	dailySeed(t, r.j, journal.Record{Kind: journal.KindPattern, Date: "2026-11-20",
		Pattern: &journal.BreathingPattern{Name: "Evening calm", Inhale: 4, Exhale: 6, Minutes: 5}})
	e := r.editor()
	e.name.SetText(" EVENING calm ")
	test.Tap(button(r.a, "Save"))
	if !showsText(r.a, "You already have a pattern with this name.") || len(dailyRecords(r.j, journal.KindPattern)) != 1 {
		t.Errorf("a second pattern of the same name was allowed; texts %q", texts(r.a))
	}
	// Editing a pattern may keep its own name.
	p := r.a.shell.screens[screenBreathe].(*breatheScreen).panel
	e.done(false)
	p.edit(p.custom[0])
	p.editor.exhale.SetText("7")
	test.Tap(button(r.a, "Save"))
	if got := dailyRecords(r.j, journal.KindPattern); len(got) != 1 || got[0].Pattern.Exhale != 7 {
		t.Errorf("editing kept %+v", got)
	}
}

func TestCustomPatternCreatedUsedLoggedReorderedDeleted(t *testing.T) {
	r := newPracticeRig(t, true)
	e := r.editor()
	e.name.SetText("Evening calm")
	e.inhale.SetText("4")
	e.holdIn.SetText("0")
	e.exhale.SetText("6,5")
	e.holdOut.SetText("1")
	e.byCycles.SetSelected("Breaths")
	e.length.SetText("3")
	test.Tap(button(r.a, "Save"))
	if !showsText(r.a, "Evening calm") || !showsText(r.a, "4 s in · 6.5 s out · 1 s rest · 3 breaths") {
		t.Fatalf("the new pattern is not listed; texts %q", texts(r.a))
	}
	r.startPreset(len(prac.Presets())) // the first of the user's
	if !showsText(r.a, "Evening calm") || !showsText(r.a, "Breath 1 of 3") {
		t.Errorf("the guide does not run the pattern; texts %q", texts(r.a))
	}
	r.run(4, time.Second)
	if !showsText(r.a, "Breathe out") {
		t.Errorf("4 s in, not breathing out; texts %q", texts(r.a))
	}
	r.run(31, time.Second)
	test.Tap(button(r.a, "Finish"))
	s := r.sessions(prac.PracticeBreathing)[0].Session
	if s.Pattern != "Evening calm" || s.Preset || s.Cycles != 3 || s.Seconds != 34 || s.PlannedSeconds != 35 {
		// 3 × 11.5 s = 34.5 s: logged as whole seconds, planned rounded up.
		t.Errorf("logged %+v", s)
	}

	e = r.editor()
	e.name.SetText("Morning")
	test.Tap(button(r.a, "Save"))
	p := r.a.shell.screens[screenBreathe].(*breatheScreen).panel
	names := func() []string {
		var n []string
		for _, c := range p.custom {
			n = append(n, c.Pattern.Name)
		}
		return n
	}
	if got := names(); !slices.Equal(got, []string{"Evening calm", "Morning"}) {
		t.Fatalf("order %q", got)
	}
	p.move(1, 0)
	p.refresh() // as after an unlock: read back from the vault
	if got := names(); !slices.Equal(got, []string{"Morning", "Evening calm"}) {
		t.Errorf("after moving up: %q", got)
	}
	// Edit: the same record changes.
	p.edit(p.custom[1])
	p.editor.inhale.SetText("5")
	test.Tap(button(r.a, "Save"))
	pats := dailyRecords(r.j, journal.KindPattern)
	if len(pats) != 2 || !showsText(r.a, "5 s in · 6.5 s out") {
		t.Errorf("%d patterns after an edit; texts %q", len(pats), texts(r.a))
	}
	p.delete(p.custom[0])
	if got := names(); !slices.Equal(got, []string{"Evening calm"}) || len(dailyRecords(r.j, journal.KindPattern)) != 1 {
		t.Errorf("after delete: %q", got)
	}
	if len(r.sessions(prac.PracticeBreathing)) != 1 {
		t.Error("deleting a pattern deleted its sessions")
	}
}

func TestBreathingPartialSessionIsKept(t *testing.T) {
	r := newPracticeRig(t, true)
	r.breathePanel()
	r.startPreset(2) // coherent
	r.run(20, time.Second)
	got := r.sessions(prac.PracticeBreathing)
	if len(got) != 1 || got[0].Session.Seconds < 15 || got[0].Session.Finished {
		t.Fatalf("mid-session the log has %+v, want one unfinished session of at least 15 s", got)
	}
	r.run(7, time.Second)
	r.a.ShowScreen(screenJournal) // leaving pauses the guide
	r.run(30, time.Second)
	r.a.ShowScreen(screenBreathe)
	if !showsText(r.a, "Paused") || r.sessions(prac.PracticeBreathing)[0].Session.Seconds != 27 {
		t.Errorf("the guide ran on while another screen showed; texts %q", texts(r.a))
	}
	test.Tap(button(r.a, "Resume"))
	r.a.Lock() // as the idle lock or quitting would
	got = r.sessions(prac.PracticeBreathing)
	if len(got) != 1 || got[0].Session.Seconds != 27 || got[0].Session.Finished {
		t.Errorf("after lock the log has %+v, want the 27 s breathed, unfinished", got[0].Session)
	}
	r.run(1, time.Second)
	if r.tick.running() != 0 || r.a.breathing != nil {
		t.Error("the guide still runs after lock")
	}
}

func TestBreathingPauseAndSOBERSteps(t *testing.T) {
	r := newPracticeRig(t, true)
	r.breathePanel()
	r.startPreset(4) // SOBER
	if !showsText(r.a, "Stop. Pause where you are.") {
		t.Fatalf("texts %q", texts(r.a))
	}
	test.Tap(button(r.a, "Pause"))
	r.run(60, time.Second)
	if !showsText(r.a, "Stop. Pause where you are.") || !showsText(r.a, "Paused") {
		t.Error("the guide moved on while paused")
	}
	test.Tap(button(r.a, "Resume"))
	r.run(16, time.Second)
	if !showsText(r.a, "Observe what is here") {
		t.Errorf("not at Observe 16 s after resuming; texts %q", texts(r.a))
	}
	test.Tap(button(r.a, "Done"))
	test.Tap(button(r.a, "Finish"))
	s := r.sessions(prac.PracticeBreathing)[0].Session
	if s.Seconds != 16 || !s.Finished || s.PlannedSeconds != 180 {
		t.Errorf("logged %+v, want 16 s of a 180 s plan", s)
	}
}

func TestTodayBreatheOpensTheBreatheScreen(t *testing.T) {
	r := newPracticeRig(t, true)
	test.Tap(button(r.a, "Breathe"))
	if r.a.shell.current != screenBreathe || !showsText(r.a, "Box breathing") {
		t.Error("Today's Breathe does not open the Breathe screen")
	}
}

func TestFormatSpan(t *testing.T) {
	SetLanguage("en")
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{{45 * time.Second, "45 s"}, {4 * time.Minute, "4 min"}, {65 * time.Minute, "1 h 5 min"}} {
		if got := formatSpan(tt.d); got != tt.want {
			t.Errorf("formatSpan(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
	if !strings.Contains(clockText(3725*time.Second), "1:02:05") || clockText(65*time.Second) != "01:05" {
		t.Error("clockText")
	}
}

func TestNumbersFollowTheLanguage(t *testing.T) {
	t.Cleanup(func() { SetLanguage("en") })
	for _, tt := range []struct{ lang, want string }{{"en", "5.5"}, {"sv", "5,5"}, {"uk", "5,5"}} {
		SetLanguage(tt.lang)
		if got := numText(5.5); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
	}
	SetLanguage("sv")
	if got := parseSeconds(numText(6.5)); got != 6.5 {
		t.Errorf("a Swedish 6,5 reads back as %v", got)
	}
}

func TestNoSoundDeviceIsSaidOnTheScreen(t *testing.T) {
	r := newPracticeRig(t, true)
	r.breathePanel()
	if visibleLabel(r.a, "No sound on this computer") {
		t.Error("the note shows while there is sound")
	}
	r.snd.none = true // the device failed to open meanwhile
	r.a.ShowScreen(screenToday)
	r.a.ShowScreen(screenBreathe)
	if !visibleLabel(r.a, "No sound on this computer") {
		t.Error("no note without a sound device")
	}
}

// visibleLabel reports whether a shown label holds text.
func visibleLabel(a *App, text string) bool {
	for _, o := range objects(a) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

// TestBreathingPanelEmbeds is the contract urge surfing relies on: a
// panel of its own, the session handed over at the end, and close ending
// a guide in progress with what was breathed saved.
func TestBreathingPanelEmbeds(t *testing.T) {
	r := newPracticeRig(t, true)
	var got []journal.PracticeSession
	p := r.a.newBreathingPanel(func(s journal.PracticeSession) { got = append(got, s) })
	r.a.win.SetContent(p.Content())
	r.startPreset(2) // coherent
	r.run(30, time.Second)
	if !p.practicing(r.clock.Now()) {
		t.Error("a running guide does not count as practising")
	}
	test.Tap(button(r.a, "Done"))
	if p.practicing(r.clock.Now()) {
		t.Error("the closing page counts as practising")
	}
	test.Tap(button(r.a, "Finish"))
	if len(got) != 1 || got[0].Pattern != prac.PresetCoherent || got[0].Seconds != 30 || !got[0].Finished {
		t.Fatalf("handed over %+v", got)
	}
	if n := len(r.sessions(prac.PracticeBreathing)); n != 1 {
		t.Errorf("%d sessions saved, want 1", n)
	}

	r.startPreset(0) // box
	r.run(10, time.Second)
	p.close()
	if p.practicing(r.clock.Now()) || r.tick.running() != 0 || r.a.breathing != nil {
		t.Errorf("the guide runs on after close (%d tickers)", r.tick.running())
	}
	saved := r.sessions(prac.PracticeBreathing)
	if len(saved) != 2 || len(got) != 1 {
		t.Fatalf("after close: %d sessions saved, %d handed over; want 2 and 1", len(saved), len(got))
	}
	for _, rec := range saved {
		if rec.Session.Pattern == prac.PresetBox && rec.Session.Seconds != 10 {
			t.Errorf("close saved %+v, want the 10 s of box breathing", rec.Session)
		}
	}
}
