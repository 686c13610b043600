package transfer

import (
	"fmt"
	"strings"

	"github.com/rewirejournal/rewire/journal"
)

// Skip says what an import could not use, or used only in part, and why.
// [Skip.String] is the English sentence rewire-cli prints; the app builds
// the same sentence in the user's language from the fields.
type Skip struct {
	Where  Where
	Reason Reason
	Value  string // the value not understood (clipped), a record kind, or an error's text
	N      int    // a size in MiB or a count
}

// Where names the part of the source a [Skip] is about. Every field is
// optional; a skip about the whole source has none.
type Where struct {
	File   string // a file in the folder or the zip
	Entry  int    // the entry's number in a jrnl or Day One export, from 1
	Record int    // the record's number in a day file Rewire exported, from 1
	At     string // the entry's time as read, or the day a record is for
}

// Reason is why something was skipped.
type Reason string

const (
	SkipTooLarge        Reason = "too-large"         // a file in the zip is over N MiB
	SkipUnreadable      Reason = "unreadable"        // a file could not be read; Value is the error
	SkipNotDayOne       Reason = "not-dayone"        // a JSON file in the zip is not a Day One journal
	SkipNoDate          Reason = "no-date"           // an entry has no date
	SkipBadDate         Reason = "bad-date"          // Value, an entry's date, is not understood
	SkipBadJrnlDate     Reason = "bad-jrnl-date"     // Value, a jrnl date and time, is not YYYY-MM-DD HH:MM
	SkipBadFileDate     Reason = "bad-file-date"     // Value, the front matter's date, is not YYYY-MM-DD
	SkipNoFileDate      Reason = "no-file-date"      // no date in the front matter or the file name
	SkipMedia           Reason = "media"             // N photos or other media, marked [photo]
	SkipBadMood         Reason = "bad-mood"          // Value is not a mood 1–5; imported without it
	SkipBadMarker       Reason = "bad-marker"        // a Rewire comment in a day file does not parse
	SkipKindNotImported Reason = "kind-not-imported" // Value, a record kind, is not imported from Markdown
	SkipEmpty           Reason = "empty"             // an entry with neither title nor text
	SkipInvalid         Reason = "invalid"           // the record is not valid; Value says why
	SkipKeptOwnRecord   Reason = "kept-own"          // the journal has a different Value (kind) that day; it is kept
)

// String is the English sentence, e.g. `entry 6: the date "March 7th" is
// not understood`.
func (s Skip) String() string {
	text := s.Why()
	if w := s.Where.String(); w != "" {
		return w + ": " + text
	}
	return text
}

// Why is the English reason alone, without where, e.g. `no date`.
func (s Skip) Why() string {
	switch s.Reason {
	case SkipTooLarge:
		return fmt.Sprintf("larger than %d MiB", s.N)
	case SkipUnreadable:
		return "could not be read (" + s.Value + ")"
	case SkipNotDayOne:
		return "not a Day One journal"
	case SkipNoDate:
		return "no date"
	case SkipBadDate:
		return fmt.Sprintf("the date %q is not understood", s.Value)
	case SkipBadJrnlDate:
		return fmt.Sprintf("the date %q is not YYYY-MM-DD HH:MM", s.Value)
	case SkipBadFileDate:
		return fmt.Sprintf("the date %q in the front matter is not YYYY-MM-DD", s.Value)
	case SkipNoFileDate:
		return "no date in the front matter or the file name"
	case SkipMedia:
		return fmt.Sprintf("%d photos or other media: not imported, marked [photo] in the text", s.N)
	case SkipBadMood:
		return fmt.Sprintf("the mood %q is not 1–5; imported without it", s.Value)
	case SkipBadMarker:
		return "its Rewire comment does not parse"
	case SkipKindNotImported:
		return fmt.Sprintf("a %q record is not imported from Markdown", s.Value)
	case SkipEmpty:
		return "empty"
	case SkipInvalid:
		return "not valid (" + s.Value + ")"
	case SkipKeptOwnRecord:
		return fmt.Sprintf("Rewire already has a different %s for this day; it is kept", kindName(journal.Kind(s.Value)))
	}
	return string(s.Reason)
}

// String is the English name of the place, e.g. `export.zip/Journal.json:
// entry 5 (2026-03-16 09:00)` or `2026-03-01.md, record 2`; "" for none.
func (w Where) String() string {
	return w.Format(
		func(file string, n int) string { return fmt.Sprintf("%s, record %d", file, n) },
		func(n int, at string) string {
			if at == "" {
				return fmt.Sprintf("entry %d", n)
			}
			return fmt.Sprintf("entry %d (%s)", n, at)
		})
}

// Format names the place with record and entry, which say "file, record
// n" and "entry n (at)" (at may be empty) in some language, so the app can
// name it in the user's.
func (w Where) Format(record func(file string, n int) string, entry func(n int, at string) string) string {
	var parts []string
	switch {
	case w.File != "" && w.Record > 0:
		parts = append(parts, record(w.File, w.Record))
	case w.File != "":
		parts = append(parts, w.File)
	}
	switch {
	case w.Entry > 0:
		parts = append(parts, entry(w.Entry, w.At))
	case w.At != "":
		parts = append(parts, w.At)
	}
	return strings.Join(parts, ": ")
}

// in returns the skip as seen from a file of a larger source: a zip's
// journals or a folder's files.
func (s Skip) in(file string) Skip {
	if s.Where.File != "" {
		file += "/" + s.Where.File
	}
	s.Where.File = file
	return s
}
