package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// checkInScreen is the daily check-in.
// This first version only says what will be there.
type checkInScreen struct{ a *App }

func newCheckInScreen(a *App) screen { return &checkInScreen{a: a} }

func (s *checkInScreen) Title() string       { return lang.X("nav.checkin", "Check-in") }
func (s *checkInScreen) Icon() fyne.Resource { return theme.ConfirmIcon() }
func (s *checkInScreen) Refresh()            {}
func (s *checkInScreen) Leave()              {}

func (s *checkInScreen) Content() fyne.CanvasObject {
	return placeholder(s.Title(), lang.X("checkin.placeholder", "Your daily check-in will appear here: mood, intention, challenge, win and cravings."))
}
