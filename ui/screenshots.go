package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
	rwtheme "github.com/rewirejournal/rewire/ui/theme"
)

// screenshotPassphrase opens the throwaway demo vault the screenshots use.
const screenshotPassphrase = "quiet river morning lantern"

// screenshotSize is the window size of every screenshot.
var screenshotSize = fyne.NewSize(1000, 700)

// Screenshots writes a PNG of every main screen, in every language and in
// the light and dark themes, to dir: <lang>-<theme>-<screen>.png. It renders
// with Fyne's software painter, so it needs no display. vaultsAt returns
// the vault opener for a path; the vaults it makes live in a temporary
// directory, use the floor key-derivation parameters and are removed after.
func Screenshots(dir string, vaultsAt func(path string) Vaults) error {
	// Fyne runs fyne.Do inline only off the main goroutine, as in tests.
	done := make(chan error)
	go func() { done <- screenshots(dir, vaultsAt) }()
	return <-done
}

func screenshots(dir string, vaultsAt func(path string) Vaults) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "rewire-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	fa := test.NewApp()
	loadTranslations()
	defer SetLanguage(CurrentLanguage())

	demoPath := filepath.Join(tmp, "demo.db")
	if err := makeDemoVault(vaultsAt(demoPath)); err != nil {
		return fmt.Errorf("demo vault: %w", err)
	}
	shots := &shooter{dir: dir, fyne: fa}
	for _, l := range Languages {
		for _, mode := range []rwtheme.Mode{rwtheme.Light, rwtheme.Dark} {
			shots.prefix = l.Code + "-" + string(mode)
			shots.mode = mode
			if err := shots.setup(vaultsAt(filepath.Join(tmp, shots.prefix+".db")), l.Code); err != nil {
				return err
			}
			if err := shots.unlocked(vaultsAt(demoPath), l.Code); err != nil {
				return err
			}
		}
	}
	return shots.err
}

// makeDemoVault creates a vault with a few weeks of demo records.
func makeDemoVault(v Vaults) error {
	j, _, err := v.Create([]byte(screenshotPassphrase), journal.MinKDFParams())
	if err != nil {
		return err
	}
	// End tomorrow, so today has records too and Today, Gratitude and
	// Check-in show a day in use.
	for _, r := range demo.Generate(40, 1, time.Now().AddDate(0, 0, 1)) {
		if err := j.Save(r); err != nil {
			return err
		}
	}
	return v.Close()
}

type shooter struct {
	dir    string
	prefix string
	mode   rwtheme.Mode
	fyne   fyne.App
	err    error
}

func (s *shooter) app(v Vaults, code string) *App {
	a := New(s.fyne, v, Options{
		Run:       InlineRunner,
		Language:  code,
		TickEvery: -1,
		Calibrate: func(time.Duration, func(float64)) (journal.KDFParams, error) {
			return journal.MinKDFParams(), nil
		},
	})
	a.build()
	a.applyTheme(s.mode)
	a.win.Resize(screenshotSize)
	return a
}

func (s *shooter) shot(a *App, name string) {
	if s.err != nil {
		return
	}
	a.applyTheme(s.mode)
	img := a.win.Canvas().Capture()
	f, err := os.Create(filepath.Join(s.dir, s.prefix+"-"+name+".png"))
	if err != nil {
		s.err = err
		return
	}
	if err := png.Encode(f, img); err != nil {
		s.err = err
	}
	if err := f.Close(); err != nil && s.err == nil {
		s.err = err
	}
}

// setup walks the first-run flow on a fresh vault.
func (s *shooter) setup(v Vaults, code string) error {
	a := s.app(v, code)
	defer v.Close()
	st := a.setupFlow
	if st == nil {
		return fmt.Errorf("screenshots: no first-run flow for a fresh vault")
	}
	s.shot(a, "setup-welcome")
	st.show(stepPassphrase)
	test.Type(st.pair.first, "sunflower")
	s.shot(a, "setup-passphrase-weak")
	st.pair.first.SetText("")
	test.Type(st.pair.first, "copper kettle sings at dawn")
	s.shot(a, "setup-passphrase")
	st.show(stepPreparing)
	st.progress.SetValue(0.4)
	s.shot(a, "setup-preparing")
	st.pair.first.SetText("copper kettle sings at dawn")
	st.pair.second.SetText("copper kettle sings at dawn")
	st.submitPassphrase()
	if st.step != stepKit {
		return fmt.Errorf("screenshots: setup did not reach the recovery kit")
	}
	s.shot(a, "recovery-kit")
	st.kept.SetChecked(true)
	st.next.OnTapped()
	s.shot(a, "setup-choices")
	a.quitting = true
	a.Lock()
	return s.err
}

// unlocked shows the unlock screens and every screen of the demo vault.
// screenShotNames names each screen's PNG; every screen has one (a test
// checks).
var screenShotNames = [screenCount]string{
	screenToday:     "today",
	screenJournal:   "journal",
	screenGratitude: "gratitude",
	screenCheckIn:   "checkin",
	screenUrge:      "urge",
	screenBreathe:   "breathe-list",
	screenMeditate:  "meditate",
	screenInsights:  "insights",
	screenSearch:    "search",
	screenData:      "data",
	screenLearn:     "learn",
	screenCrisis:    "crisis",
	screenSettings:  "settings",
}

func (s *shooter) unlocked(v Vaults, code string) error {
	a := s.app(v, code)
	defer v.Close()
	u := a.unlockView
	if u == nil {
		return fmt.Errorf("screenshots: the demo vault did not show the unlock screen")
	}
	s.shot(a, "unlock")
	test.Type(u.passphrase, "not my passphrase")
	u.submit()
	s.shot(a, "unlock-wrong-passphrase")
	a.showRecovery()
	s.shot(a, "unlock-recovery")
	a.showBreathing(a.showUnlock)
	s.shot(a, "breathe")
	a.showUnlock()
	test.Type(a.unlockView.passphrase, screenshotPassphrase)
	a.unlockView.submit()
	if a.shell == nil {
		return fmt.Errorf("screenshots: the demo vault did not unlock")
	}
	hideOverlays(a) // an urge session the demo left unfinished is asked about
	for id, name := range screenShotNames {
		a.ShowScreen(id)
		s.shot(a, name)
	}
	screenshotJournalAndSearch(a, func(name string) { s.shot(a, name) })
	screenshotInsights(a, func(name string) { s.shot(a, name) }, func(name, pdf string) {
		if s.err == nil {
			s.err = pdfPage(pdf, filepath.Join(s.dir, s.prefix+"-"+name))
		}
	})
	screenshotCrisisAndLearn(a, func(name string) { s.shot(a, name) })
	if err := screenshotData(a, func(name string) { s.shot(a, name) }); err != nil {
		return err
	}
	if err := screenshotTransfer(a, func(name string) { s.shot(a, name) }); err != nil {
		return err
	}
	screenshotUrge(a, func(name string) { s.shot(a, name) })
	screenshotPractices(a, func(name string) { s.shot(a, name) })
	screenshotLockedCrisis(a, func(name string) { s.shot(a, name) }) // locks
	a.quitting = true
	a.Lock()
	return s.err
}
