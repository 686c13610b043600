package ui

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/insights"
	jpractice "github.com/rewirejournal/rewire/journal/practice"
	"github.com/rewirejournal/rewire/ui/charts"
)

// The ranges the Insights screen offers, in the order shown.
const (
	range30 = iota
	range90
	rangeYear
	rangeAll
)

// rangeDays is each range's length; 0 for all.
var rangeDays = [...]int{range30: 30, range90: 90, rangeYear: 365, rangeAll: 0}

// insightsScreen shows charts of mood, craving, urges, practice, gratitude
// and sleep over a chosen range. The figures are computed off the UI
// goroutine each time the screen is shown, from decrypted records held
// only in memory.
type insightsScreen struct {
	a *App

	ranges    *widget.RadioGroup
	rangeIdx  int
	reportBtn *widget.Button
	status    *widget.Label
	body      *fyne.Container
	scroll    *container.Scroll

	gen int // load generation: an older load's result is dropped
	in  *insights.Insights

	// What show built, for the trigger filter and tests.
	practised *widget.Check
	trigger   *widget.Select
	waveBox   *fyne.Container
	empty     map[string]*widget.Label
	charts    map[string]*canvas.Raster
}

func newInsightsScreen(a *App) screen { return &insightsScreen{a: a} }

func (s *insightsScreen) Title() string       { return lang.X("insights.nav", "Insights") }
func (s *insightsScreen) Icon() fyne.Resource { return theme.GridIcon() }
func (s *insightsScreen) Leave()              {}

func rangeNames() []string {
	return []string{
		lang.X("insights.range.30", "30 days"),
		lang.X("insights.range.90", "90 days"),
		lang.X("insights.range.year", "A year"),
		lang.X("insights.range.all", "All"),
	}
}

func (s *insightsScreen) Content() fyne.CanvasObject {
	names := rangeNames()
	s.ranges = widget.NewRadioGroup(names, func(v string) {
		for i, n := range names {
			if n == v && i != s.rangeIdx {
				s.rangeIdx = i
				s.a.Touch()
				s.load()
			}
		}
	})
	s.ranges.Horizontal = true
	s.ranges.Required = true
	s.ranges.SetSelected(names[s.rangeIdx])
	s.reportBtn = widget.NewButtonWithIcon(lang.X("insights.report.button", "Create a report…"), theme.DocumentSaveIcon(), func() {
		if s.in != nil {
			s.a.showReportDialog(s.in.Range)
		}
	})
	s.status = widget.NewLabel("")
	s.body = container.NewVBox()
	top := container.NewBorder(nil, nil, s.ranges, s.reportBtn)
	s.scroll = container.NewVScroll(container.NewVBox(s.status, s.body))
	return container.NewBorder(container.NewVBox(screenHeading(s.Title()), top), nil, nil, nil, s.scroll)
}

// Refresh recomputes the figures: records may have changed elsewhere.
func (s *insightsScreen) Refresh() { s.load() }

// load computes the chosen range's insights off the UI goroutine.
func (s *insightsScreen) load() {
	recs := s.a.Records()
	if recs == nil || s.body == nil {
		return
	}
	s.gen++
	gen, idx, now := s.gen, s.rangeIdx, s.a.Now()
	s.status.SetText(lang.X("insights.loading", "Drawing your charts…"))
	s.status.Show()
	s.a.Run(func() {
		in, err := computeInsights(recs, idx, now)
		fyne.Do(func() {
			if gen != s.gen || s.body == nil {
				return
			}
			if err != nil {
				s.status.SetText(lang.X("insights.error", "Your insights could not be drawn just now. Nothing was changed."))
				fyne.LogError("insights", err)
				return
			}
			s.status.Hide()
			s.show(in)
		})
	})
}

// computeInsights lists what the range needs and computes it. It runs off
// the UI goroutine and touches no widget.
func computeInsights(recs Records, idx int, now time.Time) (*insights.Insights, error) {
	var r insights.Range
	var list []journal.Record
	var err error
	if n := rangeDays[idx]; n > 0 {
		r = insights.Last(now, n)
		list, err = recs.List(journal.Filter{Kinds: insights.Kinds, From: (r.To - insights.StreakDays + 1).String(), To: r.To.String()})
		if r.Days() > insights.StreakDays {
			list, err = recs.List(journal.Filter{Kinds: insights.Kinds, From: r.From.String(), To: r.To.String()})
		}
	} else {
		to := insights.DayOf(now)
		list, err = recs.List(journal.Filter{Kinds: insights.Kinds, To: to.String()})
		first, ok := insights.Earliest(list)
		if !ok || first > to-insights.StreakDays+1 {
			first = to - insights.StreakDays + 1
		}
		r = insights.Range{From: first, To: to}
	}
	if err != nil {
		return nil, err
	}
	return insights.Compute(list, r), nil
}

// chartPalette is the charts' palette for the current theme, on a transparent
// background so a card's own colour shows through.
func chartPalette() charts.Palette {
	bg := theme.Color(theme.ColorNameBackground)
	r, g, b, _ := bg.RGBA()
	st := charts.Light()
	if (299*r+587*g+114*b)/1000 < 0x8000 {
		st = charts.Dark()
	}
	st.Background = color.Transparent
	st.Foreground = theme.Color(theme.ColorNameForeground)
	return st
}

// chart is a chart image that is drawn again at the size it is given, at
// the screen's pixel density.
func (s *insightsScreen) chart(name string, height float32, draw func(st charts.Palette, w, h int) image.Image) fyne.CanvasObject {
	st := chartPalette()
	var r *canvas.Raster
	r = canvas.NewRaster(func(w, h int) image.Image {
		style := st
		if sz := r.Size(); sz.Width > 0 {
			style.Scale = max(1, float64(w)/float64(sz.Width))
		}
		return draw(style, w, h)
	})
	r.SetMinSize(fyne.NewSize(320, height))
	s.charts[name] = r
	return r
}

// emptyNote is a friendly note in place of a chart that has no data yet.
func (s *insightsScreen) emptyNote(name, text string) fyne.CanvasObject {
	l := wrapped(text)
	s.empty[name] = l
	return l
}

func (s *insightsScreen) show(in *insights.Insights) {
	s.in = in
	s.empty, s.charts = map[string]*widget.Label{}, map[string]*canvas.Raster{}
	ct := chartText()
	var cards []fyne.CanvasObject
	if in.Empty() {
		cards = append(cards, panel(lang.X("insights.empty.title", "Nothing to show yet"),
			s.emptyNote("all", lang.X("insights.empty.all", "Your charts fill in as you go: a daily check-in, three good things at night, a few minutes of breathing or meditation, or riding out an urge. Come back after a few days to see them grow."))))
	}
	cards = append(cards, s.summary(in))

	mood := s.chartOr("mood", len(in.Mood) > 0, 220,
		lang.X("insights.mood.empty", "No moods yet. Pick a mood in the daily check-in, or give a journal entry a mood, and it will show here."),
		func(st charts.Palette, w, h int) image.Image { return charts.Mood(in, ct, st, w, h) })
	cards = append(cards, panel(lang.X("insights.mood.title", "Mood"), mood))

	hasWeekly := in.CheckIns > 0 || len(in.Waves) > 0
	weekly := s.chartOr("weekly", hasWeekly, 200,
		lang.X("insights.weekly.empty", "Craving and urges show here once you fill in a check-in or surf an urge."),
		func(st charts.Palette, w, h int) image.Image { return charts.Weekly(in, ct, st, w, h) })
	cards = append(cards, panel(lang.X("insights.weekly.title", "Craving and urges by week"), weekly))

	cards = append(cards, s.wavesCard(in))

	practiceChart := s.chartOr("practice", len(in.Practice) > 0, 200,
		lang.X("insights.practice.empty", "Meditate or breathe with the app, or note your movement in the check-in, to see your minutes here."),
		func(st charts.Palette, w, h int) image.Image { return charts.Practice(in, ct, st, w, h) })
	cards = append(cards, panel(lang.X("insights.practice.title", "Practice minutes"), practiceChart))

	grat := s.chartOr("gratitude", len(in.GratitudeDays) > 0, 160,
		lang.X("insights.gratitude.empty", "Write three good things tonight to start this chart."),
		func(st charts.Palette, w, h int) image.Image { return charts.Gratitude(in, ct, st, w, h) })
	cards = append(cards, panel(lang.X("insights.gratitude.title", "Gratitude: days a week"), grat))

	practisedAny := false
	for _, d := range in.Calendar {
		practisedAny = practisedAny || d.Practices != 0
	}
	cal := s.chartOr("calendar", practisedAny, 170,
		lang.X("insights.calendar.empty", "Any practice, on any day, fills a square here: mindfulness, breathing, movement, connection, learning, gratitude or an urge ridden out."),
		func(st charts.Palette, w, h int) image.Image { return charts.Calendar(in, ct, st, w, h) })
	calCard := panel(lang.X("insights.calendar.title", "Days with practice"), cal)
	if practisedAny {
		note := widget.NewLabel(lang.X("insights.calendar.note", "Darker days had more practices."))
		note.Importance = widget.LowImportance
		calCard = panel(lang.X("insights.calendar.title", "Days with practice"), cal, note)
	}
	cards = append(cards, calCard)

	sleep := s.chartOr("sleep", len(in.Sleep) > 0, 180,
		lang.X("insights.sleep.empty", "Note your hours of sleep in the check-in to see them here."),
		func(st charts.Palette, w, h int) image.Image { return charts.Sleep(in, ct, st, w, h) })
	cards = append(cards, panel(lang.X("insights.sleep.title", "Sleep"), sleep))

	s.body.Objects = cards
	s.body.Refresh()
}

func (s *insightsScreen) chartOr(name string, has bool, height float32, empty string, draw func(charts.Palette, int, int) image.Image) fyne.CanvasObject {
	if !has {
		return s.emptyNote(name, empty)
	}
	return s.chart(name, height, draw)
}

// figure is one "label: value" line of the summary.
func figure(label, value string) fyne.CanvasObject {
	l := widget.NewLabel(label)
	v := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewHBox(l, v)
}

func (s *insightsScreen) summary(in *insights.Insights) fyne.CanvasObject {
	period := lang.X("insights.period", "{{.From}} – {{.To}}", map[string]any{
		"From": FormatDate(in.Range.From.Time()), "To": FormatDate(in.Range.To.Time()),
	})
	lines := []fyne.CanvasObject{widget.NewLabel(period)}
	grid := container.NewGridWithColumns(2,
		figure(lang.X("insights.fig.checkins", "Check-ins"), fmt.Sprint(in.CheckIns)),
		figure(lang.X("insights.fig.gratitude", "Gratitude days"), fmt.Sprint(len(in.GratitudeDays))),
		figure(lang.X("insights.fig.urges", "Urge episodes"), fmt.Sprint(in.Urges.Episodes+in.Urges.Interrupted)),
		figure(lang.X("insights.fig.sessions", "Breathing and meditation sessions"), fmt.Sprint(in.Sessions)),
	)
	lines = append(lines, grid)
	if s.a.Settings().ShowPractised {
		lines = append(lines, figure(lang.X("insights.fig.practised", "Days practised in the last 30"), fmt.Sprintf("%d / %d", in.Practised, insights.StreakDays)))
	}
	if n := len(in.Lapses); n > 0 {
		note := wrapped(lang.X("insights.lapses", "Lapses logged in this period: {{.N}}. A lapse is information, not failure: it shows what to prepare for. Nothing is reset, and every day you practised still counts.", map[string]any{"N": n}))
		lines = append(lines, note)
	}
	s.practised = widget.NewCheck(lang.X("insights.practised.toggle", "Show days practised in the last 30"), func(on bool) {
		if on == s.a.Settings().ShowPractised {
			return
		}
		st := s.a.Settings()
		st.ShowPractised = on
		if err := s.a.SaveSettings(st); err != nil {
			fyne.LogError("save settings", err)
			return
		}
		if s.in != nil {
			s.show(s.in)
		}
	})
	s.practised.SetChecked(s.a.Settings().ShowPractised)
	lines = append(lines, s.practised)
	return panel(lang.X("insights.summary.title", "At a glance"), lines...)
}

// wavesCard overlays the urge waves, all or those of one trigger, with the
// personal figures drawn from the same waves.
func (s *insightsScreen) wavesCard(in *insights.Insights) fyne.CanvasObject {
	title := lang.X("insights.waves.title", "Urge waves")
	if len(in.Waves) == 0 {
		return panel(title, s.emptyNote("waves", lang.X("insights.waves.empty", "When a craving comes, try urge surfing from Today. Each wave you ride out is drawn here, so you can see how urges rise, peak and pass.")))
	}
	all := lang.X("insights.waves.all", "All triggers")
	options := []string{all}
	for _, t := range in.Urges.Triggers {
		options = append(options, t.Name)
	}
	s.waveBox = container.NewVBox()
	s.trigger = widget.NewSelect(options, func(v string) {
		if v == all {
			v = ""
		}
		s.showWaves(in, v)
	})
	s.trigger.SetSelected(all)
	return panel(title, container.NewHBox(widget.NewLabel(lang.X("insights.waves.filter", "Show")), s.trigger), s.waveBox)
}

func (s *insightsScreen) showWaves(in *insights.Insights, trigger string) {
	waves, st := in.WithTrigger(trigger)
	ct := chartText()
	chart := s.chart("waves", 220, func(style charts.Palette, w, h int) image.Image { return charts.Waves(waves, ct, style, w, h) })
	rt := reportText()
	minutes := func(d time.Duration) string {
		return lang.X("insights.minutes", "{{.N}} min", map[string]any{"N": fmt.Sprintf("%.0f", d.Minutes())})
	}
	var figs []fyne.CanvasObject
	if st.Episodes > 0 {
		figs = append(figs,
			figure(lang.X("insights.fig.topeak", "Median time to peak"), minutes(st.MedianToPeak)),
			figure(lang.X("insights.fig.length", "Median length"), minutes(st.MedianDuration)),
			figure(lang.X("insights.fig.surfed", "Ridden out without acting"), fmt.Sprintf("%d / %d (%.0f%%)", st.Surfed, st.Episodes, 100*st.SurfedShare)),
		)
	}
	figs = append(figs,
		figure(lang.X("insights.fig.triggers", "Most common triggers"), tallyText(st.Triggers, nil)),
		figure(lang.X("insights.fig.halt", "Most common HALT states"), tallyText(st.HALT, rt.HALT)),
	)
	key := wrapped(lang.X("insights.waves.key", "Teal: ridden out. Amber: acted on. Every wave passed."))
	key.Importance = widget.LowImportance
	s.waveBox.Objects = append([]fyne.CanvasObject{chart, key}, figs...)
	s.waveBox.Refresh()
}

// tallyText is the top three tallies, "places (4), people (2)"; names are
// translated where names has them.
func tallyText(ts []jpractice.Tally, names map[string]string) string {
	if len(ts) == 0 {
		return "–"
	}
	var parts []string
	for _, t := range ts[:min(3, len(ts))] {
		n := t.Name
		if tr, ok := names[strings.ToLower(n)]; ok {
			n = tr
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", n, t.N))
	}
	return strings.Join(parts, ", ")
}
