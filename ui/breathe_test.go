package ui

import (
	"testing"
	"time"
)

func TestBoxBreath(t *testing.T) {
	start := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	b := newBoxBreath(start)
	tests := []struct {
		at    time.Duration
		phase breathPhase
		left  int
		size  float64
		cycle int
	}{
		{0, breatheIn, 4, 0, 0},
		{1 * time.Second, breatheIn, 3, 0.25, 0},
		{3500 * time.Millisecond, breatheIn, 1, 0.875, 0},
		{4 * time.Second, holdIn, 4, 1, 0},
		{7 * time.Second, holdIn, 1, 1, 0},
		{8 * time.Second, breatheOut, 4, 1, 0},
		{10 * time.Second, breatheOut, 2, 0.5, 0},
		{12 * time.Second, holdOut, 4, 0, 0},
		{15900 * time.Millisecond, holdOut, 1, 0, 0},
		{16 * time.Second, breatheIn, 4, 0, 1},
		{33 * time.Second, breatheIn, 3, 0.25, 2},
		{-time.Second, breatheIn, 4, 0, 0}, // a clock that went back
	}
	for _, tt := range tests {
		got := b.Tick(start.Add(tt.at))
		want := breathState{Phase: tt.phase, Left: tt.left, Size: tt.size, Cycle: tt.cycle}
		if got != want {
			t.Errorf("at %v: got %+v, want %+v", tt.at, got, want)
		}
	}
}

func TestBreathingFromUnlockSavesNothing(t *testing.T) {
	j := newFakeJournal(testPassphrase)
	a, clock := newTestApp(t, &fakeVaults{j: j})
	button(a, "Breathe").OnTapped()
	if !showsText(a, "Breathe in") || !showsText(a, "4") {
		t.Fatalf("the guide does not start with breathe in; texts %q", texts(a))
	}
	clock.advance(5 * time.Second)
	a.breathing.update(clock.Now())
	if !showsText(a, "Hold") {
		t.Errorf("five seconds in, the guide does not say hold; texts %q", texts(a))
	}
	button(a, "Done").OnTapped()
	if a.unlockView == nil || !j.Locked() || len(j.records) != 0 {
		t.Error("Done did not return to the unlock screen untouched")
	}
}
