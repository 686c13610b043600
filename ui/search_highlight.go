package ui

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// snippetLead is how many bytes of context the snippet keeps before its
// first match, so a one-line row shows the match rather than an ellipsis.
const snippetLead = 40

// markStyle is how a matched word looks in a snippet.
var markStyle = widget.RichTextStyle{
	Inline:    true,
	ColorName: theme.ColorNamePrimary,
	TextStyle: fyne.TextStyle{Bold: true},
}

// snippetSegments turns a snippet and the byte ranges of its matches into
// rich-text segments, the matches in [markStyle]. Ranges out of bounds, off
// a rune boundary or overlapping an earlier one are ignored. A result is
// one line, so line breaks become " · ".
func snippetSegments(snippet string, marks [][2]int) []widget.RichTextSegment {
	marks = validMarks(snippet, marks)
	prefix := ""
	if len(marks) > 0 && marks[0][0] > snippetLead+10 {
		cut := marks[0][0] - snippetLead
		if sp := strings.IndexAny(snippet[cut:marks[0][0]], " \n"); sp >= 0 && !isSpace(snippet[cut-1]) {
			cut += sp + 1
		}
		for !utf8.RuneStart(snippet[cut]) {
			cut++
		}
		snippet, prefix = snippet[cut:], "…"
		for i := range marks {
			marks[i][0] -= cut
			marks[i][1] -= cut
		}
	}
	var segs []widget.RichTextSegment
	plain := func(s string) {
		if s = oneLine(s); s != "" {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: s})
		}
	}
	plain(prefix)
	at := 0
	for _, m := range marks {
		plain(snippet[at:m[0]])
		segs = append(segs, &widget.TextSegment{Style: markStyle, Text: snippet[m[0]:m[1]]})
		at = m[1]
	}
	plain(snippet[at:])
	if n := len(segs); n > 0 {
		first, last := segs[0].(*widget.TextSegment), segs[n-1].(*widget.TextSegment)
		first.Text = strings.TrimPrefix(first.Text, lineJoin)
		last.Text = strings.TrimSuffix(last.Text, lineJoin)
	}
	return segs
}

const lineJoin = " · "

var (
	lineBreaks = regexp.MustCompile(`[ \t\r]*\n[\s]*`)
	spaces     = regexp.MustCompile(`[ \t\r]+`)
)

// oneLine joins the lines of s with " · " and collapses runs of spaces.
func oneLine(s string) string {
	return spaces.ReplaceAllString(lineBreaks.ReplaceAllString(s, lineJoin), " ")
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

func validMarks(s string, marks [][2]int) [][2]int {
	sorted := slices.Clone(marks)
	slices.SortFunc(sorted, func(a, b [2]int) int { return a[0] - b[0] })
	var out [][2]int
	end := 0
	for _, m := range sorted {
		if m[0] < end || m[0] >= m[1] || m[1] > len(s) ||
			!utf8.RuneStart(s[m[0]]) || m[1] < len(s) && !utf8.RuneStart(s[m[1]]) {
			continue
		}
		out = append(out, m)
		end = m[1]
	}
	return out
}
