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

// idleTickEvery is how often these tests check the idle lock, as the
// real app does (Options.TickEvery's default).
const idleTickEvery = 5 * time.Second

// idle advances the clock by d in idleTickEvery steps, ticking the
// practices and then the idle check after each, as the running app does.
// It stops early, reporting when, if the vault locks.
func (r *practiceRig) idle(d time.Duration) (lockedAfter time.Duration, locked bool) {
	for at := idleTickEvery; at <= d; at += idleTickEvery {
		r.clock.advance(idleTickEvery)
		r.tick.fire()
		r.a.tick()
		if r.j.Locked() {
			return at, true
		}
	}
	return 0, false
}

// practiceCase is one timed practice, as the idle lock sees it.
type practiceCase struct {
	name string
	// start begins the practice; it runs for at least 20 minutes unless
	// paused or ended.
	start func(t *testing.T, r *practiceRig)
	// pause pauses it (urge surfing: leaves for breathing and stays on the
	// list of patterns).
	pause func(t *testing.T, r *practiceRig)
	// end lets it end: by itself when it has a length, by the user when
	// not. It is called 20 minutes after start.
	end func(t *testing.T, r *practiceRig)
	// saved checks the practice's record after a lock, secs into it.
	saved func(t *testing.T, r *practiceRig, secs int)
}

// practiceCases are urge surfing, a 20-minute breathing pattern and a
// 20-minute sit.
func practiceCases() []practiceCase {
	sessionOf := func(t *testing.T, r *practiceRig, practice string, secs int) {
		t.Helper()
		got := r.sessions(practice)
		if len(got) != 1 || got[0].Session.Seconds != secs {
			t.Errorf("%s log after lock: %+v, want one session of %d s", practice, got, secs)
		}
	}
	return []practiceCase{{
		name: "urge surfing",
		start: func(t *testing.T, r *practiceRig) {
			r.a.StartUrge()
			rateUrge(t, r.a, 7) // and then only watches the wave
		},
		pause: func(t *testing.T, r *practiceRig) { tapButton(t, r.a, "Breathe for a while") },
		end: func(t *testing.T, r *practiceRig) {
			rateUrge(t, r.a, 2)
			tapButton(t, r.a, "End and note what helped")
			tapButton(t, r.a, "Save")
			if !shows(r.a, "You rode it out") {
				t.Fatalf("the episode did not end; texts %q", visibleTexts(r.a))
			}
		},
		saved: func(t *testing.T, r *practiceRig, _ int) {
			t.Helper()
			if ep := onlyUrge(t, r.j); ep.Finished || !slices.Equal(ratingsOf(ep), []int{7}) {
				t.Errorf("episode after lock: %+v, want it unfinished with its rating", ep)
			}
		},
	}, {
		name: "breathing",
		start: func(t *testing.T, r *practiceRig) {
			dailySeed(t, r.j, journal.Record{Kind: journal.KindPattern, Date: r.clock.Now().Format(journal.DateLayout),
				Pattern: &journal.BreathingPattern{Name: "Long and slow", Inhale: 4, Exhale: 6, Minutes: 20}})
			r.breathePanel()
			r.startPreset(len(prac.Presets()))
		},
		pause: func(t *testing.T, r *practiceRig) { tapButton(t, r.a, "Pause") },
		end: func(t *testing.T, r *practiceRig) {
			if !showsText(r.a, "How are you now?") {
				t.Fatalf("the 20-minute pattern did not end by itself; texts %q", texts(r.a))
			}
		},
		saved: func(t *testing.T, r *practiceRig, secs int) {
			t.Helper()
			sessionOf(t, r, prac.PracticeBreathing, secs)
		},
	}, {
		name: "meditation",
		start: func(t *testing.T, r *practiceRig) {
			setForm(r.meditate(), "20", "0", "0", sound.Bell, sound.Bell, sound.None)
			tapButton(t, r.a, "Begin")
		},
		pause: func(t *testing.T, r *practiceRig) { tapButton(t, r.a, "Pause") },
		end: func(t *testing.T, r *practiceRig) {
			if !showsText(r.a, "Your sit is complete") {
				t.Fatalf("the 20-minute sit did not end by itself; texts %q", texts(r.a))
			}
		},
		saved: func(t *testing.T, r *practiceRig, secs int) {
			t.Helper()
			sessionOf(t, r, prac.PracticeMeditation, secs)
		},
	}}
}

// TestRunningPracticesHoldOffTheIdleLock: a running practice is not
// idleness, however long nobody touches anything; the idle time starts
// when it ends or is paused; locking by hand still locks at once.
func TestRunningPracticesHoldOffTheIdleLock(t *testing.T) {
	for _, pc := range practiceCases() {
		t.Run(pc.name+", then it ends", func(t *testing.T) {
			r := newPracticeRig(t, true)
			pc.start(t, r)
			if at, locked := r.idle(20 * time.Minute); locked {
				t.Fatalf("idle-locked %v into the practice (limit %v)", at, DefaultAutoLock)
			}
			pc.end(t, r)
			if at, locked := r.idle(DefaultAutoLock); !locked || at != DefaultAutoLock {
				t.Errorf("after the end: locked %v after %v, want after %v", locked, at, DefaultAutoLock)
			}
		})
		t.Run(pc.name+", then it is paused", func(t *testing.T) {
			r := newPracticeRig(t, true)
			pc.start(t, r)
			if at, locked := r.idle(10 * time.Minute); locked {
				t.Fatalf("idle-locked %v into the practice", at)
			}
			pc.pause(t, r)
			if at, locked := r.idle(DefaultAutoLock + time.Minute); !locked || at != DefaultAutoLock {
				t.Fatalf("paused: locked %v after %v, want after %v", locked, at, DefaultAutoLock)
			}
			if r.a.shell != nil || r.a.unlockView == nil {
				t.Error("the idle lock did not show the unlock screen")
			}
			pc.saved(t, r, 600)
		})
		t.Run(pc.name+", locked by hand", func(t *testing.T) {
			r := newPracticeRig(t, true)
			pc.start(t, r)
			if at, locked := r.idle(7 * time.Minute); locked {
				t.Fatalf("idle-locked %v into the practice", at)
			}
			test.Tap(button(r.a, "Lock"))
			if !r.j.Locked() || r.a.shell != nil {
				t.Fatal("Lock did not lock during the practice")
			}
			pc.saved(t, r, 420)
			r.run(3, time.Second)
			if r.tick.running() != 0 {
				t.Errorf("%d practice tickers run on after lock", r.tick.running())
			}
		})
	}
}

// TestIdleLockOtherPracticeStates: what does not count as a running
// practice, so the normal idle time applies.
func TestIdleLockOtherPracticeStates(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, r *practiceRig)
		// after is how long after setup the lock should come.
		after time.Duration
	}{
		{"urge surfing's end form left open", func(t *testing.T, r *practiceRig) {
			r.a.StartUrge()
			rateUrge(t, r.a, 7)
			r.idle(time.Minute)
			tapButton(t, r.a, "End")
		}, DefaultAutoLock},
		{"urge surfing's half-hour offer unanswered", func(t *testing.T, r *practiceRig) {
			r.a.StartUrge()
			rateUrge(t, r.a, 7)
			// The offer comes between two checks; the idle time counts
			// from the last check that saw the session running.
		}, prac.SoftCap - idleTickEvery + DefaultAutoLock},
		{"breathing's closing rating left open", func(t *testing.T, r *practiceRig) {
			r.breathePanel()
			r.startPreset(0)
			r.idle(time.Minute)
			tapButton(t, r.a, "Done")
		}, DefaultAutoLock},
		{"breathing in urge surfing, paused", func(t *testing.T, r *practiceRig) {
			r.a.StartUrge()
			rateUrge(t, r.a, 7)
			tapButton(t, r.a, "Breathe for a while")
			r.startPreset(0)
			r.idle(time.Minute)
			tapButton(t, r.a, "Pause")
		}, DefaultAutoLock},
		{"a meditation on another screen, paused", func(t *testing.T, r *practiceRig) {
			setForm(r.meditate(), "30", "0", "0", sound.Bell, sound.Bell, sound.None)
			tapButton(t, r.a, "Begin")
			r.idle(time.Minute)
			tapButton(t, r.a, "Pause")
			r.a.ShowScreen(screenJournal)
			r.a.tick() // notices the new screen's focus now, not at the next check
		}, DefaultAutoLock},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newPracticeRig(t, true)
			tt.setup(t, r)
			if at, locked := r.idle(tt.after + time.Minute); !locked || at != tt.after {
				t.Errorf("locked %v after %v, want after %v", locked, at, tt.after)
			}
		})
	}
}

// TestPracticesOnOtherScreensHoldOffTheIdleLock: urge surfing and a sit
// go on while another screen shows, and so does the hold.
// TestAPracticeBehindAnotherScreenDoesNotHoldOffTheIdleLock: the screen
// that shows may be the journal, so the idle lock comes at its usual time
// even though the practice goes on behind it.
func TestAPracticeBehindAnotherScreenDoesNotHoldOffTheIdleLock(t *testing.T) {
	tests := []struct {
		name  string
		start func(t *testing.T, r *practiceRig)
	}{
		{"urge surfing", func(t *testing.T, r *practiceRig) {
			r.a.StartUrge()
			rateUrge(t, r.a, 7)
		}},
		{"meditation", func(t *testing.T, r *practiceRig) {
			setForm(r.meditate(), "30", "0", "0", sound.Bell, sound.Bell, sound.None)
			tapButton(t, r.a, "Begin")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newPracticeRig(t, true)
			tt.start(t, r)
			if at, locked := r.idle(7 * time.Minute); locked {
				t.Fatalf("idle-locked %v into the practice on its own screen", at)
			}
			// The journal's focus is noticed at the next check as activity,
			// so the lock comes one check after the usual time at most.
			r.a.ShowScreen(screenJournal)
			if at, locked := r.idle(DefaultAutoLock + time.Minute); !locked || at > DefaultAutoLock+idleTickEvery {
				t.Fatalf("behind the journal: locked %v after %v, want locked within %v", locked, at, DefaultAutoLock+idleTickEvery)
			}
		})
	}
}
