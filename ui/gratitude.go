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

// gratitudeItems is how many good things a day asks for.
const gratitudeItems = 3

// gratitudeScreen keeps three good things a day, each with an optional
// "why" (Seligman's exercise), as one autosaved record per date, and shows
// the earlier days.
type gratitudeScreen struct {
	dayForm // a, status, saver and loading

	picker *dayPicker
	texts  [gratitudeItems]*widget.Entry
	whys   [gratitudeItems]*widget.Entry

	// The record being edited: its id (zero until first saved), the day
	// it belongs to and when it was created.
	id      journal.ID
	day     string
	created time.Time

	history      *widget.List
	historyDays  []journal.Record
	emptyHistory *widget.Label
}

func newGratitudeScreen(a *App) screen {
	s := &gratitudeScreen{dayForm: dayForm{a: a}}
	s.saver = newDailySaver(s.save)
	return s
}

func (s *gratitudeScreen) Title() string       { return lang.X("nav.gratitude", "Gratitude") }
func (s *gratitudeScreen) Icon() fyne.Resource { return theme.ContentAddIcon() }

// Leave saves what was typed.
func (s *gratitudeScreen) Leave() { s.saver.flush() }

func (s *gratitudeScreen) Content() fyne.CanvasObject {
	s.picker = newDayPicker(s.a.Now, func(time.Time) {
		s.saver.flush()
		s.load()
	})
	intro := wrapped(lang.X("gratitude.intro", "Write down three things that went well today, and why they happened. Noticing the why teaches your mind to look for the good."))
	items := container.NewVBox()
	for i := range gratitudeItems {
		t := widget.NewEntry()
		t.SetPlaceHolder(lang.X("gratitude.item", "Something good that happened"))
		w := widget.NewEntry()
		w.SetPlaceHolder(lang.X("gratitude.why", "Why did it happen? (optional)"))
		t.OnChanged = func(string) { s.changed() }
		w.OnChanged = func(string) { s.changed() }
		s.texts[i], s.whys[i] = t, w
		n := widget.NewLabelWithStyle(strconv.Itoa(i+1)+".", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		items.Add(container.NewBorder(nil, nil, n, nil, container.NewVBox(t, w)))
	}
	s.status = newSaveStatus()

	s.emptyHistory = wrapped(lang.X("gratitude.history.empty", "Your good things will gather here, day by day. Even one small thing counts."))
	s.history = widget.NewList(
		func() int { return len(s.historyDays) },
		func() fyne.CanvasObject {
			date := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			things := widget.NewLabel("")
			things.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(date, things)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(s.historyDays) {
				return
			}
			r := s.historyDays[i]
			box := o.(*fyne.Container)
			d, _ := time.Parse(journal.DateLayout, r.Date)
			box.Objects[0].(*widget.Label).SetText(FormatDate(d))
			box.Objects[1].(*widget.Label).SetText(gratitudeLine(r.Gratitude))
		})
	s.history.OnSelected = func(i widget.ListItemID) {
		s.history.UnselectAll()
		if i < 0 || i >= len(s.historyDays) {
			return
		}
		if d, err := time.ParseInLocation(journal.DateLayout, s.historyDays[i].Date, s.a.Now().Location()); err == nil {
			s.picker.set(d)
		}
	}
	historyTitle := widget.NewLabelWithStyle(lang.X("gratitude.history", "Looking back"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	historyTitle.SizeName = theme.SizeNameSubHeadingText
	historyCard := widget.NewCard("", "", container.NewBorder(historyTitle, nil, nil, nil,
		container.NewStack(s.history, container.NewVBox(s.emptyHistory))))

	form := container.NewVBox(
		screenHeading(s.Title()),
		s.picker.box,
		intro,
		learnLink(learnGratitude),
		items,
		s.status.label,
	)
	split := container.NewHSplit(container.NewVScroll(form), historyCard)
	split.Offset = 0.58
	return container.NewPadded(split)
}

// gratitudeLine is a day's good things on one line.
func gratitudeLine(g *journal.Gratitude) string {
	if g == nil {
		return ""
	}
	var parts []string
	for _, it := range g.Items {
		if t := strings.TrimSpace(it.Text); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " · ")
}

// Refresh follows today if it was showing today, and reloads the day and
// the history.
func (s *gratitudeScreen) Refresh() {
	s.picker.refresh()
	s.load()
}

// load shows the picker's day from the vault, and the history.
func (s *gratitudeScreen) load() {
	defer s.beginLoad()()
	s.id, s.created, s.day = journal.ID{}, time.Time{}, dayKey(s.picker.day)
	var items []journal.GratitudeItem
	if recs := s.a.Records(); recs != nil {
		r, ok, err := recordForDay(recs, journal.KindGratitude, s.day)
		if err != nil {
			fyne.LogError("load gratitude", err)
		}
		if ok && r.Gratitude != nil {
			s.id, s.created, items = r.ID, r.Created, r.Gratitude.Items
		}
	}
	for i := range gratitudeItems {
		var it journal.GratitudeItem
		if i < len(items) {
			it = items[i]
		}
		s.texts[i].SetText(it.Text)
		s.whys[i].SetText(it.Why)
	}
	s.loadHistory()
}

func (s *gratitudeScreen) loadHistory() {
	s.historyDays = s.historyDays[:0]
	if recs := s.a.Records(); recs != nil {
		list, err := recs.List(journal.Filter{Kinds: []journal.Kind{journal.KindGratitude}})
		if err != nil {
			fyne.LogError("load gratitude history", err)
		}
		seen := map[string]bool{}
		for _, r := range list {
			if seen[r.Date] || gratitudeLine(r.Gratitude) == "" {
				continue
			}
			seen[r.Date] = true
			s.historyDays = append(s.historyDays, r)
		}
	}
	if len(s.historyDays) == 0 {
		s.emptyHistory.Show()
	} else {
		s.emptyHistory.Hide()
	}
	s.history.Refresh()
}

// items returns what the fields hold, without trailing empty items.
func (s *gratitudeScreen) items() []journal.GratitudeItem {
	var items []journal.GratitudeItem
	for i := range gratitudeItems {
		items = append(items, journal.GratitudeItem{
			Text: strings.TrimSpace(s.texts[i].Text),
			Why:  strings.TrimSpace(s.whys[i].Text),
		})
	}
	for len(items) > 0 && items[len(items)-1] == (journal.GratitudeItem{}) {
		items = items[:len(items)-1]
	}
	return items
}

// save stores the day's record; it reports false if it could not.
func (s *gratitudeScreen) save() bool {
	recs := s.a.Records()
	if recs == nil {
		return false
	}
	items := s.items()
	if s.id.IsZero() && len(items) == 0 {
		return true // nothing written, nothing to keep
	}
	if items == nil {
		items = []journal.GratitudeItem{}
	}
	r := &journal.Record{ID: s.id, Kind: journal.KindGratitude, Date: s.day, Created: s.created,
		Gratitude: &journal.Gratitude{Items: items}}
	if err := recs.Save(r); err != nil {
		fyne.LogError("save gratitude", err)
		s.status.failed()
		return false
	}
	s.id, s.created = r.ID, r.Created
	s.status.saved()
	s.loadHistory()
	return true
}
