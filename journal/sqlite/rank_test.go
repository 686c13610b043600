package sqlite

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/rewirejournal/rewire/journal"
)

// shardScores runs a MATCH on one shard, ranking with fn(docs, 5, 1, 2).
func shardScores(t *testing.T, sh *shard, fn, expr string) map[int64]float64 {
	t.Helper()
	rows, err := sh.conn.QueryContext(context.Background(),
		`SELECT rowid, `+fn+`(docs, 5.0, 1.0, 2.0) FROM docs WHERE docs MATCH ?`, expr)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]float64{}
	for rows.Next() {
		var row int64
		var score float64
		if err := rows.Scan(&row, &score); err != nil {
			t.Fatal(err)
		}
		out[row] = score
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRankIsBm25OrBm25WithoutTheIDFOfALonePhrase(t *testing.T) {
	ix, err := newIndex(1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	var docs []journal.Doc
	for _, r := range entries(400) {
		docs = append(docs, journal.Doc{ID: journal.NewID(), Kind: r.Kind, Date: r.Date,
			Tags: r.Tags(), Title: r.Title(), Text: r.Text()})
	}
	if err := ix.Add(docs...); err != nil {
		t.Fatal(err)
	}
	// The same docs inserted behind Add's back, so no length is kept
	// before the first query ranks the rows and reads them the FTS5 way.
	bare, err := newIndex(1)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bare.Close() })
	for i, d := range docs {
		_, err := bare.shards[0].conn.ExecContext(context.Background(),
			`INSERT INTO docs (rowid, title, text, tags) VALUES (?, ?, ?, ?)`, i+1, d.Title, d.Text, strings.Join(d.Tags, "\n"))
		if err != nil {
			t.Fatal(err)
		}
	}
	tag := quoteFTS(docs[0].Tags[0])
	for _, tc := range []struct {
		name, expr string
		phrases    int
	}{
		{"a word", `"craving"`, 1},
		{"a phrase", `"one day at a time"`, 1},
		{"a prefix", `"medit"*`, 1},
		{"a tag", `{tags} : ` + tag, 1},
		{"two words", `"craving" AND "walk"`, 2},
		{"a phrase and a prefix", `"one day at a time" AND "medit"*`, 2},
		{"a word and a tag", `"today" AND {tags} : ` + tag, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// With the lengths Add kept; without any kept (read the FTS5
			// way on the first query), and with those it kept then.
			for _, sh := range []*shard{ix.shards[0], bare.shards[0], bare.shards[0]} {
				want := shardScores(t, sh, "bm25", tc.expr)
				if len(want) == 0 {
					t.Fatalf("%s matches nothing; the test needs matches", tc.expr)
				}
				got := shardScores(t, sh, rankFunc, tc.expr)
				if len(got) != len(want) {
					t.Fatalf("%s: %d rows ranked, bm25 ranks %d", rankFunc, len(got), len(want))
				}
				// With one phrase every score is bm25's divided by the
				// phrase's IDF, the same for every row; with several,
				// exactly bm25's.
				factor := 0.0
				for row, w := range want {
					g, ok := got[row]
					if !ok {
						t.Fatalf("row %d not ranked", row)
					}
					if g >= 0 {
						t.Fatalf("row %d scored %v, want below 0 (lower is better)", row, g)
					}
					f := w / g
					if factor == 0 {
						factor = f
					}
					if math.Abs(f-factor) > 1e-9*factor {
						t.Fatalf("row %d: bm25/%s = %v, other rows %v", row, rankFunc, f, factor)
					}
				}
				if tc.phrases > 1 && math.Abs(factor-1) > 1e-12 {
					t.Errorf("with %d phrases bm25/%s = %v, want 1", tc.phrases, rankFunc, factor)
				}
			}
		})
	}
}

// TestRankedLengthsFollowReplacedAndRemovedDocs checks that the rows'
// lengths the ranking keeps never outlive a doc: after each change, an
// index that has ranked every earlier state ranks as a new index over the
// same docs does.
func TestRankedLengthsFollowReplacedAndRemovedDocs(t *testing.T) {
	short := func(id journal.ID, text string) journal.Doc {
		return journal.Doc{ID: id, Kind: journal.KindEntry, Date: "2026-01-01", Text: text}
	}
	long := "walk " + benchDocs(1)[0].Text
	a, b, c := journal.ID{1}, journal.ID{2}, journal.ID{3}
	for _, tc := range []struct {
		name   string
		change func(ix *Index) error
		final  []journal.Doc
	}{
		{"a doc made longer",
			func(ix *Index) error { return ix.Add(short(a, long)) },
			[]journal.Doc{short(a, long), short(b, "a walk by the sea"), short(c, "walk walk home")}},
		{"a doc made shorter",
			func(ix *Index) error { return ix.Add(short(b, "walk")) },
			[]journal.Doc{short(a, "the walk"), short(b, "walk"), short(c, "walk walk home")}},
		{"a doc removed",
			func(ix *Index) error { return ix.Remove(c) },
			[]journal.Doc{short(a, "the walk"), short(b, "a walk by the sea")}},
		{"a doc removed and added again, longer",
			func(ix *Index) error {
				if err := ix.Remove(a); err != nil {
					return err
				}
				return ix.Add(short(a, long))
			},
			[]journal.Doc{short(a, long), short(b, "a walk by the sea"), short(c, "walk walk home")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			used, err := newIndex(1)
			if err != nil {
				t.Fatal(err)
			}
			defer used.Close()
			err = used.Add(short(a, "the walk"), short(b, "a walk by the sea"), short(c, "walk walk home"))
			if err != nil {
				t.Fatal(err)
			}
			q := journal.Query{Text: "walk"}
			if _, err := used.Search(q); err != nil {
				t.Fatal(err)
			}
			if err := tc.change(used); err != nil {
				t.Fatal(err)
			}
			fresh, err := newIndex(1)
			if err != nil {
				t.Fatal(err)
			}
			defer fresh.Close()
			if err := fresh.Add(tc.final...); err != nil {
				t.Fatal(err)
			}
			got, err := used.Search(q)
			if err != nil {
				t.Fatal(err)
			}
			want, err := fresh.Search(q)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%d hits, want %d", len(got), len(want))
			}
			for i := range want {
				if got[i].ID != want[i].ID || math.Abs(got[i].Rank-want[i].Rank) > 1e-12 {
					t.Errorf("hit %d: %v rank %v, want %v rank %v", i, got[i].ID[0], got[i].Rank, want[i].ID[0], want[i].Rank)
				}
			}
		})
	}
}

func TestAddKeepsEveryRowsLengthInTokens(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("walk ", n)) }
	for _, tc := range []struct {
		name              string
		title, text, tags int // words in each
	}{
		{"an empty doc", 0, 0, 0},
		{"one word", 0, 1, 0},
		{"127 words, the most in one varint byte", 0, 127, 0},
		{"128 words, two varint bytes", 0, 128, 0},
		{"every column", 3, 200, 2},
		{"16 384 words, three varint bytes", 1, 16_384, 1},
		{"100 000 words", 0, 100_000, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix, err := newIndex(1)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			d := journal.Doc{ID: journal.ID{7}, Kind: journal.KindEntry, Date: "2026-01-01",
				Title: words(tc.title), Text: "Ångest, " + words(tc.text) + "; м'ясо", Tags: []string{words(tc.tags)}}
			// Added twice, so the second copy replaces the first under a
			// new rowid, whose length must be kept as well.
			for range 2 {
				if err := ix.Add(d); err != nil {
					t.Fatal(err)
				}
			}
			sh := ix.shards[0]
			row := sh.rows[d.ID]
			want := tc.title + tc.text + 3 + tc.tags
			kept := func(row int64) int {
				var n int
				err := sh.conn.QueryRowContext(context.Background(), `SELECT rewire_size_of(?)`, row).Scan(&n)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			if got := kept(row); got != want {
				t.Errorf("row %d: kept length %d, want %d", row, got, want)
			}
			if got := kept(row - 1); got != want {
				t.Errorf("replaced row %d: kept length %d, want %d", row-1, got, want)
			}
		})
	}
}
