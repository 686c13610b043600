package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// The first-run steps, in order.
const (
	stepWelcome = iota
	stepPassphrase
	stepPreparing
	stepKit
	stepChoices
)

// setup is the first-run flow: welcome, passphrase, preparing the vault,
// the recovery kit, then the optional choices.
type setup struct {
	a    *App
	step int

	// Widgets of the current step, kept for tests.
	pair     *passphrasePair
	status   *widget.Label
	next     *widget.Button
	progress *widget.ProgressBar
	kept     *widget.Check
	footer   fyne.CanvasObject // the step's actions, shown below its scrolling content
	dayOne   *widget.DateEntry

	kit      []byte // shown once, wiped when setup ends
	kitSaved bool
}

func (a *App) showSetup() {
	s := &setup{a: a}
	a.setupFlow = s
	s.show(stepWelcome)
}

func (s *setup) show(step int) {
	s.step = step
	s.footer = nil
	var c fyne.CanvasObject
	switch step {
	case stepWelcome:
		c = s.welcome()
	case stepPassphrase:
		c = s.passphrase()
	case stepPreparing:
		c = s.preparing()
	case stepKit:
		c = s.kitStep()
	case stepChoices:
		c = s.choices()
	}
	var root fyne.CanvasObject = container.NewVScroll(c)
	if s.footer != nil {
		// Kept below the scrolling part, so the way on is always in view.
		root = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), s.footer), nil, nil, root)
	}
	s.a.setContent(root)
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// languageSelect picks the UI language and rebuilds the screen with it.
func languageSelect(changed func(code string)) *widget.Select {
	names := make([]string, len(Languages))
	for i, l := range Languages {
		names[i] = l.Name
	}
	sel := widget.NewSelect(names, nil)
	for _, l := range Languages {
		if l.Code == CurrentLanguage() {
			sel.SetSelected(l.Name)
		}
	}
	sel.OnChanged = func(name string) {
		for _, l := range Languages {
			if l.Name == name && l.Code != CurrentLanguage() {
				SetLanguage(l.Code)
				changed(l.Code)
			}
		}
	}
	return sel
}

func (s *setup) welcome() fyne.CanvasObject {
	langSel := languageSelect(func(string) { s.show(stepWelcome) })
	begin := widget.NewButton(lang.X("setup.begin", "Begin"), func() { s.show(stepPassphrase) })
	begin.Importance = widget.HighImportance
	return centered(540,
		heading(lang.X("setup.welcome.title", "Welcome to Rewire")),
		wrapped(lang.X("setup.welcome.body", "A private place for your recovery: a journal, three good things a day, and a daily check-in. Everything stays on this computer, encrypted with a passphrase only you know.")),
		widget.NewForm(widget.NewFormItem(lang.X("settings.language", "Language"), langSel)),
		begin,
	)
}

func (s *setup) passphrase() fyne.CanvasObject {
	s.pair = newPassphrasePair(s.a.Touch)
	s.status = wrapped("")
	s.status.Importance = widget.WarningImportance
	s.next = widget.NewButton(lang.X("setup.continue", "Continue"), s.submitPassphrase)
	s.next.Importance = widget.HighImportance
	s.pair.second.OnSubmitted = func(string) { s.submitPassphrase() }
	back := widget.NewButtonWithIcon(lang.X("setup.back", "Back"), theme.NavigateBackIcon(), func() { s.show(stepWelcome) })
	back.Importance = widget.LowImportance
	c := centered(540,
		heading(lang.X("setup.pass.title", "Choose a passphrase")),
		wrapped(lang.X("setup.pass.body", "This passphrase opens your journal. Nobody can reset it for you, so choose words you will remember. Next you will get a recovery kit, the spare key for when you forget it.")),
		s.pair.box,
		s.status,
		container.NewHBox(back, layout.NewSpacer(), s.next),
	)
	s.a.win.Canvas().Focus(s.pair.first)
	return c
}

func (s *setup) submitPassphrase() {
	pass, msg := s.pair.check()
	if msg != "" {
		s.status.SetText(msg)
		return
	}
	s.pair.clear()
	s.show(stepPreparing)
	a := s.a
	a.Run(func() {
		kdf, err := a.opts.Calibrate(a.opts.CalibrateTarget, func(f float64) {
			fyne.Do(func() {
				if s.progress != nil {
					s.progress.SetValue(f * 0.9)
				}
			})
		})
		var (
			j   Journal
			kit []byte
		)
		if err == nil {
			j, kit, err = a.vaults.Create(pass, kdf)
		}
		clear(pass)
		fyne.Do(func() {
			if err != nil {
				a.showProblem(err)
				return
			}
			a.j, s.kit = j, kit
			s.show(stepKit)
		})
	})
}

func (s *setup) preparing() fyne.CanvasObject {
	s.progress = widget.NewProgressBar()
	return centered(540,
		heading(lang.X("setup.preparing.title", "Preparing your vault")),
		wrapped(lang.X("setup.preparing.body", "Rewire is tuning the encryption to this computer, so that guessing your passphrase would take a very long time. This takes a few seconds.")),
		s.progress,
	)
}

func (s *setup) kitStep() fyne.CanvasObject {
	text := widget.NewLabelWithStyle(string(s.kit), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	text.Selectable = true
	text.Wrapping = fyne.TextWrapBreak
	saved := wrapped("")
	saved.Importance = widget.SuccessImportance
	onSaved := func(path string) {
		s.kitSaved = true
		saved.SetText(lang.X("kit.saved", "Saved to {{.Path}}", map[string]any{"Path": path}))
	}
	saveText := widget.NewButtonWithIcon(lang.X("kit.savetext", "Save as text file…"), theme.DocumentSaveIcon(), func() {
		saveKitDialog(s.a.win, "rewire-recovery-kit.txt", func() ([]byte, error) { return s.kit, nil }, onSaved)
	})
	savePNG := widget.NewButtonWithIcon(lang.X("kit.savepng", "Save printable image…"), theme.DocumentPrintIcon(), func() {
		saveKitDialog(s.a.win, "rewire-recovery-kit.png", func() ([]byte, error) { return kitPNG(s.kit) }, onSaved)
	})
	s.next = widget.NewButton(lang.X("setup.continue", "Continue"), func() {
		clear(s.kit)
		s.kit = nil
		s.show(stepChoices)
	})
	s.next.Importance = widget.HighImportance
	s.next.Disable()
	s.kept = widget.NewCheck(lang.X("kit.kept", "I have saved my recovery kit somewhere safe"), func(on bool) {
		if on {
			s.next.Enable()
		} else {
			s.next.Disable()
		}
	})
	s.footer = centered(780, container.NewBorder(nil, nil, nil, s.next, s.kept))
	return centered(780,
		heading(lang.X("kit.title", "Your recovery kit")),
		wrapped(lang.X("kit.body", "This is the spare key to your journal. If you forget your passphrase, it is the only way back in. Save it or print it now and keep it somewhere safe, away from this computer. It is shown only this once.")),
		widget.NewCard("", "", text),
		container.NewHBox(saveText, savePNG),
		saved,
	)
}

func (s *setup) choices() fyne.CanvasObject {
	s.dayOne = widget.NewDateEntry()
	langSel := languageSelect(func(string) { s.show(stepChoices) })
	start := widget.NewButton(lang.X("setup.start", "Start using Rewire"), s.finish)
	start.Importance = widget.HighImportance
	s.status = wrapped("")
	s.status.Importance = widget.WarningImportance
	return centered(540,
		heading(lang.X("setup.choices.title", "A few choices")),
		wrapped(lang.X("setup.choices.body", "Both are optional and can be changed later in Settings. If you like, tell Rewire your first day of recovery and it will count the days with you, kindly. A new start is always possible.")),
		widget.NewForm(
			widget.NewFormItem(lang.X("settings.daystart", "Day one of recovery"), s.dayOne),
			widget.NewFormItem(lang.X("settings.language", "Language"), langSel),
		),
		s.status,
		container.NewHBox(layout.NewSpacer(), start),
	)
}

func (s *setup) finish() {
	st := journal.Settings{Language: CurrentLanguage(), AutoLockMinutes: int(DefaultAutoLock / time.Minute), Theme: "system"}
	if d := s.dayOne.Date; d != nil {
		st.RecoveryStart = d.Format(journal.DateLayout)
	}
	if err := s.a.SaveSettings(st); err != nil {
		s.status.SetText(lang.X("setup.savefailed", "Your choices could not be saved. You can set them later in Settings."))
		fyne.LogError("save settings", err)
	}
	s.a.setupFlow = nil
	s.a.unlocked()
}
