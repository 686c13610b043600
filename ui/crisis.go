package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// crisisKey is the crisis card's shortcut (Ctrl+K, Cmd+K on macOS), the
// same in the unlocked app and on the unlock screen.
const crisisKey = fyne.KeyK

// isCrisisShortcut reports whether s is the crisis card's shortcut.
func isCrisisShortcut(s fyne.Shortcut) bool {
	c, ok := s.(*desktop.CustomShortcut)
	return ok && c.KeyName == crisisKey && c.Modifier == fyne.KeyModifierShortcutDefault
}

// crisisScreen is the user's own plan for a hard moment: a calm read view,
// and an edit view that saves as the user types. The card is one
// [journal.KindCrisis] record; what the user ticks as safe to show while
// locked is also copied to a plain file for the unlock screen (see
// crisis_locked.go).
type crisisScreen struct {
	a *App

	card    journal.CrisisCard
	id      journal.ID
	date    string
	created time.Time

	editing  bool
	area     *fyne.Container // holds the read or the edit view
	readBox  *fyne.Container
	readView fyne.CanvasObject
	editView fyne.CanvasObject

	reasons, signs, helps *widget.Entry
	showLocked            *widget.Check
	people, lines         *contactEditor
	status                *saveStatus
	copyProblem           *widget.Label // in the editor: the unlock-screen copy could not be updated
	copyErr               string        // why the last update of that copy failed; "" when it did not
	saver                 *dailySaver
	loading               bool
}

func newCrisisScreen(a *App) screen {
	s := &crisisScreen{a: a}
	s.saver = newDailySaver(s.save)
	// Bring the unlock-screen copy in line with the vault at every unlock:
	// a tick removed while a write failed, or a file edited by someone
	// else, is corrected here.
	s.loadCard()
	s.syncLocked()
	return s
}

func (s *crisisScreen) Title() string       { return lang.X("crisis.title", "Crisis card") }
func (s *crisisScreen) Icon() fyne.Resource { return theme.WarningIcon() }

// Leave saves what was typed.
func (s *crisisScreen) Leave() { s.saver.flush() }

// Refresh reloads the card and shows it in the calm read view. An edit that
// could not be saved stays in the editor instead, so nothing is lost.
func (s *crisisScreen) Refresh() {
	if s.saver.dirty {
		s.showEdit()
		return
	}
	s.loadCard()
	s.showRead()
}

func (s *crisisScreen) Content() fyne.CanvasObject {
	s.readBox = container.NewVBox()
	s.readView = container.NewVScroll(container.NewPadded(s.readBox))
	s.editView = s.buildEditor()
	s.area = container.NewStack()
	return s.area
}

// loadCard reads the card record, if there is one.
func (s *crisisScreen) loadCard() {
	s.card, s.id, s.date, s.created = journal.CrisisCard{}, journal.ID{}, "", time.Time{}
	recs := s.a.Records()
	if recs == nil {
		return
	}
	list, err := recs.List(journal.Filter{Kinds: []journal.Kind{journal.KindCrisis}})
	if err != nil {
		fyne.LogError("load crisis card", err)
		return
	}
	if len(list) > 0 && list[0].Crisis != nil {
		r := list[0]
		s.card, s.id, s.date, s.created = *r.Crisis, r.ID, r.Date, r.Created
	}
}

// syncLocked makes the unlock-screen copy hold exactly the ticked parts.
func (s *crisisScreen) syncLocked() bool {
	path := lockedCardPath(s.a.vaults.Path())
	if path == "" {
		return true
	}
	err := writeLockedCard(path, lockedPart(s.card))
	s.copyErr = ""
	if err != nil {
		fyne.LogError("crisis card copy", err)
		s.copyErr = lang.X("crisis.copyfailed", "The copy for the unlock screen could not be updated, so it may still show what it showed before: {{.Err}}", map[string]any{"Err": err.Error()})
	}
	if s.copyProblem != nil {
		s.copyProblem.SetText(s.copyErr)
		s.copyProblem.Hidden = s.copyErr == ""
		s.copyProblem.Refresh()
	}
	return err == nil
}

// showRead shows the card as a calm page.
func (s *crisisScreen) showRead() {
	s.editing = false
	edit := widget.NewButtonWithIcon(lang.X("crisis.edit", "Edit my card"), theme.DocumentCreateIcon(), s.showEdit)
	head := container.NewBorder(nil, nil, nil, edit, screenHeading(s.Title()))
	objs := []fyne.CanvasObject{head}
	if crisisCardEmpty(s.card) {
		objs = append(objs,
			wrapped(lang.X("crisis.empty", "Your crisis card is empty. Write it on a calm day, so it is ready on a hard one: your reasons to stay on track, the signs that a hard moment is coming, what helps, and who you can call.")),
			container.NewHBox(widget.NewButtonWithIcon(lang.X("crisis.write", "Write my card"), theme.DocumentCreateIcon(), s.showEdit)),
		)
	} else {
		objs = append(objs, wrapped(lang.X("crisis.readintro", "This is your plan. Breathe out slowly, and read it one line at a time.")))
		objs = append(objs, crisisSections(s.card, true)...)
	}
	if s.copyErr != "" {
		w := wrapped(s.copyErr)
		w.Importance = widget.WarningImportance
		objs = append(objs, w)
	}
	s.readBox.Objects = objs
	s.readBox.Refresh()
	s.area.Objects = []fyne.CanvasObject{s.readView}
	s.area.Refresh()
}

// showEdit fills the editor from the card and shows it.
func (s *crisisScreen) showEdit() {
	if !s.saver.dirty {
		s.fill()
	}
	s.editing = true
	s.area.Objects = []fyne.CanvasObject{s.editView}
	s.area.Refresh()
	s.a.Touch()
}

func (s *crisisScreen) done() {
	s.saver.flush()
	if s.saver.dirty {
		return // the failure is on screen; stay in the editor
	}
	s.showRead()
}

func (s *crisisScreen) buildEditor() fyne.CanvasObject {
	multi := func(placeholder string) *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
		e.SetPlaceHolder(placeholder)
		e.OnChanged = func(string) { s.changed() }
		return e
	}
	s.reasons = multi(lang.X("crisis.reasons.placeholder", "One reason per line: people, plans, how far you have come"))
	s.signs = multi(lang.X("crisis.signs.placeholder", "One per line: thoughts, feelings, places or times that tell you a hard moment is coming"))
	s.helps = multi(lang.X("crisis.helps.placeholder", "One per line: things you can do on your own, like a walk, a shower, music, slow breathing"))
	s.showLocked = widget.NewCheck(lang.X("crisis.showlocked", "Show my reasons and what helps on the unlock screen"), func(bool) { s.changed() })
	s.people = newContactEditor(lang.X("crisis.person.name", "Name"), s.changed)
	s.lines = newContactEditor(lang.X("crisis.line.name", "Line"), s.changed)

	addPerson := widget.NewButtonWithIcon(lang.X("crisis.addperson", "Add a person"), theme.ContentAddIcon(), func() {
		s.people.add(journal.Contact{})
		s.changed()
	})
	addLine := widget.NewButtonWithIcon(lang.X("crisis.addline", "Add a line"), theme.ContentAddIcon(), func() {
		s.lines.add(journal.Contact{})
		s.changed()
	})
	suggest := widget.NewButton(lang.X("crisis.suggest", "Add suggested lines for my language"), func() {
		if s.lines.addMissing(suggestedLines(CurrentLanguage())) {
			s.changed()
		}
	})
	s.status = newSaveStatus()
	s.copyProblem = wrapped(s.copyErr)
	s.copyProblem.Importance = widget.WarningImportance
	s.copyProblem.Hidden = s.copyErr == ""
	done := widget.NewButtonWithIcon(lang.X("crisis.done", "Done"), theme.ConfirmIcon(), s.done)
	done.Importance = widget.HighImportance

	lockedNote := wrapped(lang.X("crisis.lockednote", "What you tick to show on the unlock screen is kept in a small file next to your journal, without encryption, so it can be read before unlocking: by you, and by anyone who can use this computer. Untick it and Rewire removes it from that file."))
	lockedNote.Importance = widget.WarningImportance
	linesNote := caption(lang.X("crisis.linesnote", "Suggestions are a starting point: numbers differ by country and change over time, so check each one is right for where you are. Rewire never calls or connects anyone."))

	form := container.NewVBox(
		container.NewBorder(nil, nil, nil, done, screenHeading(s.Title())),
		wrapped(lang.X("crisis.editintro", "Write this on a calm day, so it is ready on a hard one. It saves as you type.")),
		subheading(lang.X("crisis.reasons", "Reasons to stay on track")), s.reasons,
		subheading(lang.X("crisis.signs", "Warning signs")), s.signs,
		subheading(lang.X("crisis.helps", "Things that help")), s.helps,
		s.showLocked,
		subheading(lang.X("crisis.people", "People I can call")), s.people.box, container.NewHBox(addPerson),
		subheading(lang.X("crisis.lines", "Crisis lines")), s.lines.box, container.NewHBox(addLine, suggest), linesNote,
		widget.NewSeparator(),
		lockedNote,
		s.status.label,
		s.copyProblem,
	)
	return container.NewVScroll(container.NewPadded(form))
}

// fill puts the card into the editor without counting it as a change.
func (s *crisisScreen) fill() {
	s.loading = true
	defer func() { s.loading = false }()
	s.saver.forget()
	s.status.clear()
	s.reasons.SetText(strings.Join(s.card.Reasons, "\n"))
	s.signs.SetText(strings.Join(s.card.WarningSigns, "\n"))
	s.helps.SetText(strings.Join(s.card.Helps, "\n"))
	s.showLocked.SetChecked(s.card.ShowLocked)
	for _, e := range []*widget.Entry{s.reasons, s.signs, s.helps} {
		e.SetMinRowsVisible(min(max(3, strings.Count(e.Text, "\n")+2), 8))
	}
	s.people.set(s.card.People)
	s.lines.set(s.card.Lines)
}

func (s *crisisScreen) changed() {
	if s.loading {
		return
	}
	s.a.Touch()
	s.status.clear()
	s.saver.changed()
}

// form returns the card as the editor holds it.
func (s *crisisScreen) form() journal.CrisisCard {
	return journal.CrisisCard{
		Reasons:      splitLines(s.reasons.Text),
		WarningSigns: splitLines(s.signs.Text),
		Helps:        splitLines(s.helps.Text),
		People:       s.people.contacts(),
		Lines:        s.lines.contacts(),
		ShowLocked:   s.showLocked.Checked,
	}
}

// save stores the card and updates the unlock-screen copy; it reports
// false if the card could not be stored.
func (s *crisisScreen) save() bool {
	recs := s.a.Records()
	if recs == nil {
		return false
	}
	c := s.form()
	if s.id.IsZero() && crisisCardEmpty(c) {
		return true // nothing written, nothing to keep
	}
	date := s.date
	if date == "" {
		date = dayKey(s.a.Now())
	}
	r := &journal.Record{ID: s.id, Kind: journal.KindCrisis, Date: date, Created: s.created, Crisis: &c}
	if err := recs.Save(r); err != nil {
		fyne.LogError("save crisis card", err)
		s.status.failed()
		return false
	}
	s.card, s.id, s.date, s.created = c, r.ID, r.Date, r.Created
	s.syncLocked()
	s.status.saved()
	return true
}

// crisisCardEmpty reports whether c holds nothing the user wrote.
func crisisCardEmpty(c journal.CrisisCard) bool {
	return len(c.Reasons) == 0 && len(c.WarningSigns) == 0 && len(c.Helps) == 0 &&
		len(c.People) == 0 && len(c.Lines) == 0
}

// splitLines returns the non-blank lines of text, trimmed.
func splitLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// crisisSections draws a card's parts, skipping empty ones. With
// unlocked false the card is the unlock-screen copy, which has no warning
// signs and no "shown while locked" marks.
func crisisSections(c journal.CrisisCard, unlocked bool) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	list := func(title string, items []string, shown bool) {
		if len(items) == 0 {
			return
		}
		var rows []fyne.CanvasObject
		if unlocked && shown {
			rows = append(rows, caption(lang.X("crisis.contactshown", "Shown while locked")))
		}
		// One label, one line per item: calmer than a padded row each.
		rows = append(rows, wrapped("•  "+strings.Join(items, "\n•  ")))
		out = append(out, panel(title, rows...))
	}
	contacts := func(title string, cs []journal.Contact) {
		if len(cs) == 0 {
			return
		}
		var rows []fyne.CanvasObject
		for _, x := range cs {
			rows = append(rows, contactView(x, unlocked))
		}
		out = append(out, panel(title, rows...))
	}
	list(lang.X("crisis.reasons", "Reasons to stay on track"), c.Reasons, c.ShowLocked)
	list(lang.X("crisis.signs", "Warning signs"), c.WarningSigns, false)
	list(lang.X("crisis.helps", "Things that help"), c.Helps, c.ShowLocked)
	contacts(lang.X("crisis.people", "People I can call"), c.People)
	contacts(lang.X("crisis.lines", "Crisis lines"), c.Lines)
	return out
}

// contactView is a name, a large selectable number and a note.
func contactView(c journal.Contact, unlocked bool) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(c.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Wrapping = fyne.TextWrapWord
	phone := widget.NewLabel(c.Phone)
	phone.Selectable = true
	phone.SizeName = theme.SizeNameSubHeadingText
	// A Border gives the wrapping name the width the number leaves; in an
	// HBox it would get none and wrap at every letter.
	row := container.NewVBox(container.NewBorder(nil, nil, nil, phone, name))
	var small []string
	if c.Note != "" {
		small = append(small, c.Note)
	}
	if unlocked && c.ShowLocked {
		small = append(small, lang.X("crisis.contactshown", "Shown while locked"))
	}
	if len(small) > 0 {
		row.Add(caption(strings.Join(small, " · ")))
	}
	return row
}

// caption is small, quiet wrapped text.
func caption(text string) *widget.Label {
	l := wrapped(text)
	l.SizeName = theme.SizeNameCaptionText
	l.Importance = widget.LowImportance
	return l
}

// subheading is a bold section title inside a form.
func subheading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// contactEditor edits a list of people or lines: name, number, note and
// "show while locked" per row.
type contactEditor struct {
	box     *fyne.Container
	rows    []*contactRow
	namePH  string
	changed func()
}

type contactRow struct {
	name, phone, note *widget.Entry
	locked            *widget.Check
	obj               fyne.CanvasObject
}

func newContactEditor(namePlaceholder string, changed func()) *contactEditor {
	return &contactEditor{box: container.NewVBox(), namePH: namePlaceholder, changed: changed}
}

// set replaces the rows with cs.
func (e *contactEditor) set(cs []journal.Contact) {
	e.rows = nil
	e.box.Objects = nil
	for _, c := range cs {
		e.add(c)
	}
	e.box.Refresh()
}

// add appends a row holding c.
func (e *contactEditor) add(c journal.Contact) {
	r := &contactRow{name: widget.NewEntry(), phone: widget.NewEntry(), note: widget.NewEntry()}
	r.name.SetPlaceHolder(e.namePH)
	r.phone.SetPlaceHolder(lang.X("crisis.phone", "Number"))
	r.note.SetPlaceHolder(lang.X("crisis.note", "Note (optional)"))
	r.name.SetText(c.Name)
	r.phone.SetText(c.Phone)
	r.note.SetText(c.Note)
	r.locked = widget.NewCheck(lang.X("crisis.contactlocked", "Show on the unlock screen"), nil)
	r.locked.SetChecked(c.ShowLocked)
	for _, en := range []*widget.Entry{r.name, r.phone, r.note} {
		en.OnChanged = func(string) { e.changed() }
	}
	r.locked.OnChanged = func(bool) { e.changed() }
	remove := widget.NewButtonWithIcon(lang.X("crisis.remove", "Remove"), theme.DeleteIcon(), func() { e.remove(r) })
	remove.Importance = widget.LowImportance
	r.obj = container.NewVBox(
		container.NewGridWithColumns(3, r.name, r.phone, r.note),
		container.NewHBox(r.locked, layout.NewSpacer(), remove),
	)
	e.rows = append(e.rows, r)
	e.box.Add(r.obj)
}

func (e *contactEditor) remove(r *contactRow) {
	for i, x := range e.rows {
		if x == r {
			e.rows = append(e.rows[:i], e.rows[i+1:]...)
			break
		}
	}
	e.box.Remove(r.obj)
	e.changed()
}

// addMissing adds each of cs whose number is not on the list yet; it
// reports whether it added any.
func (e *contactEditor) addMissing(cs []journal.Contact) bool {
	have := map[string]bool{}
	for _, r := range e.rows {
		have[strings.TrimSpace(r.phone.Text)] = true
	}
	added := false
	for _, c := range cs {
		if !have[c.Phone] {
			e.add(c)
			added = true
		}
	}
	e.box.Refresh()
	return added
}

// contacts returns the rows, without rows left entirely blank.
func (e *contactEditor) contacts() []journal.Contact {
	var out []journal.Contact
	for _, r := range e.rows {
		c := journal.Contact{
			Name:       strings.TrimSpace(r.name.Text),
			Phone:      strings.TrimSpace(r.phone.Text),
			Note:       strings.TrimSpace(r.note.Text),
			ShowLocked: r.locked.Checked,
		}
		if c.Name != "" || c.Phone != "" || c.Note != "" {
			out = append(out, c)
		}
	}
	return out
}
