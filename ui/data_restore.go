package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/backup"
)

// backupTask verifies a backup, or restores one: pick the file, give the
// key that opens it, read and check all of it (with progress), then, for a
// restore, merge it into this journal or replace this journal with it.
// Nothing is changed until the whole backup has checked out.
type backupTask struct {
	s       *dataScreen
	restore bool   // restoring, not only verifying
	path    string // the backup file
	prot    backup.Protection
	own     bool // one of this journal's own backups, opened with its own key
	busy    bool

	// Widgets of the current stage, kept for tests.
	kit      *widget.Entry // the recovery kit, for automatic backups
	pass     *widget.Entry // the backup's passphrase, for manual ones
	progress *widget.ProgressBar
	message  *widget.Label
	pair     *passphrasePair // a new passphrase, to replace this journal

	// contents is the checked backup, decrypted, held only between the
	// check and the restore.
	contents *backup.Contents
	plan     journal.MergeReport
}

func newBackupTask(s *dataScreen) *backupTask { return &backupTask{s: s} }

// show replaces the task area.
func (t *backupTask) show(objs ...fyne.CanvasObject) {
	t.s.taskUI.Objects = objs
	t.s.taskUI.Refresh()
	if len(objs) > 0 {
		t.s.reveal()
	}
}

// reset forgets the backup and empties the task area.
func (t *backupTask) reset() {
	t.forget()
	t.path, t.kit, t.pass, t.pair, t.own = "", nil, nil, nil, false
	t.show()
}

// forget drops the decrypted records.
func (t *backupTask) forget() {
	t.contents = nil
	t.plan = journal.MergeReport{}
}

// leave is the screen being left: a backup opened but not restored is
// forgotten; work under way finishes and shows its outcome.
func (t *backupTask) leave() {
	if t.busy {
		return
	}
	if t.kit != nil {
		t.kit.SetText("")
	}
	if t.pass != nil {
		t.pass.SetText("")
	}
	if t.contents != nil {
		t.reset()
	}
}

// pickBackup asks for a backup file, starting in the backup folder.
func (s *dataScreen) pickBackup(restore bool) {
	a := s.a
	a.Touch()
	if s.task.busy {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, a.win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.task.open(path, restore)
	}, a.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".age"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(a.backupFolder())); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// open looks at the backup at path (off the UI goroutine). One of this
// journal's own backups is checked at once with the journal's own key;
// for any other the task asks for what opens it.
func (t *backupTask) open(path string, restore bool) {
	t.reset()
	t.path, t.restore = path, restore
	a := t.s.a
	var vault journal.ID
	if bv := a.backupVault(); bv != nil {
		vault = bv.ID()
	}
	t.busy = true
	a.Run(func() {
		h, err := backup.ReadHeader(path)
		fyne.Do(func() {
			t.busy = false
			if t.path != path {
				return
			}
			if err != nil {
				t.failed(err, false)
				return
			}
			t.prot = h.Protection
			if h.OpensWith(vault) && a.backupVault() != nil {
				t.own = true
				t.check()
				return
			}
			t.askKey()
		})
	})
}

// heading names the backup being worked on and, for one of this journal's
// own backups, says that it opens without the kit.
func (t *backupTask) heading() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{t.fileLine()}
	if t.own {
		note := wrapped(lang.X("data.key.own", "This is one of this journal's own backups, so it opens without your recovery kit."))
		note.Importance = widget.LowImportance
		objs = append(objs, note)
	}
	return objs
}

// fileLine names the backup being worked on.
func (t *backupTask) fileLine() fyne.CanvasObject {
	l := widget.NewLabelWithStyle(filepath.Base(t.path), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapBreak
	return l
}

// askKey asks for the recovery kit or the backup's passphrase.
func (t *backupTask) askKey() {
	a := t.s.a
	t.own = false
	t.message = wrapped("")
	t.message.Importance = widget.WarningImportance
	t.message.Hide()
	label := lang.X("data.check.button", "Check the backup")
	if t.restore {
		label = lang.X("data.restore.check", "Check it, then choose how to restore")
	}
	goBtn := widget.NewButtonWithIcon(label, theme.ConfirmIcon(), t.check)
	goBtn.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.X("data.cancel", "Cancel"), t.reset)
	buttons := container.NewHBox(goBtn, cancel)
	if t.prot == backup.ByPassphrase {
		t.kit = nil
		t.pass = widget.NewPasswordEntry()
		t.pass.SetPlaceHolder(lang.X("data.key.pass", "The passphrase of this backup"))
		t.pass.OnSubmitted = func(string) { t.check() }
		t.pass.OnChanged = func(string) { a.Touch() }
		t.show(t.fileLine(), wrapped(lang.X("data.key.passbody", "This backup has a passphrase of its own: the one chosen when the copy was made.")), t.pass, t.message, buttons)
		a.win.Canvas().Focus(t.pass)
		return
	}
	t.pass = nil
	var openKit *widget.Button
	t.kit, openKit = a.kitField()
	t.kit.OnChanged = func(string) { a.Touch() }
	t.show(t.fileLine(),
		wrapped(lang.X("data.key.kitbody", "This backup opens with your recovery kit. Rewire keeps no copy of the kit, so please paste it or open its file.")),
		container.NewBorder(nil, nil, nil, openKit, widget.NewLabel(lang.X("recover.kit", "Recovery kit"))),
		t.kit, t.message, buttons)
	a.win.Canvas().Focus(t.kit)
}

// check reads and checks the whole backup off the UI goroutine; for a
// restore it also works out what merging would do.
func (t *backupTask) check() {
	a := t.s.a
	if t.busy || t.pass == nil && t.kit == nil && !t.own {
		return
	}
	a.Touch()
	var key backup.Key
	var err error
	// wipe wipes the journal's own backup key once the backup is read.
	var wipe func()
	if t.own {
		bv := a.backupVault()
		if bv == nil {
			t.askKey()
			return
		}
		if key, wipe, err = backup.OwnKey(bv); err != nil {
			t.failed(err, true)
			return
		}
	} else if t.pass != nil {
		if t.pass.Text == "" {
			t.say(lang.X("data.key.passmissing", "Please type the backup's passphrase."))
			return
		}
		p := []byte(t.pass.Text)
		key, err = backup.PassphraseKey(p)
		clear(p)
	} else {
		if t.kit.Text == "" {
			t.say(lang.X("data.key.kitmissing", "Please paste your recovery kit or open its file."))
			return
		}
		k := []byte(t.kit.Text)
		key, err = backup.RecoveryKitKey(k)
		clear(k)
	}
	if err != nil {
		t.say(backupReadErrorText(err))
		return
	}
	if t.pass != nil {
		t.pass.SetText("")
	}
	if t.kit != nil {
		t.kit.SetText("")
	}
	t.progress = widget.NewProgressBar()
	t.show(append(t.heading(), wrapped(lang.X("data.check.reading", "Reading and checking every record…")), t.progress)...)
	t.busy = true
	path, restore := t.path, t.restore
	bv := a.backupVault()
	a.Run(func() {
		if wipe != nil {
			defer wipe()
		}
		progress := func(done, total int) {
			fyne.Do(func() {
				if total > 0 {
					t.progress.SetValue(float64(done) / float64(total))
				}
			})
		}
		var c *backup.Contents
		var plan journal.MergeReport
		if restore {
			c, err = backup.ReadFile(path, key, progress)
			if err == nil && bv != nil {
				plan, err = bv.PlanMerge(c.Records)
			}
		} else {
			var m *backup.Manifest
			if m, err = backup.Verify(path, key, progress); err == nil {
				c = &backup.Contents{Manifest: *m}
			}
		}
		fyne.Do(func() {
			t.busy = false
			if t.path != path {
				return
			}
			if err != nil {
				t.failed(err, true)
				return
			}
			t.contents, t.plan = c, plan
			if restore {
				t.choose()
			} else {
				t.verified()
			}
		})
	})
}

// say shows a problem under the key field.
func (t *backupTask) say(msg string) {
	t.message.SetText(msg)
	t.message.Show()
}

// failed shows why the backup could not be used; retry goes back to the
// key. When the journal's own key was used, retrying asks for the recovery
// kit instead.
func (t *backupTask) failed(err error, retry bool) {
	t.forget()
	t.message = wrapped(backupReadErrorText(err))
	t.message.Importance = widget.WarningImportance
	buttons := container.NewHBox()
	switch {
	case retry && t.own:
		buttons.Add(widget.NewButton(lang.X("data.key.usekit", "Open it with the recovery kit instead"), t.askKey))
	case retry:
		buttons.Add(widget.NewButton(lang.X("data.retry", "Try again"), t.askKey))
	}
	buttons.Add(widget.NewButton(lang.X("data.close", "Close"), t.reset))
	t.show(t.fileLine(), t.message, buttons)
}

// summary describes a backup that checked out.
func (t *backupTask) summary() string {
	m := t.contents.Manifest
	made := m.Created.In(time.Local)
	return lang.X("data.check.ok", "This backup is sound: {{.N}} records, made on {{.Date}} at {{.Time}}, every one checked.", map[string]any{
		"N": m.Records, "Date": FormatDate(made), "Time": made.Format("15:04"),
	})
}

func (t *backupTask) verified() {
	t.message = wrapped(t.summary())
	t.message.Importance = widget.SuccessImportance
	t.forget()
	t.show(append(t.heading(), t.message, container.NewHBox(widget.NewButton(lang.X("data.close", "Close"), t.reset)))...)
}

// choose offers the two ways to restore a backup that checked out.
func (t *backupTask) choose() {
	a := t.s.a
	p := t.plan
	t.message = wrapped(t.summary())
	t.message.Importance = widget.SuccessImportance
	mergeText := wrapped(lang.X("data.restore.plan", "Merging into this journal: {{.Added}} records added, {{.Updated}} updated, {{.Copies}} older versions kept as copies, {{.Unchanged}} already here. Where a record changed in both places, the newer edit wins; nothing is deleted.", map[string]any{
		"Added": p.Added, "Updated": p.Updated, "Unchanged": p.Unchanged, "Copies": p.Copies,
	}))
	merge := widget.NewButtonWithIcon(lang.X("data.restore.merge", "Merge into this journal"), theme.ContentAddIcon(), t.merge)
	merge.Importance = widget.HighImportance
	if a.backupVault() == nil {
		merge.Disable()
	}
	buttons := container.NewHBox(merge)
	objs := append(t.heading(), t.message, mergeText)
	if _, ok := a.vaults.(VaultReplacer); ok {
		objs = append(objs, wrapped(lang.X("data.restore.replacebody", "Or replace this journal with the backup: Rewire makes a new journal from it with a new passphrase and a new recovery kit. The journal you have now is kept beside it as a .bak file.")))
		replace := widget.NewButtonWithIcon(lang.X("data.restore.replace", "Replace this journal…"), theme.ViewRefreshIcon(), t.askNewPassphrase)
		buttons.Add(replace)
	}
	buttons.Add(widget.NewButton(lang.X("data.cancel", "Cancel"), t.reset))
	t.show(append(objs, buttons)...)
}

// merge stores the backup's records in this journal, in one transaction,
// off the UI goroutine.
func (t *backupTask) merge() {
	a := t.s.a
	bv := a.backupVault()
	if t.busy || t.contents == nil || bv == nil {
		return
	}
	a.Touch()
	recs := t.contents.Records
	t.forget()
	t.progress = widget.NewProgressBar()
	t.show(t.fileLine(), wrapped(lang.X("data.restore.merging", "Merging the backup into this journal… All of it is stored, or nothing.")), t.progress)
	t.busy = true
	path := t.path
	records := a.Records()
	vaultPath := a.vaults.Path()
	a.Run(func() {
		// A copy of the journal as it is, kept until the merge has been
		// read back; a journal that keeps no file has nothing to copy.
		bak, serr := safetyCopy(bv, vaultPath)
		if serr != nil {
			fyne.Do(func() {
				t.busy = false
				if t.path == path {
					t.merged(journal.MergeReport{}, fmt.Errorf("%s: %w", lang.X("data.restore.bakfailed", "a safety copy of your journal could not be made"), serr), nil, "")
				}
			})
			return
		}
		rep, err := bv.Merge(recs, func(done, total int) {
			fyne.Do(func() {
				if total > 0 {
					t.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		var verr error
		if err == nil {
			verr = verifyMerged(bv, records, recs)
		}
		if bak != "" && verr == nil {
			os.Remove(bak) // read back whole: the copy has done its work
			bak = ""
		}
		fyne.Do(func() {
			t.busy = false
			if t.path != path {
				return
			}
			t.merged(rep, err, verr, bak)
		})
	})
}

// verifyMerged reads the journal back from its file after a merge: every
// record opens, and every record of the backup is there (the settings and
// the crisis card are one per journal, merged by kind, so not by id).
func verifyMerged(bv BackupVault, records Records, recs []journal.Record) error {
	if err := bv.Check(); err != nil {
		return err
	}
	if records == nil {
		return journal.ErrLocked
	}
	for _, r := range recs {
		if r.Kind == journal.KindSettings || r.Kind == journal.KindCrisis {
			continue
		}
		if _, err := records.Get(r.ID); err != nil {
			return fmt.Errorf("record %s: %w", r.ID, err)
		}
	}
	return nil
}

// safetyCopy copies the journal's file to a free name beside it (vault.db.bak,
// vault.db.2.bak, …) and returns that name; "" when the journal keeps no
// file to copy.
func safetyCopy(bv BackupVault, vaultPath string) (string, error) {
	sn, ok := bv.(interface{ Snapshot(path string) error })
	if !ok || vaultPath == "" {
		return "", nil
	}
	for i := 1; ; i++ {
		bak := vaultPath + ".bak"
		if i > 1 {
			bak = fmt.Sprintf("%s.%d.bak", vaultPath, i)
		}
		err := sn.Snapshot(bak)
		switch {
		case err == nil:
			return bak, nil
		case errors.Is(err, errors.ErrUnsupported):
			return "", nil
		case !errors.Is(err, os.ErrExist) || i >= 100:
			return "", err
		}
	}
}

// merged shows how the merge went: err if nothing was stored, verr if it
// was stored but the journal did not read back whole; bak is the safety
// copy of the journal as it was, kept when something went wrong.
func (t *backupTask) merged(rep journal.MergeReport, err, verr error, bak string) {
	a := t.s.a
	if verr != nil {
		t.message = wrapped(lang.X("data.restore.verifyfailed", "The backup was merged, but reading your journal back found a problem. Keep your backup files safe and delete none of them. Details: {{.Err}}", map[string]any{"Err": verr.Error()}))
		if bak != "" {
			t.message.SetText(t.message.Text + "\n\n" + lang.X("data.restore.bakkept", "Your journal as it was before the merge is kept at {{.Path}}; it opens with your passphrase.", map[string]any{"Path": bak}))
		}
		t.message.Importance = widget.WarningImportance
		t.show(t.fileLine(), t.message, container.NewHBox(widget.NewButton(lang.X("data.close", "Close"), t.reset)))
		return
	}
	if err != nil {
		t.message = wrapped(lang.X("data.restore.mergefailed", "The backup could not be merged, so nothing from it was stored. Details: {{.Err}}", map[string]any{"Err": err.Error()}))
		t.message.Importance = widget.WarningImportance
	} else {
		// The merge may have brought newer settings.
		a.loadSettings()
		t.message = wrapped(lang.X("data.restore.merged", "Restored. {{.Added}} records added and {{.Updated}} updated; {{.Copies}} older versions kept as copies; {{.Unchanged}} were already here.", map[string]any{
			"Added": rep.Added, "Updated": rep.Updated, "Copies": rep.Copies, "Unchanged": rep.Unchanged,
		}))
		t.message.Importance = widget.SuccessImportance
	}
	t.show(t.fileLine(), t.message, container.NewHBox(widget.NewButton(lang.X("data.close", "Close"), t.reset)))
}

// askNewPassphrase asks for the new journal's passphrase.
func (t *backupTask) askNewPassphrase() {
	a := t.s.a
	if t.contents == nil {
		return
	}
	t.pair = newPassphrasePair(a.Touch)
	t.message = wrapped("")
	t.message.Importance = widget.WarningImportance
	t.message.Hide()
	replace := widget.NewButtonWithIcon(lang.X("data.restore.replacego", "Replace this journal"), theme.ViewRefreshIcon(), t.replace)
	replace.Importance = widget.DangerImportance
	back := widget.NewButton(lang.X("setup.back", "Back"), t.choose)
	t.show(t.fileLine(),
		wrapped(lang.X("data.restore.newpass", "Choose the new journal's passphrase. It may be the one you use now.")),
		t.pair.box, t.message, container.NewHBox(replace, back))
	a.win.Canvas().Focus(t.pair.first)
}

// replace hands the checked records to the app to make a new journal of.
func (t *backupTask) replace() {
	vr, ok := t.s.a.vaults.(VaultReplacer)
	if !ok || t.contents == nil || t.busy {
		return
	}
	pass, msg := t.pair.check()
	if msg != "" {
		t.say(msg)
		return
	}
	t.pair.clear()
	recs := t.contents.Records
	t.forget()
	t.s.a.replaceVault(vr, recs, pass)
}
