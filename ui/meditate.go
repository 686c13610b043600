package ui

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	prac "github.com/rewirejournal/rewire/journal/practice"
	"github.com/rewirejournal/rewire/sound"
)

// Meditation timing: the timer ticks often enough that a bell starts
// within a twentieth of a second of its moment, and a sit is saved every
// half minute so a crash loses at most that.
const (
	medTickEvery = 50 * time.Millisecond
	medSaveEvery = 30 * time.Second
	bellGlow     = 3 * time.Second // how long the visual bell cue fades
)

// meditateScreen is the meditation timer: the setup with presets, the
// running sit, and the log of mindful minutes.
type meditateScreen struct {
	a    *App
	root *fyne.Container

	// setup
	setup                          fyne.CanvasObject
	presetSel                      *widget.Select
	presets                        []journal.Record
	openEnded                      *widget.RadioGroup
	minutes, warmUp, interval      *widget.Entry
	startBell, endBell, intervalBl *widget.Select
	errs                           map[string]*widget.Label
	status                         *saveStatus
	minutesToday                   *widget.Label
	recheckSound                   func()
	log                            *fyne.Container

	// running
	sit     *meditationRun
	loading bool
}

func newMeditateScreen(a *App) screen { return &meditateScreen{a: a} }

func (s *meditateScreen) Title() string       { return lang.X("meditate.nav", "Meditate") }
func (s *meditateScreen) Icon() fyne.Resource { return theme.MediaRecordIcon() }

// bellChoices are the bells offered, in order, with "none" last.
var bellChoices = []sound.Cue{sound.Bell, sound.Bowl, sound.Chime, sound.None}

func bellName(c sound.Cue) string {
	switch c {
	case sound.Bell:
		return lang.X("meditate.bell.bell", "Bell")
	case sound.Bowl:
		return lang.X("meditate.bell.bowl", "Singing bowl")
	case sound.Chime:
		return lang.X("meditate.bell.chime", "Chime")
	}
	return lang.X("meditate.bell.none", "None")
}

func bellSelect() *widget.Select {
	names := make([]string, len(bellChoices))
	for i, c := range bellChoices {
		names[i] = bellName(c)
	}
	return widget.NewSelect(names, nil)
}

func setBell(sel *widget.Select, name string) {
	i := slices.Index(bellChoices, sound.Cue(name))
	if i < 0 {
		i = 0
	}
	sel.SetSelectedIndex(i)
}

func selectedBell(sel *widget.Select) string {
	if i := sel.SelectedIndex(); i >= 0 {
		return string(bellChoices[i])
	}
	return prac.NoBell
}

func (s *meditateScreen) Content() fyne.CanvasObject {
	a := s.a
	s.errs = map[string]*widget.Label{}
	s.status = newSaveStatus()
	s.presetSel = widget.NewSelect(nil, func(string) { s.loadPreset() })
	s.presetSel.PlaceHolder = lang.X("meditate.preset.pick", "Choose a saved preset")
	fixed, open := lang.X("meditate.fixed", "Fixed length"), lang.X("meditate.open", "Open-ended")
	s.minutes = widget.NewEntry()
	s.openEnded = widget.NewRadioGroup([]string{fixed, open}, func(v string) {
		if v == open {
			s.minutes.Disable()
		} else {
			s.minutes.Enable()
		}
	})
	s.openEnded.Horizontal = true
	s.openEnded.Required = true
	s.warmUp, s.interval = widget.NewEntry(), widget.NewEntry()
	s.startBell, s.endBell, s.intervalBl = bellSelect(), bellSelect(), bellSelect()

	field := func(label, key string, w fyne.CanvasObject) fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		s.errs[key] = l
		return container.NewVBox(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), w, l)
	}
	unit := func(w fyne.CanvasObject, u string) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewLabel(u), w)
	}
	start := widget.NewButtonWithIcon(lang.X("meditate.start", "Begin"), theme.MediaPlayIcon(), s.start)
	start.Importance = widget.HighImportance
	savePreset := widget.NewButtonWithIcon(lang.X("meditate.preset.save", "Save as preset"), theme.DocumentSaveIcon(), s.askPresetName)
	delPreset := widget.NewButtonWithIcon("", theme.DeleteIcon(), s.confirmDeletePreset)
	delPreset.Importance = widget.LowImportance

	form := container.NewVBox(
		container.NewBorder(nil, nil, nil, delPreset, s.presetSel),
		field(lang.X("meditate.length", "Length (1 minute to 3 hours)"), prac.FieldDuration,
			container.NewVBox(s.openEnded, unit(s.minutes, lang.X("meditate.minutes", "minutes")))),
		field(lang.X("meditate.warmup", "Settling in before the first bell (0 to 60 s)"), prac.FieldWarmUp, unit(s.warmUp, lang.X("meditate.seconds", "seconds"))),
		container.NewGridWithColumns(2,
			field(lang.X("meditate.startbell", "Start bell"), prac.FieldStartBell, s.startBell),
			field(lang.X("meditate.endbell", "End bell"), prac.FieldEndBell, s.endBell)),
		container.NewGridWithColumns(2,
			field(lang.X("meditate.intervalbell", "Interval bell"), prac.FieldIntervalBell, s.intervalBl),
			field(lang.X("meditate.interval", "Every (0: none)"), prac.FieldInterval, unit(s.interval, lang.X("meditate.interval.unit", "min")))),
		container.NewHBox(start, savePreset),
		s.status.label,
	)
	s.minutesToday = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.log = container.NewVBox()
	soundRow, recheck := a.soundControls()
	s.recheckSound = recheck
	right := container.NewVBox(
		panel(lang.X("meditate.sound", "Sound"), soundRow),
		panel(lang.X("meditate.log.title", "Mindful minutes"), s.minutesToday, s.log),
	)
	s.setup = container.NewVScroll(container.NewPadded(container.NewVBox(
		screenHeading(lang.X("meditate.title", "Meditate")),
		container.NewBorder(nil, nil, nil, container.New(&widthLayout{width: 300}, right), panel(lang.X("meditate.setup", "Your sit"), form)))))
	s.root = container.NewStack(s.setup)
	s.fill(prac.DefaultMeditation())
	return s.root
}

// fill puts p into the form.
func (s *meditateScreen) fill(p prac.MeditationPreset) {
	if p.OpenEnded() {
		s.openEnded.SetSelected(s.openEnded.Options[1])
		s.minutes.SetText("10")
	} else {
		s.openEnded.SetSelected(s.openEnded.Options[0])
		s.minutes.SetText(numText(p.Duration.Minutes()))
	}
	s.warmUp.SetText(strconv.Itoa(int(p.WarmUp / time.Second)))
	s.interval.SetText(strconv.Itoa(int(p.Interval / time.Minute)))
	setBell(s.startBell, p.StartBell)
	setBell(s.endBell, p.EndBell)
	setBell(s.intervalBl, p.IntervalBell)
	for _, l := range s.errs {
		l.Hide()
	}
}

// form reads the preset the form describes; numbers that do not parse
// become values the practice package refuses, so they are marked.
func (s *meditateScreen) form() prac.MeditationPreset {
	p := prac.MeditationPreset{
		StartBell:    selectedBell(s.startBell),
		EndBell:      selectedBell(s.endBell),
		IntervalBell: selectedBell(s.intervalBl),
	}
	if s.presetSel.SelectedIndex() >= 0 {
		p.Name = s.presetSel.Selected
	}
	if s.openEnded.Selected != s.openEnded.Options[1] {
		p.Duration = -1
		if m := parseSeconds(s.minutes.Text); !math.IsNaN(m) && m > 0 {
			p.Duration = time.Duration(math.Round(m*60)) * time.Second
		}
	}
	p.WarmUp = -1
	if w := parseSeconds(s.warmUp.Text); w == math.Trunc(w) {
		p.WarmUp = time.Duration(w) * time.Second
	}
	p.Interval = -1
	if iv := parseSeconds(s.interval.Text); iv == math.Trunc(iv) {
		p.Interval = time.Duration(iv) * time.Minute
	}
	if p.Interval == 0 {
		p.IntervalBell = prac.NoBell
	}
	return p
}

// showErrors marks the fields err names; it reports whether there were any.
func (s *meditateScreen) showErrors(err error) bool {
	var fe *prac.FieldError
	errors.As(err, &fe)
	for f, l := range s.errs {
		if fe != nil && fe.Has(f) {
			l.SetText(medFieldMessage(f))
			l.Show()
		} else {
			l.Hide()
		}
	}
	return err != nil
}

func medFieldMessage(f string) string {
	switch f {
	case prac.FieldDuration:
		return lang.X("meditate.err.duration", "Choose 1 minute to 3 hours (180 minutes), or open-ended.")
	case prac.FieldWarmUp:
		return lang.X("meditate.err.warmup", "Settling in takes 0 to 60 whole seconds.")
	case prac.FieldInterval:
		return lang.X("meditate.err.interval", "Interval bells ring every 1 to 180 whole minutes; 0 for none.")
	}
	return lang.X("meditate.err.bell", "Choose a bell, or None.")
}

func (s *meditateScreen) Refresh() {
	if s.sit != nil || s.root == nil {
		return
	}
	s.recheckSound()
	s.loadPresets()
	s.drawLog()
}

func (s *meditateScreen) loadPresets() {
	s.presets = nil
	if j := s.a.Records(); j != nil {
		if recs, err := j.List(journal.Filter{Kinds: []journal.Kind{journal.KindMedPreset}}); err == nil {
			s.presets = recs
		}
	}
	slices.SortStableFunc(s.presets, func(x, y journal.Record) int {
		if x.MedPreset.SortOrder != y.MedPreset.SortOrder {
			return x.MedPreset.SortOrder - y.MedPreset.SortOrder
		}
		return strings.Compare(x.MedPreset.Name, y.MedPreset.Name)
	})
	names := make([]string, len(s.presets))
	for i, r := range s.presets {
		names[i] = r.MedPreset.Name
	}
	sel := s.presetSel.Selected
	s.loading = true
	s.presetSel.SetOptions(names)
	if !slices.Contains(names, sel) {
		s.presetSel.ClearSelected()
	}
	s.loading = false
}

func (s *meditateScreen) loadPreset() {
	if s.loading {
		return
	}
	if i := s.presetSel.SelectedIndex(); i >= 0 && i < len(s.presets) {
		s.a.Touch()
		s.fill(prac.PresetFromRecord(*s.presets[i].MedPreset))
	}
}

// drawLog shows today's mindful minutes and the days before.
func (s *meditateScreen) drawLog() {
	s.log.RemoveAll()
	j := s.a.Records()
	if j == nil {
		return
	}
	now := s.a.Now()
	from := now.AddDate(0, 0, -6).Format(journal.DateLayout)
	recs, err := j.List(journal.Filter{Kinds: []journal.Kind{journal.KindSession}, From: from, To: dayKey(now)})
	if err != nil {
		return
	}
	byDay := prac.MindfulMinutesByDay(recs)
	s.minutesToday.SetText(lang.X("meditate.log.today", "Today: {{.N}} mindful minutes", map[string]any{"N": byDay[dayKey(now)]}))
	for i := 1; i <= 6; i++ {
		d := now.AddDate(0, 0, -i)
		if n := byDay[d.Format(journal.DateLayout)]; n > 0 {
			s.log.Add(widget.NewLabel(lang.X("meditate.log.day", "{{.Date}}: {{.N}} min", map[string]any{"Date": FormatDate(d), "N": n})))
		}
	}
	var sits []journal.Record
	for _, r := range recs {
		if r.Session.Practice == prac.PracticeMeditation {
			sits = append(sits, r)
		}
	}
	if len(sits) > 0 {
		s.log.Add(widget.NewSeparator())
		s.log.Add(widget.NewLabelWithStyle(lang.X("meditate.log.recent", "Recent sits"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, r := range sits[:min(len(sits), 5)] {
		d, _ := time.Parse(journal.DateLayout, r.Date)
		line := fmt.Sprintf("%s · %s", FormatDate(d), formatSpan(time.Duration(r.Session.Seconds)*time.Second))
		if r.Session.Pattern != "" {
			line += " · " + r.Session.Pattern
		}
		s.log.Add(widget.NewLabel(line))
	}
	s.log.Refresh()
}

func (s *meditateScreen) askPresetName() {
	a := s.a
	a.Touch()
	p := s.form()
	p.Name = "x" // the name is asked next; check the rest first
	if s.showErrors(p.Validate()) {
		return
	}
	name := widget.NewEntry()
	name.SetText(s.presetSel.Selected)
	name.SetPlaceHolder(lang.X("meditate.preset.name.hint", "For example: Morning sit"))
	dialog.ShowForm(lang.X("meditate.preset.save", "Save as preset"), lang.X("meditate.preset.save.ok", "Save"), lang.X("meditate.preset.cancel", "Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.X("meditate.preset.name", "Name"), name)}, func(ok bool) {
			if ok {
				s.savePreset(name.Text)
			}
		}, a.win)
}

// savePreset saves the form as a preset called name, replacing one of
// the same name.
func (s *meditateScreen) savePreset(name string) {
	a := s.a
	p := s.form()
	p.Name = strings.TrimSpace(name)
	if err := p.Validate(); err != nil {
		var fe *prac.FieldError
		if errors.As(err, &fe) && fe.Has(prac.FieldName) {
			s.status.label.Importance = widget.WarningImportance
			s.status.label.SetText(lang.X("meditate.err.name", "A preset needs a name of up to 80 characters."))
		}
		s.showErrors(err)
		return
	}
	j := a.Records()
	if j == nil {
		return
	}
	r := &journal.Record{Kind: journal.KindMedPreset, Date: dayKey(a.Now())}
	order := len(s.presets)
	for _, old := range s.presets {
		if strings.EqualFold(old.MedPreset.Name, p.Name) {
			r.ID, r.Date, r.Created, order = old.ID, old.Date, old.Created, old.MedPreset.SortOrder
		}
	}
	mp := prac.PresetRecord(p, order)
	r.MedPreset = &mp
	if err := j.Save(r); err != nil {
		fyne.LogError("save meditation preset", err)
		s.status.failed()
		return
	}
	s.status.saved()
	s.loadPresets()
	s.loading = true
	s.presetSel.SetSelected(p.Name)
	s.loading = false
}

func (s *meditateScreen) confirmDeletePreset() {
	a := s.a
	i := s.presetSel.SelectedIndex()
	if i < 0 || i >= len(s.presets) {
		return
	}
	r := s.presets[i]
	dialog.ShowConfirm(lang.X("meditate.preset.delete", "Delete preset"),
		lang.X("meditate.preset.delete.ask", "Delete the preset “{{.Name}}”?", map[string]any{"Name": r.MedPreset.Name}), func(ok bool) {
			if !ok {
				return
			}
			if j := a.Records(); j != nil {
				if err := j.Delete(r.ID); err != nil {
					s.status.failed()
					return
				}
			}
			s.presetSel.ClearSelected()
			s.loadPresets()
		}, a.win)
}

// start begins a sit with the form's settings.
func (s *meditateScreen) start() {
	a := s.a
	a.Touch()
	m, err := prac.NewMeditation(s.form(), a.Now())
	if s.showErrors(err) {
		return
	}
	s.sit = newMeditationRun(a, m, func() {
		s.sit = nil
		s.root.Objects = []fyne.CanvasObject{s.setup}
		s.root.Refresh()
		s.Refresh()
	})
	s.root.Objects = []fyne.CanvasObject{s.sit.content}
	s.root.Refresh()
}

// practicing reports whether a sit runs: see [meditationRun.running].
func (s *meditateScreen) practicing(now time.Time) bool {
	return s.sit != nil && s.sit.running(now)
}

// Leave saves a sit in progress; it keeps running while another screen
// shows.
func (s *meditateScreen) Leave() {
	if s.sit != nil {
		s.sit.Leave()
	}
}

// meditationRun is a sit in progress: the time, the stage, the visual
// bell, pause and end.
type meditationRun struct {
	a    *App
	m    *prac.Meditation
	sh   *shell
	done func()

	content  fyne.CanvasObject
	stage    *widget.Label
	clock    *canvas.Text
	glow     *canvas.Circle
	bellText *widget.Label
	pauseBtn *widget.Button
	body     *fyne.Container
	status   *saveStatus

	rec      *journal.Record
	lastSave time.Time
	bellAt   time.Time // when the last bell rang, for the visual cue
	stopTick func()
	ended    bool
}

func newMeditationRun(a *App, m *prac.Meditation, done func()) *meditationRun {
	r := &meditationRun{a: a, m: m, sh: a.shell, done: done, status: newSaveStatus()}
	r.stage = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	r.stage.SizeName = theme.SizeNameSubHeadingText
	r.clock = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.clock.TextSize = 72
	r.clock.Alignment = fyne.TextAlignCenter
	r.clock.TextStyle.Monospace = true
	r.glow = canvas.NewCircle(color.Transparent)
	r.glow.StrokeWidth = 6
	r.bellText = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	r.pauseBtn = widget.NewButtonWithIcon(lang.X("meditate.pause", "Pause"), theme.MediaPauseIcon(), r.togglePause)
	end := widget.NewButtonWithIcon(lang.X("meditate.end", "End"), theme.MediaStopIcon(), r.stop)
	ring := container.New(&squareLayout{}, r.glow)
	face := container.NewStack(ring, container.NewCenter(r.clock))
	r.body = container.NewStack(container.NewBorder(
		container.NewVBox(heading(lang.X("meditate.title", "Meditate")), r.stage),
		container.NewVBox(r.bellText, container.NewCenter(container.NewHBox(r.pauseBtn, end)), r.status.label),
		nil, nil, face))
	r.content = r.body
	a.sounder().Prepare()
	a.meditation = r
	r.update(a.Now())
	r.stopTick = a.ticker()(medTickEvery, func() { r.update(r.a.Now()) })
	return r
}

// clockText is mm:ss, or h:mm:ss from an hour.
func clockText(d time.Duration) string {
	s := int(d / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// update ticks the sit: rings due bells, redraws, saves now and then.
func (r *meditationRun) update(now time.Time) {
	if r.ended {
		return
	}
	if r.a.shell != r.sh {
		r.halt() // locked: Leave saved the sit
		return
	}
	for _, b := range r.m.Tick(now) {
		r.ring(b, now)
	}
	st := r.m.State(now)
	switch {
	case st.Stage == prac.MeditationWarmUp:
		r.stage.SetText(lang.X("meditate.stage.warmup", "Settle in. The bell rings in a moment."))
		r.setClock(clockText(st.WarmUpLeft + time.Second - 1))
	case st.OpenEnded:
		r.stage.SetText(lang.X("meditate.stage.open", "Sitting, for as long as you like"))
		r.setClock(clockText(st.Elapsed))
	default:
		r.stage.SetText(lang.X("meditate.stage.fixed", "Sitting"))
		r.setClock(clockText(st.Remaining + time.Second - 1))
	}
	if st.Paused {
		r.stage.SetText(lang.X("meditate.stage.paused", "Paused"))
	}
	r.drawGlow(now)
	if st.Stage != prac.MeditationWarmUp && st.Elapsed > 0 && (r.rec == nil || now.Sub(r.lastSave) >= medSaveEvery) {
		r.save(now)
	}
	if st.Stage == prac.MeditationDone {
		r.finish(now)
	}
}

func (r *meditationRun) setClock(t string) {
	if r.clock.Text != t {
		r.clock.Text = t
		r.clock.Refresh()
	}
}

// ring plays a bell and starts its visual cue, shown whether or not
// there is sound.
func (r *meditationRun) ring(b prac.BellEvent, now time.Time) {
	var text string
	switch b.Kind {
	case prac.BellStart:
		text = lang.X("meditate.cue.start", "Start bell")
	case prac.BellInterval:
		text = lang.X("meditate.cue.interval", "Interval bell {{.N}}", map[string]any{"N": b.N})
	default:
		text = lang.X("meditate.cue.end", "End bell")
	}
	r.bellText.SetText(text)
	r.bellAt = now
	r.a.sounder().Play(sound.Cue(b.Bell))
}

// drawGlow fades the visual bell over bellGlow.
func (r *meditationRun) drawGlow(now time.Time) {
	var alpha uint8
	if !r.bellAt.IsZero() {
		if since := now.Sub(r.bellAt); since < bellGlow {
			alpha = uint8(200 * (1 - float64(since)/float64(bellGlow)))
		} else if r.bellText.Text != "" {
			r.bellText.SetText("")
		}
	}
	c := color.NRGBA{R: 0x3f, G: 0x8f, B: 0x87, A: alpha}
	if r.glow.StrokeColor != c {
		r.glow.StrokeColor = c
		r.glow.FillColor = color.NRGBA{R: 0x3f, G: 0x8f, B: 0x87, A: alpha / 4}
		r.glow.Refresh()
	}
}

func (r *meditationRun) save(now time.Time) {
	j := r.a.Records()
	if j == nil {
		return
	}
	rec := r.m.Record(now)
	if err := j.Save(rec); err != nil {
		fyne.LogError("save meditation", err)
		r.status.failed()
		return
	}
	r.rec, r.lastSave = rec, now
}

func (r *meditationRun) togglePause() {
	r.a.Touch()
	now := r.a.Now()
	paused := r.m.State(now).Paused
	if paused {
		r.m.Resume(now)
	} else {
		r.m.Pause(now)
	}
	setPauseButton(r.pauseBtn, !paused, lang.X("meditate.pause", "Pause"), lang.X("meditate.resume", "Resume"))
	r.update(now)
}

// stop ends the sit early (a cancel during the warm-up).
func (r *meditationRun) stop() {
	r.a.Touch()
	now := r.a.Now()
	for _, b := range r.m.Stop(now) {
		r.ring(b, now)
	}
	r.finish(now)
}

func (r *meditationRun) halt() {
	r.ended = true
	if r.stopTick != nil {
		r.stopTick()
	}
	if r.a.meditation == r {
		r.a.meditation = nil
	}
}

// finish saves the ended sit and says how long it was.
func (r *meditationRun) finish(now time.Time) {
	if r.ended {
		return
	}
	st := r.m.State(now)
	if r.rec != nil || st.Elapsed > 0 {
		r.save(now)
	}
	r.halt()
	r.a.Touch() // the idle time counts from the end of the sit
	msg := lang.X("meditate.done.cancelled", "No sit this time. That's all right.")
	if st.Elapsed > 0 {
		msg = lang.X("meditate.done.text", "You sat for {{.Time}}. Take a moment before you move on.", map[string]any{"Time": formatSpan(st.Elapsed)})
	}
	text := wrapped(msg)
	text.Alignment = fyne.TextAlignCenter
	back := widget.NewButtonWithIcon(lang.X("meditate.done.button", "Done"), theme.ConfirmIcon(), func() {
		r.a.Touch()
		r.done()
	})
	back.Importance = widget.HighImportance
	r.body.Objects = []fyne.CanvasObject{centered(520, heading(lang.X("meditate.done.title", "Your sit is complete")), text, r.bellText, container.NewCenter(back), r.status.label)}
	r.body.Refresh()
	r.drawGlow(now)
}

// running reports whether the sit goes on at now: warming up or sitting,
// not paused. An open-ended sit counts only up to [prac.MaxSit], the
// longest fixed one, so one left running does not keep the journal
// unlocked for ever.
func (r *meditationRun) running(now time.Time) bool {
	if r.ended || r.a.shell != r.sh {
		return false
	}
	st := r.m.State(now)
	return !st.Paused && st.Stage != prac.MeditationDone && (!st.OpenEnded || st.Elapsed < prac.MaxSit)
}

// Leave saves the sit as it is.
func (r *meditationRun) Leave() {
	if !r.ended && r.m.State(r.a.Now()).Stage != prac.MeditationWarmUp {
		r.save(r.a.Now())
	}
}

// squareLayout centres a square as large as fits.
type squareLayout struct{}

func (squareLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(200, 200) }

func (squareLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	d := min(size.Width, size.Height) * 0.9
	for _, o := range objs {
		o.Resize(fyne.NewSize(d, d))
		o.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
	}
}
