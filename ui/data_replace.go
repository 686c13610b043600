package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// VaultReplacer is implemented by a [Vaults] that can put a new vault, made
// from a backup's records, in place of the open one. Restoring "into a new
// journal" needs it; without it only merging is offered.
type VaultReplacer interface {
	// ReplaceWith makes a new vault protected by passphrase (derived with
	// kdf) holding recs, checks it, and puts it in place of the open
	// vault, whose file is kept beside it (bak names it). It returns the
	// new vault unlocked, with its new recovery kit.
	//
	// On failure the open vault's file is where it was, and j is that
	// vault: still unlocked if it was never closed, else opened again and
	// locked; nil if even that failed. progress gets the records stored
	// so far of all.
	ReplaceWith(recs []journal.Record, passphrase []byte, kdf journal.KDFParams, progress func(done, total int)) (j Journal, kit []byte, bak string, err error)
}

// replaceVault replaces the open journal with recs, a checked backup,
// protected by pass. Every screen saves and is dropped first, so nothing
// typed meanwhile can be lost; a page with progress shows while it runs.
func (a *App) replaceVault(vr VaultReplacer, recs []journal.Record, pass []byte) {
	a.dropShell()
	bar := widget.NewProgressBar()
	a.setContent(centered(540,
		heading(lang.X("data.replace.title", "Restoring your journal")),
		wrapped(lang.X("data.replace.body", "Rewire is making a new journal from the backup and checking it. Your current journal stays untouched until the new one is ready.")),
		bar,
	))
	old := a.j
	a.Run(func() {
		kdf, err := a.opts.Calibrate(a.opts.CalibrateTarget, func(f float64) {
			fyne.Do(func() { bar.SetValue(f * 0.3) })
		})
		var j Journal
		var kit []byte
		var bak string
		if err == nil {
			j, kit, bak, err = vr.ReplaceWith(recs, pass, kdf, func(done, total int) {
				fyne.Do(func() {
					if total > 0 {
						bar.SetValue(0.3 + 0.7*float64(done)/float64(total))
					}
				})
			})
		} else {
			j = old
		}
		clear(pass)
		fyne.Do(func() { a.replaced(j, kit, bak, err) })
	})
}

// replaced shows the outcome of replaceVault: the new recovery kit, or why
// nothing changed.
func (a *App) replaced(j Journal, kit []byte, bak string, err error) {
	if err != nil {
		a.backups.notice = lang.X("data.replace.failed", "The journal could not be replaced, so the one you had is unchanged. Details: {{.Err}}", map[string]any{"Err": err.Error()})
		switch {
		case j == nil:
			a.showProblem(err)
		case j.Locked():
			a.j = j
			a.unlockNotice = a.backups.notice
			a.showUnlock()
		default:
			a.j = j
			a.showShell(screenData)
		}
		return
	}
	a.j = j
	a.backups.notice = lang.X("data.replace.done", "Your journal was restored from the backup and checked. The journal you had before is kept at {{.Path}}; it opens with your old passphrase. Once you are sure you don't need it, you may delete it.", map[string]any{"Path": bak})
	a.showNewKit(kit)
}

// showNewKit shows the new journal's recovery kit once, as setup does.
func (a *App) showNewKit(kit []byte) {
	text := widget.NewLabelWithStyle(string(kit), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	text.Selectable = true
	text.Wrapping = fyne.TextWrapBreak
	saved := wrapped("")
	saved.Importance = widget.SuccessImportance
	onSaved := func(path string) {
		saved.SetText(lang.X("kit.saved", "Saved to {{.Path}}", map[string]any{"Path": path}))
	}
	saveText := widget.NewButtonWithIcon(lang.X("kit.savetext", "Save as text file…"), theme.DocumentSaveIcon(), func() {
		saveKitDialog(a.win, "rewire-recovery-kit.txt", func() ([]byte, error) { return kit, nil }, onSaved)
	})
	savePNG := widget.NewButtonWithIcon(lang.X("kit.savepng", "Save printable image…"), theme.DocumentPrintIcon(), func() {
		saveKitDialog(a.win, "rewire-recovery-kit.png", func() ([]byte, error) { return kitPNG(kit) }, onSaved)
	})
	next := widget.NewButton(lang.X("setup.continue", "Continue"), func() {
		clear(kit)
		a.unlocked()
		a.ShowScreen(screenData)
	})
	next.Importance = widget.HighImportance
	next.Disable()
	kept := widget.NewCheck(lang.X("kit.kept", "I have saved my recovery kit somewhere safe"), func(on bool) {
		if on {
			next.Enable()
		} else {
			next.Disable()
		}
	})
	a.setContent(container.NewVScroll(centered(780,
		heading(lang.X("data.kit.title", "Your new recovery kit")),
		wrapped(lang.X("data.kit.body", "The restored journal is a new vault, so it has a new recovery kit. Your old kit does not open it, though it still opens your older backups. Save or print this one now and keep it somewhere safe. It is shown only this once.")),
		widget.NewCard("", "", text),
		container.NewHBox(saveText, savePNG),
		saved,
		kept,
		container.NewHBox(layout.NewSpacer(), next),
	)))
}
