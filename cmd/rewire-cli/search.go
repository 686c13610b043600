package main

import (
	"bufio"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/rewirejournal/rewire/journal"
)

var searchCommand = &command{
	name:     "search",
	synopsis: "QUERY [--kind K[,K]] [--tag T] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--json]",
	summary:  "full-text search, best matches first",
	about: `Searches every record's text. QUERY is words (all must match), "quoted
phrases" and prefix* words; accents and case are ignored, so karlek finds
kärlek. Each match is printed as a line with the short id, date, kind and
title, then a snippet with the matched words marked.`,
	run: runSearch,
}

// jsonHit is a search result in --json output.
type jsonHit struct {
	ID      journal.ID   `json:"id"`
	Kind    journal.Kind `json:"kind"`
	Date    string       `json:"date"`
	Title   string       `json:"title,omitempty"`
	Snippet string       `json:"snippet"`
	Marks   [][2]int     `json:"marks"`
	Rank    float64      `json:"rank"`
}

func runSearch(c *cli, args []string) (err error) {
	fs := c.flags()
	kinds := fs.String("kind", "", "only these `kinds`, comma-separated")
	tag := fs.String("tag", "", "only entries with this `tag`")
	from := fs.String("from", "", "from this day, `YYYY-MM-DD`, inclusive")
	to := fs.String("to", "", "up to this day, `YYYY-MM-DD`, inclusive")
	limit := fs.Int("limit", 50, "at most `N` results")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := c.parse(fs, args, 1, -1)
	if err != nil {
		return err
	}
	q := journal.Query{Text: strings.TrimSpace(strings.Join(pos, " ")), Tag: *tag, From: *from, To: *to, Limit: *limit}
	if q.Text == "" {
		return usagef("the query is empty")
	}
	if *limit < 1 {
		return usagef("--limit %d is not a positive number", *limit)
	}
	if q.Kinds, err = parseKinds(*kinds); err != nil {
		return err
	}
	if err := errors.Join(checkDate("from", *from), checkDate("to", *to)); err != nil {
		return err
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	hits, err := v.Search(q)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	w := bufio.NewWriter(c.stdout)
	if *asJSON {
		out := make([]jsonHit, len(hits))
		for i, h := range hits {
			out[i] = jsonHit{h.ID, h.Kind, h.Date, h.Title, h.Snippet, h.Marks, h.Rank}
			if out[i].Marks == nil {
				out[i].Marks = [][2]int{}
			}
		}
		err = writeJSONArray(w, out)
	} else {
		open, close := "«", "»"
		if isTerminal(c.stdout) {
			open, close = "\x1b[1m", "\x1b[0m"
		}
		for _, h := range hits {
			title := h.Title
			if title == "" {
				title = "-"
			}
			fmt.Fprintf(w, "%s  %s  %-9s  %s\n    %s\n", h.ID.String()[:8], h.Date, h.Kind, truncate(clean(title), 72), highlight(h.Snippet, h.Marks, open, close))
		}
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if err == nil && len(hits) == 0 && !*asJSON {
		fmt.Fprintln(c.stderr, "no matches")
	}
	return err
}

// highlight wraps the marked byte ranges of snippet in open and close and
// cleans the rest for one terminal line. Ranges that are out of order, out
// of bounds or not on character boundaries are ignored, not trusted.
// Line breaks and runs of spaces become single spaces.
func highlight(snippet string, marks [][2]int, open, close string) string {
	marks = slices.Clone(marks)
	slices.SortFunc(marks, func(a, b [2]int) int { return a[0] - b[0] })
	var b strings.Builder
	pos := 0
	for _, m := range marks {
		s, e := m[0], m[1]
		if s < pos || e <= s || e > len(snippet) || !boundary(snippet, s) || !boundary(snippet, e) {
			continue
		}
		b.WriteString(flat(snippet[pos:s]))
		b.WriteString(open)
		b.WriteString(flat(snippet[s:e]))
		b.WriteString(close)
		pos = e
	}
	b.WriteString(flat(snippet[pos:]))
	return b.String()
}

// boundary reports whether i is at the start of a UTF-8 character in s.
func boundary(s string, i int) bool {
	return i == len(s) || s[i]&0xC0 != 0x80
}
