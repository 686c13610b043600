package ui

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	prac "github.com/rewirejournal/rewire/journal/practice"
)

// patternEditor makes or changes one of the user's breathing patterns.
type patternEditor struct {
	a      *App
	rec    *journal.Record // nil for a new pattern
	others []*journal.Record
	done   func(saved bool)

	name, inhale, holdIn, exhale, holdOut, length *widget.Entry
	byCycles                                      *widget.RadioGroup
	errs                                          map[string]*widget.Label
	status                                        *saveStatus
	box                                           fyne.CanvasObject
}

// newPatternEditor edits rec (nil: a new pattern) among all, the user's
// patterns; done is called after saving or cancelling.
func newPatternEditor(a *App, rec *journal.Record, all []*journal.Record, done func(saved bool)) *patternEditor {
	e := &patternEditor{a: a, rec: rec, done: done, errs: map[string]*widget.Label{}, status: newSaveStatus()}
	for _, r := range all {
		if rec == nil || r.ID != rec.ID {
			e.others = append(e.others, r)
		}
	}
	bp := journal.BreathingPattern{Inhale: 4, HoldIn: 4, Exhale: 6, HoldOut: 0, Minutes: 5}
	if rec != nil && rec.Pattern != nil {
		bp = *rec.Pattern
	}
	num := func(x float64) *widget.Entry {
		en := widget.NewEntry()
		en.SetText(numText(x))
		return en
	}
	e.name = widget.NewEntry()
	e.name.SetText(bp.Name)
	e.name.SetPlaceHolder(lang.X("breathe.edit.name.hint", "For example: Evening calm"))
	e.inhale, e.holdIn, e.exhale, e.holdOut = num(bp.Inhale), num(bp.HoldIn), num(bp.Exhale), num(bp.HoldOut)
	minutes, breaths := lang.X("breathe.edit.minutes", "Minutes"), lang.X("breathe.edit.breaths", "Breaths")
	e.byCycles = widget.NewRadioGroup([]string{minutes, breaths}, nil)
	e.byCycles.Horizontal = true
	e.byCycles.Required = true
	if bp.Cycles > 0 {
		e.byCycles.SetSelected(breaths)
		e.length = num(float64(bp.Cycles))
	} else {
		e.byCycles.SetSelected(minutes)
		e.length = num(bp.Minutes)
	}
	field := func(label string, key string, w fyne.CanvasObject) fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Importance = widget.DangerImportance
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
		e.errs[key] = l
		return container.NewVBox(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), w, l)
	}
	secs := func(label, key string, en *widget.Entry) fyne.CanvasObject {
		return field(label, key, container.NewBorder(nil, nil, nil, widget.NewLabel(lang.X("breathe.edit.seconds", "seconds")), en))
	}
	title := lang.X("breathe.edit.new", "New breathing pattern")
	if rec != nil {
		title = lang.X("breathe.edit.change", "Change breathing pattern")
	}
	save := widget.NewButtonWithIcon(lang.X("breathe.edit.save", "Save"), theme.DocumentSaveIcon(), e.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.X("breathe.edit.cancel", "Cancel"), func() { e.done(false) })
	hint := wrapped(lang.X("breathe.edit.hint", "Each phase lasts 0 to 30 seconds; breathing in and out take at least 1 second. A hold of 0 is left out."))
	hint.SizeName = theme.SizeNameCaptionText
	form := container.NewVBox(
		screenHeading(title),
		field(lang.X("breathe.edit.name", "Name"), prac.FieldName, e.name),
		container.NewGridWithColumns(2,
			secs(lang.X("breathe.edit.inhale", "Breathe in"), prac.FieldInhale, e.inhale),
			secs(lang.X("breathe.edit.holdin", "Hold after breathing in"), prac.FieldHoldIn, e.holdIn),
			secs(lang.X("breathe.edit.exhale", "Breathe out"), prac.FieldExhale, e.exhale),
			secs(lang.X("breathe.edit.holdout", "Rest after breathing out"), prac.FieldHoldOut, e.holdOut),
		),
		hint,
		field(lang.X("breathe.edit.length", "How long"), prac.FieldLength, container.NewBorder(nil, nil, e.byCycles, nil, e.length)),
		container.NewHBox(cancel, save),
		e.status.label,
	)
	e.box = container.NewVScroll(container.NewPadded(container.NewCenter(container.New(&widthLayout{width: 620}, form))))
	return e
}

func (e *patternEditor) Content() fyne.CanvasObject { return e.box }

// parseSeconds reads a number typed with a point or a comma; anything
// else is NaN, which validation refuses.
func parseSeconds(s string) float64 {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	if s == "" {
		return math.NaN()
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(x, 0) {
		return math.NaN()
	}
	return x
}

// pattern is what the form says.
func (e *patternEditor) pattern() journal.BreathingPattern {
	bp := journal.BreathingPattern{
		Name:    strings.TrimSpace(e.name.Text),
		Inhale:  parseSeconds(e.inhale.Text),
		HoldIn:  parseSeconds(e.holdIn.Text),
		Exhale:  parseSeconds(e.exhale.Text),
		HoldOut: parseSeconds(e.holdOut.Text),
	}
	n := parseSeconds(e.length.Text)
	if e.byCycles.Selected == lang.X("breathe.edit.breaths", "Breaths") {
		bp.Cycles = -1 // out of range unless a whole number
		if n == math.Trunc(n) && n >= 1 && n <= prac.MaxPatternCycles {
			bp.Cycles = int(n)
		}
	} else {
		bp.Minutes = n
		if math.IsNaN(n) {
			bp.Minutes = -1
		}
	}
	if e.rec != nil && e.rec.Pattern != nil {
		bp.SortOrder = e.rec.Pattern.SortOrder
	} else {
		for _, r := range e.others {
			bp.SortOrder = max(bp.SortOrder, r.Pattern.SortOrder+1)
		}
	}
	return bp
}

// fieldMessage says what a field needs.
func fieldMessage(field string) string {
	switch field {
	case prac.FieldName:
		return lang.X("breathe.edit.err.name", "Give the pattern a name of up to 80 characters that is not the name of a preset.")
	case prac.FieldInhale:
		return lang.X("breathe.edit.err.inhale", "Breathe in for 1 to 30 seconds.")
	case prac.FieldHoldIn:
		return lang.X("breathe.edit.err.holdin", "Hold for 0 to 30 seconds.")
	case prac.FieldExhale:
		return lang.X("breathe.edit.err.exhale", "Breathe out for 1 to 30 seconds.")
	case prac.FieldHoldOut:
		return lang.X("breathe.edit.err.holdout", "Rest for 0 to 30 seconds.")
	}
	return lang.X("breathe.edit.err.length", "Choose 1 to 60 minutes, or 1 to 500 breaths that take at most an hour.")
}

// validate checks the form and shows what is wrong by each field.
func (e *patternEditor) validate(bp journal.BreathingPattern) bool {
	bad := map[string]bool{}
	var fe *prac.FieldError
	if err := prac.ValidatePattern(bp); errors.As(err, &fe) {
		for _, f := range fe.Fields {
			bad[f] = true
		}
	}
	dup := false
	for _, r := range e.others {
		if strings.EqualFold(strings.TrimSpace(r.Pattern.Name), bp.Name) {
			bad[prac.FieldName], dup = true, true
		}
	}
	for f, l := range e.errs {
		if bad[f] {
			msg := fieldMessage(f)
			if f == prac.FieldName && dup {
				msg = lang.X("breathe.edit.err.dup", "You already have a pattern with this name.")
			}
			l.SetText(msg)
			l.Show()
		} else {
			l.Hide()
		}
	}
	return len(bad) == 0
}

func (e *patternEditor) save() {
	a := e.a
	a.Touch()
	bp := e.pattern()
	if !e.validate(bp) {
		return
	}
	j := a.Records()
	if j == nil {
		return
	}
	r := &journal.Record{Kind: journal.KindPattern, Date: a.Now().Format(journal.DateLayout), Pattern: &bp}
	if e.rec != nil {
		r.ID, r.Date, r.Created = e.rec.ID, e.rec.Date, e.rec.Created
	}
	if err := j.Save(r); err != nil {
		fyne.LogError("save pattern", err)
		e.status.failed()
		return
	}
	e.done(true)
}
