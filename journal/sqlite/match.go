package sqlite

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTerms bounds the work one query can ask for.
const maxTerms = 64

// matchExpr turns what the user typed into an FTS5 MATCH expression that
// cannot carry FTS5 syntax of its own. The user's syntax is small: words
// (all must match), "quoted phrases" and prefix* words. Every term becomes
// an FTS5 string ("…", inner quotes doubled), so NEAR, OR, NOT, column
// filters, parentheses, ^, - and + are only ever text. Terms without a
// letter or digit (punctuation, emoji) are dropped, as the tokenizer would
// drop them; an unclosed quote runs to the end of the text. It returns ""
// when nothing searchable is left, and an error only for absurdly long
// queries.
func matchExpr(text string) (string, error) {
	terms := parseQuery(text)
	if len(terms) > maxTerms {
		return "", fmt.Errorf("search: too many words (at most %d)", maxTerms)
	}
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = quoteFTS(t.text)
		if t.prefix {
			parts[i] += "*"
		}
	}
	return strings.Join(parts, " AND "), nil
}

// queryTerm is one word or phrase of a query.
type queryTerm struct {
	text   string
	prefix bool
}

// parseQuery splits what the user typed into terms; see [matchExpr].
func parseQuery(text string) []queryTerm {
	text = strings.Map(controlToSpace, strings.ToValidUTF8(text, " "))
	var terms []queryTerm
	add := func(s string, prefix bool) {
		if hasToken(s) {
			terms = append(terms, queryTerm{s, prefix})
		}
	}
	rest := text
	for {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		if rest[0] == '"' {
			phrase := rest[1:]
			rest = ""
			if end := strings.IndexByte(phrase, '"'); end >= 0 {
				phrase, rest = phrase[:end], phrase[end+1:]
			}
			prefix := strings.HasPrefix(rest, "*")
			rest = strings.TrimLeft(rest, "*")
			add(phrase, prefix)
			continue
		}
		word := rest
		rest = ""
		if end := strings.IndexFunc(word, func(r rune) bool { return r == '"' || unicode.IsSpace(r) }); end >= 0 {
			word, rest = word[:end], word[end:]
		}
		prefix := strings.HasSuffix(word, "*")
		add(strings.TrimRight(word, "*"), prefix)
	}
	return terms
}

// hasToken reports whether s holds a character the unicode61 tokenizer
// keeps by default (categories L*, N* and Co); anything else separates
// tokens, so a term without one would be an empty FTS5 phrase.
func hasToken(s string) bool {
	for _, r := range s {
		if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)) {
			return true
		}
	}
	return false
}

// quoteFTS makes s one FTS5 string.
func quoteFTS(s string) string {
	s = strings.Map(controlToSpace, strings.ToValidUTF8(s, " "))
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// controlToSpace maps control characters to spaces: the FTS5 query parser
// stops at a NUL, and none of them is ever part of a word.
func controlToSpace(r rune) rune {
	if unicode.IsControl(r) {
		return ' '
	}
	return r
}
