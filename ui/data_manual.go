package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal/backup"
)

// manualCopy makes a backup with a passphrase of its own (age's scrypt),
// for handing to someone: choose the passphrase, then the folder.
type manualCopy struct {
	s        *dataScreen
	pair     *passphrasePair
	make     *widget.Button
	progress *widget.ProgressBar
	message  *widget.Label
	box      *fyne.Container
	busy     bool
}

func newManualCopy(s *dataScreen) *manualCopy {
	c := &manualCopy{s: s, pair: newPassphrasePair(s.a.Touch)}
	c.pair.first.SetPlaceHolder(lang.X("data.manual.pass", "A passphrase for this copy"))
	c.make = widget.NewButtonWithIcon(lang.X("data.manual.button", "Choose a folder and make the copy…"), theme.FolderOpenIcon(), c.pickFolder)
	c.progress = widget.NewProgressBar()
	c.progress.Hide()
	c.message = wrapped("")
	c.message.Hide()
	if s.a.backupVault() == nil {
		c.make.Disable()
	}
	c.box = container.NewVBox(c.pair.box, c.progress, c.message, container.NewHBox(c.make))
	return c
}

func (c *manualCopy) say(msg string, imp widget.Importance) {
	c.message.Importance = imp
	c.message.SetText(msg)
	c.message.Show()
}

// pickFolder checks the passphrase, then asks where to put the copy.
func (c *manualCopy) pickFolder() {
	a := c.s.a
	a.Touch()
	if c.busy {
		return
	}
	if _, msg := c.pair.check(); msg != "" {
		c.say(msg, widget.WarningImportance)
		return
	}
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, a.win)
			return
		}
		if dir != nil {
			c.makeIn(dir.Path())
		}
	}, a.win)
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// makeIn writes the copy into dir off the UI goroutine: written to a
// temporary file, read back and checked, then named.
func (c *manualCopy) makeIn(dir string) {
	a := c.s.a
	bv := a.backupVault()
	if bv == nil || c.busy {
		return
	}
	pass, msg := c.pair.check()
	if msg != "" {
		c.say(msg, widget.WarningImportance)
		return
	}
	c.pair.clear()
	c.busy = true
	c.make.Disable()
	c.progress.SetValue(0)
	c.progress.Show()
	c.say(lang.X("data.manual.working", "Making the copy and checking it… This takes a few seconds; you can keep using Rewire."), widget.MediumImportance)
	a.Run(func() {
		res, err := backup.Manual(bv, dir, pass, backup.Options{
			Clock: clockFunc(a.opts.Clock),
			Progress: func(done, total int) {
				fyne.Do(func() {
					if total > 0 {
						c.progress.SetValue(float64(done) / float64(total))
					}
				})
			},
		})
		clear(pass)
		fyne.Do(func() {
			c.busy = false
			c.make.Enable()
			c.progress.Hide()
			if err != nil {
				c.say(backupWriteErrorText(err), widget.WarningImportance)
				return
			}
			c.say(lang.X("data.manual.done", "Done: {{.Path}} ({{.N}} records, checked). Give the passphrase separately from the file.", map[string]any{
				"Path": res.Path, "N": res.Manifest.Records,
			}), widget.SuccessImportance)
		})
	})
}
