package ui

import (
	"errors"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/backup"
)

// BackupVault is what backups and restores need of an unlocked vault on
// top of [Journal]: its id and recovery recipient (for automatic backups),
// merging records in by id and reading every record back from the file
// (for restores). [journal.Vault] has it; a Journal without it (a test
// fake) simply gets no backups.
type BackupVault interface {
	backup.Vault
	PlanMerge(incoming []journal.Record) (journal.MergeReport, error)
	Merge(incoming []journal.Record, progress func(done, total int)) (journal.MergeReport, error)
	Check() error
}

var _ BackupVault = (*journal.Vault)(nil)

// backupVault returns the open vault's backup side, or nil while locked or
// when the journal has none.
func (a *App) backupVault() BackupVault {
	if a.j == nil || a.j.Locked() {
		return nil
	}
	bv, _ := a.j.(BackupVault)
	return bv
}

// clockFunc adapts the app's [Clock] to [journal.Clock].
type clockFunc func() time.Time

func (c clockFunc) Now() time.Time { return c() }

// defaultBackupFolder is where automatic backups go unless the settings
// name a folder: "backups" beside the vault file.
func defaultBackupFolder(vaultPath string) string {
	return filepath.Join(filepath.Dir(vaultPath), "backups")
}

// backupFolder is the folder automatic backups go to.
func (a *App) backupFolder() string {
	if f := a.settings.BackupFolder; f != "" {
		return f
	}
	return defaultBackupFolder(a.vaults.Path())
}

// backupEvery is how old the newest automatic backup may be before the
// next unlock makes another; ok is false when automatic backups are off.
func backupEvery(st journal.Settings) (every time.Duration, ok bool) {
	switch h := st.BackupEveryHours; {
	case h < 0:
		return 0, false
	case h == 0:
		return backup.DefaultEvery, true
	default:
		return time.Duration(h) * time.Hour, true
	}
}

// backupKeep is the rotation the settings ask for; zero counts take the
// defaults.
func backupKeep(st journal.Settings) backup.Keep {
	k := backup.DefaultKeep
	if st.BackupKeepDaily > 0 {
		k.Daily = st.BackupKeepDaily
	}
	if st.BackupKeepWeekly > 0 {
		k.Weekly = st.BackupKeepWeekly
	}
	if st.BackupKeepMonthly > 0 {
		k.Monthly = st.BackupKeepMonthly
	}
	return k
}

// backupActivity is the app's one backup at a time: its progress and the
// outcome of the last one this session. Only touched on the UI goroutine.
type backupActivity struct {
	running bool
	// checking: running, but still looking whether a backup is due; the
	// indicator stays quiet meanwhile.
	checking    bool
	done, total int
	last        *backupOutcome
	// notice is a message for the next Backup & data screen (the outcome
	// of replacing the journal, whose screens were dropped meanwhile).
	notice   string
	watchers []backupWatcher
}

// backupOutcome is how a backup this session ended.
type backupOutcome struct {
	res backup.Result
	err error
}

// backupWatcher is a widget of the current shell that shows the activity;
// watchers of a dropped shell are forgotten.
type backupWatcher struct {
	shell *shell
	fn    func()
}

func (a *App) watchBackups(fn func()) {
	a.backups.watchers = append(a.backups.watchers, backupWatcher{a.shell, fn})
}

func (a *App) backupsChanged() {
	kept := a.backups.watchers[:0]
	for _, w := range a.backups.watchers {
		if w.shell == a.shell && a.shell != nil {
			kept = append(kept, w)
		}
	}
	clear(a.backups.watchers[len(kept):])
	a.backups.watchers = kept
	for _, w := range kept {
		w.fn()
	}
}

// autoBackup runs after unlock: when automatic backups are on and the
// newest in the folder is older than the settings allow, it makes one, off
// the UI goroutine.
func (a *App) autoBackup() {
	every, on := backupEvery(a.settings)
	if !on {
		return
	}
	a.startBackup(func(bv BackupVault, dir string) bool {
		due, err := backup.Due(dir, bv.ID(), a.Now(), every)
		return err != nil || due
	})
}

// BackUpNow makes an automatic backup now, whatever the age of the last.
func (a *App) BackUpNow() { a.startBackup(nil) }

// startBackup backs the vault up into the backup folder unless one is
// already running. due, if not nil, runs first off the UI goroutine and
// decides whether to go on. Progress and the outcome reach the watchers.
func (a *App) startBackup(due func(bv BackupVault, dir string) bool) {
	bv := a.backupVault()
	if bv == nil || a.backups.running {
		return
	}
	dir, keep := a.backupFolder(), backupKeep(a.settings)
	a.backups.running, a.backups.checking, a.backups.done, a.backups.total = true, due != nil, 0, 0
	a.backupsChanged()
	a.Run(func() {
		if due != nil && !due(bv, dir) {
			fyne.Do(func() {
				a.backups.running, a.backups.checking = false, false
				a.backupsChanged()
			})
			return
		}
		fyne.Do(func() {
			a.backups.checking = false
			a.backupsChanged()
		})
		res, err := backup.Automatic(bv, dir, backup.Options{
			Clock: clockFunc(a.opts.Clock),
			Keep:  keep,
			Progress: func(done, total int) {
				fyne.Do(func() {
					a.backups.done, a.backups.total = done, total
					a.backupsChanged()
				})
			},
		})
		if err != nil {
			fyne.LogError("automatic backup", err)
		}
		fyne.Do(func() {
			a.backups.running, a.backups.checking = false, false
			// A lock while the records were read is not a failure worth
			// telling anyone about; the next unlock tries again.
			if !errors.Is(err, journal.ErrLocked) {
				a.backups.last = &backupOutcome{res: res, err: err}
			}
			a.backupsChanged()
		})
	})
}

// backupIndicator is the quiet line under the navigation: a thin progress
// bar while a backup runs, a warning if the last one failed, else nothing.
func (a *App) backupIndicator() fyne.CanvasObject {
	text := widget.NewLabel("")
	text.SizeName = theme.SizeNameCaptionText
	text.Wrapping = fyne.TextWrapWord
	bar := widget.NewProgressBar()
	bar.TextFormatter = func() string { return "" }
	box := container.NewVBox(text, bar)
	update := func() {
		b := &a.backups
		switch {
		case b.running && b.checking:
			box.Hide()
		case b.running:
			text.Importance = widget.LowImportance
			text.SetText(lang.X("data.indicator.running", "Backing up…"))
			if b.total > 0 {
				bar.SetValue(float64(b.done) / float64(b.total))
			} else {
				bar.SetValue(0)
			}
			bar.Show()
			box.Show()
		case b.last != nil && b.last.err != nil:
			text.Importance = widget.WarningImportance
			text.SetText(lang.X("data.indicator.failed", "The last backup did not work. See Backup & data."))
			bar.Hide()
			box.Show()
		default:
			box.Hide()
		}
	}
	update()
	a.watchBackups(update)
	return box
}
