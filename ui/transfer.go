package ui

import (
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The export and import dialogs ([App.showExport], [App.showImport]) move
// the journal in and out of Rewire with package journal/transfer. They are
// opened from the Backup & data screen. Slow work (reading the records,
// writing files, parsing a source, the import's transaction) goes through
// [App.Run] and reports back with fyne.Do.

// pickKind says what [pickPath] asks the user for.
type pickKind int

const (
	pickFolder pickKind = iota // a folder: where an export goes, or Markdown files to import
	pickFile                   // an existing file to import
)

// pickPath asks the user for a folder or a file with Fyne's file dialogs
// and calls chosen with its path on the UI goroutine; it does not call it
// when the user cancels. exts, for pickFile, are the extensions shown
// (".json", ".zip"). Tests replace it, so the flows run without a real
// file dialog.
var pickPath = func(w fyne.Window, kind pickKind, exts []string, chosen func(path string)) {
	var d *dialog.FileDialog
	if kind == pickFolder {
		d = dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			if l != nil {
				chosen(l.Path())
			}
		}, w)
	} else {
		d = dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			if r == nil {
				return
			}
			// The parsers open the file again by path; this handle is
			// only how Fyne's dialog says which file.
			path := r.URI().Path()
			r.Close()
			chosen(path)
		}, w)
		if len(exts) > 0 {
			d.SetFilter(storage.NewExtensionFileFilter(exts))
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// importZone is the time zone of times a source gives without one (jrnl's,
// Markdown's): the computer's.
var importZone = func() *time.Location { return time.Local }

// transferWidth is the width of the export and import dialogs' content.
const transferWidth = 540

// fixedWidth lays objs out in a column transferWidth wide, so that
// wrapping labels in a dialog wrap instead of collapsing.
func fixedWidth(objs ...fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&widthLayout{width: transferWidth}, container.NewVBox(objs...))
}

// plaintextWarning is the card that says an export leaves the encryption
// behind.
func plaintextWarning(text string) fyne.CanvasObject {
	l := wrapped(text)
	l.Importance = widget.WarningImportance
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	return container.NewBorder(nil, nil, container.NewVBox(icon), nil, l)
}

// pathLabel shows a path, broken anywhere so a long one still fits.
func pathLabel(path string) *widget.Label {
	l := widget.NewLabel(path)
	l.Wrapping = fyne.TextWrapBreak
	l.TextStyle.Monospace = true
	return l
}

// baseName is the last element of path, for messages.
func baseName(path string) string { return filepath.Base(filepath.Clean(path)) }
