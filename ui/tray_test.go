package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal/reminder"
)

// trayLabels returns the tray menu's item labels, "-" for separators,
// and whether each is enabled.
func trayLabels(m *fyne.Menu) (labels []string, enabled map[string]bool) {
	enabled = map[string]bool{}
	for _, it := range m.Items {
		if it.IsSeparator {
			labels = append(labels, "-")
			continue
		}
		labels = append(labels, it.Label)
		enabled[it.Label] = !it.Disabled && it.Action != nil
	}
	return labels, enabled
}

func trayItem(t *testing.T, m *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if strings.HasPrefix(it.Label, label) {
			return it
		}
	}
	t.Fatalf("no tray item %q in %v", label, m.Items)
	return nil
}

func TestTrayMenu(t *testing.T) {
	t.Run("locked: open, breathe and quit; lock is greyed out", func(t *testing.T) {
		a, _ := newTestApp(t, &fakeVaults{j: newFakeJournal(testPassphrase)})
		labels, enabled := trayLabels(a.trayMenu())
		want := "Open Rewire|Lock now|Breathing exercise|Crisis card|-|Quit Rewire"
		if got := strings.Join(labels, "|"); got != want {
			t.Fatalf("tray = %s, want %s", got, want)
		}
		if enabled["Lock now"] || !enabled["Open Rewire"] || !enabled["Breathing exercise"] || !enabled["Crisis card"] || !enabled["Quit Rewire"] {
			t.Errorf("enabled items: %v", enabled)
		}
		if !trayItem(t, a.trayMenu(), "Quit Rewire").IsQuit {
			t.Error("Quit is not the menu's quit item: Fyne would add a second one")
		}
	})
	t.Run("unlocked: lock now locks", func(t *testing.T) {
		a, j, _ := unlockedTestApp(t)
		lock := trayItem(t, a.trayMenu(), "Lock now")
		if lock.Disabled {
			t.Fatal("Lock now is greyed out while unlocked")
		}
		lock.Action()
		if !j.Locked() || a.shell != nil || a.unlockView == nil {
			t.Fatal("Lock now did not lock")
		}
	})
	t.Run("the next reminder is shown, and after it came, the reminder itself opens its screen", func(t *testing.T) {
		a, _, clock := unlockedTestApp(t)
		a.SetReminders([]reminder.Reminder{
			{Kind: reminder.Morning, Hour: 8, Minute: 0, On: true},
			{Kind: reminder.Evening, Hour: 21, Minute: 0, On: true},
			{Kind: reminder.Meditation, Hour: 12, Minute: 30},
		})
		labels, enabled := trayLabels(a.trayMenu())
		if labels[0] != "Next reminder: Evening gratitude and check-in at 21:00" || enabled[labels[0]] {
			t.Fatalf("first tray item %q (enabled %v)", labels[0], enabled[labels[0]])
		}
		clock.now = time.Date(2026, 11, 25, 21, 0, 0, 0, time.Local)
		a.Touch() // the user is here: the idle lock stays away
		a.tick()
		item := trayItem(t, a.trayMenu(), "Evening — Evening gratitude and check-in")
		a.ShowScreen(screenJournal)
		item.Action()
		if a.shell.current != screenGratitude {
			t.Errorf("the evening reminder opened screen %d, want Gratitude", a.shell.current)
		}
		if labels, _ := trayLabels(a.trayMenu()); labels[0] != "Next reminder: Morning intention at 08:00" {
			t.Errorf("after opening it, the first item is %q, want the next reminder", labels[0])
		}
	})
	t.Run("the next-reminder line moves on when a reminder is skipped after a sleep", func(t *testing.T) {
		a, _, clock := unlockedTestApp(t)
		a.tray = a.trayMenu() // as setupTray does where there is a tray
		a.SetReminders([]reminder.Reminder{
			{Kind: reminder.Morning, Hour: 10, Minute: 0, On: true},
			{Kind: reminder.Evening, Hour: 21, Minute: 0, On: true},
		})
		if got := a.tray.Items[0].Label; got != "Next reminder: Morning intention at 10:00" {
			t.Fatalf("tray starts with %q", got)
		}
		clock.now = time.Date(2026, 11, 25, 13, 0, 0, 0, time.Local) // slept from 9:30 to 13:00
		a.Touch()
		test.AssertNotificationSent(t, nil, a.tick)
		if got := a.tray.Items[0].Label; got != "Next reminder: Evening gratitude and check-in at 21:00" {
			t.Errorf("after the skipped morning, the tray starts with %q", got)
		}
	})
	t.Run("no reminder on: no reminder line", func(t *testing.T) {
		a, _ := newTestApp(t, &fakeVaults{j: newFakeJournal(testPassphrase)})
		if labels, _ := trayLabels(a.trayMenu()); labels[0] != "Open Rewire" {
			t.Errorf("first item %q", labels[0])
		}
	})
	t.Run("breathing from the tray while unlocked returns to the same screen", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		a.ShowScreen(screenCheckIn)
		before := a.win.Content()
		trayItem(t, a.trayMenu(), "Breathing exercise").Action()
		if a.breathing == nil || !showsText(a, "Box breathing") {
			t.Fatal("the breathing guide did not open")
		}
		test.Tap(button(a, "Done"))
		if a.win.Content() != before || a.shell.current != screenCheckIn {
			t.Error("Done did not return to the check-in screen")
		}
	})
	t.Run("breathing from the tray while locked returns to the unlock screen", func(t *testing.T) {
		a, _ := newTestApp(t, &fakeVaults{j: newFakeJournal(testPassphrase)})
		trayItem(t, a.trayMenu(), "Breathing exercise").Action()
		if a.breathing == nil {
			t.Fatal("the breathing guide did not open")
		}
		test.Tap(button(a, "Done"))
		if a.unlockView == nil || !showsText(a, "Welcome back") {
			t.Error("Done did not return to the unlock screen")
		}
	})
	t.Run("locking while breathing stops the guide and shows the unlock screen", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		trayItem(t, a.trayMenu(), "Breathing exercise").Action()
		a.Lock()
		if a.breathing != nil || a.unlockView == nil {
			t.Error("the guide outlived the lock")
		}
	})
	t.Run("the crisis card from the tray, unlocked and locked", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		a.ShowScreen(screenJournal)
		trayItem(t, a.trayMenu(), "Crisis card").Action()
		if a.shell.current != screenCrisis {
			t.Errorf("unlocked: the tray's crisis card shows screen %d", a.shell.current)
		}
		a.Lock()
		trayItem(t, a.trayMenu(), "Crisis card").Action()
		if a.crisisOver == nil || a.win.Content() != a.crisisOver {
			t.Error("locked: the tray's crisis card did not show over the unlock screen")
		}
	})
	t.Run("quit from the tray saves and closes the vault", func(t *testing.T) {
		v := &fakeVaults{j: newFakeJournal(testPassphrase)}
		a, _ := newTestApp(t, v)
		trayItem(t, a.trayMenu(), "Quit Rewire").Action()
		if !v.closed {
			t.Error("the vault was not closed")
		}
	})
}

func TestSessionBusReachable(t *testing.T) {
	sock := t.TempDir() + "/bus"
	if err := os.WriteFile(sock, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		addr string
		want bool
	}{
		{"", false},
		{"unix:path=/nonexistent/bus", false},
		{"unix:path=" + sock, true},
		{"unix:abstract=/tmp/dbus-x,guid=1", true},
		{"tcp:host=localhost,port=1", true},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			t.Setenv("DBUS_SESSION_BUS_ADDRESS", tt.addr)
			if got := sessionBusReachable(); got != tt.want {
				t.Errorf("sessionBusReachable() = %v, want %v", got, tt.want)
			}
		})
	}
}
