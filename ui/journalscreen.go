package ui

import (
	"errors"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// autosaveDelay is how long after the last change the editor saves.
const autosaveDelay = 1500 * time.Millisecond

// undoWindow is how long "Entry deleted — Undo" stays offered.
const undoWindow = 8 * time.Second

// journalScreen lists journal entries, newest first, beside an editor that
// saves by itself: shortly after the last change, and at once when another
// entry is opened or the screen is left (switching screen, lock, quit).
type journalScreen struct {
	a *App

	rows    []entryRow // the list, newest first
	tags    []string   // known tags, most used first
	loadGen int        // ignores list loads overtaken by a newer one
	loaded  bool

	cur      journal.Record // the entry in the editor; zero ID until first saved
	dirty    bool           // the editor holds changes not yet saved
	filling  bool           // the editor is being filled: not a user's change
	longBody string         // the body, when it is too long for the editor (see editLimit)

	saveLater *debouncer
	undoLater *debouncer
	deleted   *journal.Record // the entry "Undo" would bring back

	list     *widget.List
	empty    *widget.Label
	title    *widget.Entry
	body     *bodyEntry
	long     *longReader // shows a body too long for the editor
	mood     *widget.RadioGroup
	tagField *widget.Entry
	tagHints *fyne.Container
	date     *widget.DateEntry
	status   *widget.Label
	delete   *widget.Button
	prompt   *widget.Button
	undoBar  fyne.CanvasObject
	goTo     *widget.Button
}

func newJournalScreen(a *App) screen {
	s := &journalScreen{a: a}
	s.saveLater = newDebouncer(autosaveDelay, s.flush)
	s.undoLater = newDebouncer(undoWindow, s.forgetDeleted)
	return s
}

func (s *journalScreen) Title() string       { return lang.X("nav.journal", "Journal") }
func (s *journalScreen) Icon() fyne.Resource { return theme.DocumentCreateIcon() }

// Refresh reloads the list, which other screens may have changed.
func (s *journalScreen) Refresh() { s.reload() }

// Leave saves the open entry now.
func (s *journalScreen) Leave() { s.flush() }

// FocusTarget is the body, so a shortcut lands where the writing happens.
func (s *journalScreen) FocusTarget() fyne.Focusable { return s.body }

func (s *journalScreen) Content() fyne.CanvasObject {
	s.list = widget.NewList(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject { return newEntryItem() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.rows) {
				o.(*entryItem).set(s.rows[i])
			}
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if i < len(s.rows) && s.rows[i].ID != s.cur.ID {
			s.open(s.rows[i].ID)
		}
	}
	s.empty = wrapped(lang.X("journal.empty", "Nothing here yet. Whenever you're ready, write a first line: a few words are enough."))
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Hide()

	newBtn := widget.NewButtonWithIcon(lang.X("journal.new", "New entry"), theme.ContentAddIcon(), s.NewEntry)
	newBtn.Importance = widget.HighImportance
	// Icon only: the left pane is narrow, and Ukrainian labels are long.
	s.goTo = widget.NewButtonWithIcon("", theme.CalendarIcon(), s.showCalendar)
	s.goTo.Importance = widget.LowImportance
	left := container.NewBorder(
		container.NewHBox(newBtn, layout.NewSpacer(), s.goTo), nil, nil, nil,
		container.NewStack(s.list, container.NewPadded(s.empty)))

	s.title = widget.NewEntry()
	s.title.SetPlaceHolder(lang.X("journal.title", "Title (optional)"))
	s.title.OnChanged = func(string) { s.changed() }
	s.body = newBodyEntry()
	s.body.onLongPaste = s.offerLongPaste
	s.long = newLongReader()
	s.long.root.Hide()
	s.body.SetPlaceHolder(lang.X("journal.body", "Write whatever is on your mind. It saves by itself."))
	s.body.OnChanged = func(string) { s.changed() }
	s.mood = widget.NewRadioGroup([]string{"1", "2", "3", "4", "5"}, func(string) { s.changed() })
	s.mood.Horizontal = true
	s.tagField = widget.NewEntry()
	s.tagField.SetPlaceHolder(lang.X("journal.tags.hint", "Separate tags with commas"))
	s.tagField.OnChanged = func(string) {
		s.showTagHints()
		s.changed()
	}
	s.tagHints = container.NewHBox()
	s.date = widget.NewDateEntry()
	s.date.OnChanged = func(d *time.Time) {
		if d != nil {
			s.changed()
		}
	}
	s.status = widget.NewLabel("")
	s.status.SizeName = theme.SizeNameCaptionText
	s.status.Importance = widget.LowImportance
	s.prompt = widget.NewButtonWithIcon(lang.X("journal.prompt", "Start from a prompt"), theme.MenuIcon(), s.showPrompts)
	s.prompt.Importance = widget.LowImportance
	s.delete = widget.NewButtonWithIcon(lang.X("journal.delete", "Delete"), theme.DeleteIcon(), s.deleteEntry)
	s.delete.Importance = widget.LowImportance

	undoBtn := widget.NewButtonWithIcon(lang.X("journal.undo", "Undo"), theme.ContentUndoIcon(), s.undo)
	s.undoBar = container.NewBorder(nil, nil, nil, undoBtn, widget.NewLabel(lang.X("journal.deleted", "Entry deleted.")))
	s.undoBar.Hide()

	// The hints scroll sideways rather than widen the editor.
	hints := container.NewHScroll(s.tagHints)
	meta := widget.NewForm(
		widget.NewFormItem(lang.X("journal.mood", "Mood"), s.mood),
		widget.NewFormItem(lang.X("journal.date", "Date"), s.date),
		widget.NewFormItem(lang.X("journal.tags", "Tags"), container.NewVBox(s.tagField, hints)),
	)
	meta.Items[0].HintText = lang.X("journal.mood.hint", "1 is low, 5 is good; leave it empty if you like.")
	top := container.NewBorder(nil, nil, s.prompt, container.NewHBox(s.status, s.delete))
	bottom := container.NewVBox(meta, s.undoBar)
	editor := container.NewBorder(container.NewVBox(top, s.title), bottom, nil, nil, container.NewStack(s.body, s.long.root))

	split := container.NewHSplit(left, container.NewPadded(editor))
	split.Offset = 0.36
	s.newBlank()
	return container.NewPadded(split)
}

// reload lists the entries off the UI goroutine and shows them.
func (s *journalScreen) reload() {
	rs := s.a.Records()
	if rs == nil || s.list == nil {
		return
	}
	s.loadGen++
	gen := s.loadGen
	s.a.Run(func() {
		recs, err := rs.List(journal.Filter{Kinds: []journal.Kind{journal.KindEntry}})
		rows := make([]entryRow, len(recs))
		for i := range recs {
			rows[i] = summarize(&recs[i])
		}
		recs = nil
		tags := tagCounts(rows)
		fyne.Do(func() {
			if gen != s.loadGen {
				return
			}
			if err != nil && !errors.Is(err, journal.ErrLocked) {
				fyne.LogError("list journal entries", err)
			}
			s.rows, s.tags, s.loaded = rows, tags, true
			// A save or delete may have happened while the list loaded.
			if !s.cur.ID.IsZero() && s.cur.Entry != nil {
				s.placeRow(summarize(&s.cur))
			}
			if s.deleted != nil {
				s.dropRow(s.deleted.ID)
			}
			s.list.Refresh()
			s.showEmpty()
			s.selectCurrent()
			s.showTagHints()
		})
	})
}

func (s *journalScreen) showEmpty() {
	if s.loaded && len(s.rows) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
}

func (s *journalScreen) indexOf(id journal.ID) int {
	if id.IsZero() {
		return -1
	}
	return slices.IndexFunc(s.rows, func(r entryRow) bool { return r.ID == id })
}

// placeRow puts row into the list in order, replacing the row with its id,
// and returns its index.
func (s *journalScreen) placeRow(row entryRow) int {
	if i := s.indexOf(row.ID); i >= 0 {
		if s.rows[i].Date == row.Date {
			s.rows[i] = row
			return i
		}
		s.rows = slices.Delete(s.rows, i, i+1)
	}
	i := sort.Search(len(s.rows), func(i int) bool { return newerFirst(s.rows[i], row) > 0 })
	s.rows = slices.Insert(s.rows, i, row)
	return i
}

func (s *journalScreen) dropRow(id journal.ID) int {
	i := s.indexOf(id)
	if i >= 0 {
		s.rows = slices.Delete(s.rows, i, i+1)
	}
	return i
}

// selectCurrent highlights the open entry in the list, or nothing.
func (s *journalScreen) selectCurrent() {
	if i := s.indexOf(s.cur.ID); i >= 0 {
		s.list.Select(i) // OnSelected sees the same id and does nothing
	} else {
		s.list.UnselectAll()
	}
}

// show puts r into the editor as it is saved.
func (s *journalScreen) show(r journal.Record) {
	s.saveLater.cancel()
	s.cur, s.dirty = r, false
	e := r.Entry
	if e == nil {
		e = &journal.Entry{}
	}
	s.filling = true
	s.title.SetText(e.Title)
	if len(e.Body) > editLimit {
		s.longBody = e.Body
		s.body.SetText("")
		s.body.Hide()
		s.long.set(e.Body)
		s.long.root.Show()
	} else {
		s.longBody = ""
		s.long.clear()
		s.long.root.Hide()
		s.body.Show()
		s.body.SetText(e.Body)
	}
	s.mood.SetSelected("")
	if e.Mood > 0 {
		s.mood.SetSelected(strconv.Itoa(e.Mood))
	}
	s.tagField.SetText(strings.Join(e.Tags, ", "))
	if d, err := time.ParseInLocation(journal.DateLayout, r.Date, time.Local); err == nil {
		s.date.SetDate(&d)
	}
	s.filling = false
	s.status.SetText("")
	s.showTagHints()
	if r.ID.IsZero() {
		s.delete.Disable()
	} else {
		s.delete.Enable()
	}
}

// newBlank shows a new, empty entry for today. It is saved only once
// something is written in it.
func (s *journalScreen) newBlank() {
	s.show(journal.Record{Kind: journal.KindEntry, Date: s.a.Now().Format(journal.DateLayout), Entry: &journal.Entry{}})
}

// NewEntry saves the open entry and starts a new one (Ctrl+N).
func (s *journalScreen) NewEntry() {
	if s.list == nil {
		return
	}
	s.a.Touch()
	s.flush()
	s.newBlank()
	s.list.UnselectAll()
	s.focus(s.body)
}

func (s *journalScreen) focus(f fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.body); c != nil {
		c.Focus(f)
	}
}

// open saves the open entry and shows entry id in the editor.
func (s *journalScreen) open(id journal.ID) {
	rs := s.a.Records()
	if rs == nil || s.list == nil {
		return
	}
	s.flush()
	r, err := rs.Get(id)
	if err != nil || r.Entry == nil {
		fyne.LogError("open entry", err)
		s.status.SetText(lang.X("journal.openfailed", "This entry could not be opened."))
		return
	}
	s.show(r)
	s.selectCurrent()
}

// changed notes a change the user made and saves it a moment later.
func (s *journalScreen) changed() {
	if s.filling {
		return
	}
	s.a.Touch()
	s.dirty = true
	s.status.SetText(lang.X("journal.saving", "Saving…"))
	s.saveLater.trigger()
}

// edited returns the open entry as the editor holds it.
func (s *journalScreen) edited() journal.Record {
	r := s.cur
	old := r.Entry
	if old == nil {
		old = &journal.Entry{}
	}
	// A new Entry each time: the record handed to Save is never changed
	// afterwards, whatever the store keeps of it.
	r.Kind = journal.KindEntry
	body := s.body.Text
	if s.longBody != "" {
		body = s.longBody
	}
	r.Entry = &journal.Entry{
		Title:   s.title.Text,
		Body:    body,
		Tags:    parseTags(s.tagField.Text),
		Starred: old.Starred,
	}
	r.Entry.Mood, _ = strconv.Atoi(s.mood.Selected)
	if s.date.Date != nil {
		r.Date = s.date.Date.Format(journal.DateLayout)
	}
	return r
}

func blankEntry(e *journal.Entry) bool {
	return e.Title == "" && e.Body == "" && len(e.Tags) == 0 && e.Mood == 0
}

// flush saves the editor now if it holds changes. A new entry with nothing
// in it is not saved.
func (s *journalScreen) flush() {
	s.saveLater.cancel()
	if !s.dirty || s.list == nil {
		return
	}
	rs := s.a.Records()
	if rs == nil {
		return
	}
	r := s.edited()
	if r.ID.IsZero() && blankEntry(r.Entry) {
		s.dirty = false
		s.status.SetText("")
		return
	}
	isNew := r.ID.IsZero()
	if err := rs.Save(&r); err != nil {
		fyne.LogError("save entry", err)
		s.status.SetText(lang.X("journal.savefailed", "Not saved yet. Your words are still here; Rewire will try again."))
		return
	}
	s.cur, s.dirty = r, false
	s.status.SetText(lang.X("journal.saved", "Saved"))
	s.delete.Enable()
	before := s.indexOf(r.ID)
	at := s.placeRow(summarize(&r))
	s.addTags(r.Entry.Tags)
	s.showEmpty()
	if isNew || at != before {
		s.list.Refresh()
		s.selectCurrent()
	} else {
		s.list.RefreshItem(at)
	}
}

func (s *journalScreen) addTags(tags []string) {
	for _, t := range tags {
		if !slices.ContainsFunc(s.tags, func(k string) bool { return strings.EqualFold(k, t) }) {
			s.tags = append(s.tags, t)
		}
	}
}

// showTagHints offers known tags completing the one being typed.
func (s *journalScreen) showTagHints() {
	if s.tagHints == nil {
		return
	}
	s.tagHints.RemoveAll()
	for _, t := range tagSuggestions(s.tagField.Text, s.tags, 4) {
		b := widget.NewButton("#"+t, func() {
			s.tagField.SetText(completeTag(s.tagField.Text, t))
			s.focus(s.tagField)
			s.tagField.CursorColumn = len([]rune(s.tagField.Text))
			s.tagField.Refresh()
		})
		b.Importance = widget.LowImportance
		s.tagHints.Add(b)
	}
	s.tagHints.Refresh()
}

// showPrompts offers the writing prompts as a menu under the button.
func (s *journalScreen) showPrompts() {
	c := fyne.CurrentApp().Driver().CanvasForObject(s.prompt)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.prompt)
	widget.ShowPopUpMenuAtPosition(s.promptMenu(), c, pos.AddXY(0, s.prompt.Size().Height))
}

func (s *journalScreen) promptMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for i, p := range journalPrompts() {
		items = append(items, fyne.NewMenuItem(p, func() { s.startFromPrompt(i) }))
	}
	return fyne.NewMenu("", items...)
}

// startFromPrompt starts a new entry whose body begins with prompt i. It
// is saved once the user writes something under it.
func (s *journalScreen) startFromPrompt(i int) {
	prompts := journalPrompts()
	if i < 0 || i >= len(prompts) {
		return
	}
	s.NewEntryWithPrompt(prompts[i])
}

// NewEntryWithPrompt starts a new entry whose body begins with prompt (for
// Today's prompt of the day).
func (s *journalScreen) NewEntryWithPrompt(prompt string) {
	s.a.Touch()
	s.flush()
	if !s.cur.ID.IsZero() || s.body.Text != "" {
		s.newBlank()
		s.list.UnselectAll()
	}
	s.filling = true
	s.body.SetText(prompt + "\n\n")
	s.filling = false
	s.body.CursorRow, s.body.CursorColumn = 2, 0
	s.body.Refresh()
	s.focus(s.body)
}

// showCalendar opens a calendar; picking a day jumps the list there.
func (s *journalScreen) showCalendar() {
	start := s.a.Now()
	if s.date.Date != nil {
		start = *s.date.Date
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(s.goTo)
	var pop *widget.PopUp
	cal := widget.NewCalendar(start, func(t time.Time) {
		pop.Hide()
		s.jumpTo(t)
	})
	pop = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.goTo)
	pop.ShowAtPosition(pos.AddXY(0, s.goTo.Size().Height))
}

// jumpTo opens the newest entry on or before day (or the oldest entry if
// all are later) and scrolls the list to it.
func (s *journalScreen) jumpTo(day time.Time) {
	if len(s.rows) == 0 {
		return
	}
	d := day.Format(journal.DateLayout)
	i := sort.Search(len(s.rows), func(i int) bool { return s.rows[i].Date <= d })
	if i == len(s.rows) {
		i--
	}
	s.list.Select(i)
	s.list.ScrollTo(i)
}

// deleteEntry deletes the open entry, offering to undo it for a while.
func (s *journalScreen) deleteEntry() {
	s.a.Touch()
	s.flush()
	rs := s.a.Records()
	if rs == nil {
		return
	}
	if s.cur.ID.IsZero() {
		s.newBlank()
		return
	}
	gone := s.cur
	if err := rs.Delete(gone.ID); err != nil {
		fyne.LogError("delete entry", err)
		s.status.SetText(lang.X("journal.deletefailed", "This entry could not be deleted. Please try again."))
		return
	}
	s.dropRow(gone.ID)
	s.deleted = &gone
	s.list.Refresh()
	s.newBlank()
	s.list.UnselectAll()
	s.showEmpty()
	s.undoBar.Show()
	s.undoLater.trigger()
}

// undo brings the deleted entry back, with the same id.
func (s *journalScreen) undo() {
	rs := s.a.Records()
	if s.deleted == nil || rs == nil {
		return
	}
	s.a.Touch()
	r := *s.deleted
	s.forgetDeleted()
	s.flush()
	if err := rs.Save(&r); err != nil {
		fyne.LogError("undo delete", err)
		s.status.SetText(lang.X("journal.savefailed", "Not saved yet. Your words are still here; Rewire will try again."))
		return
	}
	s.placeRow(summarize(&r))
	s.list.Refresh()
	s.showEmpty()
	s.show(r)
	s.selectCurrent()
}

func (s *journalScreen) forgetDeleted() {
	s.undoLater.cancel()
	s.deleted = nil
	s.undoBar.Hide()
}

// OpenEntry opens entry id in the editor (for Today's "On this day").
func (s *journalScreen) OpenEntry(id journal.ID) {
	s.open(id)
	s.focus(s.body)
}
