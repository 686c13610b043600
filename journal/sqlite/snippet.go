package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Snippets are cut in Go rather than by FTS5's snippet(): snippet() scores
// every window against every match, which is quadratic in the number of
// matches in a document (a 10 MB paste of one repeated line took minutes).
// Here one pass finds the first match and marks the matches in a window of
// words around it, the way the unicode61 tokenizer with remove_diacritics 2
// splits and folds words (Latin diacritics removed, other scripts as they
// are).

const (
	snippetBefore = 6  // words shown before the first match
	snippetWords  = 24 // words in a snippet
)

// highlighter matches the words of a query.
type highlighter struct {
	words  map[string]bool // folded words that match whole
	prefix []string
}

func newHighlighter(terms []queryTerm) *highlighter {
	h := &highlighter{words: map[string]bool{}}
	for _, t := range terms {
		ws := tokens(t.text)
		for i, w := range ws {
			f := fold(t.text[w[0]:w[1]])
			if t.prefix && i == len(ws)-1 {
				h.prefix = append(h.prefix, f)
				continue
			}
			h.words[f] = true
		}
	}
	return h
}

func (h *highlighter) match(word string) bool {
	f := fold(word)
	if h.words[f] {
		return true
	}
	for _, p := range h.prefix {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// snippet returns a short excerpt of text around the first match, and the
// byte ranges of the matched words in it. ok is false when nothing in text
// matches; the excerpt is then the start of text.
func (h *highlighter) snippet(text string) (excerpt string, marks [][2]int, ok bool) {
	// window holds up to snippetBefore words before the first match, then
	// the match and the words after it.
	window := make([][2]int, 0, snippetWords)
	first := -1
	for i := 0; i < len(text) && len(window) < snippetWords; {
		t, next := nextToken(text, i)
		if t[0] < 0 {
			break
		}
		i = next
		if first < 0 && h.match(text[t[0]:t[1]]) {
			first = len(window)
		}
		if first < 0 && len(window) == snippetBefore {
			copy(window, window[1:])
			window = window[:snippetBefore-1]
		}
		window = append(window, t)
	}
	if first < 0 {
		window, _ = firstTokens(text, snippetWords)
	}
	if len(window) == 0 {
		return "", nil, false
	}
	start, end := window[0][0], window[len(window)-1][1]
	// Whole text at either side: keep its punctuation, no ellipsis.
	if t, _ := nextToken(text, end); t[0] < 0 {
		end = len(text)
	}
	if t, _ := nextToken(text, 0); t[0] == start {
		start = 0
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	off := b.Len() - start
	b.WriteString(text[start:end])
	if end < len(text) {
		b.WriteString("…")
	}
	for _, t := range window {
		if h.match(text[t[0]:t[1]]) {
			marks = append(marks, [2]int{t[0] + off, t[1] + off})
		}
	}
	return b.String(), marks, first >= 0
}

func firstTokens(text string, n int) ([][2]int, int) {
	var toks [][2]int
	i := 0
	for len(toks) < n {
		t, next := nextToken(text, i)
		if t[0] < 0 {
			break
		}
		toks, i = append(toks, t), next
	}
	return toks, i
}

// tokens splits s into words as the tokenizer does.
func tokens(s string) [][2]int {
	toks, _ := firstTokens(s, len(s)+1)
	return toks
}

// nextToken returns the byte range of the next word at or after i, or
// {-1, -1}, and where to continue.
func nextToken(s string, i int) ([2]int, int) {
	start := -1
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		word := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r) ||
			unicode.Is(unicode.Co, r) || unicode.Is(unicode.Mn, r) && start >= 0)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			return [2]int{start, i}, i
		}
		i += n
	}
	if start >= 0 {
		return [2]int{start, len(s)}, len(s)
	}
	return [2]int{-1, -1}, len(s)
}

// fold lower-cases a word and removes diacritics from Latin letters.
func fold(w string) string {
	w = strings.ToLower(w)
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var b strings.Builder
	var base rune
	for _, r := range norm.NFD.String(w) {
		if unicode.Is(unicode.Mn, r) && unicode.Is(unicode.Latin, base) {
			continue
		}
		base = r
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}
