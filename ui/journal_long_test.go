package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestPageBreaks(t *testing.T) {
	para := strings.Repeat("word ", 19) + "end.\n\n" // 101 bytes
	tests := []struct {
		name  string
		text  string
		size  int
		pages int
		// each page but the last ends with this
		ends string
	}{
		{"empty", "", 100, 1, ""},
		{"shorter than a page", "a few words", 100, 1, ""},
		{"exactly a page", strings.Repeat("x", 100), 100, 1, ""},
		{"paragraphs stay whole", strings.Repeat(para, 10), 250, 5, "\n\n"},
		{"lines when there are no paragraphs", strings.Repeat("a line of text\n", 40), 100, 7, "\n"},
		{"spaces when there are no lines", strings.Repeat("word ", 100), 64, 9, " "},
		{"emoji are never split", strings.Repeat("🌊", 100), 30, 15, ""},
		{"Ukrainian is never split", strings.Repeat("хвиля", 50), 33, 16, ""},
		{"Arabic, right to left", strings.Repeat("موجة ", 60), 50, 12, " "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			starts := pageBreaks(tt.text, tt.size)
			if len(starts) != tt.pages {
				t.Errorf("%d pages, want %d", len(starts), tt.pages)
			}
			var joined strings.Builder
			for i, at := range starts {
				end := len(tt.text)
				if i+1 < len(starts) {
					end = starts[i+1]
				}
				page := tt.text[at:end]
				if len(page) > tt.size || len(page) == 0 && len(tt.text) > 0 {
					t.Errorf("page %d is %d bytes", i, len(page))
				}
				if !utf8.ValidString(page) {
					t.Errorf("page %d splits a character", i)
				}
				if i+1 < len(starts) && !strings.HasSuffix(page, tt.ends) {
					t.Errorf("page %d ends %q, want a break at %q", i, page[max(0, len(page)-4):], tt.ends)
				}
				joined.WriteString(page)
			}
			if joined.String() != tt.text {
				t.Error("the pages do not add up to the text")
			}
		})
	}
}

// overlayButton returns the button labelled text in the window's top
// overlay (a dialog), or nil.
func overlayButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

// longText is a realistic very long paste: numbered paragraphs in three
// scripts, with emoji, at least n bytes.
func longText(n int) string {
	var b strings.Builder
	for i := 1; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Pasted from my old notes 🌊 — day %d: the craving came at six and left by seven.\n"+
			"Хвиля прийшла і відійшла. Jag gick en lång promenad. موجة تأتي وتذهب.\n\n", i)
	}
	return b.String()
}

func TestALongPasteBecomesAnEntryOfItsOwn(t *testing.T) {
	big := longText(300 << 10)
	paste := func(jt *journalTest, text string) {
		clip := fyne.CurrentApp().Clipboard()
		clip.SetContent(text)
		jt.s.body.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	}
	t.Run("kept as its own entry, whole, and shown in the reader", func(t *testing.T) {
		jt := newJournalTest(t, nil)
		test.Type(jt.s.body, "Today was slow.")
		paste(jt, big)
		if jt.s.body.Text != "Today was slow." {
			t.Fatalf("the paste went into the editor (%d bytes)", len(jt.s.body.Text))
		}
		keep := overlayButton(t, jt.a.win, "Keep as a new entry")
		if keep == nil {
			t.Fatal("no offer to keep the paste as its own entry")
		}
		test.Tap(keep)
		entries := jt.entries()
		if len(entries) != 2 {
			t.Fatalf("%d entries, want the one being written and the pasted one", len(entries))
		}
		var pasted, written int
		for _, r := range entries {
			switch r.Entry.Body {
			case big:
				pasted++
				if !strings.HasPrefix(r.Entry.Title, "Pasted from my old notes 🌊") {
					t.Errorf("title %q", r.Entry.Title)
				}
			case "Today was slow.":
				written++
			}
		}
		if pasted != 1 || written != 1 {
			t.Fatalf("pasted %d, written %d; want one each, whole", pasted, written)
		}
		if jt.s.body.Visible() || !jt.s.long.root.Visible() {
			t.Fatal("the pasted entry is not shown in the reader")
		}
		first := jt.s.long.shown.Text
		if !strings.HasPrefix(big, first) || len(first) > readerPage {
			t.Errorf("the reader's first page is not the text's start (%d bytes)", len(first))
		}
		test.Tap(jt.s.long.next)
		if jt.s.long.page != 1 || jt.s.long.shown.Text == first {
			t.Error("Next page does not turn the page")
		}
		if got := jt.s.long.where.Text; got != "Page 2 of "+strconv.Itoa(len(pageBreaks(big, readerPage))) {
			t.Errorf("page label %q", got)
		}
	})
	t.Run("changing the mood of a long entry keeps its whole body", func(t *testing.T) {
		jt := newJournalTest(t, nil)
		paste(jt, big)
		test.Tap(overlayButton(t, jt.a.win, "Keep as a new entry"))
		jt.s.mood.SetSelected("4")
		jt.timers.fire()
		got := jt.entries()
		if len(got) != 1 || got[0].Entry.Mood != 4 || got[0].Entry.Body != big {
			t.Fatalf("after a mood change: %d entries, mood %d, body whole %v", len(got), got[0].Entry.Mood, got[0].Entry.Body == big)
		}
	})
	t.Run("cancel leaves everything as it was", func(t *testing.T) {
		jt := newJournalTest(t, nil)
		test.Type(jt.s.body, "Still here.")
		paste(jt, big)
		test.Tap(overlayButton(t, jt.a.win, "Cancel"))
		jt.timers.fire()
		got := jt.entries()
		if jt.s.body.Text != "Still here." || len(got) != 1 || got[0].Entry.Body != "Still here." {
			t.Fatalf("after cancel: editor %q, %d entries", jt.s.body.Text, len(got))
		}
	})
	t.Run("a save that fails says so and loses nothing", func(t *testing.T) {
		jt := newJournalTest(t, nil)
		paste(jt, big)
		jt.j.locked = true // the vault refuses to save
		test.Tap(overlayButton(t, jt.a.win, "Keep as a new entry"))
		if overlayButton(t, jt.a.win, "OK") == nil {
			t.Fatal("no message that the paste was not saved")
		}
		if fyne.CurrentApp().Clipboard().Content() != big {
			t.Error("the clipboard no longer holds the text")
		}
	})
	t.Run("a short paste goes into the editor", func(t *testing.T) {
		jt := newJournalTest(t, nil)
		paste(jt, "a line from elsewhere")
		if jt.s.body.Text != "a line from elsewhere" || jt.a.win.Canvas().Overlays().Top() != nil {
			t.Fatalf("editor %q", jt.s.body.Text)
		}
	})
}
