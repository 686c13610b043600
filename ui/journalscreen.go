package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// journalScreen lists journal entries and edits them with autosave.
// This first version only says what will be there.
type journalScreen struct{ a *App }

func newJournalScreen(a *App) screen { return &journalScreen{a: a} }

func (s *journalScreen) Title() string       { return lang.X("nav.journal", "Journal") }
func (s *journalScreen) Icon() fyne.Resource { return theme.DocumentCreateIcon() }
func (s *journalScreen) Refresh()            {}
func (s *journalScreen) Leave()              {}

func (s *journalScreen) Content() fyne.CanvasObject {
	return placeholder(s.Title(), lang.X("journal.placeholder", "Your journal entries will appear here, newest first, with an editor that saves as you type."))
}
