package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// todayScreen is the home screen. This first version shows the date and
// the day of recovery, and says what else will be there.
type todayScreen struct {
	a    *App
	date *widget.Label
	day  *widget.Label
}

func newTodayScreen(a *App) screen { return &todayScreen{a: a} }

func (s *todayScreen) Title() string       { return lang.X("nav.today", "Today") }
func (s *todayScreen) Icon() fyne.Resource { return theme.HomeIcon() }
func (s *todayScreen) Leave()              {}

func (s *todayScreen) Content() fyne.CanvasObject {
	h := widget.NewLabelWithStyle(s.Title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameHeadingText
	s.date = widget.NewLabel("")
	s.day = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.day.SizeName = theme.SizeNameSubHeadingText
	body := wrapped(lang.X("today.placeholder", "Your day at a glance will appear here: days in recovery, today's check-in, the day's practices and a writing prompt."))
	return container.NewPadded(container.NewVBox(h, s.date, s.day, body, layout.NewSpacer()))
}

// Refresh shows today's date and, if a start date is set, the day count.
func (s *todayScreen) Refresh() {
	now := s.a.Now()
	s.date.SetText(FormatDate(now))
	s.day.SetText("")
	if n, ok := recoveryDay(s.a.Settings().RecoveryStart, now); ok {
		s.day.SetText(lang.X("today.day", "Day {{.N}} of your recovery", map[string]any{"N": n}))
	}
}

// recoveryDay is the day number of now counted from start (day one is the
// start date itself), and false if start is unset, invalid or in the future.
func recoveryDay(start string, now time.Time) (int, bool) {
	d, err := time.ParseInLocation(journal.DateLayout, start, now.Location())
	if err != nil {
		return 0, false
	}
	y, m, dd := now.Date()
	today := time.Date(y, m, dd, 0, 0, 0, 0, now.Location())
	if today.Before(d) {
		return 0, false
	}
	// Round, since days with a DST change are not 24 hours long.
	return int(today.Sub(d).Hours()/24+0.5) + 1, true
}
