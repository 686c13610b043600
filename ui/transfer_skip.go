package ui

import (
	"fyne.io/fyne/v2/lang"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/transfer"
)

// skipText says in the user's language what an import skipped and why.
// Values from the source (a date it could not read, a file name) and the
// text of a system error stay as they were.
func skipText(s transfer.Skip) string {
	why := skipReason(s)
	where := s.Where.Format(
		func(file string, n int) string {
			return lang.X("transfer.skip.where.record", "{{.File}}, record {{.N}}", map[string]any{"File": file, "N": n})
		},
		func(n int, at string) string {
			if at == "" {
				return lang.X("transfer.skip.where.entry", "entry {{.N}}", map[string]any{"N": n})
			}
			return lang.X("transfer.skip.where.entryat", "entry {{.N}} ({{.At}})", map[string]any{"N": n, "At": at})
		})
	if where == "" {
		return why
	}
	return where + ": " + why
}

func skipReason(s transfer.Skip) string {
	v := map[string]any{"Value": s.Value, "N": s.N}
	switch s.Reason {
	case transfer.SkipTooLarge:
		return lang.X("transfer.skip.toolarge", "larger than {{.N}} MiB", v)
	case transfer.SkipUnreadable:
		return lang.X("transfer.skip.unreadable", "could not be read ({{.Value}})", v)
	case transfer.SkipNotDayOne:
		return lang.X("transfer.skip.notdayone", "not a Day One journal")
	case transfer.SkipNoDate:
		return lang.X("transfer.skip.nodate", "no date")
	case transfer.SkipBadDate:
		return lang.X("transfer.skip.baddate", "the date “{{.Value}}” is not understood", v)
	case transfer.SkipBadJrnlDate:
		return lang.X("transfer.skip.badjrnldate", "the date “{{.Value}}” is not YYYY-MM-DD HH:MM", v)
	case transfer.SkipBadFileDate:
		return lang.X("transfer.skip.badfiledate", "the date “{{.Value}}” in the front matter is not YYYY-MM-DD", v)
	case transfer.SkipNoFileDate:
		return lang.X("transfer.skip.nofiledate", "no date in the front matter or the file name")
	case transfer.SkipMedia:
		return lang.X("transfer.skip.media", "{{.N}} photos or other media: not imported, marked [photo] in the text", v)
	case transfer.SkipBadMood:
		return lang.X("transfer.skip.badmood", "the mood “{{.Value}}” is not 1–5; imported without it", v)
	case transfer.SkipBadMarker:
		return lang.X("transfer.skip.badmarker", "its Rewire comment does not parse")
	case transfer.SkipKindNotImported:
		return lang.X("transfer.skip.kind", "a “{{.Value}}” record is not imported from Markdown", v)
	case transfer.SkipEmpty:
		return lang.X("transfer.skip.empty", "empty")
	case transfer.SkipInvalid:
		return lang.X("transfer.skip.invalid", "not valid ({{.Value}})", v)
	case transfer.SkipKeptOwnRecord:
		switch journal.Kind(s.Value) {
		case journal.KindGratitude:
			return lang.X("transfer.skip.kept.gratitude", "Rewire already has a different gratitude list for this day; it is kept")
		case journal.KindCheckIn:
			return lang.X("transfer.skip.kept.checkin", "Rewire already has a different check-in for this day; it is kept")
		}
	}
	return s.Why() // a reason this version has no words for: in English
}
