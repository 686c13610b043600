package ui

import (
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/insights"
	"github.com/rewirejournal/rewire/ui/report"
)

// reportForm is the "Create a report" dialog: a date range, what to put
// in, journal entries ticked one by one, and a plain warning that the
// saved files are not encrypted.
type reportForm struct {
	a    *App
	dlg  dialog.Dialog
	from *widget.Entry
	to   *widget.Entry

	checkIns, urges, practices *widget.Check

	entries   []journal.Record // the range's entries, newest first
	ticked    map[journal.ID]bool
	list      *widget.List
	noEntries *widget.Label
	problem   *widget.Label
	warning   *widget.Label
	save      *widget.Button
}

// showReportDialog opens the report dialog for r.
func (a *App) showReportDialog(r insights.Range) *reportForm {
	f := &reportForm{a: a, ticked: map[journal.ID]bool{}}
	f.from, f.to = widget.NewEntry(), widget.NewEntry()
	f.from.SetText(r.From.String())
	f.to.SetText(r.To.String())
	f.from.OnChanged = func(string) { f.loadEntries() }
	f.to.OnChanged = func(string) { f.loadEntries() }
	check := func(text string) *widget.Check {
		c := widget.NewCheck(text, func(bool) { f.validate() })
		c.SetChecked(true)
		return c
	}
	f.checkIns = check(lang.X("insights.report.checkins", "Check-ins: mood, craving, sleep, practices, and your intentions, challenges and wins"))
	f.urges = check(lang.X("insights.report.urges", "Urge log: each urge with its peak, length, triggers and outcome"))
	f.practices = check(lang.X("insights.report.practices", "Practices: minutes, gratitude days and the calendar"))

	f.list = widget.NewList(
		func() int { return len(f.entries) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			r := f.entries[i]
			c.OnChanged = nil
			c.Text = entryLabel(r)
			c.SetChecked(f.ticked[r.ID])
			c.OnChanged = func(on bool) {
				if on {
					f.ticked[r.ID] = true
				} else {
					delete(f.ticked, r.ID)
				}
				f.validate()
			}
			c.Refresh()
		})
	f.noEntries = widget.NewLabel(lang.X("insights.report.noentries", "No journal entries in these days."))
	f.noEntries.Importance = widget.LowImportance

	warning := wrapped(lang.X("insights.report.warning", "Once saved, the report is not encrypted: anyone who can open the file can read what is in it. Save it somewhere only you can reach, share it only with people you trust, and delete it when it is no longer needed."))
	warning.Importance = widget.DangerImportance
	warning.TextStyle.Bold = true
	f.warning = warning
	f.problem = widget.NewLabel("")
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()

	dates := container.NewGridWithColumns(4,
		widget.NewLabel(lang.X("insights.report.from", "From")), f.from,
		widget.NewLabel(lang.X("insights.report.to", "To")), f.to)
	entriesHead := wrapped(lang.X("insights.report.entries", "Journal entries are left out unless you tick them, one by one:"))
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 150))
	listBox := container.NewStack(room, f.noEntries, f.list)

	f.save = widget.NewButton(lang.X("insights.report.save", "Save report…"), f.choosePlace)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.X("insights.report.cancel", "Cancel"), func() { f.dlg.Hide() })
	content := container.NewBorder(
		container.NewVBox(dates, f.checkIns, f.urges, f.practices, entriesHead),
		container.NewVBox(warning, f.problem, container.NewHBox(layout.NewSpacer(), cancel, f.save)),
		nil, nil, listBox)
	f.dlg = dialog.NewCustomWithoutButtons(lang.X("insights.report.title", "Create a report"), content, a.win)
	f.dlg.Resize(fyne.NewSize(640, 600))
	f.loadEntries()
	f.dlg.Show()
	return f
}

// entryLabel is an entry's line in the list: its date and title, or the
// start of its text.
func entryLabel(r journal.Record) string {
	title := strings.TrimSpace(r.Entry.Title)
	if title == "" {
		title = strings.Join(strings.Fields(r.Entry.Body), " ")
		if rs := []rune(title); len(rs) > 60 {
			title = string(rs[:60]) + "…"
		}
	}
	d, err := insights.ParseDay(r.Date)
	if err != nil {
		return title
	}
	return FormatDate(d.Time()) + " · " + title
}

// request returns the report the form describes, or a reason it can't.
func (f *reportForm) request() (report.Request, error) {
	r, err := insights.ParseRange(strings.TrimSpace(f.from.Text), strings.TrimSpace(f.to.Text))
	if err != nil {
		return report.Request{}, errors.New(lang.X("insights.report.baddates", "Give the first and last day as YYYY-MM-DD, the first not after the last."))
	}
	c := report.Contents{CheckIns: f.checkIns.Checked, Urges: f.urges.Checked, Practices: f.practices.Checked}
	for _, e := range f.entries {
		if f.ticked[e.ID] {
			c.Entries = append(c.Entries, e.ID)
		}
	}
	if !c.CheckIns && !c.Urges && !c.Practices && len(c.Entries) == 0 {
		return report.Request{}, errors.New(lang.X("insights.report.nothing", "Choose at least one thing to put in the report."))
	}
	return report.Request{Range: r, Contents: c, Made: f.a.Now()}, nil
}

// loadEntries lists the range's journal entries; ticks on entries that
// leave the range are dropped.
func (f *reportForm) loadEntries() {
	recs := f.a.Records()
	r, err := insights.ParseRange(strings.TrimSpace(f.from.Text), strings.TrimSpace(f.to.Text))
	f.entries = nil
	if err == nil && recs != nil {
		f.entries, err = recs.List(journal.Filter{Kinds: []journal.Kind{journal.KindEntry}, From: r.From.String(), To: r.To.String()})
		if err != nil {
			fyne.LogError("report entries", err)
		}
	}
	for id := range f.ticked {
		if !slices.ContainsFunc(f.entries, func(e journal.Record) bool { return e.ID == id }) {
			delete(f.ticked, id)
		}
	}
	if f.list != nil {
		f.list.Refresh()
		f.noEntries.Hidden = len(f.entries) > 0
		f.list.Hidden = len(f.entries) == 0
	}
	f.validate()
}

func (f *reportForm) validate() {
	if f.save == nil {
		return
	}
	if _, err := f.request(); err != nil {
		f.problem.SetText(err.Error())
		f.problem.Show()
		f.save.Disable()
		return
	}
	f.problem.Hide()
	f.save.Enable()
}

// reportFileName is the suggested name of the PDF.
func reportFileName(r insights.Range) string {
	return fmt.Sprintf("rewire-report-%s-%s.pdf", r.From, r.To)
}

// choosePlace asks where to save the PDF; the CSV goes beside it.
func (f *reportForm) choosePlace() {
	req, err := f.request()
	if err != nil {
		f.validate()
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			if err != nil {
				f.showProblem(err)
			}
			return
		}
		f.dlg.Hide()
		f.write(req, w)
	}, f.a.win)
	d.SetFileName(reportFileName(req.Range))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

func (f *reportForm) showProblem(err error) {
	f.problem.SetText(lang.X("insights.report.failed", "The report could not be saved: {{.Err}}", map[string]any{"Err": err.Error()}))
	f.problem.Show()
}

// write makes the report off the UI goroutine and tells the user where it
// went, and that it is not encrypted.
func (f *reportForm) write(req report.Request, w fyne.URIWriteCloser) {
	recs, a, t := f.a.Records(), f.a, reportText()
	if recs == nil {
		w.Close()
		return
	}
	a.Run(func() {
		csvURI, err := writeReport(recs, req, t, w)
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(errors.New(lang.X("insights.report.failed", "The report could not be saved: {{.Err}}", map[string]any{"Err": err.Error()})), a.win)
				return
			}
			msg := lang.X("insights.report.saved", "Saved {{.PDF}} and, beside it, {{.CSV}}.\n\nThese files are not encrypted. Keep them somewhere safe, and delete them when they are no longer needed.",
				map[string]any{"PDF": w.URI().Name(), "CSV": csvURI.Name()})
			dialog.ShowInformation(lang.X("insights.report.savedtitle", "Report saved"), msg, a.win)
		})
	})
}

// writeReport writes the PDF to pdf (and closes it) and the CSV beside it,
// with the same name ending in .csv. It returns the CSV's location.
func writeReport(recs Records, req report.Request, t report.Text, pdf fyne.URIWriteCloser) (fyne.URI, error) {
	list, err := reportRecords(recs, req)
	if err != nil {
		pdf.Close()
		return nil, err
	}
	err = report.PDF(pdf, list, req, t)
	if cerr := pdf.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	dir, err := storage.Parent(pdf.URI())
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(pdf.URI().Name(), pdf.URI().Extension()) + ".csv"
	csvURI, err := storage.Child(dir, name)
	if err != nil {
		return nil, err
	}
	cw, err := storage.Writer(csvURI)
	if err != nil {
		return nil, err
	}
	err = report.CSV(cw, list, req)
	if cerr := cw.Close(); err == nil {
		err = cerr
	}
	return csvURI, err
}

// reportRecords lists what req needs: the insight kinds over its range
// (and the 30 days before, for the streak) and the ticked entries.
func reportRecords(recs Records, req report.Request) ([]journal.Record, error) {
	r := req.Range
	list, err := recs.List(journal.Filter{Kinds: insights.Kinds, From: min(r.From, r.To-insights.StreakDays+1).String(), To: r.To.String()})
	if err != nil {
		return nil, err
	}
	return list, nil
}
