package ui

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// recoveryView opens the vault with the recovery kit and sets a new
// passphrase in place of the forgotten one.
type recoveryView struct {
	a        *App
	kit      *widget.Entry
	pair     *passphrasePair
	status   *widget.Label
	go_      *widget.Button
	progress *widget.ProgressBar
}

func (a *App) showRecovery() {
	v := &recoveryView{a: a}
	var open *widget.Button
	v.kit, open = a.kitField()
	v.pair = newPassphrasePair(a.Touch)
	v.status = wrapped("")
	v.status.Importance = widget.WarningImportance
	v.progress = widget.NewProgressBar()
	v.progress.Hide()
	v.go_ = widget.NewButton(lang.X("recover.button", "Unlock and set the new passphrase"), v.submit)
	v.go_.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(lang.X("setup.back", "Back"), theme.NavigateBackIcon(), a.showUnlock)
	back.Importance = widget.LowImportance
	a.setContent(container.NewVScroll(centered(560,
		heading(lang.X("recover.title", "Use your recovery kit")),
		wrapped(lang.X("recover.body", "Your recovery kit opens your journal when the passphrase is forgotten. Then choose a new passphrase; the old one stops working.")),
		container.NewBorder(nil, nil, nil, open, widget.NewLabel(lang.X("recover.kit", "Recovery kit"))),
		v.kit,
		widget.NewLabel(lang.X("recover.newpass", "New passphrase")),
		v.pair.box,
		v.status,
		v.progress,
		container.NewHBox(back, layout.NewSpacer(), v.go_),
	)))
	a.win.Canvas().Focus(v.kit)
}

func (v *recoveryView) submit() {
	pass, msg := v.pair.check()
	if msg != "" {
		v.status.SetText(msg)
		return
	}
	kit := []byte(v.kit.Text)
	v.kit.SetText("")
	v.pair.clear()
	v.go_.Disable()
	v.progress.Show()
	v.status.Importance = widget.MediumImportance
	v.status.SetText(lang.X("recover.working", "Opening your journal and setting the new passphrase…"))
	a := v.a
	a.Run(func() {
		kdf, err := a.opts.Calibrate(a.opts.CalibrateTarget, func(f float64) {
			fyne.Do(func() { v.progress.SetValue(f * 0.9) })
		})
		if err == nil {
			err = a.j.UnlockWithRecoveryKit(kit, pass, kdf)
		}
		clear(kit)
		clear(pass)
		fyne.Do(func() {
			v.progress.Hide()
			v.go_.Enable()
			if err != nil {
				v.status.Importance = widget.WarningImportance
				v.status.SetText(unlockErrorText(err))
				return
			}
			a.unlocked()
		})
	})
}

// kitField is where a recovery kit is pasted, and a button that fills it
// from the kit's file instead.
func (a *App) kitField() (*widget.Entry, *widget.Button) {
	kit := widget.NewMultiLineEntry()
	kit.Wrapping = fyne.TextWrapBreak
	kit.TextStyle.Monospace = true
	kit.SetPlaceHolder(lang.X("recover.paste", "Paste your recovery kit here, or the line starting with AGE-SECRET-KEY-1"))
	kit.SetMinRowsVisible(3)
	open := widget.NewButtonWithIcon(lang.X("recover.open", "Open kit file…"), theme.FolderOpenIcon(), func() {
		dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			defer r.Close()
			data, err := io.ReadAll(io.LimitReader(r, 64<<10))
			if err != nil {
				dialog.ShowError(err, a.win)
				return
			}
			kit.SetText(string(data))
		}, a.win)
	})
	return kit, open
}
