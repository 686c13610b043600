package ui

import (
	"fmt"
	"strings"

	"github.com/rewirejournal/rewire/journal"
)

// screenshotJournalAndSearch shows the journal with its newest entry open
// and a search with results, for [Screenshots]; shot captures the window.
func screenshotJournalAndSearch(a *App, shot func(name string)) {
	a.ShowScreen(screenJournal)
	js, ok := a.shell.screens[screenJournal].(*journalScreen)
	if !ok {
		return
	}
	if len(js.rows) > 0 {
		js.list.Select(0)
	}
	shot("journal-editor")

	// A very long text: the offer when it is pasted, and the reader.
	var long strings.Builder
	for i := 1; long.Len() < 300<<10; i++ {
		fmt.Fprintf(&long, "%d. The wave came in the evening and I watched it. Хвиля прийшла і відійшла. Vågen kom och gick. 🌊\n\n", i)
	}
	d := js.longPasteDialog(long.String())
	d.Show()
	shot("journal-long-paste")
	d.Hide()
	js.show(journal.Record{Kind: journal.KindEntry, Date: a.Now().Format(journal.DateLayout),
		Entry: &journal.Entry{Title: "Notes from the old diary", Body: long.String()}})
	shot("journal-long")
	js.newBlank()

	a.ShowScreen(screenSearch)
	ss, ok := a.shell.screens[screenSearch].(*searchScreen)
	if !ok {
		return
	}
	// The demo text is mostly English: try a word in the UI's language
	// first and fall back to an English one.
	words := map[string]string{"sv": "promenad", "uk": "прогулян"}
	for _, w := range []string{words[CurrentLanguage()], "walk"} {
		if w == "" {
			continue
		}
		ss.field.SetText(w)
		ss.run() // now, and cancels the debounced run SetText started
		if len(ss.hits) > 0 {
			break
		}
	}
	shot("search-results")
}
