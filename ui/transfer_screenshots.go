package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
)

// screenshotTransfer shows the export dialog with a folder chosen, its
// result, and an import's preview, for [Screenshots]; shot captures the
// window. The files it writes and reads live in a temporary folder that
// is removed after; the demo vault is not changed.
func screenshotTransfer(a *App, shot func(name string)) error {
	tmp, err := os.MkdirTemp("", "rewire-transfer-shots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	source := filepath.Join(tmp, "journal.json")
	if err := os.WriteFile(source, []byte(screenshotJrnl), 0o600); err != nil {
		return err
	}
	old := pickPath
	defer func() { pickPath = old }()

	documents := filepath.Join(tmp, "Documents")
	if err := os.Mkdir(documents, 0o700); err != nil {
		return err
	}
	pickPath = func(_ fyne.Window, _ pickKind, _ []string, chosen func(string)) { chosen(documents) }
	ev := a.openExport()
	if ev == nil {
		return nil
	}
	ev.pickFolder()
	shot("export")
	ev.start()
	shot("export-done")
	ev.d.Hide()

	pickPath = func(_ fyne.Window, _ pickKind, _ []string, chosen func(string)) { chosen(source) }
	iv := a.openImport()
	if iv == nil {
		return nil
	}
	shot("import")
	iv.pick()
	shot("import-preview")
	iv.d.Hide()
	return nil
}

// screenshotJrnl is a small jrnl export for the import preview: entries
// in three languages on three days, one twice, one with a broken date.
const screenshotJrnl = `{"tags": {"@recovery": 2}, "entries": [
 {"title": "Seven days.", "body": "Said my name out loud at the meeting. @recovery", "date": "2025-03-02", "time": "21:40", "tags": ["@recovery"], "starred": true},
 {"title": "Promenad längs ån.", "body": "Suget kom och gick.", "date": "2025-03-03", "time": "19:30", "tags": [], "starred": false},
 {"title": "Подзвонив мамі.", "body": "Ми довго говорили.", "date": "2025-03-04", "time": "22:10", "tags": [], "starred": false},
 {"title": "Подзвонив мамі.", "body": "Ми довго говорили.", "date": "2025-03-04", "time": "22:10", "tags": [], "starred": false},
 {"title": "A date jrnl would never write.", "body": "", "date": "March 7th", "time": "10:00", "tags": [], "starred": false}
]}`
