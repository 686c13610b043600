package ui

import (
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
)

// entryPrompter is implemented by a journal screen that can start a new
// entry with a writing prompt above it. Without it, "Write about this"
// starts a plain new entry.
type entryPrompter interface{ NewEntryWithPrompt(prompt string) }

// entryOpener is implemented by a journal screen that can open one entry.
type entryOpener interface{ OpenEntry(id journal.ID) }

// maxOnThisDay is how many earlier entries Today shows at most.
const maxOnThisDay = 6

// onThisDayYears is how far back "On this day" looks.
const onThisDayYears = 100

// todayScreen is the home screen: the day of recovery, today's check-in,
// the practices, one-click help for a hard moment, a writing prompt and
// entries from this day in earlier months and years.
type todayScreen struct {
	a *App

	date      *widget.Label
	day       *widget.Label
	milestone *widget.Label

	checkSummary *widget.Label
	checkBtn     *widget.Button
	practices    [practiceCount]*widget.Check
	status       *saveStatus

	prompt     *widget.Label
	promptText string
	memories   *fyne.Container

	loading bool // true while widgets are set from records
}

func newTodayScreen(a *App) screen { return &todayScreen{a: a} }

func (s *todayScreen) Title() string       { return lang.X("nav.today", "Today") }
func (s *todayScreen) Icon() fyne.Resource { return theme.HomeIcon() }

// Leave has nothing to save: ticks are saved as they are made.
func (s *todayScreen) Leave() {}

// practiceLabel is the checklist text of p.
func practiceLabel(p practice) string {
	switch p {
	case practiceMindful:
		return lang.X("today.practice.mindful", "Mindfulness, about 10 minutes")
	case practiceMovement:
		return lang.X("today.practice.movement", "Movement, 20–30 minutes")
	case practiceConnection:
		return lang.X("today.practice.connection", "A real connection with someone")
	case practiceLearning:
		return lang.X("today.practice.learning", "Learned something new")
	case practiceGratitude:
		return lang.X("today.practice.gratitude", "Three good things")
	}
	return lang.X("today.practice.sleep", "Sleep, 7–9 hours")
}

// writingPrompts are the prompts of the day, one a day in turn.
func writingPrompts() []string {
	return []string{
		lang.X("today.prompt.1", "What is one thing you did today that your future self will thank you for?"),
		lang.X("today.prompt.2", "When did you feel calm today, even for a moment? What was around you?"),
		lang.X("today.prompt.3", "What triggered you today, and what did you do instead?"),
		lang.X("today.prompt.4", "Who helped you lately, in a big or small way? What would you like to tell them?"),
		lang.X("today.prompt.5", "What does your body need tonight?"),
		lang.X("today.prompt.6", "Describe a place where you feel safe. What do you notice there?"),
		lang.X("today.prompt.7", "What is something you are learning about yourself in recovery?"),
		lang.X("today.prompt.8", "What would you say to a friend who was having the day you had?"),
		lang.X("today.prompt.9", "Which feeling visited you most today? Where did you notice it in your body?"),
		lang.X("today.prompt.10", "What is one small thing you are looking forward to?"),
		lang.X("today.prompt.11", "What helped the last time a craving passed?"),
		lang.X("today.prompt.12", "What are you proud of this week, however small?"),
		lang.X("today.prompt.13", "What would a gentle tomorrow look like?"),
		lang.X("today.prompt.14", "What did you do today that was only for you?"),
		lang.X("today.prompt.15", "Write about a moment you handled better than you would have a year ago."),
		lang.X("today.prompt.16", "What do you want to remember about today?"),
	}
}

// milestoneText is the kind message of a milestone key from [milestone].
func milestoneText(key string, days int) string {
	switch key {
	case "today.milestone.1":
		return lang.X("today.milestone.1", "Day one. Beginning is the bravest step, and you took it.")
	case "today.milestone.7":
		return lang.X("today.milestone.7", "One week. Seven days of showing up for yourself.")
	case "today.milestone.30":
		return lang.X("today.milestone.30", "One month. Your brain is already learning new paths.")
	case "today.milestone.60":
		return lang.X("today.milestone.60", "Two months. Every day you practised is part of you now.")
	case "today.milestone.90":
		return lang.X("today.milestone.90", "Ninety days. A real season of change.")
	case "today.milestone.180":
		return lang.X("today.milestone.180", "Half a year. Look how far you have come.")
	case "today.milestone.365":
		return lang.X("today.milestone.365", "One year. Thank you for staying with yourself.")
	case "today.milestone.years":
		return lang.X("today.milestone.years", "{{.N}} years. Every single day of them counts.", map[string]any{"N": days / 365})
	}
	return ""
}

func (s *todayScreen) Content() fyne.CanvasObject {
	a := s.a
	s.date = widget.NewLabel("")
	s.day = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.day.SizeName = theme.SizeNameSubHeadingText
	s.milestone = wrapped("")
	s.milestone.Importance = widget.SuccessImportance

	craving := bigButton(lang.X("today.craving", "I'm having a craving"), theme.WarningIcon(), s.craving)
	breathe := bigButton(lang.X("today.breathe", "Breathe"), theme.MediaPlayIcon(), s.breathe)
	actions := container.NewGridWithColumns(2, craving, breathe)

	s.checkSummary = wrapped("")
	s.checkBtn = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { a.ShowScreen(screenCheckIn) })
	checkCard := panel(lang.X("today.checkin.title", "Today's check-in"), s.checkSummary, container.NewHBox(s.checkBtn))

	list := container.NewVBox()
	for p := range practiceCount {
		c := widget.NewCheck(practiceLabel(p), func(done bool) { s.tick(p, done) })
		s.practices[p] = c
		list.Add(c)
	}
	s.status = newSaveStatus()
	hint := wrapped(lang.X("today.practices.hint", "Rewire ticks what it already knows from your check-in, gratitude and breathing; tick the rest yourself."))
	hint.SizeName = theme.SizeNameCaptionText
	practiceCard := panel(lang.X("today.practices.title", "Today's practices"), list, hint, learnLink(learnHabits), s.status.label)

	s.prompt = wrapped("")
	// Larger rather than italic: every text style Fyne draws costs it ~8 MiB
	// of parsed fonts, and nothing else on Today or the journal is italic.
	s.prompt.SizeName = theme.SizeNameSubHeadingText
	write := widget.NewButtonWithIcon(lang.X("today.prompt.write", "Write about this"), theme.DocumentCreateIcon(), s.writePrompt)
	promptCard := panel(lang.X("today.prompt.title", "Something to write about"), s.prompt, container.NewHBox(write))

	s.memories = container.NewVBox()
	memoryCard := panel(lang.X("today.onthisday.title", "On this day"), s.memories)

	columns := container.NewGridWithColumns(2,
		container.NewVBox(checkCard, practiceCard),
		container.NewVBox(promptCard, memoryCard))
	top := container.NewVBox(screenHeading(s.Title()), s.date, s.day, s.milestone, actions)
	return container.NewVScroll(container.NewPadded(container.NewVBox(top, columns)))
}

// bigButton is a tall, calm button for the things that must be one click away.
func bigButton(text string, icon fyne.Resource, tapped func()) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(text, icon, tapped)
	b.Importance = widget.HighImportance
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(0, 56))
	return container.NewStack(space, b)
}

// Refresh shows today: the day count at once, the rest from the records.
func (s *todayScreen) Refresh() {
	now := s.a.Now()
	s.date.SetText(FormatDate(now))
	s.day.SetText("")
	s.day.Hide()
	s.milestone.SetText("")
	s.milestone.Hide()
	if n, ok := recoveryDay(s.a.Settings().RecoveryStart, now); ok {
		s.day.SetText(lang.X("today.day", "Day {{.N}} of your recovery", map[string]any{"N": n}))
		s.day.Show()
		if key, ok := milestone(n); ok {
			s.milestone.SetText(milestoneText(key, n))
			s.milestone.Show()
		}
	}
	prompts := writingPrompts()
	s.promptText = prompts[promptIndex(now, len(prompts))]
	s.prompt.SetText(s.promptText)

	recs := s.a.Records()
	if recs == nil {
		return
	}
	s.a.Run(func() {
		d := loadTodayData(recs, now)
		fyne.Do(func() { s.show(d) })
	})
}

// todayData is what Today shows from the records.
type todayData struct {
	checkIn   *journal.CheckIn
	practices [practiceCount]practiceState
	memories  []journal.Record
}

// loadTodayData reads today's records; it runs off the UI goroutine.
func loadTodayData(recs Records, now time.Time) todayData {
	var d todayData
	day := dayKey(now)
	if r, ok, err := recordForDay(recs, journal.KindCheckIn, day); err == nil && ok {
		d.checkIn = r.CheckIn
	}
	var g *journal.Gratitude
	if r, ok, err := recordForDay(recs, journal.KindGratitude, day); err == nil && ok {
		g = r.Gratitude
	}
	var sessions []journal.PracticeSession
	if list, err := recs.List(journal.Filter{Kinds: []journal.Kind{journal.KindSession}, From: day, To: day}); err == nil {
		for _, r := range list {
			sessions = append(sessions, *r.Session)
		}
	}
	d.practices = practicesDone(d.checkIn, g, sessions)
	for _, date := range onThisDayDates(now, onThisDayYears) {
		list, err := recs.List(journal.Filter{Kinds: []journal.Kind{journal.KindEntry}, From: date, To: date})
		if err != nil {
			break
		}
		d.memories = append(d.memories, list[:min(len(list), maxOnThisDay-len(d.memories))]...)
		if len(d.memories) == maxOnThisDay {
			break
		}
	}
	return d
}

// show puts d into the widgets.
func (s *todayScreen) show(d todayData) {
	s.loading = true
	defer func() { s.loading = false }()
	if c := d.checkIn; c != nil {
		s.checkSummary.SetText(checkInSummary(c))
		s.checkBtn.SetText(lang.X("today.checkin.open", "Open check-in"))
	} else {
		s.checkSummary.SetText(lang.X("today.checkin.none", "You haven't checked in today. It takes a minute: mood, intention, cravings."))
		s.checkBtn.SetText(lang.X("today.checkin.start", "Check in now"))
	}
	for p, st := range d.practices {
		c := s.practices[p]
		c.SetChecked(st.Done)
		if st.Known {
			c.Disable()
		} else {
			c.Enable()
		}
	}
	s.memories.RemoveAll()
	if len(d.memories) == 0 {
		s.memories.Add(wrapped(lang.X("today.onthisday.none", "Nothing from this day in earlier months yet. What you write today will be waiting for you here.")))
	}
	for _, r := range d.memories {
		s.memories.Add(s.memoryRow(r))
	}
	s.memories.Refresh()
}

// checkInSummary is one short paragraph about a check-in.
func checkInSummary(c *journal.CheckIn) string {
	var parts []string
	if c.Mood > 0 {
		parts = append(parts, lang.X("today.checkin.mood", "Mood {{.N}} of 5", map[string]any{"N": c.Mood}))
	}
	parts = append(parts, lang.X("today.checkin.craving", "Craving {{.N}} of 10", map[string]any{"N": c.Craving}))
	text := strings.Join(parts, " · ")
	if c.Intention != "" {
		text += "\n" + lang.X("today.checkin.intention", "Intention: {{.Text}}", map[string]any{"Text": c.Intention})
	}
	return text
}

// memoryRow is one earlier entry: its date and first line; a tap opens it.
func (s *todayScreen) memoryRow(r journal.Record) fyne.CanvasObject {
	d, _ := time.Parse(journal.DateLayout, r.Date)
	date := widget.NewLabelWithStyle(FormatDate(d), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	line := widget.NewLabel(memoryLine(r.Entry))
	line.Truncation = fyne.TextTruncateEllipsis
	id := r.ID
	open := widget.NewButton("", func() { s.openEntry(id) })
	open.Importance = widget.LowImportance
	return container.NewStack(open, container.NewVBox(date, line))
}

func (s *todayScreen) openEntry(id journal.ID) {
	a := s.a
	a.ShowScreen(screenJournal)
	if a.shell == nil {
		return
	}
	if o, ok := a.shell.screens[screenJournal].(entryOpener); ok {
		o.OpenEntry(id)
	}
}

func (s *todayScreen) writePrompt() {
	a := s.a
	a.Touch()
	if a.shell != nil {
		if p, ok := a.shell.screens[screenJournal].(entryPrompter); ok {
			a.ShowScreen(screenJournal)
			p.NewEntryWithPrompt(s.promptText)
			return
		}
	}
	a.NewEntry()
}

// tick saves a practice ticked by hand into today's check-in.
func (s *todayScreen) tick(p practice, done bool) {
	if s.loading {
		return
	}
	a := s.a
	a.Touch()
	recs := a.Records()
	if recs == nil {
		return
	}
	now := a.Now()
	r, ok, err := recordForDay(recs, journal.KindCheckIn, dayKey(now))
	if err != nil {
		s.status.failed()
		return
	}
	if !ok {
		r = journal.Record{Kind: journal.KindCheckIn, Date: dayKey(now), CheckIn: &journal.CheckIn{}}
	}
	tickPractice(r.CheckIn, p, done)
	if err := recs.Save(&r); err != nil {
		fyne.LogError("save practice", err)
		s.status.failed()
		return
	}
	s.status.saved()
	s.Refresh()
}

// breathe shows the Breathe screen.
func (s *todayScreen) breathe() { s.a.ShowScreen(screenBreathe) }

// craving starts urge surfing at its first rating.
func (s *todayScreen) craving() { s.a.StartUrge() }

// recoveryDay is the day number of now counted from start (day one is the
// start date itself), and false if start is unset, invalid or in the future.
func recoveryDay(start string, now time.Time) (int, bool) {
	d, err := time.ParseInLocation(journal.DateLayout, start, now.Location())
	if err != nil {
		return 0, false
	}
	y, m, dd := now.Date()
	today := time.Date(y, m, dd, 0, 0, 0, 0, now.Location())
	if today.Before(d) {
		return 0, false
	}
	// Round, since days with a DST change are not 24 hours long.
	return int(today.Sub(d).Hours()/24+0.5) + 1, true
}
