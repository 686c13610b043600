package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen is one main screen of the unlocked app. The shell builds every
// screen at unlock and drops them all at lock.
type screen interface {
	// Title is the screen's name in the navigation, translated.
	Title() string
	// Icon is the screen's navigation icon.
	Icon() fyne.Resource
	// Content is the screen's root object; called once.
	Content() fyne.CanvasObject
	// Refresh is called each time the screen is shown: reload what may
	// have changed elsewhere.
	Refresh()
	// Leave is called when the user switches away, before lock and before
	// quit: save anything unsaved now.
	Leave()
}

// entryStarter is implemented by a screen that can start a new journal
// entry (Ctrl+N).
type entryStarter interface{ NewEntry() }

// focusTarget is implemented by a screen with a field to focus when it is
// shown by its shortcut (Ctrl+F focuses the search field).
type focusTarget interface{ FocusTarget() fyne.Focusable }

// Screen ids, in navigation order; Ctrl+1…9 go to the first nine.
const (
	screenToday = iota
	screenJournal
	screenGratitude
	screenCheckIn
	screenUrge
	screenBreathe
	screenMeditate
	screenInsights
	screenSearch
	screenData
	screenLearn
	screenCrisis
	screenSettings
	screenCount
)

// screenConstructors builds each screen; the order matches the ids above.
var screenConstructors = [screenCount]func(a *App) screen{
	screenToday:     newTodayScreen,
	screenJournal:   newJournalScreen,
	screenGratitude: newGratitudeScreen,
	screenCheckIn:   newCheckInScreen,
	screenUrge:      newUrgeScreen,
	screenBreathe:   newBreatheScreen,
	screenMeditate:  newMeditateScreen,
	screenInsights:  newInsightsScreen,
	screenSearch:    newSearchScreen,
	screenData:      newDataScreen,
	screenLearn:     newLearnScreen,
	screenCrisis:    newCrisisScreen,
	screenSettings:  newSettingsScreen,
}

// shell is the unlocked app: navigation on the left, one screen on the right.
type shell struct {
	a         *App
	screens   [screenCount]screen
	contents  [screenCount]fyne.CanvasObject
	navBtns   [screenCount]*widget.Button
	current   int
	area      *fyne.Container
	root      fyne.CanvasObject // the window content while the shell shows
	shortcuts []fyne.Shortcut
}

// showShell builds every screen and shows screen id.
func (a *App) showShell(id int) {
	if a.shell != nil {
		a.shell.unregister()
	}
	s := &shell{a: a, current: -1}
	a.shell = s
	for i, mk := range screenConstructors {
		s.screens[i] = mk(a)
	}
	nav := container.NewVBox()
	for i, sc := range s.screens {
		b := widget.NewButtonWithIcon(sc.Title(), sc.Icon(), func() { a.ShowScreen(i) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		s.navBtns[i] = b
		nav.Add(b)
	}
	lock := widget.NewButtonWithIcon(lang.X("nav.lock", "Lock"), theme.LogoutIcon(), a.Lock)
	lock.Alignment = widget.ButtonAlignLeading
	lock.Importance = widget.LowImportance
	title := widget.NewLabelWithStyle("Rewire", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	side := container.NewBorder(title, container.NewVBox(a.backupIndicator(), lock), nil, nil, container.NewVScroll(nav))
	s.area = container.NewStack()
	split := container.NewBorder(nil, nil, container.NewHBox(side, widget.NewSeparator()), nil, s.area)
	a.setContent(split)
	s.root = a.win.Content()
	s.register()
	a.ShowScreen(id)
}

// ShowScreen switches to screen id, letting the current one save first.
func (a *App) ShowScreen(id int) {
	s := a.shell
	if s == nil || id < 0 || id >= screenCount {
		return
	}
	a.Touch()
	if s.current == id {
		return
	}
	if s.current >= 0 {
		s.screens[s.current].Leave()
		s.navBtns[s.current].Importance = widget.LowImportance
		s.navBtns[s.current].Refresh()
	}
	s.current = id
	if s.contents[id] == nil {
		s.contents[id] = s.screens[id].Content()
	}
	s.screens[id].Refresh()
	s.area.Objects = []fyne.CanvasObject{s.contents[id]}
	s.area.Refresh()
	s.navBtns[id].Importance = widget.HighImportance
	s.navBtns[id].Refresh()
	if f, ok := s.screens[id].(focusTarget); ok {
		if t := f.FocusTarget(); t != nil {
			a.win.Canvas().Focus(t)
		}
	}
}

// NewEntry switches to the journal and starts a new entry there (Ctrl+N).
func (a *App) NewEntry() {
	a.ShowScreen(screenJournal)
	if a.shell != nil {
		if s, ok := a.shell.screens[screenJournal].(entryStarter); ok {
			s.NewEntry()
		}
	}
}

// shortcut is one keyboard shortcut of the unlocked app.
type shortcut struct {
	key    fyne.KeyName
	label  string
	action func()
	goMenu bool // listed in the Go menu (screens), else in the Rewire menu
}

func (s *shell) table() []shortcut {
	a := s.a
	t := []shortcut{
		{fyne.KeyL, lang.X("menu.lock", "Lock"), a.Lock, false},
		{fyne.KeyN, lang.X("menu.newentry", "New entry"), a.NewEntry, false},
		{fyne.KeyF, lang.X("menu.search", "Search"), func() { a.ShowScreen(screenSearch) }, false},
		{fyne.KeyU, lang.X("urge.menu", "Start urge surfing"), a.StartUrge, false},
		{fyne.KeyQ, lang.X("menu.quit", "Quit"), a.Quit, false},
	}
	for i := range screenCount {
		var key fyne.KeyName // screens after the ninth have no digit
		if i < 9 {
			key = fyne.KeyName(rune('1' + i))
		}
		t = append(t, shortcut{key, s.screens[i].Title(), func() { a.ShowScreen(i) }, true})
	}
	t = append(t, shortcut{crisisKey, s.screens[screenCrisis].Title(), a.openCrisis, true})
	return t
}

// register adds the shortcuts to the canvas (used when nothing has focus)
// and to a main menu, whose shortcuts Fyne honours even while a text field
// has focus.
func (s *shell) register() {
	c := s.a.win.Canvas()
	var goItems, fileItems []*fyne.MenuItem
	for _, sc := range s.table() {
		action := sc.action
		item := fyne.NewMenuItem(sc.label, action)
		if sc.key != "" {
			sh := &desktop.CustomShortcut{KeyName: sc.key, Modifier: fyne.KeyModifierShortcutDefault}
			c.AddShortcut(sh, func(fyne.Shortcut) { action() })
			s.shortcuts = append(s.shortcuts, sh)
			item.Shortcut = sh
		}
		if !sc.goMenu {
			item.IsQuit = sc.key == fyne.KeyQ
			fileItems = append(fileItems, item)
		} else {
			goItems = append(goItems, item)
		}
	}
	s.a.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu(lang.X("menu.rewire", "Rewire"), fileItems...),
		fyne.NewMenu(lang.X("menu.go", "Go"), goItems...),
	))
}

func (s *shell) unregister() {
	c := s.a.win.Canvas()
	for _, sh := range s.shortcuts {
		c.RemoveShortcut(sh)
	}
	s.shortcuts = nil
}
