package ui

import (
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal/demo"
)

// BenchmarkInsightsOpen10k opens the Insights screen on an unlocked
// 10 000-record journal (demo data: 2 900 days of daily use) and draws it
// once: listing the records, computing the figures and building the
// screen (the work the app does off the UI goroutine and then on it), then
// rendering every chart at the window's size. The fake journal lists from
// memory as the unlocked vault does. The target is ≤ 300 ms.
func BenchmarkInsightsOpen10k(b *testing.B) {
	t := &testing.T{}
	a, j, clock := unlockedTestApp(t)
	end := clock.Now()
	n := 0
	for _, r := range demo.Generate(2900, 1, end) {
		if err := j.Save(r); err != nil {
			b.Fatal(err)
		}
		n++
	}
	var compute, draw time.Duration
	b.ResetTimer()
	for b.Loop() {
		a.ShowScreen(screenToday)
		start := time.Now()
		a.ShowScreen(screenInsights)
		mid := time.Now()
		a.win.Canvas().Capture()
		compute += mid.Sub(start)
		draw += time.Since(mid)
	}
	b.ReportMetric(float64(n), "records")
	b.ReportMetric(float64(compute.Milliseconds())/float64(b.N), "open-ms")
	b.ReportMetric(float64(draw.Milliseconds())/float64(b.N), "render-ms")
}
