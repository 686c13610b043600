package sqlite

import (
	"strings"
	"testing"
)

func TestSnippetMarksTheMatchedWords(t *testing.T) {
	long := strings.Repeat("filler words here ", 20)
	cases := []struct {
		name, query, text string
		want              []string // the marked words, in order
		found             bool
		prefix, suffix    bool // excerpt starts / ends with an ellipsis
	}{
		{"a word is marked wherever its case", "walk", "A Walk by the sea, then another walk.", []string{"Walk", "walk"}, true, false, false},
		{"Swedish diacritics are folded", "karlek", "Jag känner kärlek idag.", []string{"kärlek"}, true, false, false},
		{"a prefix marks longer words", "medit*", "Meditation helped; I meditate daily.", []string{"Meditation", "meditate"}, true, false, false},
		{"a phrase marks each of its words", `"long walk"`, "A long walk home.", []string{"long", "walk"}, true, false, false},
		{"Cyrillic is matched without folding й", "тяга", "Сьогодні тяга була сильна.", []string{"тяга"}, true, false, false},
		{"й does not match и", "иога", "Ранкова йога.", nil, false, false, false},
		{"a late match is shown with context and ellipses", "ocean", long + "the ocean was calm " + long, []string{"ocean"}, true, true, true},
		{"no match shows the start", "zebra", "Nothing to see in this text.", nil, false, false, false},
		{"an apostrophe splits words", "ясо", "Я не їм м'ясо.", []string{"ясо"}, true, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHighlighter(parseQuery(c.query))
			ex, marks, found := h.snippet(c.text)
			if found != c.found {
				t.Fatalf("found = %v, want %v", found, c.found)
			}
			var got []string
			for _, m := range marks {
				got = append(got, ex[m[0]:m[1]])
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Fatalf("marked %q in %q, want %q", got, ex, c.want)
			}
			if strings.HasPrefix(ex, "…") != c.prefix || strings.HasSuffix(ex, "…") != c.suffix {
				t.Fatalf("excerpt %q: ellipses want prefix=%v suffix=%v", ex, c.prefix, c.suffix)
			}
			if len(strings.Fields(ex)) > snippetWords+2 {
				t.Fatalf("excerpt too long: %q", ex)
			}
		})
	}
}

func BenchmarkSnippetHugeDocument(b *testing.B) {
	text := strings.Repeat("Ten megabytes of pasted text, line after line.\n", 10<<20/47) + "ocean"
	h := newHighlighter(parseQuery("ocean"))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, _, ok := h.snippet(text); !ok {
			b.Fatal("not found")
		}
	}
}
