package ui

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
