package transfer

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// maxMarkdownFiles bounds how many files an import reads from a folder.
const maxMarkdownFiles = 100_000

// ParseMarkdown reads a folder of Markdown files (.md or .markdown, in
// sub-folders too, hidden ones skipped), or a single file.
//
// A file written by [ExportMarkdown] gives back its entries, gratitude list
// and check-in exactly, from the fields each carries in an HTML comment.
// Any other file is one entry: the title from the front matter's "title"
// or a first line "# Title", the day and time from the front matter's
// "date" (2006-01-02, optionally with a time; read in loc) or else from a
// date in the file name (2026-11-20.md, 2026_11_20_walk.md, 20261120.md),
// tags from "tags", mood (1–5) from "mood", starred from "starred". A file
// with no date anywhere is skipped and named in [Parsed.Skipped].
func ParseMarkdown(root string, loc *time.Location) (*Parsed, error) {
	if loc == nil {
		loc = time.Local
	}
	info, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	var files []string
	if !info.IsDir() {
		files = []string{root}
	} else {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && isMarkdown(p) {
				if len(files) == maxMarkdownFiles {
					return fmt.Errorf("%w: more than %d Markdown files in %s", ErrFormat, maxMarkdownFiles, root)
				}
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", root, err)
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%w: no Markdown files (.md) in %s", ErrFormat, root)
		}
	}
	slices.Sort(files)
	p := &Parsed{Format: Markdown}
	total := 0
	for _, f := range files {
		name := f
		if rel, err := filepath.Rel(root, f); err == nil && rel != "." {
			name = rel
		} else {
			name = filepath.Base(f)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			p.Skipped = append(p.Skipped, Skip{Where: Where{File: name}, Reason: SkipUnreadable, Value: errors.Unwrap(err).Error()})
			continue
		}
		if total += len(data); total > maxSource {
			return nil, fmt.Errorf("%w: the Markdown files are larger than %d MiB together", ErrFormat, maxSource>>20)
		}
		p.parseMarkdownFile(name, data, loc)
	}
	sortRecords(p.Records)
	return p, nil
}

func isMarkdown(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// ParseMarkdownFile reads one Markdown file's content; name is its file
// name, for a date in it and for messages. See [ParseMarkdown].
func ParseMarkdownFile(name string, data []byte, loc *time.Location) *Parsed {
	if loc == nil {
		loc = time.Local
	}
	p := &Parsed{Format: Markdown}
	p.parseMarkdownFile(name, data, loc)
	sortRecords(p.Records)
	return p
}

// markerPrefix starts the HTML comment in which a file from
// [ExportMarkdown] keeps each record's fields.
const markerPrefix = "<!-- rewire "

// marker is the JSON in a record's HTML comment: everything but an
// entry's body, which is the Markdown below it.
type marker struct {
	Kind      journal.Kind       `json:"kind"`
	Created   time.Time          `json:"created,omitzero"`
	Entry     *markerEntry       `json:"entry,omitempty"`
	Gratitude *journal.Gratitude `json:"gratitude,omitempty"`
	CheckIn   *journal.CheckIn   `json:"checkin,omitempty"`
}

type markerEntry struct {
	Title   string   `json:"title,omitempty"`
	Tags    []string `json:"tags,omitempty"`
	Mood    int      `json:"mood,omitempty"`
	Starred bool     `json:"starred,omitempty"`
}

func (p *Parsed) parseMarkdownFile(name string, data []byte, loc *time.Location) {
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\ufeff"))), "\r\n", "\n")
	fm, body := splitFrontMatter(text)
	at, hasTime, why := dateOf(fm, name, loc)
	if why != nil {
		p.Skipped = append(p.Skipped, *why)
		return
	}
	if strings.HasPrefix(body, markerPrefix) || strings.Contains(body, "\n"+markerPrefix) {
		p.parseRewireDay(name, at.Format(journal.DateLayout), body, loc)
		return
	}
	title := fm.str("title")
	if title == "" {
		if first, rest, _ := strings.Cut(strings.TrimLeft(body, "\n"), "\n"); strings.HasPrefix(first, "# ") {
			title, body = strings.TrimPrefix(first, "# "), rest
		}
	}
	if !hasTime {
		// A day without a time: midday, which exists in every zone.
		at = time.Date(at.Year(), at.Month(), at.Day(), 12, 0, 0, 0, loc)
	}
	r := newEntry(at, at, title, body, fm.list("tags"), fm.bool("starred"))
	if m := fm.str("mood"); m != "" {
		if n, err := strconv.Atoi(m); err == nil && n >= 1 && n <= 5 {
			r.Entry.Mood = n
		} else {
			p.Skipped = append(p.Skipped, Skip{Where: Where{File: name}, Reason: SkipBadMood, Value: clip(m)})
		}
	}
	p.keepValid(Where{File: name}, r)
}

// parseRewireDay reads the records of a day file written by ExportMarkdown.
func (p *Parsed) parseRewireDay(name, day, body string, loc *time.Location) {
	lines := strings.Split(body, "\n")
	n := 0
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], markerPrefix) {
			continue
		}
		n++
		where := Where{File: name, Record: n}
		end := i + 1
		for end < len(lines) && !strings.HasPrefix(lines[end], markerPrefix) {
			end++
		}
		section := lines[i+1 : end]
		raw, ok := strings.CutSuffix(strings.TrimSpace(strings.TrimPrefix(lines[i], markerPrefix)), "-->")
		var m marker
		if !ok || json.Unmarshal([]byte(raw), &m) != nil {
			p.Skipped = append(p.Skipped, Skip{Where: where, Reason: SkipBadMarker})
			i = end - 1
			continue
		}
		created := m.Created
		if created.IsZero() {
			d, _ := time.ParseInLocation(journal.DateLayout, day, loc)
			created = d.Add(12 * time.Hour)
		}
		r := journal.Record{Kind: m.Kind, Date: day, Created: created, Updated: created}
		switch {
		case m.Kind == journal.KindEntry && m.Entry != nil:
			// The heading below the comment is for reading; the title is
			// in the comment.
			for len(section) > 0 && strings.TrimSpace(section[0]) == "" {
				section = section[1:]
			}
			if len(section) > 0 && strings.HasPrefix(section[0], "## ") {
				section = section[1:]
			}
			for j, l := range section {
				if strings.HasPrefix(l, `\`+markerPrefix) {
					section[j] = l[1:]
				}
			}
			e := newEntry(created, created, m.Entry.Title, strings.Join(section, "\n"), m.Entry.Tags, m.Entry.Starred)
			e.Date, e.Entry.Mood = day, m.Entry.Mood
			r = e
		case m.Kind == journal.KindGratitude && m.Gratitude != nil:
			r.Gratitude = m.Gratitude
		case m.Kind == journal.KindCheckIn && m.CheckIn != nil:
			r.CheckIn = m.CheckIn
		default:
			p.Skipped = append(p.Skipped, Skip{Where: where, Reason: SkipKindNotImported, Value: clip(string(m.Kind))})
			i = end - 1
			continue
		}
		p.keepValid(where, r)
		i = end - 1
	}
}

// frontMatter is the "key: value" lines between a file's first two "---"
// lines: the small part of YAML that notes apps write (scalars, quoted or
// not, and lists as [a, b] or "- a" lines). Keys are lower-cased.
type frontMatter map[string][]string

func splitFrontMatter(text string) (frontMatter, string) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return nil, text
	}
	var head string
	switch {
	case strings.HasPrefix(rest, "---\n"):
		head, rest = "", rest[4:]
	default:
		i := strings.Index(rest, "\n---\n")
		if i < 0 {
			if h, ok := strings.CutSuffix(rest, "\n---"); ok {
				head, rest = h, ""
			} else {
				return nil, text
			}
		} else {
			head, rest = rest[:i], rest[i+5:]
		}
	}
	fm := frontMatter{}
	key := ""
	for _, line := range strings.Split(head, "\n") {
		t := strings.TrimSpace(line)
		if item, ok := strings.CutPrefix(t, "- "); ok && key != "" {
			fm[key] = append(fm[key], unquote(item))
			continue
		}
		if t == "" || strings.HasPrefix(t, "#") || line[0] == ' ' || line[0] == '\t' {
			continue
		}
		k, v, ok := strings.Cut(t, ":")
		if !ok {
			key = ""
			continue
		}
		key = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch {
		case v == "":
			fm[key] = nil
		case strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]"):
			fm[key] = splitFlow(v[1 : len(v)-1])
		default:
			fm[key] = []string{unquote(v)}
		}
	}
	return fm, rest
}

// str is a key's value, or "".
func (fm frontMatter) str(key string) string {
	if v := fm[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// list is a key's values; a single value may list them with commas.
func (fm frontMatter) list(key string) []string {
	v := fm[key]
	if len(v) == 1 && strings.Contains(v[0], ",") {
		return strings.Split(v[0], ",")
	}
	return v
}

func (fm frontMatter) bool(key string) bool {
	b, _ := strconv.ParseBool(fm.str(key))
	return b
}

// unquote reads a YAML scalar: "double quoted" (JSON escapes), 'single
// quoted' (a doubled ' for one), or plain with a trailing " # comment" removed.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"':
		var out string
		if json.Unmarshal([]byte(s), &out) == nil {
			return out
		}
		return s[1 : len(s)-1]
	case len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'':
		return strings.ReplaceAll(s[1:len(s)-1], "''", "'")
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}

// splitFlow splits the inside of a YAML flow list at commas outside quotes.
func splitFlow(s string) []string {
	var out []string
	var quote rune
	start := 0
	for i, c := range s {
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote == 0 && (c == '"' || c == '\''):
			quote = c
		case quote == 0 && c == ',':
			out = append(out, unquote(s[start:i]))
			start = i + 1
		}
	}
	if last := unquote(s[start:]); last != "" || len(out) > 0 {
		out = append(out, last)
	}
	return out
}

// fileDate finds a date in a file name: 2026-11-20, 2026_11_20, 20261120.
var fileDate = regexp.MustCompile(`(?:^|[^0-9])([0-9]{4})[-_.]?([0-9]{2})[-_.]?([0-9]{2})(?:[^0-9]|$)`)

// frontDate layouts, most specific first; the zone comes from loc unless
// the value names one.
var frontDateLayouts = []struct {
	layout  string
	hasTime bool
}{
	{time.RFC3339, true},
	{"2006-01-02T15:04:05", true},
	{"2006-01-02T15:04", true},
	{"2006-01-02 15:04:05", true},
	{"2006-01-02 15:04", true},
	{journal.DateLayout, false},
}

// dateOf returns the day (and time, if hasTime) of a generic Markdown
// file: the front matter's date, else one in the file name; or, when it
// has none it can read, why not (SkipBadFileDate or SkipNoFileDate).
func dateOf(fm frontMatter, name string, loc *time.Location) (at time.Time, hasTime bool, why *Skip) {
	if v := cmp.Or(fm.str("date"), fm.str("created")); v != "" {
		for _, l := range frontDateLayouts {
			if t, err := time.ParseInLocation(l.layout, v, loc); err == nil {
				if l.layout == time.RFC3339 {
					t = t.In(loc)
				}
				return t, l.hasTime, nil
			}
		}
		return time.Time{}, false, &Skip{Where: Where{File: name}, Reason: SkipBadFileDate, Value: clip(v)}
	}
	base := filepath.Base(name)
	for _, m := range fileDate.FindAllStringSubmatch(base, -1) {
		if t, err := time.ParseInLocation(journal.DateLayout, m[1]+"-"+m[2]+"-"+m[3], loc); err == nil {
			return t, false, nil
		}
	}
	return time.Time{}, false, &Skip{Where: Where{File: name}, Reason: SkipNoFileDate}
}
