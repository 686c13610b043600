package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// Very long text. Fyne's multi-line entry wraps its whole text again on
// every change, and the cost grows faster than the text: on this machine a
// 64 KB body takes about a tenth of a second per keystroke, 256 KB about a
// second and a 10 MB paste would freeze the window for minutes. So:
//
//   - an entry whose body is longer than editLimit opens in a reader that
//     shows it a page at a time, read-only; its title, mood, tags and date
//     stay editable and saving keeps the whole body;
//   - a paste that would take the editor past editLimit is not put into the
//     editor: the app offers to keep the pasted text as an entry of its
//     own, saved off the UI goroutine, and opens it in the reader.
//
// Nothing is cut: the vault stores the whole text, search finds it, export
// writes it out.
const (
	// editLimit is the longest body the editor takes, in bytes: about
	// 10 000 words, far beyond a day's writing.
	editLimit = 64 << 10
	// readerPage is how much of a long body the reader shows at once.
	readerPage = 16 << 10
)

// bodyEntry is the journal editor's text field. It differs from a plain
// multi-line entry only in pasting: text that would make the body longer
// than editLimit goes to onLongPaste instead (Ctrl+V and the context menu
// both arrive here).
type bodyEntry struct {
	widget.Entry
	onLongPaste func(text string)
}

func newBodyEntry() *bodyEntry {
	e := &bodyEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut hands long pastes to onLongPaste.
func (e *bodyEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil && e.onLongPaste != nil {
		if text := p.Clipboard.Content(); len(e.Text)+len(text) > editLimit {
			e.onLongPaste(text)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// pageBreaks splits text into pages of at most size bytes and returns the
// offset where each page starts. A page ends after the last paragraph
// break ("\n\n") in its range if there is one, else after the last line
// break, else after the last space, else at a character boundary; so no
// character is ever split and, where the text allows, no paragraph either.
func pageBreaks(text string, size int) []int {
	starts := []int{0}
	for at := 0; len(text)-at > size; {
		window := text[at : at+size]
		cut := -1
		for _, sep := range []string{"\n\n", "\n", " "} {
			if i := strings.LastIndex(window, sep); i > 0 {
				cut = i + len(sep)
				break
			}
		}
		if cut <= 0 {
			cut = size
			for cut > 0 && !utf8.RuneStart(text[at+cut]) {
				cut--
			}
			if cut == 0 { // cannot happen with size ≥ utf8.UTFMax; be safe
				cut = size
			}
		}
		at += cut
		starts = append(starts, at)
	}
	return starts
}

// longReader shows a long body a page at a time.
type longReader struct {
	text   string
	starts []int
	page   int

	info  *widget.Label
	where *widget.Label
	shown *widget.Label
	prev  *widget.Button
	next  *widget.Button
	root  fyne.CanvasObject
}

func newLongReader() *longReader {
	r := &longReader{}
	r.info = wrapped("")
	r.info.Importance = widget.MediumImportance
	r.shown = widget.NewLabel("")
	r.shown.Wrapping = fyne.TextWrapWord
	r.shown.Selectable = true
	r.where = widget.NewLabel("")
	r.prev = widget.NewButtonWithIcon(lang.X("journal.long.prev", "Previous page"), theme.NavigateBackIcon(), func() { r.turn(-1) })
	r.next = widget.NewButtonWithIcon(lang.X("journal.long.next", "Next page"), theme.NavigateNextIcon(), func() { r.turn(1) })
	pager := container.NewHBox(r.prev, layout.NewSpacer(), r.where, layout.NewSpacer(), r.next)
	r.root = container.NewBorder(r.info, pager, nil, nil, container.NewVScroll(r.shown))
	return r
}

// set shows text from its first page.
func (r *longReader) set(text string) {
	r.text, r.starts, r.page = text, pageBreaks(text, readerPage), 0
	r.info.SetText(lang.X("journal.long.info",
		"This entry is very long ({{.Size}}), so it opens here to read, a page at a time; the editor would be too slow with it. Its title, mood, tags and date can still be changed. Nothing of it is lost: search finds all of it and export writes all of it.",
		map[string]any{"Size": byteSize(len(text))}))
	r.showPage()
}

// clear forgets the text (on lock, or when a short entry is opened).
func (r *longReader) clear() {
	r.text, r.starts, r.page = "", nil, 0
	r.shown.SetText("")
}

func (r *longReader) turn(by int) {
	if p := r.page + by; p >= 0 && p < len(r.starts) {
		r.page = p
		r.showPage()
	}
}

func (r *longReader) showPage() {
	end := len(r.text)
	if r.page+1 < len(r.starts) {
		end = r.starts[r.page+1]
	}
	r.shown.SetText(r.text[r.starts[r.page]:end])
	r.where.SetText(lang.X("journal.long.page", "Page {{.Page}} of {{.Pages}}",
		map[string]any{"Page": r.page + 1, "Pages": len(r.starts)}))
	if r.page > 0 {
		r.prev.Enable()
	} else {
		r.prev.Disable()
	}
	if r.page+1 < len(r.starts) {
		r.next.Enable()
	} else {
		r.next.Disable()
	}
}

// byteSize says how long a text is, in the units a person would use.
func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// pasteTitle is a title for pasted text: its first non-blank line, at
// most max characters.
func pasteTitle(text string, max int) string {
	line, _ := firstLine(text)
	n := 0
	for i := range line {
		if n == max {
			return strings.TrimSpace(line[:i]) + "…"
		}
		n++
	}
	return line
}

// offerLongPaste asks whether to keep a paste too long for the editor as an
// entry of its own.
func (s *journalScreen) offerLongPaste(text string) {
	s.longPasteDialog(text).Show()
}

func (s *journalScreen) longPasteDialog(text string) *dialog.ConfirmDialog {
	msg := lang.X("journal.long.paste",
		"The text you pasted is very long ({{.Size}}). Pasted into this entry it would make the editor too slow to use. Rewire can keep it as a new entry of its own instead, which opens to read a page at a time.",
		map[string]any{"Size": byteSize(len(text))})
	d := dialog.NewConfirm(lang.X("journal.long.paste.title", "Keep the pasted text as its own entry?"), msg, func(ok bool) {
		if ok {
			s.saveLongPaste(text)
		}
	}, s.a.win)
	d.SetConfirmText(lang.X("journal.long.paste.keep", "Keep as a new entry"))
	d.SetDismissText(lang.X("journal.long.paste.cancel", "Cancel"))
	return d
}

// saveLongPaste saves text as a new entry dated today, off the UI
// goroutine, and opens it.
func (s *journalScreen) saveLongPaste(text string) {
	rs := s.a.Records()
	if rs == nil {
		return
	}
	s.flush()
	r := journal.Record{
		Kind:  journal.KindEntry,
		Date:  s.a.Now().Format(journal.DateLayout),
		Entry: &journal.Entry{Title: pasteTitle(text, 80), Body: text},
	}
	wait := dialog.NewCustomWithoutButtons(lang.X("journal.long.saving", "Saving the pasted text…"), widget.NewProgressBarInfinite(), s.a.win)
	wait.Show()
	s.a.Run(func() {
		err := rs.Save(&r)
		fyne.Do(func() {
			wait.Hide()
			if err != nil {
				fyne.LogError("save pasted text", err)
				dialog.ShowInformation(lang.X("journal.long.failed.title", "Not saved"),
					lang.X("journal.long.failed", "The pasted text could not be saved. It is still on the clipboard, so nothing is lost; try again in a moment."), s.a.win)
				return
			}
			s.show(r)
			s.placeRow(summarize(&r))
			s.showEmpty()
			s.list.Refresh()
			s.selectCurrent()
			s.delete.Enable()
			s.status.SetText(lang.X("journal.saved", "Saved"))
		})
	})
}
