package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// This file holds what the Today, Gratitude and Check-in screens share:
// civil dates, the autosave debouncer, the day picker and the save status.

// dayAutosaveDelay is how long after the last change a daily record is saved.
const dayAutosaveDelay = 800 * time.Millisecond

// civilDay returns t's date at midnight in t's location.
func civilDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// dayKey is the [journal.Record.Date] of t.
func dayKey(t time.Time) string { return t.Format(journal.DateLayout) }

// afterFunc starts a timer that calls f after d (on any goroutine) and
// returns a function that stops it. Tests pass a manual one.
type afterFunc func(d time.Duration, f func()) (stop func() bool)

// realAfter is [afterFunc] on time.AfterFunc.
func realAfter(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }

// dailySaver debounces autosave: changed() (re)arms the timer, and save runs
// on the UI goroutine when it fires, or at once on flush (Leave, day
// switch). save reports whether it stored; a failed save stays dirty, so
// the next change or flush tries again.
type dailySaver struct {
	after afterFunc
	save  func() bool
	stop  func() bool
	dirty bool
}

func newDailySaver(save func() bool) *dailySaver {
	return &dailySaver{after: realAfter, save: save}
}

// changed notes an edit and re-arms the timer.
func (d *dailySaver) changed() {
	d.dirty = true
	if d.stop != nil {
		d.stop()
	}
	d.stop = d.after(dayAutosaveDelay, func() { fyne.Do(d.flush) })
}

// flush saves now if anything changed.
func (d *dailySaver) flush() {
	if d.stop != nil {
		d.stop()
		d.stop = nil
	}
	if !d.dirty {
		return
	}
	d.dirty = !d.save()
}

// forget drops unsaved state without saving (after the record was reloaded).
func (d *dailySaver) forget() {
	if d.stop != nil {
		d.stop()
		d.stop = nil
	}
	d.dirty = false
}

// dayPicker is "‹ 25 November 2026 ›" with a "Today" button; the future is
// not offered.
type dayPicker struct {
	day      time.Time // civil date shown
	now      func() time.Time
	changed  func(day time.Time)
	follow   bool // the picker shows today, and keeps to it across midnight
	label    *widget.Label
	prev     *widget.Button
	next     *widget.Button
	todayBtn *widget.Button
	box      fyne.CanvasObject
}

func newDayPicker(now func() time.Time, changed func(time.Time)) *dayPicker {
	p := &dayPicker{day: civilDay(now()), now: now, changed: changed, follow: true}
	p.label = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { p.set(p.day.AddDate(0, 0, -1)) })
	p.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { p.set(p.day.AddDate(0, 0, 1)) })
	p.todayBtn = widget.NewButton(lang.X("checkin.today", "Today"), func() { p.set(civilDay(p.now())) })
	p.box = container.NewHBox(p.prev, p.label, p.next, p.todayBtn)
	p.show()
	return p
}

// isToday reports whether the picker shows today.
func (p *dayPicker) isToday() bool { return p.day.Equal(civilDay(p.now())) }

// set moves to day (never past today) and reports the change.
func (p *dayPicker) set(day time.Time) {
	day = civilDay(day)
	if today := civilDay(p.now()); day.After(today) {
		day = today
	}
	if day.Equal(p.day) {
		return
	}
	p.day = day
	p.follow = p.isToday()
	p.show()
	p.changed(day)
}

// refresh is for a screen being shown again: a picker that was on today
// moves on to the new today after midnight. It does not call changed.
func (p *dayPicker) refresh() {
	if p.follow {
		p.day = civilDay(p.now())
	}
	p.show()
}

func (p *dayPicker) show() {
	text := FormatDate(p.day)
	if p.isToday() {
		text = lang.X("checkin.todaydate", "Today, {{.Date}}", map[string]any{"Date": text})
	}
	p.label.SetText(text)
	if p.isToday() {
		p.next.Disable()
		p.todayBtn.Hide()
	} else {
		p.next.Enable()
		p.todayBtn.Show()
	}
}

// saveStatus is the quiet line that says whether the day is saved.
type saveStatus struct{ label *widget.Label }

func newSaveStatus() *saveStatus {
	l := widget.NewLabel("")
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return &saveStatus{label: l}
}

func (s *saveStatus) clear() { s.label.SetText("") }

func (s *saveStatus) saved() {
	s.label.Importance = widget.LowImportance
	s.label.SetText(lang.X("checkin.saved", "Saved"))
}

func (s *saveStatus) failed() {
	s.label.Importance = widget.WarningImportance
	s.label.SetText(lang.X("checkin.savefailed", "Not saved just now. What you wrote is still here; Rewire will try again."))
}

// screenHeading is a screen's large bold title.
func screenHeading(text string) *widget.Label {
	h := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameHeadingText
	return h
}

// panel is a titled section: a card with a calm sub-heading, lighter than
// a card's own large title.
func panel(title string, content ...fyne.CanvasObject) *widget.Card {
	h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameSubHeadingText
	return widget.NewCard("", "", container.NewVBox(append([]fyne.CanvasObject{h}, content...)...))
}

// recordForDay returns the newest record of kind on day, if there is one.
func recordForDay(recs Records, kind journal.Kind, day string) (journal.Record, bool, error) {
	list, err := recs.List(journal.Filter{Kinds: []journal.Kind{kind}, From: day, To: day})
	if err != nil || len(list) == 0 {
		return journal.Record{}, false, err
	}
	return list[0], true, nil
}

// dayForm is what the check-in and gratitude screens share: one record a
// day, saved by a dailySaver, with a status line under it.
type dayForm struct {
	a       *App
	status  *saveStatus
	saver   *dailySaver
	loading bool // widgets are being filled from a record: not the user's edits
}

// changed notes the user's edit: activity, the status cleared, a save armed.
func (f *dayForm) changed() {
	if f.loading {
		return
	}
	f.a.Touch()
	f.status.clear()
	f.saver.changed()
}

// beginLoad starts filling the widgets with another day: edits not yet
// saved are dropped (callers flush first), and changes until the returned
// function runs are not edits.
func (f *dayForm) beginLoad() (done func()) {
	f.saver.forget()
	f.loading = true
	f.status.clear()
	return func() { f.loading = false }
}
