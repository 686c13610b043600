package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// pathVaults is a fakeVaults whose vault "lives" in a test's temporary
// directory, so the crisis card's plain copy can be written beside it.
type pathVaults struct {
	*fakeVaults
	path string
}

func (v *pathVaults) Path() string { return v.path }

// crisisTestApp builds a locked app over j with its vault in a temporary
// directory, and returns the path of the crisis card's plain copy.
func crisisTestApp(t *testing.T, j *fakeJournal) (*App, string) {
	t.Helper()
	fa := test.NewTempApp(t)
	SetLanguage("en")
	t.Cleanup(func() { SetLanguage("en") })
	clock := &fakeClock{now: time.Date(2026, 11, 25, 9, 30, 0, 0, time.Local)}
	j.clock = clock.Now
	v := &pathVaults{fakeVaults: &fakeVaults{j: j}, path: filepath.Join(t.TempDir(), "vault.db")}
	a := New(fa, v, Options{Run: InlineRunner, Clock: clock.Now, TickEvery: -1})
	a.build()
	a.win.Resize(screenshotSize)
	return a, lockedCardPath(v.path)
}

func unlockApp(t *testing.T, a *App) {
	t.Helper()
	test.Type(a.unlockView.passphrase, testPassphrase)
	a.unlockView.submit()
	if a.shell == nil {
		t.Fatal("the app did not unlock")
	}
}

// withCard stores c as the vault's crisis card.
func withCard(t *testing.T, j *fakeJournal, c journal.CrisisCard) {
	t.Helper()
	j.locked = false
	if err := j.Save(&journal.Record{Kind: journal.KindCrisis, Crisis: &c}); err != nil {
		t.Fatal(err)
	}
	j.locked = true
}

// crisisOf shows the crisis screen with manual autosave timers.
func crisisOf(t *testing.T, a *App) (*crisisScreen, *dailyTimers) {
	t.Helper()
	a.ShowScreen(screenCrisis)
	s := a.shell.screens[screenCrisis].(*crisisScreen)
	timers := &dailyTimers{}
	s.saver.after = timers.after
	return s, timers
}

func storedCard(t *testing.T, j *fakeJournal) (journal.CrisisCard, int) {
	t.Helper()
	var c journal.CrisisCard
	n := 0
	for _, r := range j.records {
		if r.Kind == journal.KindCrisis {
			c, n = *r.Crisis, n+1
		}
	}
	return c, n
}

func pressCrisis(c fyne.Canvas) {
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault})
}

func TestCrisisShortcutOpensTheCardFromEveryScreen(t *testing.T) {
	a, _, _ := unlockedTestApp(t)
	for id := range screenCount {
		if id == screenCrisis {
			continue
		}
		a.ShowScreen(id)
		pressCrisis(a.win.Canvas())
		if a.shell.current != screenCrisis {
			t.Errorf("Ctrl+K on screen %d shows screen %d, not the crisis card", id, a.shell.current)
		}
	}
	// While a text field has focus only the main menu's shortcuts reach
	// the app, so Ctrl+K must be there too.
	var item *fyne.MenuItem
	for _, m := range a.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && isCrisisShortcut(it.Shortcut) {
				item = it
			}
		}
	}
	if item == nil {
		t.Fatal("no Ctrl+K item in the main menu")
	}
	a.ShowScreen(screenJournal)
	item.Action()
	if a.shell.current != screenCrisis {
		t.Error("the menu's crisis item does not show the card")
	}
}

func TestCrisisOpensFromTheUnlockScreen(t *testing.T) {
	tests := []struct {
		name string
		open func(a *App)
	}{
		{"by its button", func(a *App) { test.Tap(button(a, "Crisis card")) }},
		{"by Ctrl+K while the passphrase field has focus", func(a *App) {
			a.unlockView.passphrase.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault})
		}},
		{"by Ctrl+K with nothing focused", func(a *App) {
			a.win.Canvas().Unfocus()
			pressCrisis(a.win.Canvas())
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := newFakeJournal(testPassphrase)
			withCard(t, j, journal.CrisisCard{Reasons: []string{"my daughter"}, ShowLocked: true})
			a, _ := crisisTestApp(t, j)
			unlockApp(t, a) // writes the copy
			a.Lock()
			unlock := a.win.Content()
			tt.open(a)
			if a.win.Content() == unlock || !showsText(a, "my daughter") {
				t.Fatalf("the crisis card did not open; texts: %q", texts(a))
			}
			if !j.Locked() {
				t.Error("opening the card unlocked the vault")
			}
			test.Tap(button(a, "Back"))
			if a.win.Content() != unlock || a.unlockView == nil {
				t.Fatal("Back did not return to the unlock screen")
			}
			if a.win.Canvas().Focused() != a.unlockView.passphrase {
				t.Error("the passphrase field lost its focus")
			}
			test.Type(a.unlockView.passphrase, testPassphrase)
			a.unlockView.submit()
			if j.Locked() {
				t.Error("the unlock screen no longer unlocks after the card")
			}
		})
	}
	t.Run("the passphrase field still takes its own shortcuts", func(t *testing.T) {
		a, _ := crisisTestApp(t, newFakeJournal(testPassphrase))
		e := a.unlockView.passphrase
		test.Type(e, "abc")
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		if e.Text != "" || a.unlockView == nil {
			t.Errorf("select all and delete left %q", e.Text)
		}
	})
}

func TestCrisisShortcutOverABreathingGuideKeepsIt(t *testing.T) {
	tests := []struct {
		name     string
		unlocked bool
	}{
		{"before unlocking", false},
		{"in the unlocked app", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := newFakeJournal(testPassphrase)
			withCard(t, j, journal.CrisisCard{Reasons: []string{"my daughter"}, WarningSigns: []string{"not sleeping"}, ShowLocked: true})
			a, _ := crisisTestApp(t, j)
			unlockApp(t, a)
			if !tt.unlocked {
				a.Lock()
			}
			a.showBreathing(func() {})
			guide, breathing := a.win.Content(), a.breathing
			pressCrisis(a.win.Canvas())
			if a.win.Content() == guide || !showsText(a, "my daughter") {
				t.Fatalf("the card did not show over the guide; texts: %q", texts(a))
			}
			if showsText(a, "not sleeping") != tt.unlocked {
				t.Errorf("warning signs shown: %v, want %v", !tt.unlocked, tt.unlocked)
			}
			pressCrisis(a.win.Canvas()) // a second press does not stack another card
			test.Tap(button(a, "Back"))
			if a.win.Content() != guide || a.breathing != breathing {
				t.Error("Back did not return to the running breathing guide")
			}
		})
	}
}

func TestUnlockScreenShowsOnlyTheFieldsMarkedSafe(t *testing.T) {
	card := journal.CrisisCard{
		Reasons:      []string{"reason-kids"},
		WarningSigns: []string{"sign-isolating"},
		Helps:        []string{"help-walk"},
		People: []journal.Contact{
			{Name: "Sam-safe", Phone: "+46 70 000 01", ShowLocked: true},
			{Name: "Maria-private", Phone: "+46 70 000 02"},
		},
		Lines: []journal.Contact{
			{Name: "Line-safe", Phone: "90101", ShowLocked: true},
			{Name: "Line-private", Phone: "555"},
		},
	}
	tests := []struct {
		name       string
		showLocked bool
		want       []string
		never      []string
	}{
		{"with reasons and helps ticked", true,
			[]string{"reason-kids", "help-walk", "Sam-safe", "+46 70 000 01", "Line-safe", "90101"},
			[]string{"sign-isolating", "Maria-private", "+46 70 000 02", "Line-private"}},
		{"with only contacts ticked", false,
			[]string{"Sam-safe", "Line-safe"},
			[]string{"reason-kids", "help-walk", "sign-isolating", "Maria-private", "Line-private"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := card
			c.ShowLocked = tt.showLocked
			j := newFakeJournal(testPassphrase)
			withCard(t, j, c)
			a, path := crisisTestApp(t, j)
			unlockApp(t, a)
			a.Lock()
			a.openCrisis()
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !showsText(a, w) {
					t.Errorf("the unlock screen does not show %q", w)
				}
			}
			for _, n := range tt.never {
				if showsText(a, n) {
					t.Errorf("the unlock screen shows %q, which was not marked safe", n)
				}
				if strings.Contains(string(raw), n) {
					t.Errorf("the plain copy holds %q, which was not marked safe", n)
				}
			}
			if !showsText(a, "stored without encryption") {
				t.Error("the locked card does not say it is not encrypted")
			}
		})
	}
	t.Run("with nothing ticked there is no file and the card says so", func(t *testing.T) {
		j := newFakeJournal(testPassphrase)
		withCard(t, j, journal.CrisisCard{Reasons: []string{"reason-kids"}, People: []journal.Contact{{Name: "Sam"}}})
		a, path := crisisTestApp(t, j)
		unlockApp(t, a)
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("a plain copy exists with nothing ticked (%v)", err)
		}
		a.Lock()
		a.openCrisis()
		if showsText(a, "reason-kids") || showsText(a, "Sam") || !showsText(a, "Nothing from your card is set to show here") {
			t.Errorf("texts: %q", texts(a))
		}
	})
	t.Run("a copy Rewire did not write shows nothing", func(t *testing.T) {
		a, path := crisisTestApp(t, newFakeJournal(testPassphrase))
		if err := os.WriteFile(path, []byte(`{"version":99,"reasons":["call 555-EVIL"]}`), 0o600); err != nil {
			t.Fatal(err)
		}
		a.openCrisis()
		if showsText(a, "555-EVIL") || !showsText(a, "Nothing from your card") {
			t.Errorf("texts: %q", texts(a))
		}
	})
}

func TestUntickingRemovesFromDisk(t *testing.T) {
	j := newFakeJournal(testPassphrase)
	withCard(t, j, journal.CrisisCard{
		Reasons:    []string{"reason-kids"},
		Helps:      []string{"help-walk"},
		People:     []journal.Contact{{Name: "Sam-safe", Phone: "0100", ShowLocked: true}},
		ShowLocked: true,
	})
	a, path := crisisTestApp(t, j)
	unlockApp(t, a)
	read := func() string {
		t.Helper()
		b, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return ""
		}
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got := read(); !strings.Contains(got, "reason-kids") || !strings.Contains(got, "Sam-safe") {
		t.Fatalf("the copy after unlock: %q", got)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the copy's mode is %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	s, timers := crisisOf(t, a)
	test.Tap(button(a, "Edit my card"))

	s.showLocked.SetChecked(false)
	timers.fire()
	if got := read(); strings.Contains(got, "reason-kids") || strings.Contains(got, "help-walk") || !strings.Contains(got, "Sam-safe") {
		t.Errorf("after unticking reasons and helps the copy holds %q", got)
	}
	s.people.rows[0].locked.SetChecked(false)
	timers.fire()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after unticking everything the copy is still on disk (%v): %q", err, read())
	}
	if c, _ := storedCard(t, j); c.ShowLocked || c.People[0].ShowLocked || c.Reasons[0] != "reason-kids" {
		t.Errorf("the card in the vault: %+v", c)
	}
	s.people.rows[0].locked.SetChecked(true)
	timers.fire()
	if got := read(); !strings.Contains(got, "Sam-safe") {
		t.Errorf("ticking again did not write the copy: %q", got)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".crisis-card-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestCrisisCardAutosave(t *testing.T) {
	tests := []struct {
		name  string
		flush func(a *App, timers *dailyTimers)
	}{
		{"when the autosave timer fires", func(_ *App, timers *dailyTimers) { timers.fire() }},
		{"when the user switches screens", func(a *App, _ *dailyTimers) { a.ShowScreen(screenToday) }},
		{"when the user taps Done", func(a *App, _ *dailyTimers) { test.Tap(button(a, "Done")) }},
		{"when the app locks", func(a *App, _ *dailyTimers) { a.Lock() }},
	}
	for _, tt := range tests {
		t.Run("typing saves one card "+tt.name, func(t *testing.T) {
			j := newFakeJournal(testPassphrase)
			a, _ := crisisTestApp(t, j)
			unlockApp(t, a)
			s, timers := crisisOf(t, a)
			test.Tap(button(a, "Write my card"))
			test.Type(s.reasons, "my kids\n\n  the sea  ")
			test.Tap(button(a, "Add a person"))
			test.Type(s.people.rows[0].name, "Sam")
			test.Type(s.people.rows[0].phone, "0100")
			if _, n := storedCard(t, j); n != 0 {
				t.Fatalf("saved %d cards before the debounce", n)
			}
			if timers.pending() != 1 {
				t.Fatalf("%d autosave timers armed, want 1", timers.pending())
			}
			tt.flush(a, timers)
			c, n := storedCard(t, j)
			if n != 1 {
				t.Fatalf("%d crisis records, want 1", n)
			}
			if !slices.Equal(c.Reasons, []string{"my kids", "the sea"}) || len(c.People) != 1 || c.People[0].Phone != "0100" {
				t.Errorf("saved card: %+v", c)
			}
		})
	}
	t.Run("a save that fails keeps the text in the editor and tries again", func(t *testing.T) {
		j := newFakeJournal(testPassphrase)
		a, _ := crisisTestApp(t, j)
		unlockApp(t, a)
		s, timers := crisisOf(t, a)
		test.Tap(button(a, "Write my card"))
		test.Type(s.helps, "a walk")
		j.locked = true // Save now fails
		timers.fire()
		if !showsText(a, "Not saved just now") {
			t.Errorf("no failure shown; texts: %q", texts(a))
		}
		a.ShowScreen(screenToday)
		a.ShowScreen(screenCrisis)
		if !s.editing || s.helps.Text != "a walk" {
			t.Fatalf("the unsaved text was dropped (editing %v, %q)", s.editing, s.helps.Text)
		}
		j.locked = false
		test.Tap(button(a, "Done"))
		if c, n := storedCard(t, j); n != 1 || c.Helps[0] != "a walk" {
			t.Errorf("after the retry: %d cards, %+v", n, c)
		}
		if s.editing {
			t.Error("Done after a good save did not go back to the read view")
		}
	})
	t.Run("opening and closing the editor saves nothing", func(t *testing.T) {
		j := newFakeJournal(testPassphrase)
		a, _ := crisisTestApp(t, j)
		unlockApp(t, a)
		crisisOf(t, a)
		test.Tap(button(a, "Write my card"))
		test.Tap(button(a, "Done"))
		if _, n := storedCard(t, j); n != 0 {
			t.Errorf("an untouched card saved %d records", n)
		}
	})
}

func TestCrisisReadViewShowsTheWholeCard(t *testing.T) {
	j := newFakeJournal(testPassphrase)
	withCard(t, j, journal.CrisisCard{
		Reasons: []string{"reason-kids"}, WarningSigns: []string{"sign-isolating"}, Helps: []string{"help-walk"},
		People: []journal.Contact{{Name: "Maria", Phone: "0123", Note: "evenings"}},
		Lines:  []journal.Contact{{Name: "Samaritans", Phone: "116 123"}},
	})
	a, _ := crisisTestApp(t, j)
	unlockApp(t, a)
	crisisOf(t, a)
	for _, w := range []string{"reason-kids", "sign-isolating", "help-walk", "Maria", "0123", "evenings", "Samaritans", "116 123"} {
		if !showsText(a, w) {
			t.Errorf("the read view lacks %q", w)
		}
	}
	for _, o := range objects(a) {
		if e, ok := o.(*widget.Entry); ok && e.Visible() {
			t.Errorf("the read view shows an entry holding %q", e.Text)
		}
	}
}

func TestSuggestedLines(t *testing.T) {
	for _, l := range Languages {
		t.Run("in "+l.Name+" every suggestion has a name, a number and a note, and adding twice adds once", func(t *testing.T) {
			SetLanguage(l.Code)
			t.Cleanup(func() { SetLanguage("en") })
			sug := suggestedLines(l.Code)
			if len(sug) < 2 {
				t.Fatalf("%d suggestions", len(sug))
			}
			for _, c := range sug {
				if c.Name == "" || c.Phone == "" || c.Note == "" || c.ShowLocked {
					t.Errorf("suggestion %+v", c)
				}
			}
			ed := newContactEditor("Line", func() {})
			if !ed.addMissing(sug) || ed.addMissing(sug) {
				t.Error("addMissing did not add once")
			}
			if got := ed.contacts(); len(got) != len(sug) {
				t.Errorf("%d lines after adding twice, want %d", len(got), len(sug))
			}
		})
	}
}

func TestLockedCardFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string
		wantErr bool
	}{
		{"a missing file is an empty card", "", false},
		{"a file Rewire wrote reads back", `{"version":1,"reasons":["x"]}`, false},
		{"a newer format is refused", `{"version":2,"reasons":["x"]}`, true},
		{"no version is refused", `{"reasons":["x"]}`, true},
		{"garbage is refused", "\x00\x01not json", true},
		{"a huge file is refused", `{"version":1,"reasons":["` + strings.Repeat("a", lockedCardMax) + `"]}`, true},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, string(rune('a'+i))+".json")
			if tt.content != "" {
				if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			l, err := readLockedCard(path)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil && !l.empty() {
				t.Error("a refused file still gave content")
			}
		})
	}
	t.Run("writing an empty card removes the file, and a missing file is fine", func(t *testing.T) {
		path := filepath.Join(dir, "w.json")
		if err := writeLockedCard(path, lockedCard{Reasons: []string{"x"}}); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := writeLockedCard(path, lockedCard{}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("file still there: %v", err)
		}
	})
}

func TestLockedPartKeepsOnlyTickedFields(t *testing.T) {
	tests := []struct {
		name string
		card journal.CrisisCard
		want lockedCard
	}{
		{"nothing ticked", journal.CrisisCard{Reasons: []string{"r"}, Helps: []string{"h"}, People: []journal.Contact{{Name: "Sam"}}},
			lockedCard{Version: 1}},
		{"the card's tick takes reasons and helps, never warning signs",
			journal.CrisisCard{Reasons: []string{"r", "  "}, WarningSigns: []string{"w"}, Helps: []string{" h "}, ShowLocked: true},
			lockedCard{Version: 1, Reasons: []string{"r"}, Helps: []string{"h"}}},
		{"a contact's tick takes that contact without its tick",
			journal.CrisisCard{People: []journal.Contact{{Name: "Sam", Phone: "1", Note: "n", ShowLocked: true}, {Name: "Maria", Phone: "2"}},
				Lines: []journal.Contact{{Name: "Line", Phone: "3", ShowLocked: true}}},
			lockedCard{Version: 1, People: []lockedContact{{Name: "Sam", Phone: "1", Note: "n"}}, Lines: []lockedContact{{Name: "Line", Phone: "3"}}}},
		{"a ticked contact with neither name nor number is left out",
			journal.CrisisCard{People: []journal.Contact{{Note: "just a note", ShowLocked: true}}},
			lockedCard{Version: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lockedPart(tt.card)
			if !slices.Equal(got.Reasons, tt.want.Reasons) || !slices.Equal(got.Helps, tt.want.Helps) ||
				!slices.Equal(got.People, tt.want.People) || !slices.Equal(got.Lines, tt.want.Lines) || got.Version != tt.want.Version {
				t.Errorf("lockedPart = %+v, want %+v", got, tt.want)
			}
			if got.empty() != tt.want.empty() {
				t.Errorf("empty() = %v", got.empty())
			}
		})
	}
}
