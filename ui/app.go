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
	"github.com/rewirejournal/rewire/journal/reminder"
	rwtheme "github.com/rewirejournal/rewire/ui/theme"
)

// Options configure an [App]. The zero value is what the real app uses.
type Options struct {
	// Run runs slow work off the UI goroutine; nil means [GoRunner].
	Run Runner
	// Clock is the time source for idle lock and dates; nil means time.Now.
	Clock Clock
	// Calibrate picks Argon2id parameters; nil means [journal.Calibrate].
	Calibrate Calibrator
	// CalibrateTarget is how long unlocking should take; 0 means 700 ms.
	CalibrateTarget time.Duration
	// Language forces a language ("en", "sv", "uk") over the saved one.
	Language string
	// TickEvery is how often the idle lock is checked; 0 means 5 s and a
	// negative value starts no ticker (tests call tick themselves).
	TickEvery time.Duration
	// Sound plays bells and breathing cues; nil plays nothing (the
	// practices show their visual cues either way).
	Sound Sounder
	// Ticker drives the breathing guide and the meditation timer; nil
	// means a real ticker, or none when TickEvery is negative.
	Ticker Ticker
	// Place remembers the window's position; nil leaves it to the window
	// manager.
	Place WindowPlacer
	// Autostart is the XDG autostart directory for "start at login"; ""
	// means $XDG_CONFIG_HOME/autostart.
	Autostart string
}

// Preference keys: only non-private things live in Fyne's plaintext
// preferences file.
const (
	prefLanguage = "lastLanguage" // the language of the unlock screen
	prefTheme    = "lastTheme"    // so a dark-theme user is not flashed with light
	prefWidth    = "windowWidth"
	prefHeight   = "windowHeight"
)

// DefaultAutoLock is the idle time after which the vault locks unless the
// settings say otherwise.
const DefaultAutoLock = 5 * time.Minute

// App is Rewire's one window: first-run setup or unlock while locked, the
// navigation shell with its screens while unlocked. All methods run on the
// UI goroutine.
type App struct {
	fyne   fyne.App
	win    fyne.Window
	vaults Vaults
	opts   Options

	j          Journal          // nil until the vault is opened or created
	settings   journal.Settings // the vault's settings record, valid while unlocked
	settingsID journal.ID

	shell      *shell         // nil while locked: no screen object outlives a lock
	setupFlow  *setup         // the first-run flow while it runs
	unlockView *unlockView    // the unlock screen while it shows
	breathing  *breathingView // the breathing guide while it shows
	meditation *meditationRun // the meditation timer while a sit runs
	copied     string         // what the app last put on the clipboard
	// pickedLanguage is a language chosen on the unlock screen; it is
	// saved into the settings record at unlock.
	pickedLanguage string
	idle           idleTimer
	quitting       bool
	backups        backupActivity // automatic and manual backups (autobackup.go)

	// unlockNotice is shown on the next unlock screen (e.g. after a failed
	// passphrase check in settings).
	unlockNotice string

	// crisisOver is the crisis card shown over another view, while it shows.
	crisisOver  fyne.CanvasObject
	reminders   *reminder.Schedule // see schedule
	dueReminder reminder.Kind      // the reminder that came last, if hasDue
	hasDue      bool
	tray        *fyne.Menu // nil without a system tray
	trayNext    time.Time  // the next reminder the tray shows
}

// New returns the app for vaults, not yet shown.
func New(a fyne.App, vaults Vaults, opts Options) *App {
	if opts.Run == nil {
		opts.Run = GoRunner
	}
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.Calibrate == nil {
		opts.Calibrate = journal.Calibrate
	}
	if opts.CalibrateTarget == 0 {
		opts.CalibrateTarget = 700 * time.Millisecond
	}
	if opts.TickEvery == 0 {
		opts.TickEvery = 5 * time.Second
	}
	loadTranslations()
	app := &App{fyne: a, vaults: vaults, opts: opts}
	app.idle.limit = DefaultAutoLock
	return app
}

// Window returns the app's window.
func (a *App) Window() fyne.Window { return a.win }

// Records returns the unlocked vault's records for screens; nil while locked.
func (a *App) Records() Records {
	if a.j == nil || a.shell == nil {
		return nil
	}
	return a.j
}

// Run runs slow work off the UI goroutine; it must report back with fyne.Do.
func (a *App) Run(work func()) { a.opts.Run(work) }

// Now returns the current time from the app's clock.
func (a *App) Now() time.Time { return a.opts.Clock() }

// Settings returns a copy of the vault's settings.
func (a *App) Settings() journal.Settings { return a.settings }

// Touch records user activity, postponing the idle lock. Screens call it
// from their change callbacks; the shell also notices mouse movement, taps,
// shortcuts and typing by itself.
func (a *App) Touch() { a.idle.touch(a.Now()) }

// Show builds the window and shows it; the caller then runs the Fyne app.
func (a *App) Show() {
	a.build()
	a.win.Show()
	a.restorePosition()
	a.setupTray()
	a.startTicker()
}

// build creates the window and its first content without showing it.
func (a *App) build() {
	prefs := a.fyne.Preferences()
	code := a.opts.Language
	if code == "" {
		code = prefs.String(prefLanguage)
	}
	if code != "" {
		SetLanguage(code)
	}
	a.applyTheme(rwtheme.ParseMode(prefs.String(prefTheme)))

	a.win = a.fyne.NewWindow("Rewire")
	a.restoreSize()
	a.win.SetMaster()
	a.win.SetCloseIntercept(a.Quit)

	exists, err := a.vaults.Exists()
	switch {
	case err != nil:
		a.showProblem(err)
	case !exists:
		a.showSetup()
	default:
		a.openExisting()
	}
}

func (a *App) openExisting() {
	j, err := a.vaults.Open()
	if err != nil {
		a.showProblem(err)
		return
	}
	a.j = j
	a.showUnlock()
}

// showProblem replaces the window content with a kind message about err:
// the vault could not be opened and was not touched.
func (a *App) showProblem(err error) {
	msg := widget.NewLabel(problemText(err))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = fyne.TextAlignCenter
	quit := widget.NewButton(lang.X("problem.quit", "Close Rewire"), a.Quit)
	where := widget.NewLabel(lang.X("problem.where", "Vault: {{.Path}}", map[string]any{"Path": a.vaults.Path()}))
	where.Wrapping = fyne.TextWrapBreak
	where.Alignment = fyne.TextAlignCenter
	a.setContent(centered(520, heading(lang.X("problem.title", "Rewire can't open your journal")), msg, where, quit))
}

func problemText(err error) string {
	switch {
	case errors.Is(err, journal.ErrInUse):
		return lang.X("problem.inuse", "Rewire is already open in another window.")
	case errors.Is(err, journal.ErrNewerSchema):
		return lang.X("problem.newer", "This journal was written by a newer version of Rewire. Please update Rewire to open it. Nothing was changed.")
	case errors.Is(err, journal.ErrNotVault):
		return lang.X("problem.notvault", "This file is not a Rewire journal, so Rewire left it alone. If you moved your journal, start Rewire with REWIRE_VAULT set to where it is now.")
	case errors.Is(err, journal.ErrDamaged):
		return lang.X("problem.damaged", "Part of this journal file is damaged, so it can't be opened safely. Nothing was changed. A backup or your recovery kit can help.")
	}
	return lang.X("problem.other", "Something went wrong opening your journal. Nothing was changed. Details: {{.Err}}", map[string]any{"Err": err.Error()})
}

// setContent replaces the whole window content, wrapped so the idle timer
// sees mouse activity.
func (a *App) setContent(obj fyne.CanvasObject) {
	a.win.SetContent(newActivityCatcher(obj, a.Touch))
}

// unlocked is called on the UI goroutine once the vault is open: it loads
// the settings and shows the shell.
func (a *App) unlocked() {
	a.loadSettings()
	a.fyne.Preferences().SetString(prefLanguage, CurrentLanguage())
	a.Touch()
	a.showShell(screenToday)
	a.autoBackup()
	a.offerUnfinishedUrge()
	a.refreshTray()
}

// loadSettings reads the vault's settings record and applies it.
func (a *App) loadSettings() {
	a.settings, a.settingsID = journal.Settings{}, journal.ID{}
	recs, err := a.j.List(journal.Filter{Kinds: []journal.Kind{journal.KindSettings}})
	if err == nil && len(recs) > 0 && recs[0].Settings != nil {
		a.settings, a.settingsID = *recs[0].Settings, recs[0].ID
	}
	if a.pickedLanguage != "" && a.pickedLanguage != a.settings.Language {
		st := a.settings
		st.Language = a.pickedLanguage
		if err := a.SaveSettings(st); err != nil {
			fyne.LogError("save language", err)
		}
	}
	a.pickedLanguage = ""
	if a.settings.Language != "" && a.opts.Language == "" && a.settings.Language != CurrentLanguage() {
		SetLanguage(a.settings.Language)
	}
	if a.settings.Theme != "" {
		a.applyTheme(rwtheme.ParseMode(a.settings.Theme))
	}
	a.idle.limit = autoLockDuration(a.settings.AutoLockMinutes)
}

func autoLockDuration(min int) time.Duration {
	if min < 1 || min > 60 {
		return DefaultAutoLock
	}
	return time.Duration(min) * time.Minute
}

// SaveSettings stores s as the vault's settings record and applies it.
func (a *App) SaveSettings(s journal.Settings) error {
	if a.j == nil {
		return journal.ErrLocked
	}
	r := &journal.Record{ID: a.settingsID, Kind: journal.KindSettings, Settings: &s}
	if a.settingsID.IsZero() {
		r.Date = a.Now().Format(journal.DateLayout)
	} else if old, err := a.j.Get(a.settingsID); err == nil {
		r.Date, r.Created = old.Date, old.Created
	}
	if err := a.j.Save(r); err != nil {
		return err
	}
	a.settings, a.settingsID = s, r.ID
	a.idle.limit = autoLockDuration(s.AutoLockMinutes)
	a.applyTheme(rwtheme.ParseMode(s.Theme))
	return nil
}

func (a *App) applyTheme(m rwtheme.Mode) {
	a.fyne.Settings().SetTheme(rwtheme.New(m))
	a.fyne.Preferences().SetString(prefTheme, string(m))
}

// Lock flushes every screen, locks the vault and shows the unlock screen.
// No screen object survives it, so no decrypted text stays in a widget.
func (a *App) Lock() {
	if a.j == nil || a.j.Locked() && a.shell == nil {
		return
	}
	a.dropShell() // screens save first: a guide in a screen pauses and saves
	a.stopBreathing()
	a.refreshTray()
	if err := a.j.Lock(); err != nil {
		fyne.LogError("lock", err)
	}
	a.settings, a.settingsID = journal.Settings{}, journal.ID{}
	if !a.quitting {
		a.showUnlock()
	}
}

// dropShell lets every screen save, then forgets them all.
func (a *App) dropShell() {
	if a.shell == nil {
		return
	}
	for _, s := range a.shell.screens {
		s.Leave()
	}
	a.shell.unregister()
	a.shell = nil
	a.win.SetMainMenu(nil)
	a.setContent(widget.NewLabel(""))
	// Dialogs and pop-ups are overlays, which SetContent leaves in place:
	// one could hold decrypted text, or cover the unlock screen.
	c := a.win.Canvas()
	for o := c.Overlays().Top(); o != nil; o = c.Overlays().Top() {
		c.Overlays().Remove(o)
	}
	// What the app copied may be private; what the user copied elsewhere
	// is not ours to clear.
	if cb := a.fyne.Clipboard(); a.copied != "" && cb.Content() == a.copied {
		cb.SetContent("")
	}
	a.copied = ""
}

// Copy puts text on the clipboard; lock clears it if it is still there.
func (a *App) Copy(text string) {
	a.fyne.Clipboard().SetContent(text)
	a.copied = text
}

// Quit saves and locks, remembers the window size, and ends the app.
func (a *App) Quit() {
	if a.quitting {
		return
	}
	a.quitting = true
	a.saveWindow()
	a.Lock()
	if err := a.vaults.Close(); err != nil {
		fyne.LogError("close vault", err)
	}
	a.fyne.Quit()
}

// startTicker checks the idle lock every TickEvery.
func (a *App) startTicker() {
	if a.opts.TickEvery < 0 {
		return
	}
	t := time.NewTicker(a.opts.TickEvery)
	go func() {
		for range t.C {
			fyne.Do(a.tick)
		}
	}()
}

// tick runs on the UI goroutine: it notices typing, and locks when idle.
func (a *App) tick() {
	if !a.quitting {
		a.tickReminders()
	}
	if a.shell == nil || a.quitting {
		return
	}
	now := a.Now()
	if a.idle.noticeFocus(a.win.Canvas().Focused(), now) {
		return
	}
	if a.practiceRunning(now) {
		// Watching a wave, following a guide or sitting still is not
		// idleness: the idle time starts when the practice ends or pauses.
		a.idle.touch(now)
		return
	}
	if a.idle.expired(now) {
		a.Lock()
	}
}

// centered lays objs out in a column of the given width, centred in the window.
func centered(width float32, objs ...fyne.CanvasObject) fyne.CanvasObject {
	col := container.NewVBox(objs...)
	return container.NewCenter(container.New(&widthLayout{width: width}, col))
}

// heading is a large bold title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// widthLayout gives its objects a fixed width and their minimum height.
type widthLayout struct{ width float32 }

func (l *widthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		o.Resize(fyne.NewSize(l.width, o.MinSize().Height))
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

func (l *widthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		o.Move(fyne.NewPos(0, 0))
	}
}
