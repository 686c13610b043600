package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/backup"
)

// backupFiles lists the backups of v's journal in its backup folder.
func backupFiles(t *testing.T, v *dataVaults) []backup.File {
	t.Helper()
	files, err := backup.List(defaultBackupFolder(v.Path()), v.bj.ID())
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func kitKey(t *testing.T, bj *backupJournal) backup.Key {
	t.Helper()
	k, err := backup.RecoveryKitKey(bj.kitText)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestBackUpNowWritesABackupThatVerifiesWithTheKit(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, clock := dataTestApp(t, &off, entries(12, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	if n := len(backupFiles(t, v)); n != 0 {
		t.Fatalf("%d backups made at unlock with automatic backups off", n)
	}
	s := dataScreenOf(t, a)
	if !strings.Contains(s.last.Text, "No automatic backup yet") {
		t.Errorf("before any backup the screen says %q", s.last.Text)
	}
	clock.advance(time.Minute)
	test.Tap(s.now)

	files := backupFiles(t, v)
	if len(files) != 1 {
		t.Fatalf("%d backups after Back up now, want 1", len(files))
	}
	m, err := backup.Verify(files[0].Path, kitKey(t, v.bj), nil)
	if err != nil {
		t.Fatalf("the backup does not verify: %v", err)
	}
	if want := len(v.bj.records); m.Records != want {
		t.Errorf("the backup holds %d records, the journal %d", m.Records, want)
	}
	if !strings.Contains(s.status.Text, "Backed up and checked: 13 records") || s.status.Importance != widget.SuccessImportance {
		t.Errorf("status after the backup: %q", s.status.Text)
	}
	if !strings.Contains(s.last.Text, "Last backup: 25 November 2026 at 09:31") {
		t.Errorf("last backup shown as %q", s.last.Text)
	}
	if !strings.Contains(s.last.Text, defaultBackupFolder(v.Path())) || s.hint.Hidden {
		t.Errorf("the default folder and the hint to choose another are not shown: %q, hint hidden %v", s.last.Text, s.hint.Hidden)
	}
	if s.progress.Visible() || s.now.Disabled() {
		t.Error("progress still shown or Back up now still disabled after the backup")
	}
}

func TestAutomaticBackupAtUnlockOnlyWhenTheNewestIsOlderThanTheSetting(t *testing.T) {
	tests := []struct {
		name   string
		every  int           // settings' BackupEveryHours
		newest time.Duration // age of the newest backup; 0 for none
		want   bool
	}{
		{"no backup yet: one is made", 0, 0, true},
		{"the newest is 23 hours old: none", 0, 23 * time.Hour, false},
		{"the newest is exactly a day old: one is made", 0, 24 * time.Hour, true},
		{"the newest is 25 hours old: one is made", 0, 25 * time.Hour, true},
		{"every other day, 30 hours old: none", 48, 30 * time.Hour, false},
		{"every other day, 49 hours old: one is made", 48, 49 * time.Hour, true},
		{"twice a day, 13 hours old: one is made", 12, 13 * time.Hour, true},
		{"off, no backup yet: none", -1, 0, false},
		{"off, a week old: none", -1, 7 * 24 * time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Build the journal and, if asked, an older backup of it, then
			// unlock at "now".
			now := time.Date(2026, 11, 25, 9, 30, 0, 0, time.Local)
			bj := newBackupJournal(t, testPassphrase)
			v := &dataVaults{bj: bj, dir: t.TempDir()}
			v.j = bj.fakeJournal
			bj.locked = false
			for _, r := range entries(3, now.Add(-72*time.Hour)) {
				bj.records[r.ID] = r
			}
			sid := journal.NewID()
			bj.records[sid] = journal.Record{ID: sid, Kind: journal.KindSettings, Date: "2026-11-01",
				Settings: &journal.Settings{BackupEveryHours: tt.every}, Created: now.Add(-96 * time.Hour), Updated: now.Add(-96 * time.Hour)}
			before := 0
			if tt.newest > 0 {
				if _, err := backup.Automatic(bj, defaultBackupFolder(v.Path()), backup.Options{Clock: clockFunc(func() time.Time { return now.Add(-tt.newest) })}); err != nil {
					t.Fatal(err)
				}
				before = 1
			}
			bj.locked = true

			clock := &fakeClock{now: now}
			bj.clock = clock.Now
			fa := test.NewTempApp(t)
			SetLanguage("en")
			a := New(fa, v, Options{Run: InlineRunner, Clock: clock.Now, TickEvery: -1})
			a.build()
			test.Type(a.unlockView.passphrase, testPassphrase)
			a.unlockView.submit()
			if a.shell == nil {
				t.Fatal("did not unlock")
			}
			files := backupFiles(t, v)
			made := len(files) > before
			if made != tt.want {
				t.Fatalf("backup made: %v, want %v (%d files)", made, tt.want, len(files))
			}
			if made && !files[len(files)-1].Created.Equal(now.Truncate(time.Second)) {
				t.Errorf("the new backup is dated %v, want %v", files[len(files)-1].Created, now)
			}
			if a.backups.running {
				t.Error("the backup is still marked as running")
			}
		})
	}
}

func TestAutomaticBackupsRotateAsTheSettingsSay(t *testing.T) {
	// Keep 3 daily, 2 weekly, 6 monthly; a backup every day for 30 days.
	st := journal.Settings{BackupEveryHours: 24, BackupKeepDaily: 3, BackupKeepWeekly: 2, BackupKeepMonthly: 6}
	a, v, clock := dataTestApp(t, &st, entries(2, time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC))...)
	for range 30 {
		clock.advance(24 * time.Hour)
		a.Lock()
		test.Type(a.unlockView.passphrase, testPassphrase)
		a.unlockView.submit()
	}
	files := backupFiles(t, v)
	times := make([]time.Time, len(files))
	for i, f := range files {
		times[i] = f.Created
	}
	keep := backupKeep(st).Select(times, time.Local)
	for i, k := range keep {
		if !k {
			t.Errorf("%s is still there; the rotation would have removed it", files[i].Path)
		}
	}
	// 3 days, plus the newest of 2 weeks and of 2 months, some shared.
	if len(files) < 3 || len(files) > 6 {
		t.Errorf("%d backups kept after 31 days", len(files))
	}
}

func TestVerifyingABadBackupSaysWhatIsWrongAndChangesNothing(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, _ := dataTestApp(t, &off, entries(40, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	good, err := backup.Automatic(v.bj, filepath.Join(v.dir, "good"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(good.Path)
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), data...)
	flipped[len(flipped)-100] ^= 0x20
	other := newBackupJournal(t, "x")
	other.locked = false
	theirs := fileBytes(t, kitOnlyBackup(t, other, filepath.Join(v.dir, "theirs")).Path)
	old := fileBytes(t, kitOnlyBackup(t, v.bj, filepath.Join(v.dir, "old")).Path)

	tests := []struct {
		name string
		data []byte
		kit  []byte
		want string
	}{
		{"a backup cut short", data[:len(data)/2], v.bj.kitText, "damaged or incomplete"},
		{"a flipped byte in the payload", flipped, v.bj.kitText, "damaged or incomplete"},
		{"our kit on another journal's backup", theirs, v.bj.kitText, "does not open this backup"},
		{"another journal's kit on our older backup", old, other.kitText, "does not open this backup"},
		{"a text file", []byte("dear diary\n"), v.bj.kitText, "not a Rewire backup"},
		{"a backup from a newer Rewire", newerFormatBackup(t, v.bj.identity.Recipient()), v.bj.kitText, "newer version of Rewire"},
		{"an empty file", nil, v.bj.kitText, "damaged or incomplete"},
	}
	s := dataScreenOf(t, a)
	before := len(v.bj.records)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "rewire-backup.age")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			s.task.open(path, false)
			if s.task.kit != nil {
				test.Type(s.task.kit, string(tt.kit))
				s.task.check()
			}
			msg := s.task.message
			if msg == nil || !msg.Visible() || !strings.Contains(msg.Text, tt.want) {
				t.Fatalf("message %v, want one saying %q", msg, tt.want)
			}
			if msg.Importance != widget.WarningImportance {
				t.Errorf("the message is not a warning")
			}
			if s.task.contents != nil || len(v.bj.records) != before || v.bj.merges != 0 {
				t.Error("a bad backup left records behind or changed the journal")
			}
		})
	}

	t.Run("and a sound backup is reported as sound", func(t *testing.T) {
		s.task.open(good.Path, false) // its own backup: checked at once, without the kit
		if !strings.Contains(s.task.message.Text, "This backup is sound: 41 records") {
			t.Errorf("message %q", s.task.message.Text)
		}
		if s.task.contents != nil {
			t.Error("verifying kept the decrypted records")
		}
	})
}

func TestRestoreMergesTheBackupIntoThisJournal(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	recs := entries(5, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))
	a, v, clock := dataTestApp(t, &off, recs...)
	res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// After the backup: two entries are deleted and one is written.
	if err := v.bj.Delete(recs[0].ID, recs[1].ID); err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Hour)
	kept := &journal.Record{Kind: journal.KindEntry, Entry: &journal.Entry{Body: "written after the backup"}}
	if err := v.bj.Save(kept); err != nil {
		t.Fatal(err)
	}

	s := dataScreenOf(t, a)
	s.task.open(res.Path, true) // its own backup: checked at once, without the kit
	if s.task.contents == nil {
		t.Fatalf("the backup did not check out: %v", s.task.message.Text)
	}
	if v.bj.merges != 0 {
		t.Fatal("merged before being asked")
	}
	if !strings.Contains(s.task.message.Text, "This backup is sound: 6 records") {
		t.Errorf("summary %q", s.task.message.Text)
	}
	s.task.merge()

	if v.bj.merges != 1 {
		t.Fatalf("%d merges", v.bj.merges)
	}
	for _, r := range recs {
		if _, ok := v.bj.records[r.ID]; !ok {
			t.Errorf("record %s is not back", r.ID)
		}
	}
	if _, ok := v.bj.records[kept.ID]; !ok {
		t.Error("the entry written after the backup is gone")
	}
	if !strings.Contains(s.task.message.Text, "Restored. 2 records added") {
		t.Errorf("outcome %q", s.task.message.Text)
	}
	if s.task.contents != nil {
		t.Error("the decrypted backup is still held after the restore")
	}
}

func TestAFailedMergeSaysNothingWasStored(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, _ := dataTestApp(t, &off, entries(3, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v.bj.mergeFail = journal.ErrInvalid
	s := dataScreenOf(t, a)
	s.task.open(res.Path, true) // its own backup: checked at once, without the kit
	s.task.merge()
	if !strings.Contains(s.task.message.Text, "nothing from it was stored") || s.task.message.Importance != widget.WarningImportance {
		t.Errorf("message %q", s.task.message.Text)
	}
}

func TestRestoreIntoANewJournalShowsItsNewKitAndKeepsTheOldFile(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	recs := entries(4, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))
	a, v, _ := dataTestApp(t, &off, recs...)
	res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	old := v.bj
	s := dataScreenOf(t, a)
	s.task.open(res.Path, true) // its own backup: checked at once, without the kit
	s.task.askNewPassphrase()

	t.Run("a weak passphrase is refused", func(t *testing.T) {
		test.Type(s.task.pair.first, "abc")
		test.Type(s.task.pair.second, "abc")
		s.task.replace()
		if v.bak != 0 || !s.task.message.Visible() {
			t.Fatalf("replaced with a weak passphrase (message %q)", s.task.message.Text)
		}
		s.task.pair.clear()
	})

	const newPass = "lantern over still water"
	test.Type(s.task.pair.first, newPass)
	test.Type(s.task.pair.second, newPass)
	s.task.replace()
	if v.bak != 1 {
		t.Fatal("the journal was not replaced")
	}
	if a.j != Journal(v.bj) || a.j == Journal(old) || a.shell != nil {
		t.Fatal("the app is not on the new journal's kit page")
	}
	if v.bj.passphrase != newPass || len(v.bj.records) != len(recs)+1 {
		t.Errorf("new journal: passphrase %q, %d records", v.bj.passphrase, len(v.bj.records))
	}
	if !showsText(a, "AGE-SECRET-KEY-1NEW") {
		t.Error("the new recovery kit is not shown")
	}
	cont := button(a, "Continue")
	if cont == nil || !cont.Disabled() {
		t.Fatal("Continue is missing or enabled before the kit is saved")
	}
	test.Tap(checkBox(a, "I have saved my recovery kit somewhere safe"))
	test.Tap(cont)
	if a.shell == nil || a.shell.current != screenData {
		t.Fatal("not back on Backup & data after the kit")
	}
	if !showsText(a, "vault.db.bak") {
		t.Error("the screen does not say where the previous journal is kept")
	}
}

func TestAFailedReplaceLeavesTheJournalAsItWas(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, _ := dataTestApp(t, &off, entries(2, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v.fail = os.ErrPermission
	s := dataScreenOf(t, a)
	s.task.open(res.Path, true) // its own backup: checked at once, without the kit
	s.task.askNewPassphrase()
	test.Type(s.task.pair.first, "lantern over still water")
	test.Type(s.task.pair.second, "lantern over still water")
	s.task.replace()
	if a.shell == nil || a.shell.current != screenData || a.j != Journal(v.bj) {
		t.Fatal("not back on the same journal's Backup & data screen")
	}
	if !showsText(a, "the one you had is unchanged") {
		t.Error("the failure is not explained")
	}
}

func TestManualBackupHasItsOwnPassphrase(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, _ := dataTestApp(t, &off, entries(3, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	s := dataScreenOf(t, a)
	c := s.copy
	dir := t.TempDir()

	test.Type(c.pair.first, "short")
	c.makeIn(dir)
	if !c.message.Visible() || c.message.Importance != widget.WarningImportance {
		t.Fatal("a weak passphrase was not refused")
	}
	c.pair.clear()

	const pass = "borrowed umbrella in april"
	test.Type(c.pair.first, pass)
	test.Type(c.pair.second, pass)
	c.makeIn(dir)
	if c.pair.first.Text != "" {
		t.Error("the passphrase is still in the field")
	}
	files, err := backup.List(dir, v.bj.ID())
	if err != nil || len(files) != 1 || files[0].Protection != backup.ByPassphrase {
		t.Fatalf("files %+v, %v", files, err)
	}
	if !strings.Contains(c.message.Text, files[0].Path) {
		t.Errorf("message %q does not name the file", c.message.Text)
	}

	// It opens with its passphrase, and the screen's verify says so; the
	// recovery kit does not open it.
	s.task.open(files[0].Path, false)
	if s.task.pass == nil {
		t.Fatal("verify did not ask for the backup's passphrase")
	}
	test.Type(s.task.pass, "not the passphrase at all")
	s.task.check()
	if !strings.Contains(s.task.message.Text, "That passphrase does not open this backup") {
		t.Errorf("wrong passphrase: %q", s.task.message.Text)
	}
	s.task.askKey()
	test.Type(s.task.pass, pass)
	s.task.check()
	if !strings.Contains(s.task.message.Text, "This backup is sound: 4 records") {
		t.Errorf("right passphrase: %q", s.task.message.Text)
	}
	if _, err := backup.Verify(files[0].Path, kitKey(t, v.bj), nil); err == nil {
		t.Error("the recovery kit opens a backup with its own passphrase")
	}
}

func TestBackupSettingsAreSaved(t *testing.T) {
	a, v, _ := dataTestApp(t, &journal.Settings{BackupEveryHours: -1})
	a.ShowScreen(screenSettings)
	b := a.shell.screens[screenSettings].(*settingsScreen).backups
	if b.every.Selected != "Off" || b.daily.Selected != "7" || b.weekly.Selected != "4" || b.monthly.Selected != "12" {
		t.Fatalf("shown: %q %q %q %q", b.every.Selected, b.daily.Selected, b.weekly.Selected, b.monthly.Selected)
	}
	if b.folder.Text != defaultBackupFolder(v.Path()) || b.hint.Hidden {
		t.Errorf("folder %q, hint hidden %v", b.folder.Text, b.hint.Hidden)
	}
	b.every.SetSelected("Every other day")
	b.daily.SetSelected("14")
	b.monthly.SetSelected("24")
	st := a.Settings()
	if st.BackupEveryHours != 48 || st.BackupKeepDaily != 14 || st.BackupKeepMonthly != 24 || st.BackupKeepWeekly != 0 {
		t.Errorf("saved %+v", st)
	}
	saved, _ := v.bj.settings()
	if saved != st {
		t.Errorf("the vault holds %+v, the app %+v", saved, st)
	}
}

func TestSelectNear(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{24, "Every day"}, {-1, "Off"}, {-5, "Twice a day"}, {100, "Every other day"}, {1000, "Every week"}, {1, "Twice a day"}}
	for _, tt := range tests {
		labels := make([]string, len(backupEveryChoices))
		for i, h := range backupEveryChoices {
			labels[i] = everyLabel(h)
		}
		sel := widget.NewSelect(labels, nil)
		selectNear(sel, backupEveryChoices, tt.n)
		if sel.Selected != tt.want {
			t.Errorf("selectNear(%d) = %q, want %q", tt.n, sel.Selected, tt.want)
		}
	}
}

func TestBackupErrorsReadAsSentences(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{backup.ErrWrongPassphrase, "That passphrase does not open this backup"},
		{backup.ErrNeedsPassphrase, "has its own passphrase"},
		{backup.ErrNeedsRecoveryKit, "opens with the recovery kit"},
		{backup.ErrUnsafePath, "unsafe file names"},
		{os.ErrNotExist, "could not be opened"},
	}
	for _, tt := range tests {
		if got := backupReadErrorText(tt.err); !strings.Contains(got, tt.want) {
			t.Errorf("%v: %q", tt.err, got)
		}
	}
	if got := backupWriteErrorText(os.ErrPermission); !strings.Contains(got, "may not write to the backup folder") {
		t.Errorf("permission: %q", got)
	}
}

func TestAFailedAutomaticBackupIsShownQuietlyAndOnTheScreen(t *testing.T) {
	// The "folder" is a file, so no backup can be written into it.
	notDir := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(notDir, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, _, _ := dataTestApp(t, &journal.Settings{BackupFolder: notDir}, entries(2, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	if a.backups.last == nil || a.backups.last.err == nil {
		t.Fatal("the automatic backup into a file did not fail")
	}
	if !showsText(a, "The last backup did not work") {
		t.Error("the navigation does not say the backup failed")
	}
	s := dataScreenOf(t, a)
	if !strings.Contains(s.status.Text, "The backup could not be made, and no half-written file was left") || s.status.Importance != widget.WarningImportance {
		t.Errorf("status %q", s.status.Text)
	}
	if !s.hint.Hidden {
		t.Error("the hint to choose a folder shows although one was chosen")
	}
	left, _ := os.ReadDir(filepath.Dir(notDir))
	if len(left) != 1 {
		t.Errorf("%d files beside the chosen 'folder'", len(left))
	}
}

func TestLeavingTheScreenForgetsAnOpenedBackup(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, _ := dataTestApp(t, &off, entries(3, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := dataScreenOf(t, a)
	s.task.open(res.Path, true) // its own backup: checked at once, without the kit
	if s.task.contents == nil {
		t.Fatal("the backup did not check out")
	}
	a.ShowScreen(screenToday)
	if s.task.contents != nil || len(s.taskUI.Objects) != 0 {
		t.Error("the decrypted backup outlived leaving the screen")
	}

	t.Run("and so does locking with the kit typed in", func(t *testing.T) {
		s := dataScreenOf(t, a)
		s.task.open(kitOnlyBackup(t, v.bj, filepath.Join(v.dir, "old")).Path, false)
		test.Type(s.task.kit, string(v.bj.kitText))
		a.Lock()
		if s.task.kit.Text != "" {
			t.Error("the recovery kit stayed in its field after lock")
		}
	})
}

func TestBackupSettingsDefaults(t *testing.T) {
	tests := []struct {
		name  string
		st    journal.Settings
		every time.Duration
		on    bool
		keep  backup.Keep
	}{
		{"nothing set: a day, 7/4/12", journal.Settings{}, 24 * time.Hour, true, backup.Keep{Daily: 7, Weekly: 4, Monthly: 12}},
		{"off", journal.Settings{BackupEveryHours: -1}, 0, false, backup.DefaultKeep},
		{"every week, keep 30 daily", journal.Settings{BackupEveryHours: 168, BackupKeepDaily: 30}, 168 * time.Hour, true, backup.Keep{Daily: 30, Weekly: 4, Monthly: 12}},
		{"negative counts take the defaults", journal.Settings{BackupKeepWeekly: -3, BackupKeepMonthly: 24}, 24 * time.Hour, true, backup.Keep{Daily: 7, Weekly: 4, Monthly: 24}},
	}
	for _, tt := range tests {
		every, on := backupEvery(tt.st)
		if every != tt.every || on != tt.on || backupKeep(tt.st) != tt.keep {
			t.Errorf("%s: every %v on %v keep %+v", tt.name, every, on, backupKeep(tt.st))
		}
	}
	if got := defaultBackupFolder(filepath.Join("data", "rewire", "vault.db")); got != filepath.Join("data", "rewire", "backups") {
		t.Errorf("default folder %s", got)
	}
}

func TestAMergeThatDoesNotReadBackSaysSo(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, _ := dataTestApp(t, &off, entries(3, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v.bj.checkFail = &journal.DamagedError{IDs: []journal.ID{journal.NewID()}}
	s := dataScreenOf(t, a)
	s.task.open(res.Path, true) // its own backup: checked at once, without the kit
	s.task.merge()
	if !strings.Contains(s.task.message.Text, "reading your journal back found a problem") || s.task.message.Importance != widget.WarningImportance {
		t.Errorf("message %q", s.task.message.Text)
	}
}

func TestAMergeKeepsASafetyCopyUntilTheJournalReadsBack(t *testing.T) {
	tests := []struct {
		name         string
		checkFail    error // reading the journal back after the merge
		snapshotFail error
		wantMerges   int
		wantBak      bool // the copy is still there afterwards
		wantText     string
	}{
		{"read back whole: the copy is removed", nil, nil, 1, false, "Restored."},
		{"read back with a problem: the copy stays, and the message says where", journal.ErrDamaged, nil, 1, true, "is kept at "},
		{"no copy could be made: nothing is merged", nil, errors.New("disk full"), 0, false, "a safety copy of your journal could not be made: disk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := journal.Settings{BackupEveryHours: -1}
			a, v, _ := dataTestApp(t, &off, entries(3, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
			res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := dataScreenOf(t, a)
			s.task.open(res.Path, true) // its own backup: checked at once, without the kit
			v.bj.checkFail, v.bj.snapshotFail = tt.checkFail, tt.snapshotFail
			s.task.merge()

			if v.bj.merges != tt.wantMerges {
				t.Errorf("%d merges, want %d", v.bj.merges, tt.wantMerges)
			}
			if tt.snapshotFail == nil {
				if len(v.bj.snapshots) != 1 || v.bj.snapshots[0].merges != 0 || v.bj.snapshots[0].path != v.Path()+".bak" {
					t.Fatalf("safety copies %+v; want one at %s.bak, made before the merge", v.bj.snapshots, v.Path())
				}
			}
			_, statErr := os.Stat(v.Path() + ".bak")
			if got := statErr == nil; got != tt.wantBak {
				t.Errorf("the copy is there afterwards: %v, want %v", got, tt.wantBak)
			}
			if !strings.Contains(s.task.message.Text, tt.wantText) {
				t.Errorf("message %q lacks %q", s.task.message.Text, tt.wantText)
			}
		})
	}
}

func TestASafetyCopyNeverOverwritesAnOlderOne(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, _ := dataTestApp(t, &off, entries(2, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	if err := os.WriteFile(v.Path()+".bak", []byte("an older copy"), 0o600); err != nil {
		t.Fatal(err)
	}
	v.bj.checkFail = journal.ErrDamaged // so the new copy stays to be looked at
	res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v.bj.checkFail = nil
	s := dataScreenOf(t, a)
	s.task.open(res.Path, true) // its own backup: checked at once, without the kit
	v.bj.checkFail = journal.ErrDamaged
	s.task.merge()
	if b, _ := os.ReadFile(v.Path() + ".bak"); string(b) != "an older copy" {
		t.Error("the older copy was overwritten")
	}
	if _, err := os.Stat(v.Path() + ".2.bak"); err != nil {
		t.Errorf("no new copy beside it: %v", err)
	}
}
