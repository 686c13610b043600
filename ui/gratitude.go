package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// gratitudeScreen keeps three good things a day.
// This first version only says what will be there.
type gratitudeScreen struct{ a *App }

func newGratitudeScreen(a *App) screen { return &gratitudeScreen{a: a} }

func (s *gratitudeScreen) Title() string       { return lang.X("nav.gratitude", "Gratitude") }
func (s *gratitudeScreen) Icon() fyne.Resource { return theme.ContentAddIcon() }
func (s *gratitudeScreen) Refresh()            {}
func (s *gratitudeScreen) Leave()              {}

func (s *gratitudeScreen) Content() fyne.CanvasObject {
	return placeholder(s.Title(), lang.X("gratitude.placeholder", "Three good things for today, and why they happened, will appear here."))
}
