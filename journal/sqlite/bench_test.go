package sqlite

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// vocabulary is the text the benchmark docs are made of: everyday journal
// words in the three languages the app ships with.
var vocabulary = strings.Fields(`
	today I felt calm after the morning walk and talked with my sister about
	the week ahead craving was strong in the evening but I rode the wave
	breathing slowly until it passed grateful for sleep coffee friends work
	meeting anxious tired hungry lonely angry walking running meditation
	gratitude intention challenge win relapse recovery meeting sponsor call
	idag kände jag mig lugn efter promenaden och pratade med min syster om
	veckan kärlek sömn vänner arbete ångest trött hungrig ensam arg
	сьогодні я відчував спокій після прогулянки і говорив із сестрою про
	тиждень любов сон друзі робота тривога втома голод самотність гнів`)

// benchDocs makes n docs of about 1.2 KB each, the same every run.
func benchDocs(n int) []journal.Doc {
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := []journal.Kind{journal.KindEntry, journal.KindGratitude, journal.KindCheckIn, journal.KindUrge}
	docs := make([]journal.Doc, n)
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range docs {
		var b strings.Builder
		for b.Len() < 1150 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocabulary[rng.IntN(len(vocabulary))])
		}
		var id journal.ID
		for j := range id {
			id[j] = byte(rng.Uint32())
		}
		docs[i] = journal.Doc{
			ID:    id,
			Kind:  kinds[i%len(kinds)],
			Date:  day.AddDate(0, 0, i/5).Format(journal.DateLayout),
			Tags:  []string{vocabulary[rng.IntN(len(vocabulary))]},
			Title: vocabulary[rng.IntN(len(vocabulary))] + " " + vocabulary[rng.IntN(len(vocabulary))],
			Text:  b.String(),
		}
	}
	return docs
}

func BenchmarkIndexAdd10k(b *testing.B) {
	docs := benchDocs(10_000)
	for _, shards := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("shards=%d", shards), func(b *testing.B) {
			var total time.Duration
			for b.Loop() {
				ix, err := newIndex(shards)
				if err != nil {
					b.Fatal(err)
				}
				start := time.Now()
				if err := ix.Add(docs...); err != nil {
					b.Fatal(err)
				}
				total += time.Since(start)
				b.StopTimer()
				ix.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms/10k")
		})
	}
}

func BenchmarkSearch10k(b *testing.B) {
	ix, err := NewIndex()
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	if err := ix.Add(benchDocs(10_000)...); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, text string }{
		{"common word", "calm"},
		{"phrase", `"morning walk"`},
		{"prefix", "walk*"},
		{"rare pair", "sponsor kärlek"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				start := time.Now()
				hits, err := ix.Search(journal.Query{Text: bc.text})
				times = append(times, time.Since(start))
				if err != nil || len(hits) == 0 {
					b.Fatalf("Search(%q) = %d hits, %v", bc.text, len(hits), err)
				}
			}
			slices.Sort(times)
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}

func BenchmarkPut(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "vault.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	blob := make([]byte, 1200)
	for b.Loop() {
		if err := s.Put(journal.Item{ID: journal.NewID(), Blob: blob}); err != nil {
			b.Fatal(err)
		}
	}
}
