package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// unlockView asks for the passphrase. It is also what the window shows
// after every lock.
type unlockView struct {
	a *App

	passphrase *passphraseEntry
	unlock     *widget.Button
	progress   *widget.ProgressBarInfinite
	status     *widget.Label
	busy       bool
	root       fyne.CanvasObject // the window content while it shows
}

// showUnlock replaces the window content with the unlock screen.
func (a *App) showUnlock() {
	v := &unlockView{a: a}
	a.unlockView = v
	v.passphrase = newPassphraseEntry(a.openCrisis)
	v.passphrase.SetPlaceHolder(lang.X("unlock.placeholder", "Passphrase"))
	v.passphrase.OnSubmitted = func(string) { v.submit() }
	v.unlock = widget.NewButton(lang.X("unlock.button", "Unlock"), v.submit)
	v.unlock.Importance = widget.HighImportance
	v.progress = widget.NewProgressBarInfinite()
	v.progress.Stop()
	v.progress.Hide()
	v.status = wrapped(a.unlockNotice)
	v.status.Alignment = fyne.TextAlignCenter
	v.status.Importance = widget.WarningImportance
	a.unlockNotice = ""

	forgot := widget.NewButton(lang.X("unlock.forgot", "Forgot your passphrase? Use your recovery kit"), a.showRecovery)
	forgot.Importance = widget.LowImportance
	breathe := widget.NewButtonWithIcon(lang.X("unlock.breathe", "Breathe"), theme.MediaPlayIcon(), func() {
		a.showBreathing(a.showUnlock)
	})
	crisis := widget.NewButtonWithIcon(lang.X("crisis.title", "Crisis card"), theme.WarningIcon(), a.openCrisis)
	a.registerLockedCrisis()
	langSel := languageSelect(func(code string) {
		a.pickedLanguage = code
		a.fyne.Preferences().SetString(prefLanguage, code)
		a.showUnlock()
	})

	sub := wrapped(lang.X("unlock.welcome", "Welcome back. Take your time."))
	sub.Alignment = fyne.TextAlignCenter
	form := centered(420,
		heading("Rewire"),
		sub,
		v.passphrase,
		v.unlock,
		v.progress,
		v.status,
		forgot,
	)
	bottom := container.NewHBox(breathe, crisis, layout.NewSpacer(), langSel)
	a.setContent(container.NewBorder(nil, container.NewPadded(bottom), nil, nil, form))
	v.root = a.win.Content()
	a.win.Canvas().Focus(v.passphrase)
}

func (v *unlockView) submit() {
	if v.busy || v.passphrase.Text == "" {
		return
	}
	v.busy = true
	pass := []byte(v.passphrase.Text)
	v.passphrase.SetText("")
	v.passphrase.Disable()
	v.unlock.Disable()
	v.progress.Show()
	v.progress.Start()
	v.status.Importance = widget.MediumImportance
	v.status.SetText(lang.X("unlock.opening", "Opening your journal…"))
	a := v.a
	a.Run(func() {
		err := a.j.Unlock(pass)
		clear(pass)
		fyne.Do(func() { v.finish(err) })
	})
}

func (v *unlockView) finish(err error) {
	v.busy = false
	v.progress.Stop()
	v.progress.Hide()
	v.passphrase.Enable()
	v.unlock.Enable()
	if err != nil {
		v.status.Importance = widget.WarningImportance
		v.status.SetText(unlockErrorText(err))
		v.a.win.Canvas().Focus(v.passphrase)
		return
	}
	v.a.unlockView = nil
	v.a.unlocked()
}

func unlockErrorText(err error) string {
	switch {
	case errors.Is(err, journal.ErrWrongPassphrase):
		return lang.X("unlock.wrong", "That passphrase doesn't open this journal. Check Caps Lock and the keyboard language, and try again. There is no limit on tries.")
	case errors.Is(err, journal.ErrWrongRecoveryKit):
		return lang.X("unlock.wrongkit", "This recovery kit belongs to another journal, or it is not a recovery kit.")
	}
	return problemText(err)
}
