package practice_test

import (
	"fmt"
	"time"

	"github.com/rewirejournal/rewire/journal/practice"
)

func ExampleUrgeSession() {
	start := time.Date(2026, 3, 1, 21, 0, 0, 0, time.UTC)
	u, _ := practice.NewUrgeSession(0) // every 60 s
	_ = u.Start(start, 8)

	st := u.Tick(start.Add(time.Minute))
	fmt.Println(st.RatingDue, st.Guide)

	_ = u.Rate(start.Add(time.Minute), 4)
	st = u.Tick(start.Add(time.Minute))
	fmt.Println(st.RatingDue, st.SuggestEnd)

	rec := u.Record() // save it: a crash now loses nothing
	fmt.Println(rec.Kind, len(rec.Urge.Samples), rec.Urge.Finished)

	_ = u.End(start.Add(90*time.Second), practice.UrgeOutcome{HALT: []string{practice.HALTTired}})
	fmt.Println(u.Record().Urge.Finished)
	// Output:
	// true urge.guide.rise
	// false true
	// urge 2 false
	// true
}

func ExampleBreathingGuide() {
	start := time.Date(2026, 3, 1, 21, 0, 0, 0, time.UTC)
	box, _ := practice.PresetByName(practice.PresetBox)
	g, _ := practice.NewBreathingGuide(box, time.Time{}, start)
	for _, d := range []time.Duration{0, 2 * time.Second, 5 * time.Second, 10 * time.Second} {
		st := g.Tick(start.Add(d))
		fmt.Printf("%s %ds size %.2f cycle %d/%d\n", st.Key, st.Seconds, st.Size, st.Cycle, st.Cycles)
	}
	// Output:
	// breathe.in 4s size 0.00 cycle 1/15
	// breathe.in 2s size 0.50 cycle 1/15
	// breathe.holdin 3s size 1.00 cycle 1/15
	// breathe.out 2s size 0.50 cycle 1/15
}

func ExampleMeditation() {
	start := time.Date(2026, 3, 1, 7, 0, 0, 0, time.UTC)
	m, _ := practice.NewMeditation(practice.MeditationPreset{
		Duration: 10 * time.Minute, WarmUp: 10 * time.Second, Interval: 5 * time.Minute,
		StartBell: "bowl", EndBell: "bowl", IntervalBell: "chime",
	}, start)
	// The UI ticks a few times a second; here, once a second.
	for d := time.Duration(0); d <= 11*time.Minute; d += time.Second {
		for _, e := range m.Tick(start.Add(d)) {
			fmt.Println(d, e.Bell, e.At)
		}
	}
	fmt.Println(m.Session(start.Add(time.Hour)).Seconds / 60)
	// Output:
	// 10s bowl 0s
	// 5m10s chime 5m0s
	// 10m10s bowl 10m0s
	// 10
}
