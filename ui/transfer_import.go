package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"time"

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

// importView is the import dialog: pick the source's format and the file
// or folder, read it off the UI goroutine, show what it holds and what is
// new, and add the new records in one transaction when the user says so.
type importView struct {
	a      *App
	shell  *shell
	d      *dialog.CustomDialog
	body   *fyne.Container
	source *widget.RadioGroup
	opts   []string // the source options, in transfer.Formats order
	choose *widget.Button
	cancel *widget.Button
	status *widget.Label
	wait   *widget.ProgressBarInfinite

	path    string
	preview *transfer.Preview
	// added is how many records the import stored, once it has run.
	added int

	// The preview step's controls.
	progress *widget.ProgressBar
	back     *widget.Button
	apply    *widget.Button
}

// maxSkippedShown bounds the reasons listed in the preview; the count says
// how many there are in all.
const maxSkippedShown = 50

// showImport opens the import dialog. The Backup & data screen calls it.
func (a *App) showImport() { a.openImport() }

// openImport opens the import dialog and returns it; nil while locked.
func (a *App) openImport() *importView {
	if a.Records() == nil {
		return nil
	}
	v := &importView{a: a, shell: a.shell}
	v.opts = []string{
		lang.X("transfer.import.jrnl", "jrnl: its JSON export (jrnl --format json)"),
		lang.X("transfer.import.dayone", "Day One: its JSON export (the .zip, or the .json inside)"),
		lang.X("transfer.import.markdown", "Markdown: a folder of .md files"),
	}
	v.source = widget.NewRadioGroup(v.opts, func(string) { v.updateChoose() })
	v.source.Required = true
	v.source.SetSelected(v.opts[0])
	v.choose = widget.NewButtonWithIcon("", theme.FolderOpenIcon(), v.pick)
	v.choose.Importance = widget.HighImportance
	v.cancel = widget.NewButton(lang.X("transfer.cancel", "Cancel"), func() { v.d.Hide() })
	v.status = wrapped("")
	v.status.Hide()
	v.wait = widget.NewProgressBarInfinite()
	v.wait.Stop()
	v.wait.Hide()
	v.body = container.NewStack()
	v.d = dialog.NewCustomWithoutButtons(lang.X("transfer.import.title", "Import entries"), v.body, a.win)
	v.showChoose()
	v.d.Show()
	return v
}

// showChoose is the first step: which format, which file.
func (v *importView) showChoose() {
	v.updateChoose()
	v.body.Objects = []fyne.CanvasObject{fixedWidth(
		wrapped(lang.X("transfer.import.intro", "Bring in entries from another journal app. Rewire shows you what it found before anything is added, and never adds the same entry twice.")),
		widget.NewLabelWithStyle(lang.X("transfer.import.from", "Import from"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		v.source,
		wrapped(lang.X("transfer.import.zone", "Times written without a time zone are read in this computer's zone ({{.Zone}}).",
			map[string]any{"Zone": zoneText(importZone(), v.a.Now())})),
		container.NewHBox(layout.NewSpacer(), v.choose),
		v.status,
		v.wait,
	)}
	v.d.SetButtons([]fyne.CanvasObject{v.cancel})
	v.relayout()
}

// format is the chosen source format.
func (v *importView) format() transfer.Format {
	for i, o := range v.opts {
		if v.source.Selected == o {
			return transfer.Formats[i]
		}
	}
	return transfer.Jrnl
}

func (v *importView) updateChoose() {
	if v.choose == nil {
		return // still being built
	}
	if v.format() == transfer.Markdown {
		v.choose.SetText(lang.X("transfer.import.choosefolder", "Choose folder…"))
	} else {
		v.choose.SetText(lang.X("transfer.import.choosefile", "Choose file…"))
	}
}

func (v *importView) pick() {
	v.a.Touch()
	f := v.format()
	kind, exts := pickFile, []string{".json"}
	switch f {
	case transfer.Markdown:
		kind, exts = pickFolder, nil
	case transfer.DayOne:
		exts = []string{".zip", ".json"}
	}
	pickPath(v.a.win, kind, exts, func(path string) { v.read(f, path) })
}

// read parses path and compares it with the vault, off the UI goroutine.
func (v *importView) read(f transfer.Format, path string) {
	a := v.a
	tj, ok := a.j.(transfer.Journal)
	if a.Records() == nil || a.shell != v.shell {
		v.d.Hide()
		return
	}
	if !ok {
		v.fail(lang.X("transfer.import.err.unsupported", "This journal can't take imports."))
		return
	}
	v.path = path
	v.source.Disable()
	v.choose.Disable()
	v.status.Importance = widget.MediumImportance
	v.status.SetText(lang.X("transfer.import.reading", "Reading {{.Name}}…", map[string]any{"Name": baseName(path)}))
	v.status.Show()
	v.relayout()
	v.wait.Show()
	v.wait.Start()
	loc := importZone()
	a.Run(func() {
		var p *transfer.Preview
		parsed, err := transfer.ParseFile(f, path, loc)
		if err == nil {
			p, err = transfer.NewPreview(tj, parsed)
		}
		fyne.Do(func() { v.parsed(f, p, err) })
	})
}

func (v *importView) parsed(f transfer.Format, p *transfer.Preview, err error) {
	v.wait.Stop()
	v.wait.Hide()
	v.source.Enable()
	v.choose.Enable()
	if v.a.shell != v.shell {
		v.d.Hide()
		return
	}
	v.a.Touch()
	if err != nil {
		fyne.LogError("import", err)
		v.fail(importErrorText(err, f))
		return
	}
	v.status.Hide()
	v.preview = p
	v.showPreview()
}

// fail shows msg on the first step, where the user can pick again.
func (v *importView) fail(msg string) {
	v.status.Importance = widget.WarningImportance
	v.status.SetText(msg)
	v.status.Show()
	v.relayout()
}

// showPreview is the second step: what the source holds and what the
// import will add.
func (v *importView) showPreview() {
	p := v.preview
	head := wrapped(lang.X("transfer.import.found.title", "What Rewire found in {{.Name}} ({{.Format}})",
		map[string]any{"Name": baseName(v.path), "Format": p.Format.String()}))
	head.TextStyle.Bold = true

	row := func(label string, value string) []fyne.CanvasObject {
		return []fyne.CanvasObject{widget.NewLabel(label), wrapped(value)}
	}
	var rows []fyne.CanvasObject
	rows = append(rows, row(lang.X("transfer.import.found", "Found"), strconv.Itoa(p.Found))...)
	rows = append(rows, row(lang.X("transfer.import.new", "New"), strconv.Itoa(len(p.New)))...)
	// Which kinds, when there is more than one (Rewire's own Markdown
	// brings gratitude lists and check-ins too).
	if counts := p.Counts(); len(counts) > 1 {
		for _, k := range []struct {
			kind  journal.Kind
			label string
		}{
			{journal.KindEntry, lang.X("transfer.import.entries", "Journal entries")},
			{journal.KindGratitude, lang.X("transfer.import.gratitude", "Gratitude lists")},
			{journal.KindCheckIn, lang.X("transfer.import.checkins", "Check-ins")},
		} {
			if n := counts[k.kind]; n > 0 {
				rows = append(rows, row("   "+k.label, strconv.Itoa(n))...)
			}
		}
	}
	if len(p.Dates) > 0 {
		rows = append(rows, row(lang.X("transfer.import.days", "Days"), daysText(p))...)
	}
	rows = append(rows, row(lang.X("transfer.import.duplicates", "Duplicates"),
		lang.X("transfer.import.duplicates.value", "{{.N}} (already in your journal, or twice in the source: not added)", map[string]any{"N": p.Duplicates}))...)
	rows = append(rows, row(lang.X("transfer.import.skipped", "Skipped"), strconv.Itoa(len(p.Skipped)))...)
	objs := []fyne.CanvasObject{head, container.New(layout.NewFormLayout(), rows...)}

	if len(p.Skipped) > 0 {
		list := container.NewVBox()
		for i, s := range p.Skipped {
			if i == maxSkippedShown {
				list.Add(wrapped(lang.X("transfer.import.skipped.more", "… and {{.N}} more", map[string]any{"N": len(p.Skipped) - maxSkippedShown})))
				break
			}
			l := wrapped("• " + skipText(s))
			l.SizeName = theme.SizeNameCaptionText
			list.Add(l)
		}
		scroll := container.NewVScroll(list)
		scroll.SetMinSize(fyne.NewSize(0, min(list.MinSize().Height, 130)))
		objs = append(objs, widget.NewLabel(lang.X("transfer.import.skipped.why", "Skipped, and why:")), scroll)
	}

	v.progress = widget.NewProgressBar()
	v.progress.Hide()
	v.back = widget.NewButtonWithIcon(lang.X("transfer.import.back", "Back"), theme.NavigateBackIcon(), func() {
		v.a.Touch()
		v.preview = nil
		v.showChoose()
	})
	if len(p.New) == 0 {
		name := map[string]any{"Name": baseName(v.path)}
		msg := lang.X("transfer.import.nothingnew", "Nothing new to import: everything in {{.Name}} is already in your journal.", name)
		if p.Duplicates == 0 {
			msg = lang.X("transfer.import.nothing", "Rewire found nothing it can import in {{.Name}}.", name)
		}
		note := wrapped(msg)
		note.Importance = widget.SuccessImportance
		if p.Duplicates == 0 {
			note.Importance = widget.WarningImportance
		}
		objs = append(objs, note)
		closeBtn := widget.NewButton(lang.X("transfer.close", "Close"), func() { v.d.Hide() })
		v.d.SetButtons([]fyne.CanvasObject{v.back, closeBtn})
	} else {
		objs = append(objs, wrapped(lang.X("transfer.import.allornothing", "Nothing in your journal changes until you import. The import is all or nothing: if it stops half-way, nothing is added.")))
		v.apply = widget.NewButtonWithIcon(importButtonText(p), theme.DownloadIcon(), v.run)
		v.apply.Importance = widget.HighImportance
		v.d.SetButtons([]fyne.CanvasObject{v.back, v.cancel, v.apply})
	}
	v.status.Hide()
	objs = append(objs, v.progress, v.status)
	v.body.Objects = []fyne.CanvasObject{fixedWidth(objs...)}
	v.relayout()
}

// importButtonText is the confirm button's label: "Import 5 entries".
func importButtonText(p *transfer.Preview) string {
	n := len(p.New)
	if p.Counts()[journal.KindEntry] != n {
		return lang.X("transfer.import.go.all", "Import all {{.N}}", map[string]any{"N": n})
	}
	if n == 1 {
		return lang.X("transfer.import.go.one", "Import 1 entry")
	}
	return lang.X("transfer.import.go", "Import {{.N}} entries", map[string]any{"N": n})
}

// daysText is "4, from 2 March 2026 to 6 March 2026", or one date.
func daysText(p *transfer.Preview) string {
	first, last := dayText(p.First()), dayText(p.Last())
	if first == last {
		return first
	}
	return lang.X("transfer.import.range", "{{.N}}, from {{.First}} to {{.Last}}",
		map[string]any{"N": len(p.Dates), "First": first, "Last": last})
}

// zoneText names loc for people: "Europe/Stockholm", or for the
// computer's own zone, whose name Go may not know, "CET, UTC+01:00".
func zoneText(loc *time.Location, now time.Time) string {
	if name := loc.String(); name != "Local" {
		return name
	}
	abbr, off := now.In(loc).Zone()
	if off == 0 {
		return "UTC"
	}
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	utc := fmt.Sprintf("UTC%s%02d:%02d", sign, off/3600, off%3600/60)
	if abbr == "" || abbr[0] == '+' || abbr[0] == '-' {
		return utc // a zone with no name of its own ("+03")
	}
	return abbr + ", " + utc
}

func dayText(day string) string {
	t, err := time.Parse(journal.DateLayout, day)
	if err != nil {
		return day
	}
	return FormatDate(t)
}

// run stores the new records in one transaction, off the UI goroutine.
func (v *importView) run() {
	a := v.a
	tj, ok := a.j.(transfer.Journal)
	if !ok || a.Records() == nil || a.shell != v.shell {
		v.d.Hide()
		return
	}
	a.Touch()
	p := v.preview
	v.back.Disable()
	v.cancel.Disable()
	v.apply.Disable()
	v.progress.SetValue(0)
	v.progress.Show()
	v.status.Importance = widget.MediumImportance
	v.status.SetText(lang.X("transfer.import.working", "Importing…"))
	v.status.Show()
	v.relayout()
	a.Run(func() {
		rep, err := p.Apply(tj, func(done, total int) {
			fyne.Do(func() {
				if total > 0 {
					v.progress.SetValue(float64(done) / float64(total))
				}
				a.Touch() // a long import is activity: no idle lock mid-way
			})
		})
		fyne.Do(func() { v.applied(rep, err) })
	})
}

func (v *importView) applied(rep journal.MergeReport, err error) {
	v.progress.Hide()
	if v.a.shell != v.shell {
		v.d.Hide()
		return
	}
	if err != nil {
		fyne.LogError("import", err)
		v.back.Enable()
		v.cancel.Enable()
		v.apply.Enable()
		v.status.Importance = widget.WarningImportance
		v.status.SetText(lang.X("transfer.import.err.apply", "The import didn't work, and nothing was added. Details: {{.Err}}", map[string]any{"Err": err.Error()}))
		v.relayout()
		return
	}
	v.added = rep.Added
	done := wrapped(lang.X("transfer.import.done", "Import finished."))
	done.TextStyle.Bold = true
	v.body.Objects = []fyne.CanvasObject{fixedWidth(
		done,
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.X("transfer.import.added", "Added to your journal")), widget.NewLabel(strconv.Itoa(rep.Added)),
		),
		wrapped(lang.X("transfer.import.done.body", "They are in your journal now, each on its own date. Importing the same file again adds nothing.")),
	)}
	closeBtn := widget.NewButton(lang.X("transfer.close", "Close"), func() { v.d.Hide() })
	closeBtn.Importance = widget.HighImportance
	v.d.SetButtons([]fyne.CanvasObject{closeBtn})
	v.relayout()
	if s := v.a.shell; s != nil && s.current >= 0 {
		s.screens[s.current].Refresh() // show the new records where the user is
	}
}

// importErrorText says plainly why a source could not be read. Nothing
// was imported.
func importErrorText(err error, f transfer.Format) string {
	switch {
	case errors.Is(err, transfer.ErrFormat):
		switch f {
		case transfer.Jrnl:
			return lang.X("transfer.import.err.jrnl", "This file isn't a jrnl JSON export, so nothing was imported. In jrnl, make one with: jrnl --format json > journal.json")
		case transfer.DayOne:
			return lang.X("transfer.import.err.dayone", "This isn't a Day One JSON export Rewire can read, so nothing was imported. The zip may be damaged, or it may be another kind of file. In Day One, use Export → JSON.")
		}
		return lang.X("transfer.import.err.markdown", "Rewire found no Markdown files (.md) it can read in this folder, so nothing was imported.")
	case errors.Is(err, fs.ErrNotExist):
		return lang.X("transfer.import.err.missing", "That file or folder isn't there any more. Nothing was imported.")
	case errors.Is(err, fs.ErrPermission):
		return lang.X("transfer.import.err.permission", "Rewire isn't allowed to read that file or folder. Nothing was imported.")
	case errors.Is(err, journal.ErrLocked):
		return lang.X("transfer.import.err.locked", "Your journal was locked. Nothing was imported: unlock it and try again.")
	}
	return lang.X("transfer.import.err.other", "Rewire couldn't read this source, so nothing was imported. Details: {{.Err}}", map[string]any{"Err": err.Error()})
}

// relayout fits the dialog to what it shows now: Fyne lays out a
// container again only when it is refreshed.
func (v *importView) relayout() {
	v.body.Refresh()
	if v.d != nil {
		v.d.Refresh()
	}
}
