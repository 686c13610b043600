package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/internal/autostart"
	"github.com/rewirejournal/rewire/journal/reminder"
)

// reminderWidgets returns the settings screen's switch and time field of
// the reminder named name.
func reminderWidgets(t *testing.T, a *App, name string) (*widget.Check, *widget.Entry) {
	t.Helper()
	a.ShowScreen(screenSettings)
	for i, r := range a.schedule().Reminders() {
		if reminderName(r.Kind) != name {
			continue
		}
		var checks []*widget.Check
		var entries []*widget.Entry
		for _, o := range objects(a) {
			switch w := o.(type) {
			case *widget.Check:
				if strings.Contains(w.Text, "Morning") || strings.Contains(w.Text, "Evening") || w.Text == "Meditation" {
					checks = append(checks, w)
				}
			case *widget.Entry:
				if w.PlaceHolder == "21:00" {
					entries = append(entries, w)
				}
			}
		}
		if len(checks) != 3 || len(entries) != 3 {
			t.Fatalf("settings show %d reminder switches and %d times, want 3 and 3", len(checks), len(entries))
		}
		return checks[i], entries[i]
	}
	t.Fatalf("no reminder named %q", name)
	return nil, nil
}

func TestReminders(t *testing.T) {
	t.Run("a reminder turned on in settings comes at its time with its fixed text, once", func(t *testing.T) {
		a, _, clock := unlockedTestApp(t)
		on, at := reminderWidgets(t, a, "Evening gratitude and check-in")
		at.SetText("10:00")
		test.Tap(on)
		if !on.Checked {
			t.Fatal("the switch did not turn on")
		}
		clock.now = time.Date(2026, 11, 25, 9, 59, 55, 0, time.Local)
		test.AssertNotificationSent(t, nil, a.tick)
		clock.now = time.Date(2026, 11, 25, 10, 0, 0, 0, time.Local)
		test.AssertNotificationSent(t, fyne.NewNotification("Evening", "Time for three good things and your check-in."), a.tick)
		clock.advance(5 * time.Second)
		test.AssertNotificationSent(t, nil, a.tick)
	})
	t.Run("a reminder comes while the app is locked", func(t *testing.T) {
		a, _, clock := unlockedTestApp(t)
		on, at := reminderWidgets(t, a, "Morning intention")
		at.SetText("10:00")
		test.Tap(on)
		a.Lock()
		clock.now = time.Date(2026, 11, 25, 10, 0, 1, 0, time.Local)
		test.AssertNotificationSent(t, fyne.NewNotification("Good morning", "A moment to set an intention for today."), a.tick)
	})
	t.Run("the times and switches live in the plain preferences, and nothing else does", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		on, at := reminderWidgets(t, a, "Meditation")
		at.SetText("18:45")
		test.Tap(on)
		prefs := a.fyne.Preferences()
		if got := prefs.String("reminder.meditation.time"); got != "18:45" {
			t.Errorf("saved time %q, want 18:45", got)
		}
		if !prefs.Bool("reminder.meditation.on") || prefs.Bool("reminder.morning.on") {
			t.Error("the saved switches are wrong")
		}
		rs := loadReminders(prefs)
		want := reminder.Reminder{Kind: reminder.Meditation, Hour: 18, Minute: 45, On: true}
		if rs[2] != want {
			t.Errorf("loaded %+v, want %+v", rs[2], want)
		}
	})
	t.Run("a time that is not HH:MM is not saved and says why", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		_, at := reminderWidgets(t, a, "Morning intention")
		before := a.fyne.Preferences().String("reminder.morning.time")
		at.SetText("25:00")
		if !showsText(a, "hours and minutes, like 07:30") {
			t.Error("no message for a bad time")
		}
		if got := a.fyne.Preferences().String("reminder.morning.time"); got != before {
			t.Errorf("a bad time changed the saved one to %q", got)
		}
	})
	t.Run("the reminder texts never come from the journal", func(t *testing.T) {
		for _, k := range reminder.Kinds {
			title, body := reminderText(k)
			if title == "" || body == "" {
				t.Errorf("%v: empty text", k)
			}
		}
	})
}

func TestStartAtLogin(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "autostart")
	j := newFakeJournal(testPassphrase)
	fa := test.NewTempApp(t)
	SetLanguage("en")
	a := New(fa, &fakeVaults{j: j}, Options{Run: InlineRunner, TickEvery: -1, Autostart: dir})
	a.build()
	test.Type(a.unlockView.passphrase, testPassphrase)
	a.unlockView.submit()
	a.ShowScreen(screenSettings)
	var login *widget.Check
	for _, o := range objects(a) {
		if c, ok := o.(*widget.Check); ok && c.Text == "Start Rewire when I log in" {
			login = c
		}
	}
	if login == nil {
		t.Fatal("no start-at-login switch")
	}
	if login.Checked || autostart.Enabled(dir) {
		t.Fatal("start at login is on by default")
	}
	test.Tap(login)
	data, err := os.ReadFile(filepath.Join(dir, autostart.FileName))
	if err != nil {
		t.Fatalf("no autostart entry after turning it on: %v", err)
	}
	exe, _ := os.Executable()
	if !strings.Contains(string(data), exe) {
		t.Errorf("the entry does not run this program:\n%s", data)
	}
	test.Tap(login)
	if autostart.Enabled(dir) {
		t.Error("the autostart entry is still there after turning it off")
	}
}
