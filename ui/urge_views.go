package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	rwpractice "github.com/rewirejournal/rewire/journal/practice"
)

// guideText is the translated text of a guidance step key from
// [rwpractice.UrgeGuideSteps].
func guideText(key string) string {
	switch key {
	case rwpractice.GuideNotice:
		return lang.X("urge.guide.notice", "Notice the urge and name it: this is a craving. You don't have to do anything about it.")
	case rwpractice.GuideBody:
		return lang.X("urge.guide.body", "Where do you feel it in your body? Your chest, your stomach, your hands, your mouth? Notice each sensation, one by one.")
	case rwpractice.GuideBreathe:
		return lang.X("urge.guide.breathe", "Breathe slowly. Let each breath be an anchor while the urge is here.")
	case rwpractice.GuideRise:
		return lang.X("urge.guide.rise", "Watch it like a wave. It rises, and it may feel very strong. That's all right.")
	case rwpractice.GuidePeak:
		return lang.X("urge.guide.peak", "Urges peak and then fall, usually within half an hour. This one will too.")
	case rwpractice.GuideRide:
		return lang.X("urge.guide.ride", "Ride the wave. You don't have to act on it.")
	case rwpractice.GuideCurious:
		return lang.X("urge.guide.curious", "Notice how it changes, with curiosity: stronger, weaker, moving somewhere else.")
	}
	return ""
}

// ratingRow is the 0–10 scale as eleven buttons, one tap each, with the
// ends named.
func ratingRow(rate func(int)) (fyne.CanvasObject, []*widget.Button) {
	grid := container.NewGridWithColumns(11)
	btns := make([]*widget.Button, 11)
	for i := range btns {
		btns[i] = widget.NewButton(fmt.Sprint(i), func() { rate(i) })
		grid.Add(btns[i])
	}
	low := urgeCaption(lang.X("urge.scale.low", "0 = no urge"))
	high := urgeCaption(lang.X("urge.scale.high", "10 = the strongest"))
	high.Alignment = fyne.TextAlignTrailing
	return container.NewVBox(grid, container.NewGridWithColumns(2, low, high)), btns
}

// caption is a small, quiet line of text.
func urgeCaption(text string) *widget.Label {
	l := wrapped(text)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// startView asks for the first rating.
func (s *urgeScreen) startView() fyne.CanvasObject {
	row, _ := ratingRow(s.begin)
	calm := wrapped(lang.X("urge.start.calm", "You're here, and that's already a good step. You don't have to act on this urge. Let's watch it together: it will rise, peak and pass."))
	ask := widget.NewLabelWithStyle(lang.X("urge.start.ask", "How strong is the urge right now?"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ask.SizeName = theme.SizeNameSubHeadingText
	ask.Wrapping = fyne.TextWrapWord
	back := widget.NewButtonWithIcon(lang.X("urge.start.cancel", "Not now"), theme.NavigateBackIcon(), func() { s.setView(urgeHome) })
	back.Importance = widget.LowImportance
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		screenHeading(s.Title()), calm, ask, row, container.NewHBox(back))))
}

// urgeRunView is the running session: the guidance, the prompt to rate,
// the live wave and the ways out.
type urgeRunView struct {
	guide   *widget.Label
	elapsed *widget.Label
	prompt  *widget.Label
	next    *widget.Label
	btns    []*widget.Button
	wave    *waveView
	suggest *fyne.Container
	softCap *fyne.Container

	due     bool
	ratings int           // ratings drawn on the wave
	span    time.Duration // time axis drawn on the wave
}

// waveStep is how often the live wave's time axis moves on between
// ratings.
const waveStep = 30 * time.Second

func (s *urgeScreen) runView() fyne.CanvasObject {
	v := &urgeRunView{}
	s.run = v
	v.guide = wrapped("")
	v.guide.SizeName = theme.SizeNameSubHeadingText
	v.elapsed = widget.NewLabel("")
	v.prompt = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.prompt.Wrapping = fyne.TextWrapWord
	v.next = urgeCaption("")
	var row fyne.CanvasObject
	row, v.btns = ratingRow(s.rate)
	v.wave = newWaveView(false, fyne.NewSize(300, 160))
	v.ratings = -1

	endNow := widget.NewButtonWithIcon(lang.X("urge.suggest.end", "End and note what helped"), theme.ConfirmIcon(), s.toEnd)
	endNow.Importance = widget.SuccessImportance
	v.suggest = offerCard(lang.X("urge.suggest.title", "It has eased off"),
		lang.X("urge.suggest.body", "You rode this wave. You can end here, or stay with it a little longer."), endNow)
	keep := widget.NewButton(lang.X("urge.cap.keep", "Keep going"), s.keepGoing)
	capEnd := widget.NewButton(lang.X("urge.cap.end", "End here"), s.toEnd)
	capEnd.Importance = widget.HighImportance
	v.softCap = offerCard(lang.X("urge.cap.title", "Half an hour"),
		lang.X("urge.cap.body", "You've stayed with it for thirty minutes. That is the practice. You can end now, or keep going if you'd like."), keep, capEnd)
	v.suggest.Hide()
	v.softCap.Hide()

	breathe := widget.NewButtonWithIcon(lang.X("urge.breathe", "Breathe for a while"), theme.MediaPlayIcon(), s.breathe)
	end := widget.NewButtonWithIcon(lang.X("urge.end", "End"), theme.MediaStopIcon(), s.toEnd)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, v.elapsed, screenHeading(s.Title())),
		v.guide, widget.NewSeparator(), v.prompt, row, v.next, v.suggest, v.softCap)
	bottom := container.NewVBox(container.NewHBox(breathe, end), s.status.label)
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, v.wave.raster))
}

// breathView is the breathing practice inside urge surfing, under a line
// that says the session goes on and leads back to it.
func (s *urgeScreen) breathView() fyne.CanvasObject {
	s.breathInfo = wrapped("")
	back := widget.NewButtonWithIcon(lang.X("urge.breath.back", "Back to urge surfing"), theme.NavigateBackIcon(), s.back)
	back.Importance = widget.HighImportance
	line := container.NewPadded(container.NewBorder(nil, nil, nil, container.NewCenter(back), s.breathInfo))
	return container.NewBorder(container.NewVBox(line, widget.NewSeparator()), nil, nil, nil, s.breath.Content())
}

// offerCard is a compact card: a bold title, the words and, beside them,
// the buttons, so the wave below keeps its room.
func offerCard(title, body string, buttons ...fyne.CanvasObject) *fyne.Container {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(widget.NewCard("", "", container.NewBorder(nil, nil, nil,
		container.NewCenter(container.NewHBox(buttons...)), container.NewVBox(t, wrapped(body)))))
}

// show draws st.
func (v *urgeRunView) show(st rwpractice.UrgeState, sess *rwpractice.UrgeSession) {
	setText(v.guide, guideText(st.Guide))
	setText(v.elapsed, lang.X("urge.elapsed", "{{.Time}} since you started", map[string]any{"Time": clockDuration(st.Elapsed)}))
	if st.RatingDue {
		setText(v.prompt, lang.X("urge.prompt.due", "How strong is the urge now?"))
		setText(v.next, lang.X("urge.prompt.any", "Tap a number. There is no right answer."))
	} else {
		setText(v.prompt, lang.X("urge.prompt.latest", "Last rating: {{.N}} of 10", map[string]any{"N": st.Latest}))
		setText(v.next, lang.X("urge.prompt.next", "Next rating in {{.Time}}. You can rate any time.", map[string]any{"Time": clockDuration(st.NextRating)}))
	}
	if st.RatingDue != v.due || v.ratings < 0 {
		v.due = st.RatingDue
		imp := widget.MediumImportance
		if v.due {
			imp = widget.HighImportance
		}
		for _, b := range v.btns {
			b.Importance = imp
			b.Refresh()
		}
	}
	showIf(v.suggest, st.SuggestEnd && !st.SoftCap)
	showIf(v.softCap, st.SoftCap)
	span := st.Elapsed.Truncate(waveStep) + waveStep
	if st.Ratings != v.ratings || span != v.span {
		v.ratings, v.span = st.Ratings, span
		rec := sess.Record()
		v.wave.set(waveRatings(*rec.Urge), max(span, 5*time.Minute))
	}
}

func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

func showIf(o fyne.CanvasObject, show bool) {
	if show == o.Visible() {
		return
	}
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}

// clockDuration is d as m:ss, or h:mm:ss from an hour.
func clockDuration(d time.Duration) string {
	d = max(d, 0).Truncate(time.Second)
	h, m, sec := int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, sec)
	}
	return fmt.Sprintf("%d:%02d", m, sec)
}

// urgeEndForm asks what happened, without judgement. Nothing is required.
type urgeEndForm struct {
	triggers  map[string]*widget.Check
	other     *widget.Entry
	halt      map[string]*widget.Check
	situation *widget.Entry
	coping    *widget.Entry
	acted     *widget.RadioGroup
	save      *widget.Button
}

var (
	triggerKinds = []string{rwpractice.TriggerPeople, rwpractice.TriggerPlaces, rwpractice.TriggerThings, rwpractice.TriggerFeelings}
	haltStates   = []string{rwpractice.HALTHungry, rwpractice.HALTAngry, rwpractice.HALTLonely, rwpractice.HALTTired}
)

// triggerName is the translated name of a trigger category or HALT state;
// the user's own words are shown as they are.
func triggerName(t string) string {
	switch strings.ToLower(t) {
	case rwpractice.TriggerPeople:
		return lang.X("urge.trigger.people", "People")
	case rwpractice.TriggerPlaces:
		return lang.X("urge.trigger.places", "Places")
	case rwpractice.TriggerThings:
		return lang.X("urge.trigger.things", "Things")
	case rwpractice.TriggerFeelings:
		return lang.X("urge.trigger.feelings", "Feelings")
	case rwpractice.HALTHungry:
		return lang.X("urge.halt.hungry", "Hungry")
	case rwpractice.HALTAngry:
		return lang.X("urge.halt.angry", "Angry")
	case rwpractice.HALTLonely:
		return lang.X("urge.halt.lonely", "Lonely")
	case rwpractice.HALTTired:
		return lang.X("urge.halt.tired", "Tired")
	}
	return t
}

func (s *urgeScreen) endView() fyne.CanvasObject {
	f := &urgeEndForm{triggers: map[string]*widget.Check{}, halt: map[string]*widget.Check{}}
	s.form = f
	changed := func() {
		s.a.Touch()
		s.saver.changed()
	}
	trig := container.NewGridWithColumns(4)
	for _, k := range triggerKinds {
		f.triggers[k] = widget.NewCheck(triggerName(k), nil)
		trig.Add(f.triggers[k])
	}
	f.other = widget.NewEntry()
	f.other.SetPlaceHolder(lang.X("urge.form.other", "Something else, in your own words"))
	halt := container.NewGridWithColumns(4)
	for _, k := range haltStates {
		f.halt[k] = widget.NewCheck(triggerName(k), nil)
		halt.Add(f.halt[k])
	}
	f.situation = widget.NewMultiLineEntry()
	f.situation.Wrapping = fyne.TextWrapWord
	f.situation.SetMinRowsVisible(2)
	f.situation.SetPlaceHolder(lang.X("urge.form.situation.hint", "Where were you, what was happening?"))
	f.coping = widget.NewMultiLineEntry()
	f.coping.Wrapping = fyne.TextWrapWord
	f.coping.SetMinRowsVisible(2)
	f.coping.SetPlaceHolder(lang.X("urge.form.coping.hint", "Breathing, a call, a walk, waiting it out…"))
	rodeOut, acted := lang.X("urge.form.rodeout", "No, I rode it out"), lang.X("urge.form.acted", "Yes, I acted on it")
	f.acted = widget.NewRadioGroup([]string{rodeOut, acted}, nil)
	f.acted.Horizontal = true

	f.fill(s.prefill, acted)
	for _, c := range f.triggers {
		c.OnChanged = func(bool) { changed() }
	}
	for _, c := range f.halt {
		c.OnChanged = func(bool) { changed() }
	}
	for _, e := range []*widget.Entry{f.other, f.situation, f.coping} {
		e.OnChanged = func(string) { changed() }
	}
	f.acted.OnChanged = func(string) { changed() }

	f.save = widget.NewButtonWithIcon(lang.X("urge.form.save", "Save"), theme.DocumentSaveIcon(), s.finish)
	f.save.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(lang.X("urge.form.back", "Back to surfing"), theme.NavigateBackIcon(), s.backToSurfing)
	back.Importance = widget.LowImportance

	intro := wrapped(lang.X("urge.form.intro", "A few notes help you see your own patterns over time. Answer what you like; nothing here is required, and nothing here is a test."))
	form := container.NewVScroll(container.NewPadded(container.NewVBox(
		screenHeading(lang.X("urge.form.title", "How did it go?")),
		intro,
		panel(lang.X("urge.form.triggers", "What set it off?"), trig, f.other),
		panel(lang.X("urge.form.halt", "Were you…"), halt),
		panel(lang.X("urge.form.situation", "The situation"), f.situation),
		panel(lang.X("urge.form.coping", "What helped?"), f.coping),
		panel(lang.X("urge.form.actedq", "Did you act on the urge?"), f.acted),
	)))
	// The buttons stay in view however long the form is, on the window's
	// background so nothing scrolled shows through.
	bottom := container.NewStack(canvas.NewRectangle(theme.Color(theme.ColorNameBackground)),
		container.NewPadded(container.NewVBox(container.NewHBox(f.save, back), s.status.label)))
	return container.NewBorder(nil, bottom, nil, nil, form)
}

// fill sets the form from a saved draft.
func (f *urgeEndForm) fill(o rwpractice.UrgeOutcome, acted string) {
	var own []string
	for _, t := range o.Triggers {
		if c, ok := f.triggers[strings.ToLower(t)]; ok {
			c.SetChecked(true)
		} else {
			own = append(own, t)
		}
	}
	f.other.SetText(strings.Join(own, ", "))
	for _, h := range o.HALT {
		if c, ok := f.halt[strings.ToLower(h)]; ok {
			c.SetChecked(true)
		}
	}
	f.situation.SetText(o.Situation)
	f.coping.SetText(o.Coping)
	if o.ActedOn {
		f.acted.SetSelected(acted)
	}
}

// outcome is what the form says. "Something else" may name several
// triggers, separated by commas.
func (f *urgeEndForm) outcome() rwpractice.UrgeOutcome {
	var o rwpractice.UrgeOutcome
	for _, k := range triggerKinds {
		if f.triggers[k].Checked {
			o.Triggers = append(o.Triggers, k)
		}
	}
	for _, w := range strings.Split(f.other.Text, ",") {
		if w = strings.TrimSpace(w); w != "" {
			o.Triggers = append(o.Triggers, w)
		}
	}
	for _, k := range haltStates {
		if f.halt[k].Checked {
			o.HALT = append(o.HALT, k)
		}
	}
	o.Situation = strings.TrimSpace(f.situation.Text)
	o.Coping = strings.TrimSpace(f.coping.Text)
	o.ActedOn = f.acted.Selected == f.acted.Options[1]
	return o
}

// doneView closes the episode kindly, whatever happened, and shows its
// wave. Acting on an urge resets nothing: the recovery counter is the
// user's own, changed only in settings.
func (s *urgeScreen) doneView() fyne.CanvasObject {
	ep := s.ended
	title := lang.X("urge.done.title", "You rode it out")
	body := lang.X("urge.done.body", "That is what urge surfing is: staying with the wave until it passed, not getting the number down. Every wave you ride out teaches your brain that an urge can pass without being obeyed.")
	if ep.ActedOn {
		title = lang.X("urge.done.acted.title", "Thank you for being honest")
		body = lang.X("urge.done.acted.body", "Acting on an urge is part of many recoveries; it is a moment, not the end of yours. Nothing has been reset. What you noticed today, what set it off and what helped, is exactly what makes the next wave easier. Be gentle with yourself tonight, and if you can, reach out to someone you trust.")
	}
	today := widget.NewButtonWithIcon(lang.X("urge.done.today", "Back to Today"), theme.HomeIcon(), func() { s.a.ShowScreen(screenToday) })
	today.Importance = widget.HighImportance
	waves := widget.NewButton(lang.X("urge.done.history", "See your waves"), func() { s.setView(urgeHome) })
	top := container.NewVBox(screenHeading(title), wrapped(body), container.NewHBox(today, waves))
	if len(ep.Samples) == 0 {
		return container.NewPadded(top)
	}
	wave := newWaveView(false, fyne.NewSize(300, 200))
	wave.set(waveRatings(ep), max(rwpractice.UrgeDuration(ep), time.Minute))
	peak, _ := rwpractice.UrgePeak(ep)
	summary := urgeCaption(lang.X("urge.done.wave", "Your wave: peak {{.N}} of 10, {{.Time}} in all", map[string]any{"N": peak, "Time": minutesText(rwpractice.UrgeDuration(ep))}))
	return container.NewPadded(container.NewBorder(container.NewVBox(top, summary), nil, nil, nil, wave.raster))
}
