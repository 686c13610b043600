package insights

import (
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
)

// BenchmarkInsights10k computes a year's and all insights from a
// 10k-record vault's records (demo data), as the Insights screen does
// after unlock. The budget for opening the screen is 300 ms.
func BenchmarkInsights10k(b *testing.B) {
	end := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	var recs []journal.Record
	for _, r := range demo.Generate(2900, 1, end) {
		if r.Date != "" {
			recs = append(recs, *r)
		}
	}
	if len(recs) < 10000 {
		b.Fatalf("only %d records", len(recs))
	}
	first, _ := Earliest(recs)
	all := Range{From: first, To: DayOf(end)}
	b.ResetTimer()
	for b.Loop() {
		Compute(recs, Last(end, 365))
		Compute(recs, all)
	}
	b.ReportMetric(float64(len(recs)), "records")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/open")
}
