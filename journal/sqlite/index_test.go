package sqlite

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rewirejournal/rewire/journal"
)

var (
	idWalk    = journal.ID{1}
	idKarlek  = journal.ID{2}
	idUkr     = journal.ID{3}
	idCalm    = journal.ID{4}
	idMorning = journal.ID{5}
)

var corpus = []journal.Doc{
	{ID: idWalk, Kind: journal.KindEntry, Date: "2026-01-10", Tags: []string{"outdoors"},
		Title: "Evening walk", Text: "I went walking by the lake and felt calm for the first time in days."},
	{ID: idKarlek, Kind: journal.KindEntry, Date: "2026-02-01", Tags: []string{"familj"},
		Title: "Söndag", Text: "Jag känner kärlek för min familj och för mig själv."},
	{ID: idUkr, Kind: journal.KindCheckIn, Date: "2026-03-05", Tags: []string{"self care"},
		Text: "Сьогодні я відчув спокій і любов до себе. Моя йога допомогла."},
	{ID: idCalm, Kind: journal.KindGratitude, Date: "2026-01-15", Tags: []string{"Care"},
		Title: "Calm", Text: "Nothing much happened today, and that was fine."},
	{ID: idMorning, Kind: journal.KindUrge, Date: "2025-12-31", Tags: []string{"self"},
		Text: "The morning walk was cold. I will walk again tomorrow."},
}

var names = map[journal.ID]string{idWalk: "walk", idKarlek: "karlek", idUkr: "ukr", idCalm: "calm", idMorning: "morning"}

// newTestIndex makes an index over corpus with the given number of shards.
func newTestIndex(t *testing.T, shards int) *Index {
	t.Helper()
	ix, err := newIndex(shards)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Add(corpus...); err != nil {
		t.Fatal(err)
	}
	return ix
}

func hitNames(hits []journal.Hit) []string {
	out := []string{}
	for _, h := range hits {
		out = append(out, names[h.ID])
	}
	return out
}

func TestSearchFindsTheRightDocs(t *testing.T) {
	for _, tc := range []struct {
		name    string
		q       journal.Query
		want    []string
		ordered bool // otherwise any order
	}{
		{"a word finds the docs that hold it", journal.Query{Text: "lake"}, []string{"walk"}, true},
		{"a Swedish word is found without its diacritics", journal.Query{Text: "karlek"}, []string{"karlek"}, true},
		{"a Swedish word is found with its diacritics", journal.Query{Text: "KÄRLEK"}, []string{"karlek"}, true},
		{"a Ukrainian word is found in any case", journal.Query{Text: "ЛЮБОВ"}, []string{"ukr"}, true},
		{"a Ukrainian word with й is found", journal.Query{Text: "йога"}, []string{"ukr"}, true},
		{"и does not find й in Ukrainian", journal.Query{Text: "иога"}, []string{}, true},
		{"a prefix finds longer words", journal.Query{Text: "walk*"}, []string{"walk", "morning"}, false},
		{"a Ukrainian prefix finds longer words", journal.Query{Text: "допом*"}, []string{"ukr"}, true},
		{"a phrase finds the words in order", journal.Query{Text: `"morning walk"`}, []string{"morning"}, true},
		{"a phrase does not find the words out of order", journal.Query{Text: `"walk morning"`}, []string{}, true},
		{"all words must match", journal.Query{Text: "walk cold"}, []string{"morning"}, true},
		{"a title match ranks first", journal.Query{Text: "calm"}, []string{"calm", "walk"}, true},
		{"kinds filter the hits", journal.Query{Text: "walk*", Kinds: []journal.Kind{journal.KindUrge, journal.KindCrisis}}, []string{"morning"}, true},
		{"a tag matches a whole tag, not a word of one", journal.Query{Text: "", Tag: "care"}, []string{"calm"}, true},
		{"a multi-word tag matches", journal.Query{Tag: "self care"}, []string{"ukr"}, true},
		{"a tag matches ignoring case", journal.Query{Text: "nothing", Tag: "CARE"}, []string{"calm"}, true},
		{"a one-word tag does not match a longer tag", journal.Query{Tag: "self"}, []string{"morning"}, true},
		{"a tag and a word both apply", journal.Query{Text: "walk", Tag: "outdoors"}, []string{"walk"}, true},
		{"a date range from a day", journal.Query{Text: "walk*", From: "2026-01-01"}, []string{"walk"}, true},
		{"a date range to a day, inclusive", journal.Query{Text: "walk*", To: "2025-12-31"}, []string{"morning"}, true},
		{"a date range of one day", journal.Query{Text: "walk*", From: "2026-01-10", To: "2026-01-10"}, []string{"walk"}, true},
		{"a limit cuts the list", journal.Query{Text: "calm", Limit: 1}, []string{"calm"}, true},
		{"empty text finds nothing", journal.Query{Text: ""}, []string{}, true},
		{"punctuation finds nothing", journal.Query{Text: "?!"}, []string{}, true},
		{"NEAR syntax is only words", journal.Query{Text: "NEAR(walk calm)"}, []string{}, true},
		{"a column filter is only words", journal.Query{Text: "title:calm"}, []string{}, true},
		{"an unclosed quote is a phrase", journal.Query{Text: `"felt calm`}, []string{"walk"}, true},
	} {
		for _, shards := range []int{1, 3} {
			t.Run(fmt.Sprintf("%s (%d shards)", tc.name, shards), func(t *testing.T) {
				hits, err := newTestIndex(t, shards).Search(tc.q)
				if err != nil {
					t.Fatal(err)
				}
				got := hitNames(hits)
				if !tc.ordered {
					slices.Sort(got)
					slices.Sort(tc.want)
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("Search(%+v) = %q, want %q", tc.q, got, tc.want)
				}
				for i := 1; i < len(hits); i++ {
					if hits[i].Rank < hits[i-1].Rank {
						t.Errorf("hits are not ordered by rank: %v", hits)
					}
				}
			})
		}
	}
}

func TestHitsCarryTheDocsFields(t *testing.T) {
	hits, err := newTestIndex(t, 1).Search(journal.Query{Text: "lake"})
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
	h := hits[0]
	if h.ID != idWalk || h.Kind != journal.KindEntry || h.Date != "2026-01-10" || h.Title != "Evening walk" || h.Rank >= 0 {
		t.Errorf("hit = %+v", h)
	}
}

func TestSnippetMarksCoverTheMatchedWords(t *testing.T) {
	for _, tc := range []struct {
		name    string
		text    string
		snippet string   // a part the snippet must contain
		marked  []string // the marked words, in order, folded to lower case
	}{
		{"a word is marked", "lake", "walking by the lake", []string{"lake"}},
		{"a prefix marks the whole word", "walki*", "went walking", []string{"walking"}},
		{"a word found without diacritics marks the word as written", "karlek", "känner kärlek", []string{"kärlek"}},
		{"a Ukrainian word is marked at its byte offsets", "любов", "спокій і любов", []string{"любов"}},
		{"a match only in the title shows the title", "evening", "Evening walk", []string{"evening"}},
		{"every occurrence of every word is marked", "walk cold", "morning walk was cold", []string{"walk", "cold", "walk"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := newTestIndex(t, 1).Search(journal.Query{Text: tc.text})
			if err != nil || len(hits) == 0 {
				t.Fatalf("Search(%q) = %v, %v", tc.text, hits, err)
			}
			h := hits[0]
			if !strings.Contains(h.Snippet, tc.snippet) {
				t.Errorf("snippet %q does not contain %q", h.Snippet, tc.snippet)
			}
			if strings.ContainsAny(h.Snippet, "\x01\x02") {
				t.Errorf("snippet %q still has markers", h.Snippet)
			}
			var marked []string
			for _, m := range h.Marks {
				marked = append(marked, strings.ToLower(h.Snippet[m[0]:m[1]]))
			}
			if !slices.Equal(marked, tc.marked) {
				t.Errorf("marked %q in %q, want %q", marked, h.Snippet, tc.marked)
			}
		})
	}
}

func TestMarkerBytesInTheTextDoNotConfuseTheMarks(t *testing.T) {
	ix, err := NewIndex()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Add(journal.Doc{ID: idWalk, Text: "odd \x01bytes\x02 then calm"}); err != nil {
		t.Fatal(err)
	}
	hits, err := ix.Search(journal.Query{Text: "calm"})
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search = %v, %v", hits, err)
	}
	h := hits[0]
	if len(h.Marks) != 1 || h.Snippet[h.Marks[0][0]:h.Marks[0][1]] != "calm" {
		t.Errorf("marks %v in %q", h.Marks, h.Snippet)
	}
}

func TestRemovedAndReplacedDocs(t *testing.T) {
	for _, shards := range []int{1, 3} {
		t.Run(fmt.Sprintf("a removed doc is not found (%d shards)", shards), func(t *testing.T) {
			ix := newTestIndex(t, shards)
			if err := ix.Remove(idWalk, journal.ID{0xee}); err != nil {
				t.Fatal(err)
			}
			if hits, _ := ix.Search(journal.Query{Text: "lake"}); len(hits) != 0 {
				t.Errorf("found %q", hitNames(hits))
			}
			if hits, _ := ix.Search(journal.Query{Tag: "outdoors"}); len(hits) != 0 {
				t.Errorf("found by tag: %q", hitNames(hits))
			}
			if hits, _ := ix.Search(journal.Query{Text: "calm"}); !slices.Equal(hitNames(hits), []string{"calm"}) {
				t.Errorf("other docs: %q", hitNames(hits))
			}
		})
		t.Run(fmt.Sprintf("a doc added again replaces the old one (%d shards)", shards), func(t *testing.T) {
			ix := newTestIndex(t, shards)
			edited := corpus[0]
			edited.Text = "I went swimming in the lake."
			edited.Tags = []string{"water"}
			// Twice, and twice in one batch, to be sure nothing doubles.
			if err := ix.Add(edited); err != nil {
				t.Fatal(err)
			}
			if err := ix.Add(edited, edited); err != nil {
				t.Fatal(err)
			}
			if hits, _ := ix.Search(journal.Query{Text: "lake"}); len(hits) != 1 || !strings.Contains(hits[0].Snippet, "swimming") {
				t.Errorf("hits %v", hits)
			}
			if hits, _ := ix.Search(journal.Query{Text: "walking"}); len(hits) != 0 {
				t.Errorf("the old text is still found: %v", hits)
			}
			if hits, _ := ix.Search(journal.Query{Tag: "outdoors"}); len(hits) != 0 {
				t.Errorf("the old tag is still found: %v", hits)
			}
			if hits, _ := ix.Search(journal.Query{Tag: "water"}); len(hits) != 1 {
				t.Errorf("the new tag is not found: %v", hits)
			}
		})
	}
}

func TestAClosedIndexRefusesWork(t *testing.T) {
	ix := newTestIndex(t, 2)
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
	if _, err := ix.Search(journal.Query{Text: "calm"}); err == nil {
		t.Error("Search after Close succeeded")
	}
	if err := ix.Add(corpus[0]); err == nil {
		t.Error("Add after Close succeeded")
	}
}

func TestALimitAppliesAcrossShards(t *testing.T) {
	ix, err := newIndex(3)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := benchDocs(500)
	if err := ix.Add(docs...); err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{0, 7, 1000} {
		hits, err := ix.Search(journal.Query{Text: "calm", Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		want := min(cmp.Or(limit, defaultLimit), 500)
		if len(hits) > want || (limit != 1000 && len(hits) != want) {
			t.Errorf("limit %d: %d hits", limit, len(hits))
		}
	}
}
