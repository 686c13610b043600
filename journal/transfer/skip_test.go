package transfer

import "testing"

func TestSkipSaysWhereAndWhyInEnglish(t *testing.T) {
	for _, tc := range []struct {
		skip Skip
		want string
	}{
		{Skip{Where: Where{File: "big.json"}, Reason: SkipTooLarge, N: 64}, "big.json: larger than 64 MiB"},
		{Skip{Where: Where{File: "a.md"}, Reason: SkipUnreadable, Value: "permission denied"}, "a.md: could not be read (permission denied)"},
		{Skip{Where: Where{File: "x.json"}, Reason: SkipNotDayOne}, "x.json: not a Day One journal"},
		{Skip{Where: Where{Entry: 3}, Reason: SkipNoDate}, "entry 3: no date"},
		{Skip{Where: Where{Entry: 4}, Reason: SkipBadDate, Value: "yesterday"}, `entry 4: the date "yesterday" is not understood`},
		{Skip{Where: Where{Entry: 6}, Reason: SkipBadJrnlDate, Value: "March 7th 10:00"}, `entry 6: the date "March 7th 10:00" is not YYYY-MM-DD HH:MM`},
		{Skip{Where: Where{File: "n.md"}, Reason: SkipBadFileDate, Value: "soon"}, `n.md: the date "soon" in the front matter is not YYYY-MM-DD`},
		{Skip{Where: Where{File: "notes.md"}, Reason: SkipNoFileDate}, "notes.md: no date in the front matter or the file name"},
		{Skip{Reason: SkipMedia, N: 2}, "2 photos or other media: not imported, marked [photo] in the text"},
		{Skip{Where: Where{File: "d.md"}, Reason: SkipBadMood, Value: "9"}, `d.md: the mood "9" is not 1–5; imported without it`},
		{Skip{Where: Where{File: "2026-03-01.md", Record: 2}, Reason: SkipBadMarker}, "2026-03-01.md, record 2: its Rewire comment does not parse"},
		{Skip{Where: Where{File: "2026-03-01.md", Record: 1}, Reason: SkipKindNotImported, Value: "urge"}, `2026-03-01.md, record 1: a "urge" record is not imported from Markdown`},
		{Skip{Where: Where{Entry: 5, At: "2026-03-16 09:00"}, Reason: SkipEmpty}, "entry 5 (2026-03-16 09:00): empty"},
		{Skip{Where: Where{Entry: 1}, Reason: SkipInvalid, Value: "mood 9 is not 1–5"}, "entry 1: not valid (mood 9 is not 1–5)"},
		{Skip{Where: Where{At: "2026-03-01"}, Reason: SkipKeptOwnRecord, Value: "checkin"}, "2026-03-01: Rewire already has a different check-in for this day; it is kept"},
		{Skip{Where: Where{At: "2026-03-01"}, Reason: SkipKeptOwnRecord, Value: "gratitude"}, "2026-03-01: Rewire already has a different gratitude list for this day; it is kept"},
		// A journal inside a zip: the zip's file, then the entry.
		{Skip{Where: Where{Entry: 5, At: "2026-03-16 09:00"}, Reason: SkipEmpty}.in("Journal.json"), "Journal.json: entry 5 (2026-03-16 09:00): empty"},
		{Skip{Reason: SkipMedia, N: 1}.in("Journal.json"), "Journal.json: 1 photos or other media: not imported, marked [photo] in the text"},
	} {
		if got := tc.skip.String(); got != tc.want {
			t.Errorf("%+v:\n got %q\nwant %q", tc.skip, got, tc.want)
		}
	}
}
