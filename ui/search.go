package ui

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// searchDelay is how long the search waits after the last keystroke.
const searchDelay = 150 * time.Millisecond

// searchScreen searches every record as the user types, with filters by
// kind, tag and dates. Enter or a tap opens a result: entries in the
// journal's editor, other records in a read-only view.
type searchScreen struct {
	a *App

	hits    []journal.Hit
	seq     int  // the latest search; older results are ignored
	running bool // a search is under way
	// openFirst: Enter was pressed before the results were in; open the
	// first one when they arrive.
	openFirst bool

	searchLater *debouncer

	field *widget.Entry
	kind  *widget.Select
	tag   *widget.Select
	from  *widget.DateEntry
	to    *widget.DateEntry
	list  *widget.List
	state *widget.Label
}

func newSearchScreen(a *App) screen {
	s := &searchScreen{a: a}
	s.searchLater = newDebouncer(searchDelay, s.run)
	return s
}

func (s *searchScreen) Title() string       { return lang.X("nav.search", "Search") }
func (s *searchScreen) Icon() fyne.Resource { return theme.SearchIcon() }
func (s *searchScreen) Leave()              { s.searchLater.cancel() }

// FocusTarget is the search field, so Ctrl+F lands in it.
func (s *searchScreen) FocusTarget() fyne.Focusable { return s.field }

// searchKinds are the kind filter's choices, in the order shown.
var searchKinds = [][]journal.Kind{
	nil,
	{journal.KindEntry},
	{journal.KindGratitude},
	{journal.KindCheckIn},
	{journal.KindUrge},
}

func (s *searchScreen) Content() fyne.CanvasObject {
	s.field = widget.NewEntry()
	s.field.SetPlaceHolder(lang.X("search.field", "Search your journal"))
	s.field.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.field.OnChanged = func(string) {
		s.a.Touch()
		s.searchLater.trigger()
	}
	s.field.OnSubmitted = func(string) { s.submit() }

	s.kind = widget.NewSelect([]string{
		lang.X("search.kind.all", "Everything"),
		lang.X("search.kind.entry", "Journal entries"),
		lang.X("search.kind.gratitude", "Gratitude"),
		lang.X("search.kind.checkin", "Check-ins"),
		lang.X("search.kind.urge", "Urges"),
	}, nil)
	s.kind.SetSelectedIndex(0)
	s.kind.OnChanged = func(string) { s.filterChanged() }
	s.tag = widget.NewSelect([]string{anyTag()}, nil)
	s.tag.SetSelectedIndex(0)
	s.tag.OnChanged = func(string) { s.filterChanged() }
	s.from = widget.NewDateEntry()
	s.from.SetPlaceHolder(lang.X("search.from", "From"))
	s.from.OnChanged = func(*time.Time) { s.filterChanged() }
	s.to = widget.NewDateEntry()
	s.to.SetPlaceHolder(lang.X("search.to", "To"))
	s.to.OnChanged = func(*time.Time) { s.filterChanged() }
	clearBtn := widget.NewButtonWithIcon("", theme.ContentClearIcon(), s.clearFilters)
	clearBtn.Importance = widget.LowImportance
	filters := container.NewBorder(nil, nil, nil, clearBtn,
		container.NewGridWithColumns(4, s.kind, s.tag, s.from, s.to))

	s.list = widget.NewList(
		func() int { return len(s.hits) },
		func() fyne.CanvasObject { return newHitItem() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(s.hits) {
				o.(*hitItem).set(s.hits[i])
			}
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		s.list.Unselect(i)
		s.openHit(i)
	}
	s.state = wrapped("")
	s.state.Alignment = fyne.TextAlignCenter

	h := widget.NewLabelWithStyle(s.Title(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameHeadingText
	top := container.NewVBox(h, s.field, filters)
	s.showState()
	return container.NewPadded(container.NewBorder(top, nil, nil, nil,
		container.NewStack(s.list, container.NewPadded(s.state))))
}

func anyTag() string { return lang.X("search.tag.any", "Any tag") }

// Refresh loads the known tags and searches again: records may have
// changed since the screen was last shown.
func (s *searchScreen) Refresh() {
	rs := s.a.Records()
	if rs == nil || s.tag == nil {
		return
	}
	s.a.Run(func() {
		recs, err := rs.List(journal.Filter{Kinds: []journal.Kind{journal.KindEntry}})
		rows := make([]entryRow, len(recs))
		for i := range recs {
			rows[i] = entryRow{Tags: recs[i].Tags()}
		}
		recs = nil
		tags := tagCounts(rows)
		slices.SortFunc(tags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
		fyne.Do(func() {
			if err != nil && !errors.Is(err, journal.ErrLocked) {
				fyne.LogError("list tags", err)
			}
			s.setTags(tags)
		})
	})
	if strings.TrimSpace(s.field.Text) != "" || s.tag.SelectedIndex() > 0 {
		s.run()
	}
}

func (s *searchScreen) setTags(tags []string) {
	picked := s.tag.Selected
	if s.tag.SelectedIndex() <= 0 {
		picked = ""
	}
	s.tag.Options = append([]string{anyTag()}, tags...)
	s.tag.Refresh()
	if picked != "" && slices.Contains(tags, picked) {
		s.tag.SetSelected(picked)
	}
}

func (s *searchScreen) filterChanged() {
	if s.list == nil {
		return
	}
	s.a.Touch()
	s.run()
}

func (s *searchScreen) clearFilters() {
	s.kind.SetSelectedIndex(0)
	s.tag.SetSelectedIndex(0)
	s.from.SetDate(nil)
	s.to.SetDate(nil)
	s.run()
}

// query is the search the fields describe.
func (s *searchScreen) query() journal.Query {
	q := journal.Query{Text: prefixQuery(s.field.Text)}
	if i := s.kind.SelectedIndex(); i > 0 && i < len(searchKinds) {
		q.Kinds = searchKinds[i]
	}
	if s.tag.SelectedIndex() > 0 {
		q.Tag = s.tag.Selected
	}
	if d := s.from.Date; d != nil {
		q.From = d.Format(journal.DateLayout)
	}
	if d := s.to.Date; d != nil {
		q.To = d.Format(journal.DateLayout)
	}
	return q
}

// prefixQuery treats the last word as a prefix while it is being typed:
// "crav" finds "craving". Text ending in a space or a closing quote, or
// inside an open quote, is left as it is.
func prefixQuery(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	if unicode.IsSpace(last) || last == '"' || last == '*' || strings.Count(text, `"`)%2 == 1 {
		return text
	}
	return text + "*"
}

// run searches now, off the UI goroutine.
func (s *searchScreen) run() {
	s.searchLater.cancel()
	rs := s.a.Records()
	if rs == nil || s.list == nil {
		return
	}
	q := s.query()
	s.seq++
	seq := s.seq
	if q.Text == "" && q.Tag == "" {
		s.hits, s.running, s.openFirst = nil, false, false
		s.list.Refresh()
		s.showState()
		return
	}
	s.running = true
	s.a.Run(func() {
		hits, err := rs.Search(q)
		fyne.Do(func() {
			if seq != s.seq {
				return
			}
			s.running = false
			if err != nil && !errors.Is(err, journal.ErrLocked) {
				fyne.LogError("search", err)
			}
			s.hits = hits
			s.list.UnselectAll()
			s.list.Refresh()
			s.list.ScrollToTop()
			if err != nil {
				s.state.SetText(lang.X("search.failed", "Search didn't work just now. Please try again."))
				s.state.Show()
			} else {
				s.showState()
			}
			if s.openFirst {
				s.openFirst = false
				s.openHit(0)
			}
		})
	})
}

// showState says why there are no results, or hides itself.
func (s *searchScreen) showState() {
	switch {
	case len(s.hits) > 0:
		s.state.Hide()
		return
	case strings.TrimSpace(s.field.Text) == "" && s.tag.SelectedIndex() <= 0:
		s.state.SetText(lang.X("search.placeholder", "Search everything you have written. Results will appear here as you type."))
	default:
		s.state.SetText(lang.X("search.none", "Nothing found. Try fewer or other words, or clear the filters."))
	}
	s.state.Show()
}

// submit opens the first result (Enter), waiting for it if need be.
func (s *searchScreen) submit() {
	if s.searchLater.pending() {
		s.openFirst = true
		s.run()
		return
	}
	if s.running {
		s.openFirst = true
		return
	}
	s.openHit(0)
}

// openHit opens result i: an entry in the journal's editor, anything else
// in a read-only view.
func (s *searchScreen) openHit(i int) {
	if i < 0 || i >= len(s.hits) {
		return
	}
	h := s.hits[i]
	if h.Kind == journal.KindEntry {
		s.a.openEntry(h.ID)
		return
	}
	s.a.showRecord(h.ID)
}

// kindName is a record kind as a person would say it.
func kindName(k journal.Kind) string {
	switch k {
	case journal.KindEntry:
		return lang.X("search.is.entry", "Journal entry")
	case journal.KindGratitude:
		return lang.X("search.is.gratitude", "Gratitude")
	case journal.KindCheckIn:
		return lang.X("search.is.checkin", "Check-in")
	case journal.KindUrge:
		return lang.X("search.is.urge", "Urge")
	case journal.KindSession:
		return lang.X("search.is.session", "Practice")
	case journal.KindCrisis:
		return lang.X("search.is.crisis", "Crisis card")
	}
	return lang.X("search.is.other", "Record")
}

// recordDate formats a record's YYYY-MM-DD date in the current language.
func recordDate(day string) string {
	if d, err := time.ParseInLocation(journal.DateLayout, day, time.Local); err == nil {
		return FormatDate(d)
	}
	return day
}

// hitItem is one row of the results: kind, date and title, then the
// snippet with the matched words highlighted.
type hitItem struct {
	widget.BaseWidget
	head    *widget.Label
	snippet *widget.RichText
	box     fyne.CanvasObject
}

func newHitItem() *hitItem {
	it := &hitItem{head: widget.NewLabel(""), snippet: widget.NewRichText()}
	it.head.SizeName = theme.SizeNameCaptionText
	it.head.Importance = widget.LowImportance
	it.head.Truncation = fyne.TextTruncateEllipsis
	it.snippet.Truncation = fyne.TextTruncateEllipsis
	it.box = container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), it.head, it.snippet)
	it.ExtendBaseWidget(it)
	return it
}

func (it *hitItem) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(it.box) }

func (it *hitItem) set(h journal.Hit) {
	head := kindName(h.Kind) + " · " + recordDate(h.Date)
	if t := strings.TrimSpace(h.Title); t != "" {
		head += " · " + clip(t)
	}
	it.head.SetText(head)
	it.snippet.Segments = snippetSegments(h.Snippet, h.Marks)
	it.snippet.Refresh()
}
