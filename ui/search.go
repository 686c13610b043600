package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// searchScreen searches every record as the user types.
// This first version only says what will be there.
type searchScreen struct{ a *App }

func newSearchScreen(a *App) screen { return &searchScreen{a: a} }

func (s *searchScreen) Title() string       { return lang.X("nav.search", "Search") }
func (s *searchScreen) Icon() fyne.Resource { return theme.SearchIcon() }
func (s *searchScreen) Refresh()            {}
func (s *searchScreen) Leave()              {}

func (s *searchScreen) Content() fyne.CanvasObject {
	return placeholder(s.Title(), lang.X("search.placeholder", "Search everything you have written. Results will appear here as you type."))
}
