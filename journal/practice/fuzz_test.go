package practice

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// FuzzCustomPattern feeds the pattern editor's numbers, as stored, to the
// validator and, when accepted, runs the guide: it must never panic, and
// what it shows must stay in range.
func FuzzCustomPattern(f *testing.F) {
	f.Add("Evening", 4.0, 2.0, 6.0, 0.0, 5.0, 0)
	f.Add("x", 1.0, 0.0, 1.0, 0.0, 0.0, 500)
	f.Add("box", 4.0, 4.0, 4.0, 4.0, 0.0, 3)
	f.Add("", 0.0, -1.0, 31.0, math.NaN(), math.Inf(1), -1)
	f.Add("half", 5.5, 0.0005, 5.5, 29.9999, 60.0, 0)
	f.Fuzz(func(t *testing.T, name string, in, holdIn, ex, holdOut, minutes float64, cycles int) {
		bp := journal.BreathingPattern{Name: name, Inhale: in, HoldIn: holdIn, Exhale: ex, HoldOut: holdOut, Minutes: minutes, Cycles: cycles}
		p, err := CustomPattern(bp)
		if err != nil {
			return
		}
		g, err := NewBreathingGuide(p, time.Time{}, t0)
		if err != nil {
			t.Fatalf("an accepted pattern %+v does not run: %v", bp, err)
		}
		_, total := p.Plan(time.Time{}, t0)
		// At most an hour, and a session in minutes finishes its last breath.
		if total <= 0 || total > time.Hour+p.CycleTime() {
			t.Fatalf("plan of %v for %+v", total, bp)
		}
		for _, d := range []time.Duration{0, time.Millisecond, total / 3, total / 2, total - time.Nanosecond, total, 2 * total} {
			st := g.Tick(at(d))
			if st.Size < 0 || st.Size > 1 || st.Progress < 0 || st.Progress > 1 || st.Seconds < 0 || st.Left < 0 ||
				st.Cycle < 1 || st.Cycle > st.Cycles || st.Done != (d >= total) {
				t.Fatalf("at %v of %v: %+v", d, total, st)
			}
		}
	})
}

// FuzzResumeUrge feeds stored records, as JSON, to ResumeUrge: a record
// from any source must be refused or resumed, never panic, and a resumed
// session must take a rating and save it.
func FuzzResumeUrge(f *testing.F) {
	u, _ := NewUrgeSession(0)
	_ = u.Start(t0, 7)
	_ = u.Rate(at(time.Minute), 9)
	seed, _ := json.Marshal(u.Record())
	f.Add(seed)
	f.Add([]byte(`{"kind":"urge","date":"2026-03-01","urge":{"started":"2026-03-01T09:00:00Z","samples":[{"at":"2026-03-01T08:00:00Z","rating":3},{"at":"2026-03-01T07:00:00Z","rating":10}]}}`))
	f.Add([]byte(`{"kind":"urge","urge":{"samples":[{"rating":-1}]}}`))
	f.Add([]byte(`{"kind":"urge","urge":{"finished":true,"samples":[{"rating":1}]}}`))
	f.Add([]byte(`{"kind":"entry","entry":{"body":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r journal.Record
		if json.Unmarshal(data, &r) != nil {
			return
		}
		s, err := ResumeUrge(&r, 0)
		if err != nil {
			return
		}
		n := len(r.Urge.Samples)
		now := s.LastRated().Add(time.Minute)
		st := s.Tick(now)
		if st.Phase != UrgeRunning || st.Ratings != n || !st.RatingDue {
			t.Fatalf("resumed %d samples: %+v", n, st)
		}
		if err := s.Rate(now, 5); err != nil {
			t.Fatal(err)
		}
		rec := s.Record()
		if len(rec.Urge.Samples) != n+1 || rec.Urge.Finished || rec.ID.IsZero() {
			t.Fatalf("record after a rating: %+v", rec.Urge)
		}
		for i := 1; i < len(rec.Urge.Samples); i++ {
			if rec.Urge.Samples[i].At.Before(rec.Urge.Samples[i-1].At) {
				t.Fatal("samples out of time order")
			}
		}
		if err := s.End(now, UrgeOutcome{}); err != nil {
			t.Fatal(err)
		}
	})
}
