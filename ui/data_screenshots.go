package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/backup"
)

// screenshotData shows Backup & data at work, for [Screenshots]: a file
// that is not a backup, one of the journal's own backups checked without
// the kit, an older backup with a recovery kit that does not fit, a copy
// with its own passphrase made and then opened for a restore. Files go to a
// temporary folder; shot captures the window.
func screenshotData(a *App, shot func(name string)) error {
	a.ShowScreen(screenData)
	s, ok := a.shell.screens[screenData].(*dataScreen)
	if !ok {
		return nil
	}
	dir, err := os.MkdirTemp("", "rewire-screenshots-data-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	notBackup := filepath.Join(dir, "notes.age")
	if err := os.WriteFile(notBackup, []byte("dear diary\n"), 0o600); err != nil {
		return err
	}
	s.task.open(notBackup, false)
	shot("data-verify-notbackup")

	if f, ok, _ := backupLatest(a); ok {
		// One of the journal's own backups: checked without the kit.
		s.task.open(f, false)
		shot("data-verify-own")
	}
	if f, err := writeKitOnlyBackup(a, dir); err == nil {
		// A backup the journal can't open by itself asks for the kit.
		s.task.open(f, false)
		if s.task.kit != nil {
			test.Type(s.task.kit, "AGE-SECRET-KEY-1NOTAKEY")
			s.task.check()
		}
		shot("data-verify-wrongkit")
	}

	s.task.reset()
	const pass = "borrowed umbrella in april"
	c := s.copy
	c.pair.first.SetText(pass)
	c.pair.second.SetText(pass)
	c.makeIn(dir)
	s.scroll.ScrollToBottom()
	shot("data-manual-done")
	if matches, _ := filepath.Glob(filepath.Join(dir, "rewire-*-passphrase.age")); len(matches) == 1 {
		s.task.open(matches[0], true)
		if s.task.pass != nil {
			s.task.pass.SetText(pass)
			s.task.check()
		}
		shot("data-restore-choose")
	}
	s.task.reset()
	return nil
}

// backupLatest is the newest automatic backup of the open vault.
func backupLatest(a *App) (string, bool, error) {
	bv := a.backupVault()
	if bv == nil {
		return "", false, nil
	}
	f, ok, err := backup.Latest(a.backupFolder(), bv.ID())
	return f.Path, ok, err
}

// writeKitOnlyBackup writes a backup of the open vault into dir encrypted to
// the recovery kit alone, as backups were before the journal's own key
// opened them too.
func writeKitOnlyBackup(a *App, dir string) (string, error) {
	bv := a.backupVault()
	if bv == nil {
		return "", journal.ErrLocked
	}
	rr, err := bv.RecoveryRecipient()
	if err != nil {
		return "", err
	}
	to, err := backup.ToRecoveryKit(rr)
	if err != nil {
		return "", err
	}
	res, err := backup.WriteFile(bv, dir, to, backup.Options{})
	return res.Path, err
}
