package ui

import (
	"fmt"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	rwpractice "github.com/rewirejournal/rewire/journal/practice"
)

// urgeHistory is the urge screen's home: a start button, an interrupted
// episode to finish, the personal figures, what success means, and the
// past episodes with their waves.
type urgeHistory struct {
	s *urgeScreen

	episodes []journal.Record // newest first
	stats    rwpractice.UrgeStats

	list     *widget.List
	rows     map[fyne.CanvasObject]*urgeRow // the list's rows, by their object
	figures  *fyne.Container
	resumeAt *fyne.Container // the card about an interrupted episode
	empty    *widget.Label
}

func newUrgeHistory(s *urgeScreen) *urgeHistory {
	return &urgeHistory{s: s, rows: map[fyne.CanvasObject]*urgeRow{}}
}

func (h *urgeHistory) view() fyne.CanvasObject {
	s := h.s
	label := lang.X("urge.home.start", "I'm having a craving")
	if s.sess != nil {
		label = lang.X("urge.home.back", "Back to your session")
	}
	start := bigButton(label, theme.WarningIcon(), s.a.StartUrge)
	intro := wrapped(lang.X("urge.home.intro", "Urge surfing: instead of fighting a craving or giving in, you watch it rise, peak and fall, like a wave, and rate it every minute or so. Start it whenever an urge comes (Ctrl+U)."))
	h.resumeAt = container.NewVBox()
	h.figures = container.NewVBox()
	learn := panel(lang.X("urge.learn.title", "What counts as success"),
		wrapped(lang.X("urge.learn.body", "Success is riding the urge out, not a low number. In a study of people trying to quit smoking, a brief urge-surfing practice changed what they did, even though their urges were no weaker than other people's (Bowen & Marlatt, 2009). A strong urge you stayed with is a wave surfed.")))
	left := container.NewVScroll(container.NewPadded(container.NewVBox(
		screenHeading(s.Title()), intro, start, h.resumeAt,
		panel(lang.X("urge.stats.title", "Your figures"), h.figures), learn)))

	h.rows = map[fyne.CanvasObject]*urgeRow{}
	h.list = widget.NewList(func() int { return len(h.episodes) }, h.newRow, h.updateRow)
	h.list.OnSelected = func(id widget.ListItemID) {
		h.list.Unselect(id)
		if id >= 0 && id < len(h.episodes) {
			h.detail(h.episodes[id])
		}
	}
	h.empty = wrapped(lang.X("urge.history.none", "Your waves will show here. Each one you ride out is worth keeping."))
	title := widget.NewLabelWithStyle(lang.X("urge.history.title", "Your waves"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	right := container.NewPadded(container.NewBorder(container.NewVBox(title, h.empty), nil, nil, nil, h.list))
	return container.NewGridWithColumns(2, left, right)
}

// load reads the episodes off the UI goroutine and shows them.
func (h *urgeHistory) load() {
	recs := h.s.a.Records()
	if recs == nil {
		return
	}
	h.s.a.Run(func() {
		list, err := recs.List(journal.Filter{Kinds: []journal.Kind{journal.KindUrge}})
		fyne.Do(func() {
			if err != nil {
				fyne.LogError("list urge episodes", err)
				return
			}
			h.show(list)
		})
	})
}

func (h *urgeHistory) show(list []journal.Record) {
	h.episodes = h.episodes[:0]
	eps := make([]journal.UrgeEpisode, 0, len(list))
	var open *journal.Record
	for i, r := range list {
		if r.Urge == nil {
			continue
		}
		h.episodes = append(h.episodes, r)
		eps = append(eps, *r.Urge)
		if !r.Urge.Finished && open == nil && !h.isCurrent(r) {
			open = &list[i]
		}
	}
	h.stats = rwpractice.UrgeStatistics(eps)
	if h.list == nil {
		return
	}
	h.list.Refresh()
	showIf(h.empty, len(h.episodes) == 0)
	h.showFigures()
	h.resumeAt.RemoveAll()
	if open != nil {
		r := *open
		finish := widget.NewButton(lang.X("urge.interrupted.finish", "Add notes and finish"), func() { h.s.finishInterrupted(r) })
		h.resumeAt.Add(panel(lang.X("urge.interrupted.title", "A session wasn't finished"),
			wrapped(lang.X("urge.interrupted.body", "The urge you surfed on {{.When}} was interrupted. Its ratings are saved.", map[string]any{"When": when(r.Urge.Started)})),
			container.NewHBox(finish)))
	}
	h.resumeAt.Refresh()
}

// isCurrent reports whether r is the session open right now.
func (h *urgeHistory) isCurrent(r journal.Record) bool {
	cur := h.s.sess
	return cur != nil && cur.Record().ID == r.ID
}

func (h *urgeHistory) showFigures() {
	st := h.stats
	h.figures.RemoveAll()
	if st.Episodes == 0 {
		h.figures.Add(wrapped(lang.X("urge.stats.none", "After your first finished session you'll see here how long your urges take to peak and to pass.")))
		h.figures.Refresh()
		return
	}
	line := func(text string) { h.figures.Add(wrapped(text)) }
	line(lang.X("urge.stats.count", "Sessions finished: {{.N}}", map[string]any{"N": st.Episodes}))
	line(lang.X("urge.stats.topeak", "Median time to the peak: {{.Time}}", map[string]any{"Time": minutesText(st.MedianToPeak)}))
	line(lang.X("urge.stats.duration", "Median length of a wave: {{.Time}}", map[string]any{"Time": minutesText(st.MedianDuration)}))
	line(lang.X("urge.stats.surfed", "Ridden out without acting: {{.N}} of {{.Total}} ({{.Percent}}%)",
		map[string]any{"N": st.Surfed, "Total": st.Episodes, "Percent": int(math.Round(st.SurfedShare * 100))}))
	if t := urgeTallyText(st.Triggers, 3); t != "" {
		line(lang.X("urge.stats.triggers", "Most common triggers: {{.List}}", map[string]any{"List": t}))
	}
	if t := urgeTallyText(st.HALT, 2); t != "" {
		line(lang.X("urge.stats.halt", "Most often you were: {{.List}}", map[string]any{"List": t}))
	}
	h.figures.Refresh()
}

// tallyText is the first n tallies as "Feelings (5), Places (3)".
func urgeTallyText(ts []rwpractice.Tally, n int) string {
	var parts []string
	for _, t := range ts[:min(n, len(ts))] {
		parts = append(parts, fmt.Sprintf("%s (%d)", triggerName(t.Name), t.N))
	}
	return strings.Join(parts, ", ")
}

// namesText lists triggers or HALT states by their translated names.
func namesText(ts []string) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = triggerName(t)
	}
	return strings.Join(names, ", ")
}

// minutesText is a duration in whole minutes, kindly rounded.
func minutesText(d time.Duration) string {
	if d < time.Minute {
		return lang.X("urge.minutes.under", "under a minute")
	}
	return lang.X("urge.minutes", "{{.N}} min", map[string]any{"N": int(d.Round(time.Minute) / time.Minute)})
}

// when is a moment as "25 November 2026, 10:32".
func when(t time.Time) string {
	t = t.Local()
	return lang.X("urge.when", "{{.Date}}, {{.Time}}", map[string]any{"Date": FormatDate(t), "Time": t.Format("15:04")})
}

// urgeRow is one past episode in the list.
type urgeRow struct {
	wave   *waveView
	title  *widget.Label
	detail *widget.Label
}

func (h *urgeHistory) newRow() fyne.CanvasObject {
	r := &urgeRow{wave: newWaveView(true, fyne.NewSize(120, 44))}
	r.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.detail = widget.NewLabel("")
	r.detail.SizeName = theme.SizeNameCaptionText
	r.detail.Truncation = fyne.TextTruncateEllipsis
	obj := container.NewBorder(nil, nil, r.wave.raster, nil, container.NewVBox(r.title, r.detail))
	h.rows[obj] = r
	return obj
}

func (h *urgeHistory) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	r, ok := h.rows[obj]
	if !ok || id < 0 || id >= len(h.episodes) {
		return
	}
	ep := *h.episodes[id].Urge
	r.title.SetText(when(ep.Started))
	r.detail.SetText(episodeSummary(ep))
	r.wave.set(waveRatings(ep), rwpractice.UrgeDuration(ep))
}

// episodeSummary is one line: peak, length and how it ended.
func episodeSummary(ep journal.UrgeEpisode) string {
	peak, _ := rwpractice.UrgePeak(ep)
	parts := []string{
		lang.X("urge.row.peak", "Peak {{.N}}", map[string]any{"N": peak}),
		minutesText(rwpractice.UrgeDuration(ep)),
	}
	switch {
	case !ep.Finished:
		parts = append(parts, lang.X("urge.row.open", "not finished"))
	case ep.ActedOn:
		parts = append(parts, lang.X("urge.row.acted", "acted on"))
	default:
		parts = append(parts, lang.X("urge.row.surfed", "ridden out"))
	}
	return strings.Join(parts, " · ")
}

// detail shows one episode: its wave large and what was noted.
func (h *urgeHistory) detail(r journal.Record) {
	s := h.s
	ep := *r.Urge
	wave := newWaveView(false, fyne.NewSize(520, 220))
	wave.set(waveRatings(ep), max(rwpractice.UrgeDuration(ep), time.Minute))
	peak, toPeak := rwpractice.UrgePeak(ep)
	box := container.NewVBox(wave.raster,
		wrapped(lang.X("urge.detail.peak", "Peak {{.N}} of 10, {{.Time}} after the start", map[string]any{"N": peak, "Time": minutesText(toPeak)})),
		wrapped(lang.X("urge.detail.length", "Length: {{.Time}}", map[string]any{"Time": minutesText(rwpractice.UrgeDuration(ep))})))
	if len(ep.Triggers) > 0 {
		box.Add(wrapped(lang.X("urge.detail.triggers", "Set off by: {{.List}}", map[string]any{"List": namesText(ep.Triggers)})))
	}
	if len(ep.HALT) > 0 {
		box.Add(wrapped(lang.X("urge.detail.halt", "You were: {{.List}}", map[string]any{"List": namesText(ep.HALT)})))
	}
	if ep.Situation != "" {
		box.Add(wrapped(lang.X("urge.detail.situation", "Situation: {{.Text}}", map[string]any{"Text": ep.Situation})))
	}
	if ep.Coping != "" {
		box.Add(wrapped(lang.X("urge.detail.coping", "What helped: {{.Text}}", map[string]any{"Text": ep.Coping})))
	}
	var d dialog.Dialog
	closeBtn := widget.NewButton(lang.X("urge.detail.close", "Close"), func() { d.Hide() })
	buttons := container.NewHBox(closeBtn)
	if !ep.Finished && !h.isCurrent(r) {
		finish := widget.NewButton(lang.X("urge.interrupted.finish", "Add notes and finish"), func() {
			d.Hide()
			s.finishInterrupted(r)
		})
		finish.Importance = widget.HighImportance
		buttons.Add(finish)
	}
	d = dialog.NewCustomWithoutButtons(when(ep.Started),
		container.NewBorder(nil, container.NewCenter(buttons), nil, nil, container.NewVScroll(box)), s.a.win)
	d.Resize(fyne.NewSize(600, 580))
	s.showDialog(d)
}

// offer asks about an interrupted episode after unlock: resume it (if its
// last rating is recent enough), finish it, or leave it for later.
func (s *urgeScreen) offer(r journal.Record, now time.Time) {
	last := r.Urge.Samples[len(r.Urge.Samples)-1].At
	recent := now.Sub(last) <= rwpractice.SoftCap
	body := wrapped(lang.X("urge.offer.body", "Rewire closed while you were surfing an urge that started on {{.When}}. Your ratings are saved.", map[string]any{"When": when(r.Urge.Started)}))
	var d dialog.Dialog
	later := widget.NewButton(lang.X("urge.offer.later", "Later"), func() { d.Hide() })
	finish := widget.NewButton(lang.X("urge.interrupted.finish", "Add notes and finish"), func() {
		d.Hide()
		s.finishInterrupted(r)
	})
	buttons := container.NewHBox(later, finish)
	if recent {
		resume := widget.NewButtonWithIcon(lang.X("urge.offer.resume", "Resume surfing"), theme.MediaPlayIcon(), func() {
			d.Hide()
			s.resume(r)
		})
		resume.Importance = widget.HighImportance
		buttons.Add(resume)
	} else {
		finish.Importance = widget.HighImportance
	}
	d = dialog.NewCustomWithoutButtons(lang.X("urge.offer.title", "An urge session was interrupted"),
		container.NewVBox(body, container.NewCenter(buttons)), s.a.win)
	d.Resize(fyne.NewSize(480, 0))
	s.showDialog(d)
}
