package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/assets"
	"github.com/rewirejournal/rewire/journal"
)

// These tests drive whole flows through the window, the way a user would,
// on the fake vault: setup to unlock, autosave on close, search, language,
// idle lock and bad input.

// journalOf shows the journal screen and puts its timers under the test's
// control; the screen is rebuilt at every unlock, so call it again after one.
func journalOf(a *App, m *manualTimers) *journalScreen {
	a.ShowScreen(screenJournal)
	s := a.shell.screens[screenJournal].(*journalScreen)
	s.saveLater.after, s.undoLater.after = m.after, m.after
	return s
}

// searchOf does the same for the search screen.
func searchOf(a *App, m *manualTimers) *searchScreen {
	a.ShowScreen(screenSearch)
	s := a.shell.screens[screenSearch].(*searchScreen)
	s.searchLater.after = m.after
	return s
}

func TestFlowFromSetupToUnlockKeepsTheEntry(t *testing.T) {
	v := &fakeVaults{}
	a, _ := newTestApp(t, v)
	m := &manualTimers{}

	// First run: passphrase, kit, choices.
	s := a.setupFlow
	test.Tap(button(a, "Begin"))
	test.Type(s.pair.first, testPassphrase)
	test.Type(s.pair.second, testPassphrase)
	test.Tap(s.next)
	test.Tap(s.kept)
	test.Tap(s.next)
	test.Tap(button(a, "Start using Rewire"))
	if a.shell == nil || v.j == nil {
		t.Fatal("setup did not end in the shell with a vault")
	}

	// Write an entry.
	js := journalOf(a, m)
	test.Tap(button(a, "New entry"))
	test.Type(js.title, "First evening")
	test.Type(js.body, "I made tea and sat with the urge until it passed.")
	m.fire()
	if js.status.Text != "Saved" {
		t.Fatalf("status %q after the autosave, want Saved", js.status.Text)
	}

	// Lock, and a wrong passphrase is refused.
	test.Tap(button(a, "Lock"))
	if !v.j.Locked() || a.unlockView == nil {
		t.Fatal("the lock button did not lock")
	}
	if showsText(a, "sat with the urge") {
		t.Fatal("the locked window still shows the entry")
	}
	test.Type(a.unlockView.passphrase, "copper kettle sings at dusk")
	test.Tap(a.unlockView.unlock)
	if !v.j.Locked() || a.shell != nil {
		t.Fatal("a wrong passphrase unlocked the vault")
	}
	if !showsText(a, "doesn't open this journal") {
		t.Errorf("no wrong-passphrase message; texts %q", texts(a))
	}

	// The right one opens it, and the entry is there.
	test.Type(a.unlockView.passphrase, testPassphrase)
	test.Tap(a.unlockView.unlock)
	if v.j.Locked() || a.shell == nil {
		t.Fatal("the right passphrase did not unlock")
	}
	js = journalOf(a, m)
	if len(js.rows) != 1 || js.rows[0].Title != "First evening" {
		t.Fatalf("the list has %+v, want the one entry", js.rows)
	}
	if !showsText(a, "First evening") || !showsText(a, "I made tea and sat with the urge until it passed.") {
		t.Errorf("the list row is not drawn; texts %q", texts(a))
	}
	js.list.Select(0)
	if js.title.Text != "First evening" || js.body.Text != "I made tea and sat with the urge until it passed." {
		t.Errorf("the editor shows %q / %q", js.title.Text, js.body.Text)
	}
}

// interceptClose does what the window manager's close button does: it
// calls the window's close intercept. The test driver stores it but offers
// no way to trigger it, so it is read from the window by reflection.
func interceptClose(t *testing.T, w fyne.Window) {
	t.Helper()
	f := reflect.ValueOf(w).Elem().FieldByName("onCloseIntercepted")
	if !f.IsValid() {
		t.Fatal("the test window has no close intercept field: Fyne changed; update this helper")
	}
	fn := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface().(func())
	if fn == nil {
		t.Fatal("the app sets no close intercept: closing the window would skip saving")
	}
	fn()
}

func TestFlowAutosaveSurvivesClosingTheWindowMidEdit(t *testing.T) {
	ways := []struct {
		name  string
		close func(t *testing.T, a *App)
	}{
		{"the window's close button", func(t *testing.T, a *App) { interceptClose(t, a.win) }},
		{"the Quit menu item", func(t *testing.T, a *App) {
			for _, menu := range a.win.MainMenu().Items {
				for _, it := range menu.Items {
					if it.IsQuit {
						it.Action()
						return
					}
				}
			}
			t.Fatal("no Quit item in the main menu")
		}},
		{"Ctrl+Q", func(t *testing.T, a *App) {
			a.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault})
		}},
	}
	for _, tt := range ways {
		t.Run("closing with "+tt.name+" saves what was typed", func(t *testing.T) {
			jt := newJournalTest(t, nil)
			jt.a.NewEntry()
			test.Type(jt.s.title, "Half a thought")
			test.Type(jt.s.body, "I was about to write that")
			if len(jt.entries()) != 0 || !jt.s.saveLater.pending() {
				t.Fatal("saved before the close, so the test proves nothing")
			}
			tt.close(t, jt.a)
			got := jt.entries()
			if len(got) != 1 || got[0].Entry.Title != "Half a thought" || got[0].Entry.Body != "I was about to write that" {
				t.Fatalf("the vault holds %+v after closing", got)
			}
			if !jt.j.Locked() {
				t.Error("closing left the vault unlocked")
			}
			if jt.timers.fire() != 0 {
				t.Error("an autosave was still waiting after the close")
			}
		})
	}
}

func TestFlowSearchFindsAJustWrittenWord(t *testing.T) {
	tests := []struct {
		name  string
		write func(m *manualTimers)
	}{
		{"after the autosave", func(m *manualTimers) { m.fire() }},
		{"before the autosave fired", func(*manualTimers) {}},
	}
	for _, tt := range tests {
		t.Run("a word written "+tt.name+" is found", func(t *testing.T) {
			a, _, _ := unlockedTestApp(t)
			m := &manualTimers{}
			js := journalOf(a, m)
			js.NewEntry()
			test.Type(js.title, "Canal")
			test.Type(js.body, "A grey heron stood by the canal all morning.")
			tt.write(m)
			ss := searchOf(a, m)
			test.Type(ss.field, "heron")
			m.fire()
			rows := shownHits(a)
			if len(rows) != 1 {
				t.Fatalf("%d results shown, want 1; texts %q", len(rows), texts(a))
			}
			if !strings.Contains(rows[0].head.Text, "Canal") || !strings.Contains(rows[0].snippet.String(), "heron") {
				t.Errorf("the result shows %q / %q", rows[0].head.Text, rows[0].snippet.String())
			}
		})
	}
}

// translations returns the key → text map of language code.
func translations(t *testing.T, code string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// menuTexts returns the labels of the window's main menu.
func menuTexts(a *App) []string {
	var out []string
	if mm := a.win.MainMenu(); mm != nil {
		for _, menu := range mm.Items {
			out = append(out, menu.Label)
			for _, it := range menu.Items {
				out = append(out, it.Label)
			}
		}
	}
	return out
}

func TestLanguageSwitchInSettingsChangesEveryVisibleLabel(t *testing.T) {
	en := translations(t, "en")
	tests := []struct {
		code, name string
		want       []string // labels that must appear somewhere
	}{
		{"sv", "Svenska", []string{"Idag", "Dagbok", "Tacksamhet", "Avstämning", "Sök", "Inställningar", "Lås", "Språk", "Ny anteckning"}},
		{"uk", "Українська", []string{"Сьогодні", "Щоденник", "Вдячність", "Перевірка", "Пошук", "Налаштування", "Заблокувати", "Мова", "Новий запис"}},
	}
	for _, tt := range tests {
		t.Run("switching to "+tt.name+" leaves no English label on any screen", func(t *testing.T) {
			target := translations(t, tt.code)
			theirs := map[string]bool{}
			for _, s := range target {
				theirs[s] = true
			}
			// An English text is left over if it is the English of a key
			// whose translation differs and no translation says the same.
			english := map[string]string{}
			for k, s := range en {
				if s != target[k] && !theirs[s] && !strings.Contains(s, "{{") {
					english[s] = k
				}
			}

			a, _, _ := unlockedTestApp(t)
			settingsOf(t, a).language.SetSelected(tt.name)
			if CurrentLanguage() != tt.code || a.shell == nil {
				t.Fatalf("language %q, shell %v after switching", CurrentLanguage(), a.shell != nil)
			}
			seen := map[string]bool{}
			for id := range screenCount {
				a.ShowScreen(id)
				for _, s := range append(texts(a), menuTexts(a)...) {
					seen[s] = true
					if k, ok := english[s]; ok {
						t.Errorf("screen %d still shows %q in English (key %s)", id, s, k)
					}
				}
			}
			for _, w := range tt.want {
				if !seen[w] {
					t.Errorf("%q is shown on no screen", w)
				}
			}
		})
	}
}

func TestFlowIdleLockClearsEveryScreen(t *testing.T) {
	a, j, clock := unlockedTestApp(t)
	seedEntry(j, "2026-11-20", "HERON-TITLE", "HERON-BODY seen by the water", seedTime)
	m := &manualTimers{}
	js := journalOf(a, m)
	js.list.Select(0)
	test.Type(js.body, " HERON-UNSAVED")
	ss := searchOf(a, m) // leaving the journal saves the typing
	test.Type(ss.field, "heron")
	m.fire()
	if len(shownHits(a)) != 1 {
		t.Fatalf("the search shows %d results, want 1", len(shownHits(a)))
	}
	a.tick() // notices the focused search field: activity
	clock.advance(DefaultAutoLock)
	a.tick()
	if !j.Locked() || a.shell != nil || a.unlockView == nil {
		t.Fatal("the idle lock did not fire")
	}
	for _, s := range append(texts(a), menuTexts(a)...) {
		if strings.Contains(strings.ToUpper(s), "HERON") {
			t.Errorf("a widget still holds decrypted text after the idle lock: %q", s)
		}
	}
	for _, r := range j.records {
		if r.Entry != nil && !strings.Contains(r.Entry.Body, "HERON-UNSAVED") {
			t.Errorf("the typing before the idle lock was lost: %q", r.Entry.Body)
		}
	}
}

func TestFlowUnusualTextSavesAndShows(t *testing.T) {
	tests := []struct {
		name, title, body string
		row               string // the list row's title
	}{
		{"emoji, joined and flagged", "Good day 🌱", "Walked 🚶‍♀️ with 👨‍👩‍👧 under 🇸🇪 flags.", "Good day 🌱"},
		{"right-to-left text", "يوم هادئ", "שלום. Today was quiet. مرحبا", "يوم هادئ"},
		{"an empty title", "", "\n\nNo title, just this line.\nAnd this.", "No title, just this line."},
		{"an empty title and a body of emoji only", "", "🙂🙂🙂", "🙂🙂🙂"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" saves and shows", func(t *testing.T) {
			jt := newJournalTest(t, nil)
			jt.a.NewEntry()
			test.Type(jt.s.title, tt.title)
			jt.s.body.SetText(tt.body) // as a paste would; test.Type splits runes, not graphemes
			jt.timers.fire()
			got := jt.entries()
			if len(got) != 1 || got[0].Entry.Title != tt.title || got[0].Entry.Body != tt.body {
				t.Fatalf("saved %+v", got)
			}
			if len(jt.s.rows) != 1 || jt.s.rows[0].Title != tt.row {
				t.Fatalf("the list row is %+v, want title %q", jt.s.rows, tt.row)
			}
			if !showsText(jt.a, tt.row) {
				t.Errorf("the row %q is not drawn; texts %q", tt.row, texts(jt.a))
			}
			jt.a.NewEntry()
			jt.s.list.Select(0)
			if jt.s.title.Text != tt.title || jt.s.body.Text != tt.body {
				t.Errorf("reopened as %q / %q", jt.s.title.Text, jt.s.body.Text)
			}
		})
	}
}

func TestNotAVaultIsReportedClearlyAndLeftAlone(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		want   []string
		hidden []string // must not be shown: internals that help nobody
	}{
		{"a file that is not a vault",
			fmt.Errorf("open vault: %w (not an SQLite database)", journal.ErrNotVault),
			[]string{"not a Rewire journal", "left it alone", "REWIRE_VAULT"}, []string{"SQLite", "damaged"}},
		{"another program's database",
			fmt.Errorf("open vault: %w (an SQLite database of another program)", journal.ErrNotVault),
			[]string{"not a Rewire journal"}, []string{"SQLite", "damaged"}},
		{"a vault whose file is damaged",
			fmt.Errorf("open vault: %w: unreadable page 7", journal.ErrDamaged),
			[]string{"damaged", "can't be opened safely", "Nothing was changed"}, []string{"page 7"}},
		{"a vault with damaged records",
			fmt.Errorf("open vault: %w", &journal.DamagedError{IDs: []journal.ID{journal.NewID()}}),
			[]string{"damaged", "Nothing was changed"}, []string{"record(s)"}},
		{"a vault another Rewire has open",
			fmt.Errorf("open vault: %w", journal.ErrInUse),
			[]string{"already open in another window"}, nil},
		{"a file that cannot be read",
			fmt.Errorf("open vault: %w", errors.New("permission denied")),
			[]string{"Something went wrong", "Nothing was changed", "permission denied"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is explained, not opened", func(t *testing.T) {
			v := &fakeVaults{openErr: tt.err}
			a, _ := newTestApp(t, v)
			for _, w := range append(tt.want, "Rewire can't open your journal", v.Path()) {
				if !showsText(a, w) {
					t.Errorf("%q not shown; texts %q", w, texts(a))
				}
			}
			for _, h := range tt.hidden {
				if showsText(a, h) {
					t.Errorf("%q shown; texts %q", h, texts(a))
				}
			}
			if a.unlockView != nil || a.setupFlow != nil || len(passwordEntries(a)) != 0 {
				t.Error("offers to unlock or set up over a vault it could not open")
			}
			if v.j != nil {
				t.Error("a new vault was created over the file")
			}
			test.Tap(button(a, "Close Rewire"))
			if !v.closed {
				t.Error("Close Rewire did not release the vault file")
			}
		})
	}

	t.Run("a key slot found damaged at unlock is explained on the unlock screen", func(t *testing.T) {
		j := newFakeJournal(testPassphrase)
		a, _ := newTestApp(t, &fakeVaults{j: j})
		a.j = &damagedUnlock{fakeJournal: j}
		test.Type(a.unlockView.passphrase, testPassphrase)
		test.Tap(a.unlockView.unlock)
		if a.shell != nil || !j.Locked() {
			t.Fatal("a damaged vault was unlocked")
		}
		if !showsText(a, "damaged") || !showsText(a, "Nothing was changed") {
			t.Errorf("no damaged message; texts %q", texts(a))
		}
	})
}

// damagedUnlock is a vault whose key slot fails to open.
type damagedUnlock struct{ *fakeJournal }

func (d *damagedUnlock) Unlock([]byte) error {
	return fmt.Errorf("unlock: %w: key slot: bad header", journal.ErrDamaged)
}
