package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
	prac "github.com/rewirejournal/rewire/journal/practice"
	"github.com/rewirejournal/rewire/sound"
)

func (r *practiceRig) meditate() *meditateScreen {
	r.t.Helper()
	r.a.ShowScreen(screenMeditate)
	return r.a.shell.screens[screenMeditate].(*meditateScreen)
}

// setForm fills the meditation form.
func setForm(s *meditateScreen, minutes, warmUp, interval string, start, end, iv sound.Cue) {
	if minutes == "" {
		s.openEnded.SetSelected(s.openEnded.Options[1])
	} else {
		s.openEnded.SetSelected(s.openEnded.Options[0])
		s.minutes.SetText(minutes)
	}
	s.warmUp.SetText(warmUp)
	s.interval.SetText(interval)
	setBell(s.startBell, string(start))
	setBell(s.endBell, string(end))
	setBell(s.intervalBl, string(iv))
}

func TestMeditationBellsRingAtTheirSeconds(t *testing.T) {
	r := newPracticeRig(t, true)
	s := r.meditate()
	setForm(s, "3", "10", "1", sound.Bell, sound.Chime, sound.Bowl)
	test.Tap(button(r.a, "Begin"))
	if r.a.meditation == nil || !showsText(r.a, "Settle in") || !showsText(r.a, "00:10") {
		t.Fatalf("no warm-up; texts %q", texts(r.a))
	}
	start := r.clock.Now()
	var cues []string
	for range 4 * 200 { // every 250 ms, as a slow ticker would
		r.run(1, 250*time.Millisecond)
		if n := len(r.snd.played); n > len(cues) {
			cues = append(cues, string(r.snd.played[n-1])+"@"+r.snd.at[n-1].Sub(start).String())
			if r.snd.played[n-1] == sound.Bell && !showsText(r.a, "Start bell") {
				t.Error("no visual cue with the start bell")
			}
		}
		if r.a.meditation == nil {
			break
		}
	}
	want := []string{"bell@10s", "bowl@1m10s", "bowl@2m10s", "chime@3m10s"}
	if !slices.Equal(cues, want) {
		t.Errorf("bells %q, want %q", cues, want)
	}
	if !showsText(r.a, "You sat for 3 min") {
		t.Errorf("no closing words; texts %q", texts(r.a))
	}
	sits := r.sessions(prac.PracticeMeditation)
	if len(sits) != 1 || sits[0].Session.Seconds != 180 || !sits[0].Session.Finished || sits[0].Session.PlannedSeconds != 180 {
		t.Fatalf("logged %+v", sits)
	}
	test.Tap(button(r.a, "Done"))
	if !showsText(r.a, "Today: 3 mindful minutes") {
		t.Errorf("mindful minutes not shown; texts %q", texts(r.a))
	}
	r.a.ShowScreen(screenToday)
	r.a.shell.screens[screenToday].Refresh()
	if st := r.a.shell.screens[screenToday].(*todayScreen).practices[practiceMindful]; st.Checked {
		t.Error("three minutes ticked the ten-minute mindfulness practice")
	}
}

func TestMeditationWithoutSoundShowsTheBell(t *testing.T) {
	r := newPracticeRig(t, true)
	r.snd.none = true
	s := r.meditate()
	setForm(s, "1", "0", "0", sound.Bell, sound.Bell, sound.None)
	test.Tap(button(r.a, "Begin"))
	r.run(1, 100*time.Millisecond)
	if !showsText(r.a, "Start bell") || len(r.snd.played) != 0 {
		t.Fatal("no visual start bell, or a sound without a device")
	}
	_, _, _, alpha := r.a.meditation.glow.StrokeColor.RGBA()
	r.run(40, 100*time.Millisecond)
	_, _, _, later := r.a.meditation.glow.StrokeColor.RGBA()
	if alpha == 0 || later != 0 || showsText(r.a, "Start bell") {
		t.Errorf("the visual bell does not fade: alpha %d, then %d", alpha, later)
	}
}

func TestMeditationOpenEndedCountsUpAndPauses(t *testing.T) {
	r := newPracticeRig(t, true)
	s := r.meditate()
	setForm(s, "", "0", "0", sound.Bowl, sound.Bell, sound.None)
	test.Tap(button(r.a, "Begin"))
	r.run(65, time.Second)
	if !showsText(r.a, "01:05") || !showsText(r.a, "as long as you like") {
		t.Errorf("texts %q, want 01:05 counting up", texts(r.a))
	}
	test.Tap(button(r.a, "Pause"))
	r.run(600, time.Second)
	test.Tap(button(r.a, "Resume"))
	r.run(5, time.Second)
	if !showsText(r.a, "01:10") {
		t.Errorf("paused time counted; texts %q", texts(r.a))
	}
	test.Tap(button(r.a, "End"))
	if got := r.snd.played; !slices.Equal(got, []sound.Cue{sound.Bowl, sound.Bell}) {
		t.Errorf("played %v, want the bowl to start and the bell to end", got)
	}
	sit := r.sessions(prac.PracticeMeditation)[0].Session
	if sit.Seconds != 70 || !sit.Finished || sit.PlannedSeconds != 0 {
		t.Errorf("logged %+v", sit)
	}
}

func TestMeditationFormErrorsAreShown(t *testing.T) {
	tests := []struct {
		name                      string
		minutes, warmUp, interval string
		want                      string
	}{
		{"zero minutes", "0", "10", "0", "Choose 1 minute to 3 hours"},
		{"four hours", "240", "10", "0", "Choose 1 minute to 3 hours"},
		{"minutes not a number", "ten", "10", "0", "Choose 1 minute to 3 hours"},
		{"61 s warm-up", "10", "61", "0", "0 to 60 whole seconds"},
		{"half a minute interval", "10", "0", "0.5", "every 1 to 180 whole minutes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newPracticeRig(t, true)
			s := r.meditate()
			setForm(s, tt.minutes, tt.warmUp, tt.interval, sound.Bell, sound.Bell, sound.Chime)
			test.Tap(button(r.a, "Begin"))
			if r.a.meditation != nil || !showsText(r.a, tt.want) {
				t.Errorf("started %v; texts %q", r.a.meditation != nil, texts(r.a))
			}
		})
	}
}

func TestMeditationPresetsAreSavedAndLoaded(t *testing.T) {
	r := newPracticeRig(t, true)
	s := r.meditate()
	setForm(s, "20", "30", "5", sound.Bowl, sound.Chime, sound.Bell)
	s.savePreset("  Morning sit ")
	setForm(s, "", "0", "0", sound.None, sound.None, sound.None)
	s.savePreset("Open")
	recs := dailyRecords(r.j, journal.KindMedPreset)
	if len(recs) != 2 {
		t.Fatalf("%d presets saved", len(recs))
	}
	r.a.ShowScreen(screenToday)
	s = r.meditate()
	if !slices.Equal(s.presetSel.Options, []string{"Morning sit", "Open"}) {
		t.Fatalf("presets offered %q", s.presetSel.Options)
	}
	s.presetSel.SetSelected("Morning sit")
	got := s.form()
	want := prac.MeditationPreset{Name: "Morning sit", Duration: 20 * time.Minute, WarmUp: 30 * time.Second,
		StartBell: "bowl", EndBell: "chime", IntervalBell: "bell", Interval: 5 * time.Minute}
	if got != want {
		t.Errorf("loaded %+v, want %+v", got, want)
	}
	// Saving under the same name replaces it.
	s.minutes.SetText("25")
	s.savePreset("morning sit")
	if n := len(dailyRecords(r.j, journal.KindMedPreset)); n != 2 {
		t.Errorf("%d presets after saving one again", n)
	}
	s.savePreset("   ")
	if !showsText(r.a, "A preset needs a name") {
		t.Error("an empty name is not explained")
	}
}

func TestMeditationPartialSitIsKept(t *testing.T) {
	r := newPracticeRig(t, true)
	s := r.meditate()
	setForm(s, "20", "5", "0", sound.Bell, sound.Bell, sound.None)
	test.Tap(button(r.a, "Begin"))
	r.run(5, time.Second)
	if len(r.sessions(prac.PracticeMeditation)) != 0 {
		t.Error("the warm-up was logged as a sit")
	}
	r.run(40, time.Second)
	if sits := r.sessions(prac.PracticeMeditation); len(sits) != 1 || sits[0].Session.Seconds < 30 {
		t.Fatalf("mid-sit the log has %+v", sits)
	}
	r.a.ShowScreen(screenJournal) // the sit goes on behind
	r.run(10, time.Second)
	r.a.Lock()
	sit := r.sessions(prac.PracticeMeditation)[0].Session
	if sit.Seconds != 50 || sit.Finished {
		t.Errorf("after lock the log has %+v, want 50 s, unfinished", sit)
	}
	r.run(1, time.Second) // the first tick after a lock stops the timer
	if r.tick.running() != 0 || r.a.meditation != nil {
		t.Error("the timer still ticks after lock")
	}
}

func TestMeditationCancelledInWarmUpLogsNothing(t *testing.T) {
	r := newPracticeRig(t, true)
	r.meditate()
	test.Tap(button(r.a, "Begin")) // the default: 10 s warm-up
	r.run(3, time.Second)
	test.Tap(button(r.a, "End"))
	if len(r.sessions(prac.PracticeMeditation)) != 0 || len(r.snd.played) != 0 || !showsText(r.a, "No sit this time") {
		t.Errorf("a cancelled warm-up logged or rang; texts %q", texts(r.a))
	}
}

func TestALongSitIsNotIdleLocked(t *testing.T) {
	r := newPracticeRig(t, true)
	s := r.meditate()
	setForm(s, "20", "0", "0", sound.Bell, sound.Bell, sound.None)
	test.Tap(button(r.a, "Begin"))
	for range 20 * 60 {
		r.run(1, time.Second)
		r.a.tick() // the idle check, with the default five minutes
	}
	if r.j.Locked() || r.a.shell == nil {
		t.Fatal("the vault locked in the middle of a sit")
	}
	r.run(2, time.Second)
	for range 6 * 60 {
		r.clock.advance(time.Second)
		r.a.tick()
	}
	if !r.j.Locked() {
		t.Error("the idle lock no longer works after a sit")
	}
}
