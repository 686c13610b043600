package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	rwtheme "github.com/rewirejournal/rewire/ui/theme"
)

// autoLockChoices are the idle times settings offers, in minutes.
var autoLockChoices = []int{1, 2, 5, 10, 15, 30, 60}

// settingsScreen edits the encrypted settings record, changes the
// passphrase and shows where the vault is.
type settingsScreen struct {
	a *App

	language *widget.Select
	theme    *widget.Select
	autoLock *widget.Select
	cadence  *widget.Select
	dayOne   *widget.DateEntry
	status   *widget.Label
	backups  *backupSettings

	current  *widget.Entry
	pair     *passphrasePair
	change   *widget.Button
	progress *widget.ProgressBar
	passMsg  *widget.Label
}

func newSettingsScreen(a *App) screen { return &settingsScreen{a: a} }

func (s *settingsScreen) Title() string       { return lang.X("nav.settings", "Settings") }
func (s *settingsScreen) Icon() fyne.Resource { return theme.SettingsIcon() }
func (s *settingsScreen) Leave()              {}

// Refresh shows the saved values.
func (s *settingsScreen) Refresh() {
	st := s.a.Settings()
	s.theme.SetSelectedIndex(themeIndex(rwtheme.ParseMode(st.Theme)))
	s.autoLock.SetSelected(minutesLabel(int(autoLockDuration(st.AutoLockMinutes) / time.Minute)))
	s.cadence.SetSelected(urgeCadenceLabel(st.UrgeCadenceSeconds))
	if d, err := time.ParseInLocation(journal.DateLayout, st.RecoveryStart, time.Local); err == nil {
		s.dayOne.SetDate(&d)
	} else {
		s.dayOne.SetDate(nil)
	}
	s.backups.refresh()
}

var themeModes = []rwtheme.Mode{rwtheme.System, rwtheme.Light, rwtheme.Dark}

func themeIndex(m rwtheme.Mode) int {
	for i, x := range themeModes {
		if x == m {
			return i
		}
	}
	return 0
}

func minutesLabel(n int) string {
	return lang.X("settings.minutes", "{{.N}} min", map[string]any{"N": n})
}

// save stores the settings changed by edit, saying so or why not.
func (s *settingsScreen) save(edit func(*journal.Settings)) {
	st := s.a.Settings()
	edit(&st)
	if st == s.a.Settings() {
		return
	}
	s.a.Touch()
	if err := s.a.SaveSettings(st); err != nil {
		fyne.LogError("save settings", err)
		s.status.Importance = widget.WarningImportance
		s.status.SetText(lang.X("settings.savefailed", "Your settings could not be saved. Please try again."))
		return
	}
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(lang.X("settings.saved", "Saved."))
}

func (s *settingsScreen) Content() fyne.CanvasObject {
	a := s.a
	s.status = wrapped("")
	s.language = languageSelect(func(code string) {
		s.save(func(st *journal.Settings) { st.Language = code })
		a.fyne.Preferences().SetString(prefLanguage, code)
		a.rebuildShell()
	})
	s.theme = widget.NewSelect([]string{
		lang.X("settings.theme.system", "Same as the system"),
		lang.X("settings.theme.light", "Light"),
		lang.X("settings.theme.dark", "Dark"),
	}, nil)
	s.autoLock = widget.NewSelect(nil, nil)
	for _, n := range autoLockChoices {
		s.autoLock.Options = append(s.autoLock.Options, minutesLabel(n))
	}
	s.cadence = newUrgeCadenceSelect()
	s.dayOne = widget.NewDateEntry()
	s.backups = newBackupSettings(a, s.save)
	clearDay := widget.NewButtonWithIcon(lang.X("settings.daystart.none", "None"), theme.ContentClearIcon(), func() { s.dayOne.SetDate(nil) })
	s.Refresh()
	s.theme.OnChanged = func(string) {
		m := themeModes[max(s.theme.SelectedIndex(), 0)]
		s.save(func(st *journal.Settings) { st.Theme = string(m) })
	}
	s.autoLock.OnChanged = func(string) {
		n := autoLockChoices[max(s.autoLock.SelectedIndex(), 0)]
		s.save(func(st *journal.Settings) { st.AutoLockMinutes = n })
	}
	s.cadence.OnChanged = func(string) {
		n := urgeCadenceChoices[max(s.cadence.SelectedIndex(), 0)]
		s.save(func(st *journal.Settings) { st.UrgeCadenceSeconds = n })
	}
	s.dayOne.OnChanged = func(d *time.Time) {
		day := ""
		if d != nil {
			day = d.Format(journal.DateLayout)
		}
		s.save(func(st *journal.Settings) { st.RecoveryStart = day })
	}

	general := widget.NewForm(
		widget.NewFormItem(lang.X("settings.language", "Language"), s.language),
		widget.NewFormItem(lang.X("settings.theme", "Theme"), s.theme),
		widget.NewFormItem(lang.X("settings.autolock", "Lock after idle"), s.autoLock),
		widget.NewFormItem(lang.X("settings.daystart", "Day one of recovery"), container.NewBorder(nil, nil, nil, clearDay, s.dayOne)),
		widget.NewFormItem(lang.X("urge.settings.cadence", "Urge surfing: ask for a rating every"), s.cadence),
	)

	s.current = widget.NewPasswordEntry()
	s.current.SetPlaceHolder(lang.X("settings.pass.current", "Current passphrase"))
	s.pair = newPassphrasePair(a.Touch)
	s.passMsg = wrapped("")
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.change = widget.NewButton(lang.X("settings.pass.button", "Change passphrase"), s.changePassphrase)
	passBox := container.NewVBox(s.current, s.pair.box, s.progress, s.passMsg, container.NewHBox(s.change))

	path := widget.NewLabel(a.vaults.Path())
	path.Wrapping = fyne.TextWrapBreak
	path.Selectable = true
	copyPath := widget.NewButtonWithIcon(lang.X("settings.copypath", "Copy path"), theme.ContentCopyIcon(), func() {
		a.Copy(a.vaults.Path())
	})
	where := container.NewVBox(wrapped(lang.X("settings.where.body", "Your journal is one encrypted file. Back it up together with your recovery kit.")),
		path, container.NewHBox(copyPath))

	h := widget.NewLabelWithStyle(s.Title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameHeadingText
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		h,
		widget.NewCard(lang.X("settings.general", "General"), "", container.NewVBox(general, s.status)),
		widget.NewCard(lang.X("data.settings.title", "Automatic backups"), "", s.backups.box),
		a.remindersCard(),
		widget.NewCard(lang.X("settings.pass.title", "Change passphrase"), lang.X("settings.pass.sub", "Your recovery kit keeps working."), passBox),
		widget.NewCard(lang.X("settings.where", "Where your journal is"), "", where),
	)))
}

// changePassphrase checks the current passphrase and sets the new one, off
// the UI goroutine. The vault has no way to check a passphrase while
// unlocked, so it locks and unlocks with the one given: a wrong one leaves
// the app locked, which is also what should happen when someone else is at
// the keyboard.
func (s *settingsScreen) changePassphrase() {
	if s.current.Text == "" {
		s.passMsg.SetText(lang.X("settings.pass.needcurrent", "Please type your current passphrase first."))
		return
	}
	pass, msg := s.pair.check()
	if msg != "" {
		s.passMsg.SetText(msg)
		return
	}
	cur := []byte(s.current.Text)
	s.current.SetText("")
	s.pair.clear()
	s.change.Disable()
	s.progress.SetValue(0)
	s.progress.Show()
	s.passMsg.SetText(lang.X("settings.pass.working", "Changing your passphrase…"))
	a := s.a
	for _, sc := range a.shell.screens {
		sc.Leave()
	}
	j := a.j
	a.Run(func() {
		err := j.Lock()
		if err == nil {
			err = j.Unlock(cur)
		}
		clear(cur)
		var kdf journal.KDFParams
		if err == nil {
			kdf, err = a.opts.Calibrate(a.opts.CalibrateTarget, func(f float64) {
				fyne.Do(func() { s.progress.SetValue(f * 0.9) })
			})
		}
		if err == nil {
			err = j.ChangePassphrase(pass, kdf)
		}
		clear(pass)
		fyne.Do(func() { s.passphraseChanged(err) })
	})
}

func (s *settingsScreen) passphraseChanged(err error) {
	a := s.a
	if a.j.Locked() {
		// The current passphrase was wrong (or unlocking failed): stay locked.
		a.unlockNotice = unlockErrorText(err)
		if errors.Is(err, journal.ErrWrongPassphrase) {
			a.unlockNotice = lang.X("settings.pass.wrongcurrent", "The current passphrase was not right, so Rewire locked. Your passphrase was not changed.")
		}
		a.Lock()
		return
	}
	s.progress.Hide()
	s.change.Enable()
	if err != nil {
		s.passMsg.SetText(lang.X("settings.pass.failed", "The passphrase could not be changed; the old one still works. Details: {{.Err}}", map[string]any{"Err": err.Error()}))
		return
	}
	s.passMsg.SetText(lang.X("settings.pass.done", "Done. From now on, use your new passphrase. Your recovery kit still works."))
}

// rebuildShell builds every screen again, in the current language, and
// returns to the screen that was showing.
func (a *App) rebuildShell() {
	if a.shell == nil {
		return
	}
	cur := a.shell.current
	for _, s := range a.shell.screens {
		s.Leave()
	}
	a.showShell(cur)
}
