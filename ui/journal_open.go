package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// openEntry shows the journal with entry id open in its editor.
func (a *App) openEntry(id journal.ID) {
	a.ShowScreen(screenJournal)
	if a.shell == nil {
		return
	}
	if js, ok := a.shell.screens[screenJournal].(*journalScreen); ok {
		js.open(id)
		js.focus(js.body)
	}
}

// showRecord shows any record read-only, for kinds whose own screen cannot
// open a given record yet.
func (a *App) showRecord(id journal.ID) {
	rs := a.Records()
	if rs == nil {
		return
	}
	r, err := rs.Get(id)
	if err != nil {
		fyne.LogError("open record", err)
		return
	}
	text := strings.TrimSpace(r.Title() + "\n\n" + r.Text())
	if m := r.Mood(); m > 0 {
		text += "\n\n" + lang.X("journal.mood", "Mood") + fmt.Sprintf(": %d", m)
	}
	body := widget.NewLabel(text)
	body.Wrapping = fyne.TextWrapWord
	body.Selectable = true
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(440, 260))
	d := dialog.NewCustom(kindName(r.Kind)+" · "+recordDate(r.Date), lang.X("search.close", "Close"), scroll, a.win)
	d.Show()
}
