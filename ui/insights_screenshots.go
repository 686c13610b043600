package ui

import (
	"fyne.io/fyne/v2"

	"github.com/rewirejournal/rewire/journal/insights"
)

// screenshotInsights photographs the Insights screen further down, over a
// year, with the report dialog open, and in its empty state, for
// [Screenshots]; shot captures the window.
func screenshotInsights(a *App, shot func(name string)) {
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

	s.show(insights.Compute(nil, s.in.Range))
	shot("insights-empty")
	s.ranges.SetSelected(rangeNames()[range30])
}
