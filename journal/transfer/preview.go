package transfer

import (
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/rewirejournal/rewire/journal"
)

// ErrFormat is wrapped by the parsers when a source is not in the format
// asked for (a Day One file given as jrnl, say). Nothing was imported.
var ErrFormat = errors.New("not in the expected format")

// Journal is what an import needs from the vault: an unlocked
// [journal.Vault].
type Journal interface {
	List(journal.Filter) ([]journal.Record, error)
	Merge([]journal.Record, func(done, total int)) (journal.MergeReport, error)
}

var _ Journal = (*journal.Vault)(nil)

// Parsed is what a parser found: records ready to import (without ids;
// entries, and from Rewire's own Markdown also gratitude lists and
// check-ins), and a line for each thing it could not use.
type Parsed struct {
	Format  Format           // the format parsed
	Records []journal.Record // oldest first; each one validates
	Skipped []Skip           // e.g. `notes.md: no date in the front matter or the file name`
}

// Preview is what an import will do, for the user to confirm.
type Preview struct {
	Format Format
	// Found counts the records in the source.
	Found int
	// New are the records the import adds, with fresh ids, oldest first.
	New []journal.Record
	// Duplicates counts records the vault already holds, or that the
	// source holds twice: importing the same file again finds only these.
	Duplicates int
	// Kept counts gratitude lists and check-ins for a day on which the
	// vault already has a different one: the vault's is kept (a day has one
	// of each), and each is named in Skipped.
	Kept int
	// Dates are the days the new records belong to, oldest first.
	Dates []string
	// Skipped says what the parser could not use and what was kept.
	Skipped []Skip
}

// First is the first day with a new record, or "".
func (p *Preview) First() string {
	if len(p.Dates) == 0 {
		return ""
	}
	return p.Dates[0]
}

// Last is the last day with a new record, or "".
func (p *Preview) Last() string {
	if len(p.Dates) == 0 {
		return ""
	}
	return p.Dates[len(p.Dates)-1]
}

// Counts returns how many new records there are of each kind.
func (p *Preview) Counts() map[journal.Kind]int {
	n := map[journal.Kind]int{}
	for _, r := range p.New {
		n[r.Kind]++
	}
	return n
}

// importKinds are the kinds an import can bring.
var importKinds = []journal.Kind{journal.KindEntry, journal.KindGratitude, journal.KindCheckIn}

// onePerDay reports whether a day has at most one record of kind k.
func onePerDay(k journal.Kind) bool { return k == journal.KindGratitude || k == journal.KindCheckIn }

// NewPreview compares parsed records with the vault's and decides which
// are new. It changes nothing. Records are matched by what they say (see
// [ContentKey]), not by id, so the same file imported twice adds nothing the
// second time.
func NewPreview(j Journal, parsed *Parsed) (*Preview, error) {
	have, err := j.List(journal.Filter{Kinds: importKinds})
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	seen := make(map[[32]byte]bool, len(have)+len(parsed.Records))
	daily := map[string]bool{} // kind + day of the vault's gratitude and check-ins
	for i := range have {
		seen[ContentKey(&have[i])] = true
		if onePerDay(have[i].Kind) {
			daily[string(have[i].Kind)+" "+have[i].Date] = true
		}
	}
	p := &Preview{Format: parsed.Format, Found: len(parsed.Records), Skipped: slices.Clone(parsed.Skipped)}
	days := map[string]bool{}
	for _, r := range parsed.Records {
		k := ContentKey(&r)
		if seen[k] {
			p.Duplicates++
			continue
		}
		if onePerDay(r.Kind) {
			day := string(r.Kind) + " " + r.Date
			if daily[day] {
				p.Kept++
				p.Skipped = append(p.Skipped, Skip{Where: Where{At: r.Date}, Reason: SkipKeptOwnRecord, Value: string(r.Kind)})
				continue
			}
			daily[day] = true
		}
		seen[k] = true
		r.ID = journal.NewID()
		r.Version = journal.RecordVersion
		p.New = append(p.New, r)
		days[r.Date] = true
	}
	for d := range days {
		p.Dates = append(p.Dates, d)
	}
	slices.Sort(p.Dates)
	return p, nil
}

func kindName(k journal.Kind) string {
	switch k {
	case journal.KindGratitude:
		return "gratitude list"
	case journal.KindCheckIn:
		return "check-in"
	}
	return string(k)
}

// Apply adds the new records in one transaction, with their own dates and
// times: all or none. progress is as for [journal.Vault.Merge].
func (p *Preview) Apply(j Journal, progress func(done, total int)) (journal.MergeReport, error) {
	if len(p.New) == 0 {
		return journal.MergeReport{}, nil
	}
	rep, err := j.Merge(p.New, progress)
	if err != nil {
		return rep, fmt.Errorf("import: %w", err)
	}
	return rep, nil
}

// ContentKey identifies an imported record by what it says: its kind, its
// day and its text, with line endings, trailing spaces and the Unicode
// normal form evened out. For an entry that is the title and body (tags,
// mood and times are left out, so an entry imported once and then retagged
// is still recognised); for a gratitude list its items; for a check-in all
// its fields.
func ContentKey(r *journal.Record) [32]byte {
	parts := []string{string(r.Kind), r.Date}
	switch {
	case r.Entry != nil:
		parts = append(parts, normalise(r.Entry.Title), normalise(r.Entry.Body))
	case r.Gratitude != nil:
		for _, it := range r.Gratitude.Items {
			parts = append(parts, normalise(it.Text), normalise(it.Why))
		}
	case r.CheckIn != nil:
		c := *r.CheckIn
		c.Intention, c.Challenge, c.Win, c.Note = normalise(c.Intention), normalise(c.Challenge), normalise(c.Win), normalise(c.Note)
		b, _ := json.Marshal(c) // a struct of strings, numbers and bools always encodes
		parts = append(parts, string(b))
	}
	h := sha256.New()
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return [32]byte(h.Sum(nil))
}

func normalise(s string) string {
	s = strings.ReplaceAll(norm.NFC.String(s), "\r\n", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// newEntry makes an entry for import: the day is at's date in at's zone.
func newEntry(at, updated time.Time, title, body string, tags []string, starred bool) journal.Record {
	if updated.IsZero() || updated.Before(at) {
		updated = at
	}
	return journal.Record{
		Kind:    journal.KindEntry,
		Date:    at.Format(journal.DateLayout),
		Created: at,
		Updated: updated,
		Entry: &journal.Entry{
			Title:   strings.TrimSpace(title),
			Body:    strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n")),
			Tags:    cleanTags(tags),
			Starred: starred,
		},
	}
}

// cleanTags drops tag marks (jrnl's @ and #), blanks and repeats
// (ignoring case), keeping the first spelling.
func cleanTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		t = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(t), "@#"))
		if t != "" && !slices.ContainsFunc(out, func(x string) bool { return strings.EqualFold(x, t) }) {
			out = append(out, t)
		}
	}
	return out
}

// sortRecords puts records oldest first.
func sortRecords(rs []journal.Record) {
	slices.SortStableFunc(rs, func(a, b journal.Record) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), a.Created.Compare(b.Created))
	})
}

// keepValid appends r to p's records if it validates, and otherwise says
// why in p.Skipped.
func (p *Parsed) keepValid(where Where, r journal.Record) {
	if r.Entry != nil && r.Entry.Title == "" && r.Entry.Body == "" {
		p.Skipped = append(p.Skipped, Skip{Where: where, Reason: SkipEmpty})
		return
	}
	if err := r.Validate(); err != nil {
		p.Skipped = append(p.Skipped, Skip{Where: where, Reason: SkipInvalid, Value: err.Error()})
		return
	}
	p.Records = append(p.Records, r)
}

// clip keeps text from a source short and on one line in a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		r = append(r[:40], '…')
	}
	for i, c := range r {
		if c < 0x20 || c == 0x7f {
			r[i] = ' '
		}
	}
	return string(r)
}
