package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
)

func TestFirstRun(t *testing.T) {
	refusals := []struct {
		name, first, second, want string
	}{
		{"an empty passphrase", "", "", "Please choose a passphrase."},
		{"a weak passphrase", "sunflower1", "sunflower1", "too easy to guess"},
		{"a passphrase with the app's name", "rewire2026", "rewire2026", "too easy to guess"},
		{"two different passphrases", testPassphrase, testPassphrase + "!", "not the same"},
	}
	for _, tt := range refusals {
		t.Run("refuses "+tt.name, func(t *testing.T) {
			v := &fakeVaults{}
			a, _ := newTestApp(t, v)
			s := a.setupFlow
			test.Tap(button(a, "Begin"))
			test.Type(s.pair.first, tt.first)
			test.Type(s.pair.second, tt.second)
			test.Tap(s.next)
			if v.j != nil {
				t.Fatal("a vault was created")
			}
			if s.step != stepPassphrase || !contains(s.status.Text, tt.want) {
				t.Errorf("step %d, message %q; want the passphrase step saying %q", s.step, s.status.Text, tt.want)
			}
		})
	}

	t.Run("creates the vault, shows the kit once and saves the choices", func(t *testing.T) {
		v := &fakeVaults{}
		a, clock := newTestApp(t, v)
		s := a.setupFlow
		if !showsText(a, "Welcome to Rewire") {
			t.Fatalf("no welcome; texts %q", texts(a))
		}
		test.Tap(button(a, "Begin"))
		test.Type(s.pair.first, testPassphrase)
		if s.pair.meter.score < minScore {
			t.Errorf("the meter shows %v for a strong passphrase", s.pair.meter.score)
		}
		test.Type(s.pair.second, testPassphrase)
		test.Tap(s.next)
		if v.j == nil || v.j.passphrase != testPassphrase {
			t.Fatal("the vault was not created with the passphrase")
		}
		if v.created != journal.MinKDFParams() {
			t.Errorf("created with %+v, not the calibrated parameters", v.created)
		}
		if s.step != stepKit || !showsText(a, v.j.kit) {
			t.Fatalf("the recovery kit is not shown (step %d)", s.step)
		}
		if !s.next.Disabled() {
			t.Error("Continue is enabled before the user confirms they kept the kit")
		}
		test.Tap(s.kept)
		if s.next.Disabled() {
			t.Fatal("Continue stays disabled after confirming")
		}
		test.Tap(s.next)
		if showsText(a, v.j.kit) {
			t.Error("the kit is still shown after the kit step")
		}
		day := time.Date(2026, 9, 1, 0, 0, 0, 0, time.Local)
		s.dayOne.SetDate(&day)
		test.Tap(button(a, "Start using Rewire"))
		if a.shell == nil || a.setupFlow != nil {
			t.Fatal("setup did not end in the shell")
		}
		st, n := v.j.settings()
		want := journal.Settings{RecoveryStart: "2026-09-01", Language: "en", AutoLockMinutes: 5, Theme: "system"}
		if n != 1 || st != want {
			t.Errorf("settings %+v (%d records), want %+v", st, n, want)
		}
		if !showsText(a, "Day 86 of your recovery") || !showsText(a, FormatDate(clock.Now())) {
			t.Errorf("Today does not count the days; texts %q", texts(a))
		}
	})
}
