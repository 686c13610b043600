package ui

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/transfer"
)

// exportFormat is what the export dialog writes.
type exportFormat int

const (
	exportMarkdown exportFormat = iota // a folder, one file a day
	exportJSON                         // one file, every record
)

// exportView is the export dialog: pick a format and a folder, read the
// warning, export off the UI goroutine, then say what was written where.
type exportView struct {
	a      *App
	shell  *shell // the shell the dialog was opened over; a lock drops it
	d      *dialog.CustomDialog
	body   *fyne.Container
	format *widget.RadioGroup
	opts   []string // the format options, in exportFormat order
	hint   *widget.Label
	folder string
	where  *widget.Label
	name   *widget.Entry
	target *widget.Label
	status *widget.Label
	wait   *widget.ProgressBarInfinite

	choose, export, cancel *widget.Button
	// result is what the last export wrote, once it succeeded.
	result *transfer.Exported
}

// showExport opens the export dialog. The Backup & data screen calls it.
func (a *App) showExport() { a.openExport() }

// openExport opens the export dialog and returns it; nil while locked.
func (a *App) openExport() *exportView {
	if a.Records() == nil {
		return nil
	}
	v := &exportView{a: a, shell: a.shell}
	v.opts = []string{
		lang.X("transfer.export.markdown", "Markdown: a folder with one file per day"),
		lang.X("transfer.export.json", "JSON: one file with every record"),
	}
	v.format = widget.NewRadioGroup(v.opts, func(string) { v.changed() })
	v.format.Required = true
	v.format.SetSelected(v.opts[exportMarkdown])
	v.hint = wrapped("")
	v.where = pathLabel(lang.X("transfer.export.nofolder", "No folder chosen yet"))
	v.choose = widget.NewButtonWithIcon(lang.X("transfer.export.choose", "Choose folder…"), theme.FolderOpenIcon(), v.pickFolder)
	v.name = widget.NewEntry()
	v.name.SetText(lang.X("transfer.export.defaultname", "Rewire export {{.Date}}",
		map[string]any{"Date": a.Now().Format(journal.DateLayout)}))
	v.name.OnChanged = func(string) { a.Touch(); v.changed() }
	v.name.OnSubmitted = func(string) { v.start() }
	v.target = wrapped("")
	v.target.Wrapping = fyne.TextWrapBreak
	v.status = wrapped("")
	v.status.Importance = widget.WarningImportance
	v.status.Hide()
	v.wait = widget.NewProgressBarInfinite()
	v.wait.Hide()
	v.wait.Stop()

	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.X("transfer.export.folder", "Folder")),
		container.NewBorder(nil, nil, nil, v.choose, v.where),
		widget.NewLabel(lang.X("transfer.export.name", "Name")), v.name,
	)
	v.body = container.NewStack(fixedWidth(
		wrapped(lang.X("transfer.export.intro", "Save a copy of your journal as files that other programs can open.")),
		v.format,
		v.hint,
		plaintextWarning(lang.X("transfer.export.warning", "An export is not encrypted. Once it is saved, anyone who can open these files can read every word. Keep them somewhere private, and delete them when you no longer need them.")),
		form,
		v.target,
		v.status,
		v.wait,
	))
	v.cancel = widget.NewButton(lang.X("transfer.cancel", "Cancel"), func() { v.d.Hide() })
	v.export = widget.NewButtonWithIcon(lang.X("transfer.export.go", "Export"), theme.DocumentSaveIcon(), v.start)
	v.export.Importance = widget.HighImportance
	v.d = dialog.NewCustomWithoutButtons(lang.X("transfer.export.title", "Export your journal"), v.body, a.win)
	v.d.SetButtons([]fyne.CanvasObject{v.cancel, v.export})
	v.relayout()
	v.update()
	v.d.Show()
	return v
}

// kind is the chosen format.
func (v *exportView) kind() exportFormat {
	if v.format.Selected == v.opts[exportJSON] {
		return exportJSON
	}
	return exportMarkdown
}

func (v *exportView) pickFolder() {
	v.a.Touch()
	pickPath(v.a.win, pickFolder, nil, func(path string) {
		v.folder = path
		v.where.SetText(path)
		v.changed()
	})
}

// path is where the export will be written, or a message saying why the
// name cannot be used.
func (v *exportView) path() (string, string) {
	name := strings.TrimSpace(v.name.Text)
	switch {
	case name == "" || name == "." || name == "..":
		return "", lang.X("transfer.export.badname", "Give the export a name.")
	case strings.ContainsAny(name, `/\`):
		return "", lang.X("transfer.export.slash", "A name can't contain / or \\.")
	}
	if v.kind() == exportJSON && !strings.EqualFold(filepath.Ext(name), ".json") {
		name += ".json"
	}
	return filepath.Join(v.folder, name), ""
}

// changed drops the message of a failed export once the user changes
// what to export or where, and updates the rest.
func (v *exportView) changed() {
	if v.status != nil {
		v.status.Hide()
	}
	v.update()
}

// update shows the hint for the chosen format and where the export goes,
// and enables Export when it can run.
func (v *exportView) update() {
	if v.hint == nil || v.export == nil {
		return // still being built
	}
	if v.kind() == exportJSON {
		v.hint.SetText(lang.X("transfer.export.json.hint", "Every record of every kind, in one file: the most complete copy, for other programs or your own scripts."))
	} else {
		v.hint.SetText(lang.X("transfer.export.markdown.hint", "Your entries, gratitude lists and check-ins, one file per day, readable in any text editor. Rewire can import the folder again."))
	}
	path, problem := v.path()
	switch {
	case v.folder == "":
		v.target.SetText(lang.X("transfer.export.pickfirst", "Choose the folder to save the export in."))
		v.export.Disable()
	case problem != "":
		v.target.SetText(problem)
		v.export.Disable()
	default:
		if v.kind() == exportJSON {
			v.target.SetText(lang.X("transfer.export.willfile", "It will be saved as the file {{.Path}}", map[string]any{"Path": path}))
		} else {
			v.target.SetText(lang.X("transfer.export.willfolder", "It will be saved as a new folder {{.Path}}", map[string]any{"Path": path}))
		}
		v.export.Enable()
	}
	v.relayout()
}

// start exports off the UI goroutine.
func (v *exportView) start() {
	a := v.a
	rs := a.Records()
	path, problem := v.path()
	if rs == nil || a.shell != v.shell {
		v.d.Hide()
		return
	}
	if v.folder == "" || problem != "" {
		return
	}
	a.Touch()
	kind := v.kind()
	v.busy(true)
	v.status.Importance = widget.MediumImportance
	v.status.SetText(lang.X("transfer.export.working", "Exporting…"))
	v.status.Show()
	v.relayout()
	now := a.Now()
	a.Run(func() {
		recs, err := rs.List(journal.Filter{})
		var res transfer.Exported
		if err == nil {
			if kind == exportJSON {
				res, err = transfer.ExportJSON(path, recs, now)
			} else {
				res, err = transfer.ExportMarkdown(path, recs)
			}
		}
		fyne.Do(func() { v.finished(res, kind, err) })
	})
}

// busy disables the controls while the export runs.
func (v *exportView) busy(on bool) {
	for _, w := range []fyne.Disableable{v.choose, v.export, v.cancel, v.format, v.name} {
		if on {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	if on {
		v.wait.Show()
		v.wait.Start()
	} else {
		v.wait.Stop()
		v.wait.Hide()
	}
	v.relayout()
}

func (v *exportView) finished(res transfer.Exported, kind exportFormat, err error) {
	v.busy(false)
	if v.a.shell != v.shell {
		v.d.Hide() // locked meanwhile
		return
	}
	v.a.Touch()
	if err != nil {
		fyne.LogError("export", err)
		v.status.Importance = widget.WarningImportance
		v.status.SetText(exportErrorText(err, kind))
		v.update()
		return
	}
	v.result = &res
	v.showResult(res)
}

// showResult replaces the form with what was written and where.
func (v *exportView) showResult(res transfer.Exported) {
	done := wrapped(lang.X("transfer.export.done", "Your journal is exported."))
	done.TextStyle.Bold = true
	counts := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.X("transfer.export.records", "Records")), widget.NewLabel(strconv.Itoa(res.Records)),
		widget.NewLabel(lang.X("transfer.export.files", "Files")), widget.NewLabel(strconv.Itoa(res.Files)),
		widget.NewLabel(lang.X("transfer.export.savedin", "Saved in")), pathLabel(res.Path),
	)
	v.body.Objects = []fyne.CanvasObject{fixedWidth(
		done,
		counts,
		plaintextWarning(lang.X("transfer.export.reminder", "These files are not encrypted. Keep them safe, and delete them when you no longer need them.")),
	)}
	closeBtn := widget.NewButton(lang.X("transfer.close", "Close"), func() { v.d.Hide() })
	closeBtn.Importance = widget.HighImportance
	v.d.SetButtons([]fyne.CanvasObject{closeBtn})
	v.relayout()
}

// exportErrorText says plainly why an export failed. An export never
// leaves a half-written file or folder under the chosen name.
func exportErrorText(err error, kind exportFormat) string {
	switch {
	case errors.Is(err, transfer.ErrExists):
		if kind == exportJSON {
			return lang.X("transfer.export.err.file", "There is already a file with that name in the folder. Nothing was written over: choose another name or another folder.")
		}
		return lang.X("transfer.export.err.folder", "There is already a folder with that name, and it has files in it. Nothing was written over: choose another name or another folder.")
	case errors.Is(err, syscall.ENOSPC):
		return lang.X("transfer.export.err.full", "There isn't enough free space on that disk. Nothing was saved: free some space, or choose another place.")
	case errors.Is(err, fs.ErrPermission):
		return lang.X("transfer.export.err.permission", "Rewire isn't allowed to write in that folder. Nothing was saved: choose another folder.")
	case errors.Is(err, journal.ErrLocked):
		return lang.X("transfer.export.err.locked", "Your journal was locked before the export finished. Nothing was saved: unlock it and try again.")
	}
	return lang.X("transfer.export.err.other", "The export didn't work, and nothing was saved. Details: {{.Err}}", map[string]any{"Err": err.Error()})
}

// relayout fits the dialog to what it shows now: Fyne lays out a
// container again only when it is refreshed.
func (v *exportView) relayout() {
	if v.body == nil {
		return // still being built
	}
	v.body.Refresh()
	if v.d != nil {
		v.d.Refresh()
	}
}
