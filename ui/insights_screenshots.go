package ui

import (
	"os"
	"os/exec"
	"path/filepath"

	"fyne.io/fyne/v2"

	"github.com/rewirejournal/rewire/journal/insights"
	"github.com/rewirejournal/rewire/ui/report"
)

// screenshotInsights photographs the Insights screen further down, over a
// year, with the report dialog open, and in its empty state, for
// [Screenshots]; shot captures the window.
func screenshotInsights(a *App, shot func(name string), page func(name, pdf string)) {
	a.ShowScreen(screenInsights)
	s, ok := a.shell.screens[screenInsights].(*insightsScreen)
	if !ok || s.in == nil {
		return
	}
	scrollTo := func(y float32) {
		s.scroll.Offset = fyne.NewPos(0, y)
		s.scroll.Refresh()
	}
	scrollTo(700)
	shot("insights-waves")
	scrollTo(1500)
	shot("insights-practice")
	scrollTo(0)

	s.ranges.SetSelected(rangeNames()[rangeYear])
	shot("insights-year")

	f := a.showReportDialog(s.in.Range)
	for i, e := range f.entries {
		if i%3 == 0 {
			f.ticked[e.ID] = true
		}
	}
	f.list.Refresh()
	shot("report-dialog")
	f.dlg.Hide()
	if req, err := f.request(); err == nil {
		screenshotReport(a, req, page)
	}

	s.show(insights.Compute(nil, s.in.Range))
	shot("insights-empty")
	s.ranges.SetSelected(rangeNames()[range30])
}

// screenshotReport writes the report the dialog would make to a temporary
// PDF and hands it to page, which renders its first page as the report's
// preview (with poppler's pdftoppm, installed by scripts/setup.sh).
func screenshotReport(a *App, req report.Request, page func(name, pdf string)) {
	recs := a.Records()
	if recs == nil {
		return
	}
	list, err := reportRecords(recs, req)
	if err != nil {
		fyne.LogError("screenshots: report", err)
		return
	}
	dir, err := os.MkdirTemp("", "rewire-screenshots-report-")
	if err != nil {
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "report.pdf")
	f, err := os.Create(path)
	if err != nil {
		return
	}
	err = report.PDF(f, list, req, reportText())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fyne.LogError("screenshots: report", err)
		return
	}
	page("report-preview", path)
}

// pdfPage renders the first page of the PDF at path to out.png with
// pdftoppm; without it there is no preview, and nothing else is missing.
func pdfPage(path, out string) error {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return nil
	}
	return exec.Command("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path, out).Run()
}
