package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	prac "github.com/rewirejournal/rewire/journal/practice"
	"github.com/rewirejournal/rewire/sound"
)

// frameEvery is how often the guide redraws: about 30 frames a second,
// smooth enough for a shape that takes seconds to grow.
const frameEvery = 33 * time.Millisecond

// breathSaveEvery is how often a running session is saved, so a crash
// loses at most this much.
const breathSaveEvery = 15 * time.Second

// phaseLabel is the translated label of a breathing phase or SOBER step
// key from the practice package.
func phaseLabel(key string) string {
	switch key {
	case prac.KeyInhale:
		return lang.X("breathe.in", "Breathe in")
	case prac.KeyInhaleAgain:
		return lang.X("breathe.inagain", "And a little more")
	case prac.KeyHoldIn:
		return lang.X("breathe.holdin", "Hold")
	case prac.KeyExhale:
		return lang.X("breathe.out", "Breathe out")
	case prac.KeyHoldOut:
		return lang.X("breathe.holdout", "Rest")
	case prac.KeySOBERStop:
		return lang.X("breathe.sober.stop", "Stop. Pause where you are.")
	case prac.KeySOBERObserve:
		return lang.X("breathe.sober.observe", "Observe what is here: sensations in the body, feelings, thoughts.")
	case prac.KeySOBERBreathe:
		return lang.X("breathe.sober.breathe", "Breathe. Bring your attention to the breath, in and out.")
	case prac.KeySOBERExpand:
		return lang.X("breathe.sober.expand", "Expand your awareness to the whole body, just as it is.")
	case prac.KeySOBERRespond:
		return lang.X("breathe.sober.respond", "Respond: what would be kind and wise to do next?")
	}
	return ""
}

// phaseCue is the sound of the start of a phase.
func phaseCue(k prac.PhaseKind) sound.Cue {
	switch k {
	case prac.Inhale, prac.InhaleAgain:
		return sound.In
	case prac.Exhale:
		return sound.Out
	case prac.Step:
		return sound.Chime
	}
	return sound.Hold
}

// guideConfig says how a breathing guide runs and where it goes after.
type guideConfig struct {
	Pattern prac.Pattern
	// Save logs the session as it happens (false on the unlock screen,
	// where there is no vault to save to).
	Save bool
	// Before is the distress rating given before starting, or nil.
	Before *int
	// Finished is called once the user leaves the guide (after the
	// closing rating, when saving); the session is already saved.
	Finished func(s journal.PracticeSession)
}

// breathingView draws a running [prac.BreathingGuide]: a circle that
// grows and shrinks, the phase, the seconds left, the breath count.
type breathingView struct {
	a     *App
	cfg   guideConfig
	guide *prac.BreathingGuide
	rec   *journal.Record // the last saved version, nil before the first save

	circle   *canvas.Circle
	area     *fyne.Container
	phase    *widget.Label
	left     *widget.Label
	count    *widget.Label
	pauseBtn *widget.Button
	stopBtn  *widget.Button
	body     *fyne.Container // the guide, then the closing rating
	status   *saveStatus
	after    *distressPicker // the closing rating, once shown

	size     float64
	step     int // the step of the last update, -1 before the first
	lastSave time.Time
	stopTick func()
	ended    bool
	left_    bool // Finished has been called
	sh       *shell
	// onFrame, if set, is told the time of each frame (frame-pacing
	// measurements: [MeasureGuideFrames]).
	onFrame func(time.Time)
}

// newBreathingView starts cfg.Pattern now. It saves nothing until the
// first frame.
func (a *App) newBreathingView(cfg guideConfig) (*breathingView, error) {
	now := a.Now()
	g, err := prac.NewBreathingGuide(cfg.Pattern, a.breathingSince(), now)
	if err != nil {
		return nil, err
	}
	if err := g.SetDistress(cfg.Before, nil); err != nil {
		return nil, err
	}
	v := &breathingView{a: a, cfg: cfg, guide: g, step: -1, sh: a.shell}
	v.circle = canvas.NewCircle(color.NRGBA{R: 0x3f, G: 0x8f, B: 0x87, A: 0x99})
	v.circle.StrokeColor = theme.Color(theme.ColorNamePrimary)
	v.circle.StrokeWidth = 2
	v.area = container.New(v, v.circle)
	v.phase = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	v.phase.SizeName = theme.SizeNameHeadingText
	v.phase.Wrapping = fyne.TextWrapWord
	v.left = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	v.left.SizeName = theme.SizeNameSubHeadingText
	v.count = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	v.count.Importance = widget.LowImportance
	v.status = newSaveStatus()
	v.status.label.Alignment = fyne.TextAlignCenter
	v.pauseBtn = widget.NewButtonWithIcon(lang.X("breathe.pause", "Pause"), theme.MediaPauseIcon(), v.togglePause)
	v.stopBtn = widget.NewButtonWithIcon(lang.X("breathe.done", "Done"), theme.MediaStopIcon(), v.stop)
	title := patternTitle(cfg.Pattern)
	if !cfg.Save {
		title = lang.X("breathe.title", "Breathe")
	}
	top := container.NewVBox(heading(title))
	if !cfg.Save {
		intro := wrapped(lang.X("breathe.intro", "Box breathing: in for four, hold for four, out for four, rest for four. Nothing is saved."))
		intro.Alignment = fyne.TextAlignCenter
		top.Add(intro)
	}
	bottom := container.NewVBox(v.phase, v.left, v.count, container.NewCenter(container.NewHBox(v.pauseBtn, v.stopBtn)), v.status.label)
	v.body = container.NewStack(container.NewBorder(top, bottom, nil, nil, v.area))
	a.breathing = v
	if cfg.Save {
		a.sounder().Prepare()
	}
	v.update(now)
	v.stopTick = a.ticker()(frameEvery, func() { v.update(v.a.Now()) })
	return v, nil
}

// Content is the guide's root object.
func (v *breathingView) Content() fyne.CanvasObject { return v.body }

// breathingSince is when the user first practised breathing, for the
// first-month cap on 4-7-8; zero (the first month) when unknown.
func (a *App) breathingSince() time.Time {
	t, err := time.ParseInLocation(journal.DateLayout, a.settings.BreathingSince, time.Local)
	if err != nil {
		return time.Time{}
	}
	return t
}

// update redraws the guide for now, plays the cue of a new phase and
// saves the session every so often.
func (v *breathingView) update(now time.Time) {
	if v.ended {
		return
	}
	if v.onFrame != nil {
		v.onFrame(time.Now())
	}
	if v.cfg.Save && v.a.shell != v.sh {
		v.halt() // locked meanwhile: Leave has saved what there was
		return
	}
	st := v.guide.Tick(now)
	if text := phaseLabel(st.Key); v.phase.Text != text {
		v.phase.SetText(text)
	}
	left := strconv.Itoa(st.Seconds)
	if st.Paused {
		left = lang.X("breathe.paused", "Paused")
	}
	if v.left.Text != left {
		v.left.SetText(left)
	}
	count := lang.X("breathe.count", "Breath {{.N}} of {{.Total}}", map[string]any{"N": st.Cycle, "Total": st.Cycles})
	if v.cfg.Pattern.Name == prac.PresetSOBER || !v.cfg.Save {
		count = "" // guided steps, or open-ended box breathing before unlock
	}
	if v.count.Text != count {
		v.count.SetText(count)
	}
	if st.Step != v.step && !st.Done {
		if v.step >= 0 || st.Step == 0 {
			v.cue(st.Kind)
		}
		v.step = st.Step
	}
	v.size = st.Size
	v.Layout(v.area.Objects, v.area.Size())
	v.area.Refresh()
	if v.cfg.Save && st.Elapsed >= time.Second && (v.rec == nil || now.Sub(v.lastSave) >= breathSaveEvery) {
		v.save(now)
	}
	if st.Done {
		v.finish(now)
	}
}

func (v *breathingView) cue(k prac.PhaseKind) {
	if v.a.fyne.Preferences().BoolWithFallback(prefBreathCues, true) {
		v.a.sounder().Play(phaseCue(k))
	}
}

// save writes the session as it is at now; the first save of a breathing
// session also marks the start of the user's breathing prac.
func (v *breathingView) save(now time.Time) {
	j := v.a.Records()
	if j == nil {
		return
	}
	r := v.guide.Record(now)
	if v.rec != nil {
		r.Created = v.rec.Created
	}
	if err := j.Save(r); err != nil {
		fyne.LogError("save breathing session", err)
		v.status.failed()
		return
	}
	v.rec, v.lastSave = r, now
	if v.a.settings.BreathingSince == "" {
		st := v.a.settings
		st.BreathingSince = r.Date
		if err := v.a.SaveSettings(st); err != nil {
			fyne.LogError("save settings", err)
		}
	}
}

func (v *breathingView) togglePause() {
	v.a.Touch()
	now := v.a.Now()
	paused := v.guide.Tick(now).Paused
	if paused {
		v.guide.Resume(now)
	} else {
		v.guide.Pause(now)
	}
	setPauseButton(v.pauseBtn, !paused, lang.X("breathe.pause", "Pause"), lang.X("breathe.resume", "Resume"))
	v.update(now)
}

// setPauseButton shows what a pause button would do next: resume when
// paused, else pause.
func setPauseButton(b *widget.Button, paused bool, pause, resume string) {
	if paused {
		b.SetText(resume)
		b.SetIcon(theme.MediaPlayIcon())
		return
	}
	b.SetText(pause)
	b.SetIcon(theme.MediaPauseIcon())
}

// stop ends the session early (or closes it, when done).
func (v *breathingView) stop() {
	v.a.Touch()
	now := v.a.Now()
	v.guide.Stop(now)
	v.update(now)
	v.finish(now)
}

// halt stops drawing.
func (v *breathingView) halt() {
	v.ended = true
	if v.stopTick != nil {
		v.stopTick()
	}
	if v.a.breathing == v {
		v.a.breathing = nil
	}
}

// finish saves the ended session and asks how the user feels now, or,
// when nothing is saved, goes straight back.
func (v *breathingView) finish(now time.Time) {
	if v.ended {
		return
	}
	v.guide.Stop(now)
	if v.cfg.Save && (v.rec != nil || v.guide.Session(now).Seconds > 0) {
		v.save(now) // a session stopped before its first second is not one
	}
	v.halt()
	v.a.Touch() // the idle time counts from the end of the practice
	if !v.cfg.Save {
		v.leave()
		return
	}
	v.showAfter(now)
}

// close ends the session now and saves it, without the closing rating,
// and stops drawing. The after page, if it shows, already saved its
// rating as it was chosen.
func (v *breathingView) close() {
	if v.ended {
		return
	}
	now := v.a.Now()
	v.guide.Stop(now)
	if v.cfg.Save && (v.rec != nil || v.guide.Session(now).Seconds > 0) {
		v.save(now)
	}
	v.halt()
}

// running reports whether the guide is breathing (neither paused nor
// ended) at now.
func (v *breathingView) running(now time.Time) bool {
	if v.ended {
		return false
	}
	st := v.guide.Tick(now)
	return !st.Paused && !st.Done
}

// showAfter is the closing page: what was breathed, and the optional
// distress rating after.
func (v *breathingView) showAfter(now time.Time) {
	s := v.guide.Session(now)
	done := wrapped(lang.X("breathe.after.done", "Well done. You breathed for {{.Time}}.", map[string]any{"Time": formatSpan(time.Duration(s.Seconds) * time.Second)}))
	done.Alignment = fyne.TextAlignCenter
	var rating *distressPicker
	saveAfter := func() {
		if rating == nil || rating.value() == nil {
			return
		}
		if err := v.guide.SetDistress(v.cfg.Before, rating.value()); err == nil {
			v.save(now)
		}
	}
	rating = newDistressPicker(lang.X("breathe.after.ask", "How distressed do you feel now, from 0 (calm) to 10 (the worst)? You can skip this."), saveAfter)
	v.after = rating
	finish := widget.NewButtonWithIcon(lang.X("breathe.after.finish", "Finish"), theme.ConfirmIcon(), func() {
		v.a.Touch()
		saveAfter()
		v.leave()
	})
	finish.Importance = widget.HighImportance
	v.body.Objects = []fyne.CanvasObject{centered(560, heading(lang.X("breathe.after.title", "How are you now?")), done, rating.Content(), container.NewCenter(finish), v.status.label)}
	v.body.Refresh()
}

// leave hands the session to whoever started the guide.
func (v *breathingView) leave() {
	if v.left_ {
		return
	}
	v.left_ = true
	if v.cfg.Finished != nil {
		v.cfg.Finished(v.guide.Session(v.a.Now()))
	}
}

// Leave pauses a session in progress and saves it (the screen is being
// left or the app locked): a guide nobody sees is not breathed with, and
// Resume carries on when the user comes back.
func (v *breathingView) Leave() {
	if v.ended {
		return
	}
	now := v.a.Now()
	if !v.guide.Tick(now).Paused {
		v.togglePause()
	}
	if v.cfg.Save && v.guide.Session(now).Seconds > 0 {
		v.save(now)
	}
}

// MinSize and Layout make breathingView the circle's layout.
func (v *breathingView) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(160, 160) }

func (v *breathingView) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	full := min(size.Width, size.Height) * 0.9
	d := full * float32(0.3+0.7*v.size)
	for _, o := range objs {
		o.Resize(fyne.NewSize(d, d))
		o.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
	}
}

// showBreathing shows box breathing over the whole window, saving
// nothing (the unlock screen's "Breathe"); done returns to where the user
// was.
func (a *App) showBreathing(done func()) {
	box, _ := prac.PresetByName(prac.PresetBox)
	// Without a vault there is no first session to remember: keep going
	// until the user is done.
	box.Length = 60 * time.Minute
	v, err := a.newBreathingView(guideConfig{Pattern: box, Finished: func(journal.PracticeSession) { done() }})
	if err != nil {
		fyne.LogError("breathing guide", err)
		done()
		return
	}
	a.setContent(v.Content())
}

// formatSpan is a short duration: "45 s", "4 min", "1 h 5 min".
func formatSpan(d time.Duration) string {
	switch {
	case d < time.Minute:
		return lang.X("breathe.span.s", "{{.S}} s", map[string]any{"S": int(d / time.Second)})
	case d < time.Hour:
		return lang.X("breathe.span.m", "{{.M}} min", map[string]any{"M": int(d / time.Minute)})
	}
	return lang.X("breathe.span.hm", "{{.H}} h {{.M}} min", map[string]any{"H": int(d / time.Hour), "M": int(d%time.Hour) / int(time.Minute)})
}

// distressPicker is the optional 0–10 distress rating: a short list that
// may be left unrated.
type distressPicker struct {
	sel *widget.Select
	box *fyne.Container
}

func newDistressPicker(question string, changed func()) *distressPicker {
	opts := make([]string, 11)
	for i := range opts {
		opts[i] = strconv.Itoa(i)
	}
	d := &distressPicker{}
	d.sel = widget.NewSelect(opts, func(string) {
		if changed != nil {
			changed()
		}
	})
	d.sel.PlaceHolder = lang.X("breathe.distress.none", "Not rated")
	d.box = container.NewVBox(wrapped(question), container.NewHBox(d.sel))
	return d
}

func (d *distressPicker) Content() fyne.CanvasObject { return d.box }

// set chooses rating n.
func (d *distressPicker) set(n int) { d.sel.SetSelectedIndex(n) }

// clear leaves the rating unrated.
func (d *distressPicker) clear() { d.sel.ClearSelected() }

// value is the rating, or nil when none is chosen.
func (d *distressPicker) value() *int {
	if i := d.sel.SelectedIndex(); i >= 0 {
		return &i
	}
	return nil
}
