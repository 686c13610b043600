package ui

import (
	"errors"
	"io/fs"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/backup"
)

// dataScreen is "Backup & data": the automatic backups (when and where the
// last one was made, "Back up now"), checking and restoring a backup, and
// a copy with its own passphrase for someone else. Every file is read and
// written off the UI goroutine.
type dataScreen struct {
	a *App

	exportBtn, importBtn *widget.Button // open the export and import dialogs

	// Automatic backups.
	last     *widget.Label // when and where the newest backup is
	hint     *widget.Label // pick a USB stick or synced folder
	progress *widget.ProgressBar
	status   *widget.Label
	now      *widget.Button
	// lookups counts folder reads, so an older one finishing late does
	// not overwrite a newer one.
	lookups int

	task   *backupTask // verifying or restoring a backup
	copy   *manualCopy // the copy with its own passphrase
	taskUI *fyne.Container

	scroll    *container.Scroll
	column    *fyne.Container
	checkCard *widget.Card
}

func newDataScreen(a *App) screen { return &dataScreen{a: a} }

func (s *dataScreen) Title() string       { return lang.X("data.nav", "Backup & data") }
func (s *dataScreen) Icon() fyne.Resource { return theme.StorageIcon() }

// Leave forgets a backup that was opened but not restored: its records are
// decrypted in memory.
func (s *dataScreen) Leave() {
	if s.task != nil {
		s.task.leave()
	}
	if s.copy != nil {
		s.copy.pair.clear()
	}
}

// Refresh looks for the newest backup again.
func (s *dataScreen) Refresh() {
	s.showActivity()
	s.lookUpLast()
}

func (s *dataScreen) Content() fyne.CanvasObject {
	a := s.a
	s.last = wrapped("")
	s.hint = wrapped(lang.X("data.auto.hint", "Tip: a backup on this computer does not help if the computer is lost. In Settings you can choose a folder on a USB stick or a folder that is synced elsewhere."))
	s.hint.Importance = widget.LowImportance
	s.hint.Hide()
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.status = wrapped("")
	s.status.Hide()
	s.now = widget.NewButtonWithIcon(lang.X("data.auto.now", "Back up now"), theme.DocumentSaveIcon(), func() {
		a.Touch()
		a.BackUpNow()
	})
	s.now.Importance = widget.HighImportance
	settings := widget.NewButtonWithIcon(lang.X("data.auto.settings", "Backup settings…"), theme.SettingsIcon(), func() {
		a.ShowScreen(screenSettings)
	})
	settings.Importance = widget.LowImportance
	auto := widget.NewCard(lang.X("data.auto.title", "Automatic backups"), "", container.NewVBox(
		wrapped(lang.X("data.auto.sub", "Encrypted to your recovery kit: the kit alone opens them, with Rewire or with the age tool. This journal, while it is unlocked, also opens its own backups, so checking or restoring one needs no kit.")),
		s.last, s.hint, s.progress, s.status, container.NewHBox(s.now, settings)))
	if a.backupVault() == nil {
		s.now.Disable()
	}

	s.task = newBackupTask(s)
	s.taskUI = container.NewVBox()
	verify := widget.NewButtonWithIcon(lang.X("data.verify", "Verify a backup…"), theme.ConfirmIcon(), func() {
		s.pickBackup(false)
	})
	restore := widget.NewButtonWithIcon(lang.X("data.restore", "Restore…"), theme.HistoryIcon(), func() {
		s.pickBackup(true)
	})
	check := widget.NewCard(lang.X("data.check.title", "Check or restore a backup"), "", container.NewVBox(
		wrapped(lang.X("data.check.sub", "Rewire reads the whole backup and checks every record before it changes anything.")),
		container.NewHBox(verify, restore), s.taskUI))

	s.copy = newManualCopy(s)
	manual := widget.NewCard(lang.X("data.manual.title", "A copy with its own passphrase"), "", container.NewVBox(
		wrapped(lang.X("data.manual.sub", "For handing a copy to someone you trust. It opens with this passphrase, in Rewire or with the age tool, never with your own passphrase.")),
		s.copy.box))

	exportBtn := widget.NewButtonWithIcon(lang.X("data.export", "Export…"), theme.UploadIcon(), a.showExport)
	importBtn := widget.NewButtonWithIcon(lang.X("data.import", "Import…"), theme.DownloadIcon(), a.showImport)
	s.exportBtn, s.importBtn = exportBtn, importBtn
	transfer := widget.NewCard(lang.X("data.transfer.title", "Export and import"), "", container.NewVBox(
		wrapped(lang.X("data.transfer.sub", "Export writes your journal as Markdown or JSON for other programs; it is not encrypted once saved. Import brings in entries from jrnl, Day One or a folder of Markdown files, after showing you what it found.")),
		container.NewHBox(exportBtn, importBtn)))

	if n := a.backups.notice; n != "" {
		a.backups.notice = ""
		msg := wrapped(n)
		s.taskUI.Add(msg)
		s.taskUI.Add(container.NewHBox(widget.NewButton(lang.X("data.close", "Close"), s.task.reset)))
	}
	a.watchBackups(s.showActivity)
	s.Refresh()
	h := widget.NewLabelWithStyle(s.Title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameHeadingText
	s.checkCard = check
	s.column = container.NewVBox(h, auto, check, manual, transfer)
	s.scroll = container.NewVScroll(container.NewPadded(s.column))
	return s.scroll
}

// reveal scrolls the card of checking and restoring to the top, so the
// step it shows is in view.
func (s *dataScreen) reveal() {
	if s.scroll == nil {
		return
	}
	c := s.scroll.Content
	c.Resize(c.MinSize().Max(s.scroll.Size()))
	s.scroll.ScrollToOffset(fyne.NewPos(0, s.column.Position().Y+s.checkCard.Position().Y))
}

// showActivity shows the app's backup activity: progress while a backup
// runs, its outcome once it ends.
func (s *dataScreen) showActivity() {
	if s.progress == nil {
		return
	}
	b := &s.a.backups
	if b.running && !b.checking {
		s.now.Disable()
		s.progress.Show()
		if b.total > 0 {
			s.progress.SetValue(float64(b.done) / float64(b.total))
		}
		s.status.Importance = widget.MediumImportance
		s.status.SetText(lang.X("data.auto.running", "Backing up and checking the backup… You can keep using Rewire."))
		s.status.Show()
		return
	}
	s.progress.Hide()
	if s.a.backupVault() != nil && !b.running {
		s.now.Enable()
	}
	switch {
	case b.last == nil:
		s.status.Hide()
	case b.last.err != nil:
		s.status.Importance = widget.WarningImportance
		s.status.SetText(backupWriteErrorText(b.last.err))
		s.status.Show()
	default:
		s.status.Importance = widget.SuccessImportance
		s.status.SetText(lang.X("data.auto.done", "Backed up and checked: {{.N}} records.", map[string]any{"N": b.last.res.Manifest.Records}))
		s.status.Show()
	}
	if !b.running && b.last != nil {
		s.lookUpLast()
	}
}

// lookUpLast reads the backup folder off the UI goroutine and shows the
// newest automatic backup.
func (s *dataScreen) lookUpLast() {
	a := s.a
	bv := a.backupVault()
	if bv == nil {
		s.last.SetText(lang.X("data.auto.unavailable", "Backups are not available for this journal."))
		return
	}
	dir := a.backupFolder()
	s.hint.Hidden = a.settings.BackupFolder != ""
	s.hint.Refresh()
	s.lookups++
	n, id := s.lookups, bv.ID()
	a.Run(func() {
		f, ok, err := backup.Latest(dir, id)
		fyne.Do(func() {
			if n != s.lookups {
				return
			}
			s.showLast(dir, f, ok, err)
		})
	})
}

func (s *dataScreen) showLast(dir string, f backup.File, ok bool, err error) {
	every, on := backupEvery(s.a.settings)
	var when string
	switch {
	case err != nil:
		when = lang.X("data.auto.unreadable", "The backup folder can't be read: {{.Err}}", map[string]any{"Err": err.Error()})
	case !ok:
		when = lang.X("data.auto.none", "No automatic backup yet.")
	default:
		t := f.Created.In(time.Local)
		when = lang.X("data.auto.last", "Last backup: {{.Date}} at {{.Time}}.", map[string]any{
			"Date": FormatDate(t), "Time": t.Format("15:04"),
		})
	}
	var plan string
	if on {
		plan = lang.X("data.auto.plan", "A new one is made when you unlock Rewire and the last is older than {{.Hours}} hours.", map[string]any{"Hours": int(every / time.Hour)})
	} else {
		plan = lang.X("data.auto.off", "Automatic backups are off; use “Back up now”.")
	}
	s.last.SetText(when + " " + plan + "\n" + lang.X("data.auto.where", "Folder: {{.Dir}}", map[string]any{"Dir": dir}))
}

// backupWriteErrorText says why a backup could not be made.
func backupWriteErrorText(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return lang.X("data.err.permission", "Rewire may not write to the backup folder. Choose another folder in Settings. Your journal is unchanged.")
	case errors.Is(err, journal.ErrLocked):
		return lang.X("data.err.locked", "Rewire locked before the backup finished. It will try again after you unlock.")
	}
	return lang.X("data.err.write", "The backup could not be made, and no half-written file was left. Your journal is unchanged. Details: {{.Err}}", map[string]any{"Err": err.Error()})
}

// backupReadErrorText says why a backup could not be read, and what to do.
func backupReadErrorText(err error) string {
	switch {
	case errors.Is(err, backup.ErrWrongPassphrase):
		return lang.X("data.err.wrongpass", "That passphrase does not open this backup. Check it and try again.")
	case errors.Is(err, backup.ErrWrongRecoveryKit):
		return lang.X("data.err.wrongkit", "This recovery kit does not open this backup. It may belong to another journal.")
	case errors.Is(err, backup.ErrNeedsPassphrase):
		return lang.X("data.err.needspass", "This backup has its own passphrase; the recovery kit does not open it.")
	case errors.Is(err, backup.ErrNotOwnBackup):
		return lang.X("data.err.notown", "This journal can't open this backup by itself: another journal made it, or it is older. It opens with the recovery kit.")
	case errors.Is(err, backup.ErrNeedsRecoveryKit):
		return lang.X("data.err.needskit", "This backup opens with the recovery kit, not a passphrase.")
	case errors.Is(err, backup.ErrNewerFormat):
		return lang.X("data.err.newer", "This backup was made by a newer version of Rewire. Please update Rewire to read it. Nothing was changed.")
	case errors.Is(err, backup.ErrUnsafePath):
		return lang.X("data.err.unsafe", "This file holds unsafe file names, so it was not made by Rewire. Nothing from it was used.")
	case errors.Is(err, backup.ErrNotBackup):
		return lang.X("data.err.notbackup", "This file is not a Rewire backup. Nothing was changed.")
	case errors.Is(err, backup.ErrDamaged):
		return lang.X("data.err.damaged", "This backup is damaged or incomplete, perhaps cut short while it was copied. Nothing from it was used. Try another copy. Details: {{.Err}}", map[string]any{"Err": err.Error()})
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrPermission):
		return lang.X("data.err.open", "The file could not be opened: {{.Err}}", map[string]any{"Err": err.Error()})
	}
	return lang.X("data.err.read", "The backup could not be read. Nothing was changed. Details: {{.Err}}", map[string]any{"Err": err.Error()})
}
