package sqlite

import (
	"strings"
	"testing"

	"github.com/rewirejournal/rewire/journal"
)

func TestMatchExpr(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"a word is quoted", "calm", `"calm"`},
		{"words are all required", "calm walk", `"calm" AND "walk"`},
		{"a quoted phrase stays one phrase", `"morning walk" calm`, `"morning walk" AND "calm"`},
		{"a trailing star makes a prefix", "walk*", `"walk"*`},
		{"a starred phrase is a prefix on its last word", `"morning wa"*`, `"morning wa"*`},
		{"several stars are one prefix", "walk**", `"walk"*`},
		{"a lone star is nothing", "*", ``},
		{"empty text is nothing", "", ``},
		{"blank text is nothing", " \t\n ", ``},
		{"punctuation alone is nothing", `!? … — ,.;`, ``},
		{"an emoji alone is nothing", "🙂🔥", ``},
		{"an emoji beside words is dropped", "calm 🙂", `"calm"`},
		{"an unclosed quote runs to the end", `"unbalanced phrase`, `"unbalanced phrase"`},
		{"a lone quote is nothing", `"`, ``},
		{"an empty phrase is nothing", `"" calm`, `"calm"`},
		{"a quote inside a word starts a phrase", `a"b c"`, `"a" AND "b c"`},
		{"NEAR is only a word", "NEAR(a b)", `"NEAR(a" AND "b)"`},
		{"a column filter is only text", "title:x", `"title:x"`},
		{"a braced column filter is only text", "{title tags}:x", `"{title" AND "tags}:x"`},
		{"OR is only a word", "a OR b", `"a" AND "OR" AND "b"`},
		{"NOT and AND are only words", "a NOT b AND c", `"a" AND "NOT" AND "b" AND "AND" AND "c"`},
		{"a minus is only text", "-x", `"-x"`},
		{"a caret is only text", "^x", `"^x"`},
		{"a plus is only text", "a + b", `"a" AND "b"`},
		{"parentheses are only text", "(a) (b OR c)", `"(a)" AND "(b" AND "OR" AND "c)"`},
		{"a star inside a word is only text", "wa*lk", `"wa*lk"`},
		{"Swedish words keep their letters", "kärlek Öl", `"kärlek" AND "Öl"`},
		{"Ukrainian words keep their letters", "їжа й м'ясо", `"їжа" AND "й" AND "м'ясо"`},
		{"Ukrainian prefix", "любо*", `"любо"*`},
		{"a NUL separates words", "calm\x00walk", `"calm" AND "walk"`},
		{"invalid UTF-8 separates words", "calm\xffwalk", `"calm" AND "walk"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := matchExpr(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("matchExpr(%q) = %s, want %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestAQueryWithTooManyWordsIsAnError(t *testing.T) {
	if _, err := matchExpr(strings.Repeat("w ", maxTerms+1)); err == nil {
		t.Error("no error")
	}
	if _, err := matchExpr(strings.Repeat("w ", maxTerms)); err != nil {
		t.Error(err)
	}
}

// FuzzMatchExpr checks that no input makes an expression FTS5 rejects.
func FuzzMatchExpr(f *testing.F) {
	for _, s := range []string{"calm", `"a b"`, "walk*", `NEAR("a" "b", 2)`, `title:x`, `"`, `a"b`, "-x ^y", "{a}:b", "*", "🙂", "м'ясо"} {
		f.Add(s)
	}
	ix, err := newIndex(1)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { ix.Close() })
	if err := ix.Add(benchDocs(20)...); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		expr, err := matchExpr(text)
		if err != nil {
			return
		}
		if _, err := ix.Search(journal.Query{Text: text, Tag: text}); err != nil {
			t.Errorf("Search(%q) via %s: %v", text, expr, err)
		}
	})
}
