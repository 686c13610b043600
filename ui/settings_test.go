package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
	rwtheme "github.com/rewirejournal/rewire/ui/theme"
)

func settingsOf(t *testing.T, a *App) *settingsScreen {
	t.Helper()
	a.ShowScreen(screenSettings)
	return a.shell.screens[screenSettings].(*settingsScreen)
}

func TestSettingsPersist(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(s *settingsScreen)
		check func(st journal.Settings) bool
	}{
		{"theme", func(s *settingsScreen) { s.theme.SetSelectedIndex(2) }, func(st journal.Settings) bool { return st.Theme == "dark" }},
		{"auto-lock", func(s *settingsScreen) { s.autoLock.SetSelected("15 min") }, func(st journal.Settings) bool { return st.AutoLockMinutes == 15 }},
		{"language", func(s *settingsScreen) { s.language.SetSelected("Svenska") }, func(st journal.Settings) bool { return st.Language == "sv" }},
		{"no day one", func(s *settingsScreen) { s.dayOne.SetDate(nil) }, func(st journal.Settings) bool { return st.RecoveryStart == "" }},
	}
	for _, tt := range tests {
		t.Run("the "+tt.name+" is saved in the vault", func(t *testing.T) {
			a, j, _ := unlockedTestApp(t)
			if err := a.SaveSettings(journal.Settings{RecoveryStart: "2026-01-01", Theme: "light", Language: "en", AutoLockMinutes: 5}); err != nil {
				t.Fatal(err)
			}
			tt.edit(settingsOf(t, a))
			st, n := j.settings()
			if n != 1 || !tt.check(st) {
				t.Errorf("stored %+v in %d records", st, n)
			}
			// It survives a lock and unlock.
			a.Lock()
			test.Type(a.unlockView.passphrase, testPassphrase)
			a.unlockView.submit()
			if a.Settings() != st {
				t.Errorf("after unlock the app has %+v, want %+v", a.Settings(), st)
			}
		})
	}
}

func TestSettingsApply(t *testing.T) {
	t.Run("the theme changes at once", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		settingsOf(t, a).theme.SetSelectedIndex(2)
		if got := a.fyne.Settings().Theme(); got.Color("background", 0) != rwtheme.New(rwtheme.Dark).Color("background", 0) {
			t.Error("the dark theme was not applied")
		}
	})
	t.Run("switching language changes every visible label", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		settingsOf(t, a).language.SetSelected("Українська")
		if a.shell == nil || a.shell.current != screenSettings {
			t.Fatal("the shell was not rebuilt on the settings screen")
		}
		for _, want := range []string{"Сьогодні", "Щоденник", "Налаштування", "Мова", "Заблокувати"} {
			if !showsText(a, want) {
				t.Errorf("%q not shown after switching to Ukrainian", want)
			}
		}
		for _, old := range []string{"Today", "Journal", "Language", "Change passphrase"} {
			if showsText(a, old) {
				t.Errorf("%q still shown in English", old)
			}
		}
		a.Lock()
		if !showsText(a, "Розблокувати") {
			t.Error("the unlock screen is not in Ukrainian")
		}
	})
	t.Run("the vault path can be copied", func(t *testing.T) {
		a, _, _ := unlockedTestApp(t)
		settingsOf(t, a)
		test.Tap(button(a, "Copy path"))
		if got := a.fyne.Clipboard().Content(); got != (&fakeVaults{}).Path() {
			t.Errorf("clipboard %q", got)
		}
	})
}

func TestChangePassphrase(t *testing.T) {
	const newPass = "lantern meadow quiet pebble"
	t.Run("with the right current passphrase", func(t *testing.T) {
		a, j, _ := unlockedTestApp(t)
		s := settingsOf(t, a)
		test.Type(s.current, testPassphrase)
		test.Type(s.pair.first, newPass)
		test.Type(s.pair.second, newPass)
		test.Tap(s.change)
		if j.passphrase != newPass || j.Locked() || a.shell == nil {
			t.Fatalf("passphrase %q, locked %v", j.passphrase, j.Locked())
		}
		if !contains(s.passMsg.Text, "Done") {
			t.Errorf("message %q", s.passMsg.Text)
		}
	})
	t.Run("a wrong current passphrase locks and changes nothing", func(t *testing.T) {
		a, j, _ := unlockedTestApp(t)
		s := settingsOf(t, a)
		test.Type(s.current, "not it at all")
		test.Type(s.pair.first, newPass)
		test.Type(s.pair.second, newPass)
		test.Tap(s.change)
		if j.passphrase != testPassphrase || !j.Locked() || a.shell != nil {
			t.Fatalf("passphrase %q, locked %v", j.passphrase, j.Locked())
		}
		if !showsText(a, "current passphrase was not right") {
			t.Errorf("no explanation on the unlock screen; texts %q", texts(a))
		}
	})
	t.Run("a weak new passphrase is refused before anything happens", func(t *testing.T) {
		a, j, _ := unlockedTestApp(t)
		s := settingsOf(t, a)
		test.Type(s.current, testPassphrase)
		test.Type(s.pair.first, "password1")
		test.Type(s.pair.second, "password1")
		test.Tap(s.change)
		if j.passphrase != testPassphrase || j.Locked() || j.unlocks != 1 {
			t.Fatal("a weak passphrase went ahead")
		}
	})
}

func TestLanguagePickedOnTheUnlockScreenIsKept(t *testing.T) {
	j := newFakeJournal(testPassphrase)
	a, _ := newTestApp(t, &fakeVaults{j: j})
	j.locked = false
	j.Save(&journal.Record{Kind: journal.KindSettings, Settings: &journal.Settings{Language: "en"}})
	j.locked = true
	for _, o := range objects(a) {
		if sel, ok := o.(interface{ SetSelected(string) }); ok {
			sel.SetSelected("Svenska")
		}
	}
	test.Type(a.unlockView.passphrase, testPassphrase)
	a.unlockView.submit()
	if st, _ := j.settings(); st.Language != "sv" || CurrentLanguage() != "sv" || !showsText(a, "Idag") {
		t.Errorf("language %q in the vault, %q in the UI", st.Language, CurrentLanguage())
	}
}
