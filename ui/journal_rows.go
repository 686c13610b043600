package ui

import (
	"cmp"
	"image/color"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// entryRow is what the journal list shows of one entry. The list keeps
// rows, not records, so a 10 000-entry vault does not keep every body
// alive in the UI.
type entryRow struct {
	ID      journal.ID
	Date    string
	Created time.Time
	Title   string // the title, or the first line when there is none
	Line    string // the first line of the body not already in Title
	Mood    int
	Tags    []string
}

// rowLimit caps the bytes of a title or first line kept for the list: a
// 10 MB paste on one line must not become a 10 MB label.
const rowLimit = 160

func summarize(r *journal.Record) entryRow {
	row := entryRow{ID: r.ID, Date: r.Date, Created: r.Created, Mood: r.Mood(), Tags: r.Tags()}
	var body string
	if r.Entry != nil {
		row.Title, body = strings.TrimSpace(r.Entry.Title), r.Entry.Body
	}
	first, rest := firstLine(body)
	if row.Title == "" {
		row.Title, row.Line = first, ""
		row.Line, _ = firstLine(rest)
	} else {
		row.Line = first
	}
	row.Title, row.Line = clip(row.Title), clip(row.Line)
	return row
}

// firstLine returns the first non-blank line of s, trimmed, and what follows it.
func firstLine(s string) (line, rest string) {
	for s != "" {
		line, s, _ = strings.Cut(s, "\n")
		if line = strings.TrimSpace(line); line != "" {
			return line, s
		}
	}
	return "", ""
}

// clip shortens s to about rowLimit bytes on a rune boundary.
func clip(s string) string {
	if len(s) <= rowLimit {
		return s
	}
	s = s[:rowLimit]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s + "…"
}

// newerFirst orders rows as the vault lists them: newest day first, then
// newest created first.
func newerFirst(a, b entryRow) int {
	return cmp.Or(strings.Compare(b.Date, a.Date), b.Created.Compare(a.Created), strings.Compare(a.ID.String(), b.ID.String()))
}

// tagCounts returns the tags used in rows, most used first.
func tagCounts(rows []entryRow) []string {
	n := map[string]int{}
	spelling := map[string]string{}
	for _, r := range rows {
		for _, t := range r.Tags {
			k := strings.ToLower(t)
			n[k]++
			if _, ok := spelling[k]; !ok {
				spelling[k] = t
			}
		}
	}
	out := make([]string, 0, len(n))
	for k := range n {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(n[b]-n[a], strings.Compare(a, b)) })
	for i, k := range out {
		out[i] = spelling[k]
	}
	return out
}

// entryItem is one row of the journal list.
type entryItem struct {
	widget.BaseWidget
	title, date, line, tags *widget.Label
	mood                    *moodDots
	box                     fyne.CanvasObject
}

func newEntryItem() *entryItem {
	it := &entryItem{
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		date:  widget.NewLabel(""),
		line:  widget.NewLabel(""),
		tags:  widget.NewLabel(""),
		mood:  newMoodDots(),
	}
	for _, l := range []*widget.Label{it.title, it.line, it.tags} {
		l.Truncation = fyne.TextTruncateEllipsis
	}
	it.date.SizeName = theme.SizeNameCaptionText
	it.tags.SizeName = theme.SizeNameCaptionText
	it.tags.Importance = widget.LowImportance
	it.line.Importance = widget.LowImportance
	// Labels carry their own inner padding; overlapping them a little
	// keeps three lines to a compact row.
	it.box = container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()),
		container.NewBorder(nil, nil, nil, it.date, it.title),
		it.line,
		container.NewBorder(nil, nil, it.mood, nil, it.tags),
	)
	it.ExtendBaseWidget(it)
	return it
}

func (it *entryItem) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(it.box) }

func (it *entryItem) set(r entryRow) {
	title := r.Title
	if title == "" {
		title = lang.X("journal.untitled", "An empty entry")
	}
	it.title.SetText(title)
	if d, err := time.ParseInLocation(journal.DateLayout, r.Date, time.Local); err == nil {
		it.date.SetText(FormatDate(d))
	} else {
		it.date.SetText(r.Date)
	}
	it.line.SetText(r.Line)
	tags := ""
	if len(r.Tags) > 0 {
		tags = "#" + strings.Join(r.Tags, "  #")
	}
	it.tags.SetText(tags)
	it.mood.set(r.Mood)
}

// moodDots shows a mood 1–5 as five small dots, that many filled: quieter
// than faces, and readable in every language.
type moodDots struct {
	widget.BaseWidget
	mood int
	dots [5]*canvas.Circle
	box  *fyne.Container
}

func newMoodDots() *moodDots {
	m := &moodDots{}
	objs := make([]fyne.CanvasObject, len(m.dots))
	for i := range m.dots {
		m.dots[i] = &canvas.Circle{StrokeWidth: 1}
		objs[i] = container.NewGridWrap(fyne.NewSize(8, 8), m.dots[i])
	}
	m.box = container.NewCenter(container.NewHBox(objs...))
	m.ExtendBaseWidget(m)
	return m
}

func (m *moodDots) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(m.box) }

func (m *moodDots) set(mood int) {
	m.mood = mood
	m.Refresh()
}

func (m *moodDots) Refresh() {
	if m.mood < 1 || m.mood > 5 {
		m.box.Hide()
		return
	}
	m.box.Show()
	on := theme.Color(theme.ColorNamePrimary)
	for i, d := range m.dots {
		d.StrokeColor = on
		d.FillColor = color.Transparent
		if i < m.mood {
			d.FillColor = on
		}
		d.Refresh()
	}
}
