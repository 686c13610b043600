package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

func TestUnlock(t *testing.T) {
	t.Run("a wrong passphrase is refused kindly, then the right one opens the shell", func(t *testing.T) {
		j := newFakeJournal(testPassphrase)
		a, _ := newTestApp(t, &fakeVaults{j: j})
		u := a.unlockView
		if a.win.Canvas().Focused() != u.passphrase {
			t.Error("the passphrase field is not focused")
		}
		test.Type(u.passphrase, "wrong horse")
		test.Tap(u.unlock)
		if !j.Locked() || a.shell != nil {
			t.Fatal("a wrong passphrase unlocked the vault")
		}
		if !showsText(a, "doesn't open this journal") {
			t.Errorf("no wrong-passphrase message; texts: %q", texts(a))
		}
		if u.passphrase.Text != "" {
			t.Error("the passphrase field still holds the tried passphrase")
		}
		test.Type(u.passphrase, testPassphrase)
		test.Tap(u.unlock)
		if j.Locked() || a.shell == nil {
			t.Fatal("the right passphrase did not unlock")
		}
		if a.shell.current != screenToday {
			t.Errorf("shows screen %d after unlock, want Today", a.shell.current)
		}
	})
	t.Run("Enter in the passphrase field unlocks", func(t *testing.T) {
		j := newFakeJournal(testPassphrase)
		a, _ := newTestApp(t, &fakeVaults{j: j})
		test.Type(a.unlockView.passphrase, testPassphrase)
		a.unlockView.passphrase.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if j.Locked() {
			t.Fatal("Enter did not unlock")
		}
	})
	t.Run("an empty passphrase does not even try", func(t *testing.T) {
		j := newFakeJournal(testPassphrase)
		a, _ := newTestApp(t, &fakeVaults{j: j})
		test.Tap(a.unlockView.unlock)
		if j.unlocks != 0 {
			t.Error("tried to unlock with an empty passphrase")
		}
	})
	t.Run("the recovery kit opens the vault and sets a new passphrase", func(t *testing.T) {
		j := newFakeJournal(testPassphrase)
		a, _ := newTestApp(t, &fakeVaults{j: j})
		test.Tap(button(a, "Forgot your passphrase? Use your recovery kit"))
		kit := firstEntry(a, func(e *widget.Entry) bool { return e.MultiLine })
		test.Type(kit, "# kit\n"+j.kit)
		pass := passwordEntries(a)
		test.Type(pass[0], "lantern meadow quiet pebble")
		test.Type(pass[1], "lantern meadow quiet pebble")
		test.Tap(button(a, "Unlock and set the new passphrase"))
		if j.Locked() || j.passphrase != "lantern meadow quiet pebble" {
			t.Fatalf("recovery did not unlock with the new passphrase (locked %v)", j.Locked())
		}
	})
}

func firstEntry(a *App, match func(*widget.Entry) bool) *widget.Entry {
	for _, o := range objects(a) {
		if e, ok := o.(*widget.Entry); ok && match(e) {
			return e
		}
	}
	return nil
}

func passwordEntries(a *App) []*widget.Entry {
	var out []*widget.Entry
	for _, o := range objects(a) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			out = append(out, e)
		}
	}
	return out
}

func TestOpenProblems(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"another window has the vault", journal.ErrInUse, "Rewire is already open in another window."},
		{"a newer Rewire wrote the vault", journal.ErrNewerSchema, "newer version of Rewire"},
		{"the file is damaged", errors.Join(journal.ErrDamaged), "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := newTestApp(t, &fakeVaults{openErr: tt.err})
			if !showsText(a, tt.want) {
				t.Errorf("want %q; texts: %q", tt.want, texts(a))
			}
		})
	}
}

func TestIdleLock(t *testing.T) {
	t.Run("locks after the idle time and not before", func(t *testing.T) {
		a, j, clock := unlockedTestApp(t)
		clock.advance(DefaultAutoLock - time.Second)
		a.tick()
		if j.Locked() {
			t.Fatal("locked before the idle time")
		}
		clock.advance(time.Second)
		a.tick()
		if !j.Locked() || a.shell != nil || a.unlockView == nil {
			t.Fatal("did not lock after the idle time")
		}
	})
	t.Run("follows the minutes in the settings", func(t *testing.T) {
		a, j, clock := unlockedTestApp(t)
		if err := a.SaveSettings(journal.Settings{AutoLockMinutes: 1}); err != nil {
			t.Fatal(err)
		}
		clock.advance(time.Minute)
		a.tick()
		if !j.Locked() {
			t.Fatal("did not lock after the 1 minute set in settings")
		}
	})
	activities := []struct {
		name string
		act  func(a *App)
	}{
		{"mouse movement", func(a *App) {
			a.win.Canvas().Content().(desktop.Hoverable).MouseMoved(&desktop.MouseEvent{})
		}},
		{"switching screens", func(a *App) { a.ShowScreen(screenJournal) }},
		{"typing in a focused field", func(a *App) {
			a.ShowScreen(screenSettings)
			e := passwordEntries(a)[0]
			a.win.Canvas().Focus(e)
			a.tick() // notices the focus change
			test.Type(e, "abc")
		}},
	}
	for _, tt := range activities {
		t.Run(tt.name+" postpones it", func(t *testing.T) {
			a, j, clock := unlockedTestApp(t)
			clock.advance(4 * time.Minute)
			tt.act(a)
			clock.advance(2 * time.Minute)
			a.tick()
			if j.Locked() {
				t.Fatal("locked although there was activity")
			}
			clock.advance(5 * time.Minute)
			a.tick()
			if !j.Locked() {
				t.Fatal("did not lock after idling again")
			}
		})
	}
}

// canaryScreen shows decrypted text the way real screens will, so the test
// can check that lock leaves none of it behind.
type canaryScreen struct {
	a     *App
	left  bool
	entry *widget.Entry
	label *widget.Label
}

func (s *canaryScreen) Title() string       { return "Canary" }
func (s *canaryScreen) Icon() fyne.Resource { return nil }
func (s *canaryScreen) Leave()              { s.left = true }
func (s *canaryScreen) Refresh() {
	recs, _ := s.a.Records().List(journal.Filter{Kinds: []journal.Kind{journal.KindEntry}})
	for _, r := range recs {
		s.entry.SetText(r.Entry.Body)
		s.label.SetText(r.Entry.Title)
	}
}
func (s *canaryScreen) Content() fyne.CanvasObject {
	s.entry, s.label = widget.NewMultiLineEntry(), widget.NewLabel("")
	return container.NewVBox(s.label, s.entry)
}

func TestLockLeavesNoDecryptedText(t *testing.T) {
	var made []*canaryScreen
	old := screenConstructors[screenJournal]
	screenConstructors[screenJournal] = func(a *App) screen {
		s := &canaryScreen{a: a}
		made = append(made, s)
		return s
	}
	t.Cleanup(func() { screenConstructors[screenJournal] = old })

	ways := []struct {
		name string
		lock func(a *App)
	}{
		{"the lock button", func(a *App) { test.Tap(button(a, "Lock")) }},
		{"Ctrl+L", func(a *App) {
			a.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault})
		}},
		{"quitting", func(a *App) { a.Quit() }},
	}
	for _, tt := range ways {
		t.Run("after "+tt.name, func(t *testing.T) {
			made = nil
			j := newFakeJournal(testPassphrase)
			j.locked = false
			j.Save(&journal.Record{Kind: journal.KindEntry, Entry: &journal.Entry{Title: "CANARY-TITLE", Body: "CANARY-BODY private words"}})
			j.locked = true
			v := &fakeVaults{j: j}
			a, _ := newTestApp(t, v)
			test.Type(a.unlockView.passphrase, testPassphrase)
			a.unlockView.submit()
			a.ShowScreen(screenJournal)
			if !showsText(a, "CANARY-BODY") || !showsText(a, "CANARY-TITLE") {
				t.Fatal("the canary screen does not show the record")
			}
			tt.lock(a)
			if !j.Locked() {
				t.Fatal("the vault is not locked")
			}
			if len(made) != 1 || !made[0].left {
				t.Error("the screen was not asked to save (Leave) before the lock")
			}
			for _, s := range texts(a) {
				if contains(s, "CANARY") {
					t.Fatalf("a widget still holds decrypted text after lock: %q", s)
				}
			}
			if a.shell != nil {
				t.Error("the shell survived the lock")
			}
			if tt.name == "quitting" && !v.closed {
				t.Error("quitting did not close the vault file")
			}
		})
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestShortcuts(t *testing.T) {
	a, j, _ := unlockedTestApp(t)
	press := func(k fyne.KeyName) {
		a.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	for i := 1; i <= screenCount; i++ {
		want := i % screenCount // Ctrl+2 … and last Ctrl+1
		k := fyne.KeyName(rune('1' + want))
		press(k)
		if a.shell.current != want {
			t.Errorf("Ctrl+%s shows screen %d, want %d", k, a.shell.current, want)
		}
	}
	press(fyne.KeyF)
	if a.shell.current != screenSearch {
		t.Error("Ctrl+F does not show search")
	}
	press(fyne.KeyN)
	if a.shell.current != screenJournal {
		t.Error("Ctrl+N does not show the journal")
	}
	if a.win.MainMenu() == nil {
		t.Error("no main menu: shortcuts would not work while a field has focus")
	}
	press(fyne.KeyL)
	if !j.Locked() || a.win.MainMenu() != nil {
		t.Error("Ctrl+L did not lock, or the menu stayed")
	}
	press(fyne.Key2)
	if a.shell != nil {
		t.Error("a shortcut rebuilt the shell while locked")
	}
}
