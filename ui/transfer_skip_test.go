package ui

import (
	"testing"

	"github.com/rewirejournal/rewire/journal/transfer"
)

// TestImportSkipsAreSaidInTheUsersLanguage: the import preview's reasons
// follow the language; values from the source stay as they were.
func TestImportSkipsAreSaidInTheUsersLanguage(t *testing.T) {
	t.Cleanup(func() { SetLanguage("en") })
	skips := []transfer.Skip{
		{Where: transfer.Where{Entry: 6}, Reason: transfer.SkipBadJrnlDate, Value: "March 7th 10:00"},
		{Where: transfer.Where{File: "2026-03-01.md", Record: 2}, Reason: transfer.SkipBadMarker},
		{Where: transfer.Where{File: "Journal.json", Entry: 5, At: "2026-03-16 09:00"}, Reason: transfer.SkipEmpty},
		{Where: transfer.Where{At: "2026-03-01"}, Reason: transfer.SkipKeptOwnRecord, Value: "checkin"},
		{Reason: transfer.SkipMedia, N: 2},
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			"entry 6: the date “March 7th 10:00” is not YYYY-MM-DD HH:MM",
			"2026-03-01.md, record 2: its Rewire comment does not parse",
			"Journal.json: entry 5 (2026-03-16 09:00): empty",
			"2026-03-01: Rewire already has a different check-in for this day; it is kept",
			"2 photos or other media: not imported, marked [photo] in the text",
		}},
		{"sv", []string{
			"anteckning 6: datumet ”March 7th 10:00” är inte ÅÅÅÅ-MM-DD TT:MM",
			"2026-03-01.md, post 2: dess Rewire-kommentar går inte att läsa",
			"Journal.json: anteckning 5 (2026-03-16 09:00): tom",
			"2026-03-01: Rewire har redan en annan avstämning för den här dagen; den behålls",
			"2 foton eller andra medier: inte importerade, markerade med [photo] i texten",
		}},
		{"uk", []string{
			"запис 6: дата «March 7th 10:00» не у форматі РРРР-ММ-ДД ГГ:ХХ",
			"2026-03-01.md, запис 2: його коментар Rewire не вдалося прочитати",
			"Journal.json: запис 5 (2026-03-16 09:00): порожній",
			"2026-03-01: Rewire уже має іншу перевірку за цей день; її збережено",
			"2 фото чи інших медіафайлів: не імпортовано, позначено [photo] у тексті",
		}},
	} {
		SetLanguage(tc.lang)
		for i, s := range skips {
			if got := skipText(s); got != tc.want[i] {
				t.Errorf("%s, %s:\n got %q\nwant %q", tc.lang, s.Reason, got, tc.want[i])
			}
		}
	}
}

// TestAnImportSkipWithoutWordsFallsBackToEnglishOnce: a reason or kind the
// translations have no sentence for is given in English, its place named
// once.
func TestAnImportSkipWithoutWordsFallsBackToEnglishOnce(t *testing.T) {
	t.Cleanup(func() { SetLanguage("en") })
	SetLanguage("sv")
	s := transfer.Skip{Where: transfer.Where{At: "2026-03-01"}, Reason: transfer.SkipKeptOwnRecord, Value: "urge"}
	if got, want := skipText(s), "2026-03-01: Rewire already has a different urge for this day; it is kept"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
