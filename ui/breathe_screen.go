package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	prac "github.com/rewirejournal/rewire/journal/practice"
)

// breatheScreen is the Breathe screen of the navigation: the patterns,
// the user's own ones, and the guide.
type breatheScreen struct {
	a     *App
	panel *breathingPanel
}

func newBreatheScreen(a *App) screen { return &breatheScreen{a: a} }

func (s *breatheScreen) Title() string       { return lang.X("breathe.nav", "Breathe") }
func (s *breatheScreen) Icon() fyne.Resource { return theme.MediaPlayIcon() }

func (s *breatheScreen) Content() fyne.CanvasObject {
	s.panel = s.a.newBreathingPanel(nil)
	return s.panel.Content()
}

func (s *breatheScreen) Refresh() {
	if s.panel != nil {
		s.panel.refresh()
	}
}

// practicing reports whether the screen's guide is breathing.
func (s *breatheScreen) practicing(now time.Time) bool {
	return s.panel != nil && s.panel.practicing(now)
}

// Leave saves a session in progress (the screen may never have been shown).
func (s *breatheScreen) Leave() {
	if s.panel != nil {
		s.panel.Leave()
	}
}

// breathingPanel is the whole breathing practice as one object: the list
// of patterns (with the optional distress rating before), the pattern
// editor, the guide and the closing rating. The Breathe screen shows it,
// and urge surfing embeds it to breathe in the middle of a craving.
type breathingPanel struct {
	a      *App
	onDone func(journal.PracticeSession)

	root    *fyne.Container // shows one page at a time
	list    fyne.CanvasObject
	presets *fyne.Container
	mine    *fyne.Container
	recent  *fyne.Container
	before  *distressPicker
	cycles  *widget.Select // how many 4-7-8 breaths
	status  *saveStatus

	recheckSound func()

	custom []*journal.Record // the user's patterns, in their order
	guide  *breathingView
	editor *patternEditor
}

// newBreathingPanel builds the breathing practice. onDone, if not nil, is
// called with each session once the user finishes it (after the closing
// rating; the session is saved and the list shows again). A
// caller that embeds the panel gives its own way back, and calls
// [breathingPanel.close] when the user takes it.
func (a *App) newBreathingPanel(onDone func(journal.PracticeSession)) *breathingPanel {
	p := &breathingPanel{a: a, onDone: onDone}
	p.presets = container.NewVBox()
	p.mine = container.NewVBox()
	p.recent = container.NewVBox()
	p.status = newSaveStatus()
	p.before = newDistressPicker(lang.X("breathe.before.ask", "How distressed do you feel, from 0 (calm) to 10 (the worst)? You can skip this."), nil)
	var opts []string
	for n := 4; n <= 8; n++ {
		opts = append(opts, lang.X("breathe.cycles", "{{.N}} breaths", map[string]any{"N": n}))
	}
	p.cycles = widget.NewSelect(opts, nil)
	p.cycles.SetSelectedIndex(0)

	newBtn := widget.NewButtonWithIcon(lang.X("breathe.mine.new", "New pattern"), theme.ContentAddIcon(), func() { p.edit(nil) })
	top := []fyne.CanvasObject{screenHeading(lang.X("breathe.nav", "Breathe"))}
	cues := widget.NewCheck(lang.X("breathe.sound.cues", "A soft sound at each phase"), func(on bool) {
		a.fyne.Preferences().SetBool(prefBreathCues, on)
	})
	cues.SetChecked(a.fyne.Preferences().BoolWithFallback(prefBreathCues, true))
	left := container.NewVBox(
		panel(lang.X("breathe.presets.title", "Breathing exercises"), p.presets),
		panel(lang.X("breathe.mine.title", "Your patterns"), p.mine, container.NewHBox(newBtn), p.status.label),
	)
	soundRow, recheck := a.soundControls()
	p.recheckSound = recheck
	right := container.NewVBox(
		panel(lang.X("breathe.before.title", "Before you start"), p.before.Content()),
		panel(lang.X("breathe.sound.title", "Sound"), soundRow, cues),
		panel(lang.X("breathe.recent.title", "Recent sessions"), p.recent),
	)
	p.list = container.NewVScroll(container.NewPadded(container.NewVBox(append(top, container.NewGridWithColumns(2, left, right))...)))
	p.root = container.NewStack(p.list)
	p.refresh()
	return p
}

// Content is the panel's root object.
func (p *breathingPanel) Content() fyne.CanvasObject { return p.root }

// Leave saves a session in progress.
func (p *breathingPanel) Leave() {
	if p.guide != nil {
		p.guide.Leave()
	}
}

// close ends a guide in progress and saves what was breathed, without
// the closing rating (the user chose to go back to what they were doing),
// and shows the list again.
func (p *breathingPanel) close() {
	if p.guide == nil {
		return
	}
	p.guide.close()
	p.guide = nil
	p.before.clear()
	p.refresh()
	p.show(p.list)
}

// practicing reports whether the panel's guide is running (not paused)
// at now.
func (p *breathingPanel) practicing(now time.Time) bool {
	return p.guide != nil && p.guide.running(now)
}

func (p *breathingPanel) show(obj fyne.CanvasObject) {
	p.root.Objects = []fyne.CanvasObject{obj}
	p.root.Refresh()
}

// refresh reloads the user's patterns and recent sessions and redraws the
// list (not while a guide or the editor shows).
func (p *breathingPanel) refresh() {
	p.custom = nil
	var sessions []journal.Record
	if j := p.a.Records(); j != nil {
		if recs, err := j.List(journal.Filter{Kinds: []journal.Kind{journal.KindPattern}}); err == nil {
			for i := range recs {
				p.custom = append(p.custom, &recs[i])
			}
			prac.SortPatterns(p.custom)
		}
		if recs, err := j.List(journal.Filter{Kinds: []journal.Kind{journal.KindSession}}); err == nil {
			for _, r := range recs {
				if r.Session.Practice == prac.PracticeBreathing {
					sessions = append(sessions, r)
				}
			}
		}
	}
	if p.recheckSound != nil {
		p.recheckSound()
	}
	p.drawPresets()
	p.drawMine()
	p.drawRecent(sessions)
}

func (p *breathingPanel) drawPresets() {
	p.presets.RemoveAll()
	now := p.a.Now()
	since := p.a.breathingSince()
	for _, pat := range prac.Presets() {
		title := widget.NewLabelWithStyle(patternTitle(pat), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		desc := wrapped(presetDescription(pat.Name))
		desc.SizeName = theme.SizeNameCaptionText
		start := widget.NewButtonWithIcon(lang.X("breathe.start", "Start"), theme.MediaPlayIcon(), func() { p.startPreset(pat.Name) })
		row := container.NewVBox(container.NewBorder(nil, nil, nil, start, title), desc)
		if pat.Name == prac.Preset478 {
			if pat.CycleLimit(since, now) == pat.FirstMonthCycles {
				p.cycles.SetSelectedIndex(0)
				p.cycles.Disable()
				note := wrapped(lang.X("breathe.478.firstmonth", "During your first month of practice: at most {{.N}} breaths at a time, as taught.", map[string]any{"N": pat.FirstMonthCycles}))
				note.SizeName = theme.SizeNameCaptionText
				note.Importance = widget.WarningImportance
				row.Add(note)
			} else {
				p.cycles.Enable()
			}
			row.Add(container.NewHBox(p.cycles))
		}
		p.presets.Add(row)
		p.presets.Add(widget.NewSeparator())
	}
	p.presets.Refresh()
}

// presetDescription says what a preset does.
func presetDescription(name string) string {
	switch name {
	case prac.PresetBox:
		return lang.X("breathe.preset.box.about", "In for 4, hold for 4, out for 4, rest for 4. Steadies you when you feel keyed up. 4 minutes.")
	case prac.Preset478:
		return lang.X("breathe.preset.478.about", "In for 4, hold for 7, out slowly for 8. Calms the body before sleep or after a shock.")
	case prac.PresetCoherent:
		return lang.X("breathe.preset.coherent.about", "In for 5.5 seconds, out for 5.5: about five breaths a minute. 5 minutes.")
	case prac.PresetSighing:
		return lang.X("breathe.preset.sighing.about", "A deep breath in, a short extra sip of air, then a long, slow breath out. 5 minutes.")
	case prac.PresetSOBER:
		return lang.X("breathe.preset.sober.about", "A three-minute breathing space for a hard moment: Stop, Observe, Breathe, Expand, Respond.")
	}
	return ""
}

// patternTitle is a pattern's name as shown: a preset's translated
// title, or the user's own name.
func patternTitle(p prac.Pattern) string {
	if !p.Preset {
		return p.Name
	}
	return presetTitle(p.Name)
}

func presetTitle(name string) string {
	switch name {
	case prac.PresetBox:
		return lang.X("breathe.preset.box", "Box breathing")
	case prac.Preset478:
		return lang.X("breathe.preset.4-7-8", "4-7-8 breathing")
	case prac.PresetCoherent:
		return lang.X("breathe.preset.coherent", "Coherent breathing")
	case prac.PresetSighing:
		return lang.X("breathe.preset.cyclic-sighing", "Cyclic sighing")
	case prac.PresetSOBER:
		return lang.X("breathe.preset.sober", "SOBER breathing space")
	}
	return name
}

// customDescription is a pattern's timings: "4 s in · 7 s hold · 8 s out · 4 min".
func customDescription(bp journal.BreathingPattern) string {
	s := numText
	parts := []string{lang.X("breathe.desc.in", "{{.S}} s in", map[string]any{"S": s(bp.Inhale)})}
	if bp.HoldIn > 0 {
		parts = append(parts, lang.X("breathe.desc.holdin", "{{.S}} s hold", map[string]any{"S": s(bp.HoldIn)}))
	}
	parts = append(parts, lang.X("breathe.desc.out", "{{.S}} s out", map[string]any{"S": s(bp.Exhale)}))
	if bp.HoldOut > 0 {
		parts = append(parts, lang.X("breathe.desc.holdout", "{{.S}} s rest", map[string]any{"S": s(bp.HoldOut)}))
	}
	if bp.Cycles > 0 {
		parts = append(parts, lang.X("breathe.cycles", "{{.N}} breaths", map[string]any{"N": bp.Cycles}))
	} else {
		parts = append(parts, lang.X("breathe.desc.minutes", "{{.M}} min", map[string]any{"M": s(bp.Minutes)}))
	}
	return strings.Join(parts, " · ")
}

func (p *breathingPanel) drawMine() {
	p.mine.RemoveAll()
	if len(p.custom) == 0 {
		p.mine.Add(wrapped(lang.X("breathe.mine.none", "Make your own pattern: choose how long to breathe in, hold, breathe out and rest.")))
	}
	for i, r := range p.custom {
		bp := *r.Pattern
		title := widget.NewLabelWithStyle(bp.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Truncation = fyne.TextTruncateEllipsis
		desc := wrapped(customDescription(bp))
		desc.SizeName = theme.SizeNameCaptionText
		start := widget.NewButtonWithIcon(lang.X("breathe.start", "Start"), theme.MediaPlayIcon(), func() { p.startCustom(r) })
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { p.edit(r) })
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.move(i, i-1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.move(i, i+1) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.confirmDelete(r) })
		for _, b := range []*widget.Button{edit, up, down, del} {
			b.Importance = widget.LowImportance
		}
		if i == 0 {
			up.Disable()
		}
		if i == len(p.custom)-1 {
			down.Disable()
		}
		tools := container.NewHBox(edit, up, down, del, start)
		p.mine.Add(container.NewBorder(nil, nil, nil, tools, container.NewVBox(title, desc)))
	}
	p.mine.Refresh()
}

func (p *breathingPanel) drawRecent(sessions []journal.Record) {
	p.recent.RemoveAll()
	if len(sessions) == 0 {
		p.recent.Add(wrapped(lang.X("breathe.recent.none", "Your breathing sessions will be listed here.")))
	}
	for _, r := range sessions[:min(len(sessions), 5)] {
		p.recent.Add(wrapped(sessionLine(r)))
	}
	p.recent.Refresh()
}

// sessionLine is one logged breathing session: date, pattern, length,
// distress before and after.
func sessionLine(r journal.Record) string {
	s := r.Session
	d, _ := time.Parse(journal.DateLayout, r.Date)
	name := s.Pattern
	// A custom pattern cannot take a preset's name, so the name alone
	// tells (sessions logged before the Preset flag have only the name).
	if _, ok := prac.PresetByName(s.Pattern); ok || s.Preset {
		name = presetTitle(s.Pattern)
	}
	line := fmt.Sprintf("%s · %s · %s", FormatDate(d), name, formatSpan(time.Duration(s.Seconds)*time.Second))
	if s.DistressBefore != nil || s.DistressAfter != nil {
		dash := func(n *int) string {
			if n == nil {
				return "–"
			}
			return strconv.Itoa(*n)
		}
		line += " · " + lang.X("breathe.recent.distress", "distress {{.Before}} → {{.After}}", map[string]any{"Before": dash(s.DistressBefore), "After": dash(s.DistressAfter)})
	}
	return line
}

func (p *breathingPanel) startPreset(name string) {
	pat, ok := prac.PresetByName(name)
	if !ok {
		return
	}
	if name == prac.Preset478 {
		pat.Cycles = 4 + max(p.cycles.SelectedIndex(), 0)
	}
	p.start(pat)
}

func (p *breathingPanel) startCustom(r *journal.Record) {
	pat, err := prac.CustomPattern(*r.Pattern)
	if err != nil {
		p.status.failed()
		return
	}
	p.start(pat)
}

// start runs pat in the guide.
func (p *breathingPanel) start(pat prac.Pattern) {
	a := p.a
	a.Touch()
	g, err := a.newBreathingView(guideConfig{Pattern: pat, Save: a.Records() != nil, Before: p.before.value(), Finished: func(s journal.PracticeSession) {
		p.guide = nil
		p.before.clear()
		p.refresh()
		p.show(p.list)
		if p.onDone != nil {
			p.onDone(s)
		}
	}})
	if err != nil {
		fyne.LogError("breathing guide", err)
		return
	}
	p.guide = g
	p.show(g.Content())
}

// move puts the pattern at from at to and saves the new order.
func (p *breathingPanel) move(from, to int) {
	p.a.Touch()
	changed, err := prac.Reorder(p.custom, from, to)
	if err != nil {
		return
	}
	j := p.a.Records()
	if j == nil {
		return
	}
	for _, r := range changed {
		if err := j.Save(r); err != nil {
			fyne.LogError("save pattern order", err)
			p.status.failed()
			break
		}
	}
	p.refresh()
}

func (p *breathingPanel) confirmDelete(r *journal.Record) {
	p.a.Touch()
	msg := lang.X("breathe.mine.delete.ask", "Delete the pattern “{{.Name}}”? Sessions you breathed with it stay in your log.", map[string]any{"Name": r.Pattern.Name})
	dialog.ShowConfirm(lang.X("breathe.mine.delete.title", "Delete pattern"), msg, func(ok bool) {
		if ok {
			p.delete(r)
		}
	}, p.a.win)
}

func (p *breathingPanel) delete(r *journal.Record) {
	j := p.a.Records()
	if j == nil {
		return
	}
	if err := j.Delete(r.ID); err != nil {
		fyne.LogError("delete pattern", err)
		p.status.failed()
		return
	}
	p.refresh()
}

// edit opens the pattern editor for r, or for a new pattern when r is nil.
func (p *breathingPanel) edit(r *journal.Record) {
	p.a.Touch()
	p.editor = newPatternEditor(p.a, r, p.custom, func(saved bool) {
		p.editor = nil
		if saved {
			p.status.saved()
		}
		p.refresh()
		p.show(p.list)
	})
	p.show(p.editor.Content())
}
