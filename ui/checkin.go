package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// checkInScreen is the daily check-in: one autosaved record per date with
// mood, intention, challenge, win, craving, a lapse logged without
// judgement, the day's practices and a note.
type checkInScreen struct {
	dayForm // a, status, saver and loading

	picker    *dayPicker
	mood      *widget.RadioGroup
	intention *widget.Entry
	challenge *widget.Entry
	win       *widget.Entry
	craving   *widget.Slider
	cravingN  *widget.Label
	lapse     *widget.Check
	lapseNote *widget.Label

	mindful     *widget.Check
	movement    *widget.Slider
	movementN   *widget.Label
	connection  *widget.Check
	learning    *widget.Check
	gratitude   *widget.Check
	sleep       *widget.Slider
	sleepN      *widget.Label
	practiceMsg *widget.Label
	note        *widget.Entry

	// The record being edited and what the app knows from other records.
	id      journal.ID
	day     string
	created time.Time
	stored  journal.CheckIn // as loaded: keeps the user's own ticks under known ones
	known   [practiceCount]practiceState
}

func newCheckInScreen(a *App) screen {
	s := &checkInScreen{dayForm: dayForm{a: a}}
	s.saver = newDailySaver(s.save)
	return s
}

func (s *checkInScreen) Title() string       { return lang.X("nav.checkin", "Check-in") }
func (s *checkInScreen) Icon() fyne.Resource { return theme.ConfirmIcon() }

// Leave saves what was entered.
func (s *checkInScreen) Leave() { s.saver.flush() }

// moodOptions are the mood choices, 1 (very low) to 5 (very good).
func moodOptions() []string {
	return []string{
		lang.X("checkin.mood.1", "Very low"),
		lang.X("checkin.mood.2", "Low"),
		lang.X("checkin.mood.3", "Okay"),
		lang.X("checkin.mood.4", "Good"),
		lang.X("checkin.mood.5", "Very good"),
	}
}

func (s *checkInScreen) Content() fyne.CanvasObject {
	s.picker = newDayPicker(s.a.Now, func(time.Time) {
		s.saver.flush()
		s.load()
	})
	changed := func() { s.changed() }
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { changed() }
		return e
	}
	check := func(text string) *widget.Check {
		return widget.NewCheck(text, func(bool) { changed() })
	}

	s.mood = widget.NewRadioGroup(moodOptions(), func(string) { changed() })
	s.mood.Horizontal = true
	s.intention = entry(lang.X("checkin.intention.hint", "One thing I want to do or be today"))
	s.challenge = entry(lang.X("checkin.challenge.hint", "What was hard, or might be"))
	s.win = entry(lang.X("checkin.win.hint", "Something that went well, however small"))

	s.craving = widget.NewSlider(0, 10)
	s.craving.Step = 1
	s.cravingN = widget.NewLabel("")
	s.craving.OnChanged = func(float64) { s.showNumbers(); changed() }

	s.lapseNote = wrapped(lang.X("checkin.lapse.note", "Thank you for being honest with yourself. A lapse is information, not failure: it shows what to prepare for next time. Nothing is reset, and every day you practised still counts."))
	s.lapseNote.Importance = widget.MediumImportance
	s.lapse = widget.NewCheck(lang.X("checkin.lapse", "I used, or acted on a craving, today"), func(bool) {
		s.showLapseNote()
		changed()
	})

	s.mindful = check(lang.X("checkin.mindful", "About 10 minutes of mindfulness"))
	s.movement = widget.NewSlider(0, 120)
	s.movement.Step = 5
	s.movementN = widget.NewLabel("")
	s.movement.OnChanged = func(float64) { s.showNumbers(); changed() }
	s.connection = check(lang.X("checkin.connection", "A real connection with someone"))
	s.learning = check(lang.X("checkin.learning", "Learned something new"))
	s.gratitude = check(lang.X("checkin.gratitude", "Three good things"))
	s.sleep = widget.NewSlider(0, 12)
	s.sleep.Step = 0.5
	s.sleepN = widget.NewLabel("")
	s.sleep.OnChanged = func(float64) { s.showNumbers(); changed() }
	s.practiceMsg = wrapped("")
	s.practiceMsg.SizeName = theme.SizeNameCaptionText

	s.note = widget.NewMultiLineEntry()
	s.note.Wrapping = fyne.TextWrapWord
	s.note.SetMinRowsVisible(3)
	s.note.SetPlaceHolder(lang.X("checkin.note.hint", "Anything else you want to remember about today"))
	s.note.OnChanged = func(string) { changed() }
	s.status = newSaveStatus()

	withValue := func(sl *widget.Slider, l *widget.Label) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, l, sl)
	}
	// The mood choices get the full width: in Ukrainian they do not fit
	// beside a form label.
	moodLabel := widget.NewLabelWithStyle(lang.X("checkin.mood", "Mood"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	how := widget.NewForm(
		widget.NewFormItem(lang.X("checkin.intention", "Intention"), s.intention),
		widget.NewFormItem(lang.X("checkin.challenge", "Challenge"), s.challenge),
		widget.NewFormItem(lang.X("checkin.win", "Win"), s.win),
		widget.NewFormItem(lang.X("checkin.craving", "Craving"), withValue(s.craving, s.cravingN)),
	)
	practices := widget.NewForm(
		widget.NewFormItem(lang.X("checkin.movement", "Movement"), withValue(s.movement, s.movementN)),
		widget.NewFormItem(lang.X("checkin.sleep", "Sleep"), withValue(s.sleep, s.sleepN)),
	)
	ticks := container.NewGridWithColumns(2, s.mindful, s.connection, s.learning, s.gratitude)

	return container.NewVScroll(container.NewPadded(container.NewVBox(
		screenHeading(s.Title()),
		s.picker.box,
		panel(lang.X("checkin.how", "How you are"), moodLabel, s.mood, how, s.lapse, s.lapseNote),
		panel(lang.X("checkin.practices", "The day's practices"), ticks, practices, s.practiceMsg, learnLink(learnHabits)),
		panel(lang.X("checkin.note", "Note"), s.note),
		s.status.label,
	)))
}

// Refresh follows today across midnight and reloads the day.
func (s *checkInScreen) Refresh() {
	s.picker.refresh()
	s.load()
}

func (s *checkInScreen) showNumbers() {
	s.cravingN.SetText(lang.X("checkin.craving.value", "{{.N}} of 10", map[string]any{"N": int(s.craving.Value)}))
	s.movementN.SetText(lang.X("checkin.movement.value", "{{.N}} min", map[string]any{"N": int(s.movement.Value)}))
	s.sleepN.SetText(lang.X("checkin.sleep.value", "{{.N}} h", map[string]any{"N": strconv.FormatFloat(s.sleep.Value, 'f', -1, 64)}))
}

func (s *checkInScreen) showLapseNote() {
	if s.lapse.Checked {
		s.lapseNote.Show()
	} else {
		s.lapseNote.Hide()
	}
}

// load shows the picker's day from the vault.
func (s *checkInScreen) load() {
	defer s.beginLoad()()
	s.id, s.created, s.day, s.stored = journal.ID{}, time.Time{}, dayKey(s.picker.day), journal.CheckIn{}
	var g *journal.Gratitude
	var sessions []journal.PracticeSession
	if recs := s.a.Records(); recs != nil {
		if r, ok, err := recordForDay(recs, journal.KindCheckIn, s.day); err != nil {
			fyne.LogError("load check-in", err)
		} else if ok && r.CheckIn != nil {
			s.id, s.created, s.stored = r.ID, r.Created, *r.CheckIn
		}
		if r, ok, err := recordForDay(recs, journal.KindGratitude, s.day); err == nil && ok {
			g = r.Gratitude
		}
		if list, err := recs.List(journal.Filter{Kinds: []journal.Kind{journal.KindSession}, From: s.day, To: s.day}); err == nil {
			for _, r := range list {
				sessions = append(sessions, *r.Session)
			}
		}
	}
	s.known = practicesDone(nil, g, sessions)
	c := s.stored
	s.mood.SetSelected("")
	if c.Mood >= 1 && c.Mood <= 5 {
		s.mood.SetSelected(s.mood.Options[c.Mood-1])
	}
	s.intention.SetText(c.Intention)
	s.challenge.SetText(c.Challenge)
	s.win.SetText(c.Win)
	s.craving.SetValue(float64(c.Craving))
	s.lapse.SetChecked(c.Lapse)
	s.showLapseNote()
	s.movement.SetValue(float64(c.MovementMin))
	s.sleep.SetValue(c.SleepHours)
	s.connection.SetChecked(c.Connection)
	s.learning.SetChecked(c.Learning)
	s.note.SetText(c.Note)
	setKnown := func(ch *widget.Check, p practice, own bool) {
		if s.known[p].Known {
			ch.SetChecked(true)
			ch.Disable()
			return
		}
		ch.SetChecked(own)
		ch.Enable()
	}
	setKnown(s.mindful, practiceMindful, c.Mindful)
	setKnown(s.gratitude, practiceGratitude, c.GratitudeSet)
	var msgs []string
	if s.known[practiceMindful].Known {
		msgs = append(msgs, lang.X("checkin.known.mindful", "Mindfulness is ticked from your breathing and meditation sessions."))
	}
	if s.known[practiceGratitude].Known {
		msgs = append(msgs, lang.X("checkin.known.gratitude", "Three good things is ticked from your gratitude log."))
	}
	s.practiceMsg.SetText(strings.Join(msgs, " "))
	if len(msgs) == 0 {
		s.practiceMsg.Hide()
	} else {
		s.practiceMsg.Show()
	}
	s.showNumbers()
}

// checkIn returns what the widgets hold.
func (s *checkInScreen) checkIn() journal.CheckIn {
	c := journal.CheckIn{
		Intention:   strings.TrimSpace(s.intention.Text),
		Challenge:   strings.TrimSpace(s.challenge.Text),
		Win:         strings.TrimSpace(s.win.Text),
		Craving:     min(max(int(s.craving.Value+0.5), 0), 10),
		Lapse:       s.lapse.Checked,
		Note:        strings.TrimRight(s.note.Text, " \n\t"),
		MovementMin: int(s.movement.Value + 0.5),
		Connection:  s.connection.Checked,
		Learning:    s.learning.Checked,
		SleepHours:  s.sleep.Value,
	}
	for i, o := range s.mood.Options {
		if o == s.mood.Selected {
			c.Mood = i + 1
		}
	}
	// A tick the app made from other records is not the user's; keep theirs.
	c.Mindful = s.mindful.Checked
	if s.known[practiceMindful].Known {
		c.Mindful = s.stored.Mindful
	}
	c.GratitudeSet = s.gratitude.Checked
	if s.known[practiceGratitude].Known {
		c.GratitudeSet = s.stored.GratitudeSet
	}
	return c
}

// save stores the day's check-in; it reports false if it could not.
func (s *checkInScreen) save() bool {
	recs := s.a.Records()
	if recs == nil {
		return false
	}
	c := s.checkIn()
	if s.id.IsZero() && c == (journal.CheckIn{}) {
		return true // nothing entered, nothing to keep
	}
	r := &journal.Record{ID: s.id, Kind: journal.KindCheckIn, Date: s.day, Created: s.created, CheckIn: &c}
	if err := recs.Save(r); err != nil {
		fyne.LogError("save check-in", err)
		s.status.failed()
		return false
	}
	s.id, s.created, s.stored = r.ID, r.Created, c
	s.status.saved()
	return true
}
