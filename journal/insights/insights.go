package insights

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/practice"
)

// Kinds are the kinds of record [Compute] reads; callers list only these.
var Kinds = []journal.Kind{journal.KindCheckIn, journal.KindEntry, journal.KindGratitude, journal.KindUrge, journal.KindSession}

// RollingDays is the window of the rolling mood mean.
const RollingDays = 7

// StreakDays is the window of the compassionate streak: "days practised in
// the last 30".
const StreakDays = 30

// DayValue is one day's figure.
type DayValue struct {
	Day   Day
	Value float64
}

// Week is one week's figures, Monday to Sunday, clipped to the range.
type Week struct {
	Start Day // the Monday, which may be before the range starts
	// Craving is the mean craving (0–10) of the week's check-ins; NaN
	// when there were none. CravingDays is how many there were.
	Craving     float64
	CravingDays int
	// Urges is how many urge episodes were logged, finished or not.
	Urges int
	// GratitudeDays is how many of the week's days had gratitude.
	GratitudeDays int
}

// WavePoint is one urge rating, After the episode started.
type WavePoint struct {
	After  time.Duration
	Rating int
}

// Minutes returns After in minutes.
func (p WavePoint) Minutes() float64 { return p.After.Minutes() }

// Wave is one urge episode as a curve.
type Wave struct {
	Day      Day
	Points   []WavePoint
	Triggers []string
	HALT     []string
	ActedOn  bool
	Finished bool
	Peak     int
	ToPeak   time.Duration
	Duration time.Duration
}

// PracticeDay is one day's practice minutes. Mindfulness is meditation
// sessions, Breathing breathing sessions (both as timed by the app), and
// Movement the minutes given in the check-in.
type PracticeDay struct {
	Day                              Day
	Mindfulness, Breathing, Movement float64
}

// Total returns the day's minutes in all.
func (p PracticeDay) Total() float64 { return p.Mindfulness + p.Breathing + p.Movement }

// Practice flags: which practices a day had, for the calendar.
type Practice uint8

// The practices the calendar counts.
const (
	PracticeMindfulness Practice = 1 << iota // a meditation session or the check-in's tick
	PracticeBreathing                        // a breathing session
	PracticeMovement                         // movement minutes in the check-in
	PracticeConnection                       // the check-in's tick
	PracticeLearning                         // the check-in's tick
	PracticeGratitude                        // a gratitude list or the check-in's tick
	PracticeUrgeSurfing                      // an urge episode ridden out
)

// Count returns how many practices p holds.
func (p Practice) Count() int {
	n := 0
	for ; p != 0; p &= p - 1 {
		n++
	}
	return n
}

// HeatDay is one day of the calendar heat map.
type HeatDay struct {
	Day       Day
	Practices Practice
}

// Insights are the figures for one range.
type Insights struct {
	Range Range

	// Mood is each day's mood 1–5: the check-in's, or, on a day without
	// one, the mean of the day's journal entries that give one. Only days
	// with a mood are listed, oldest first.
	Mood []DayValue
	// MoodMean is, for every day from the first mood on, the mean of the
	// moods of the RollingDays days ending that day, where there is any.
	MoodMean []DayValue
	// Weeks covers every week the range touches, oldest first.
	Weeks []Week
	// Urges are the personal figures of the range's urge episodes (see
	// [practice.UrgeStatistics]); Waves the episodes themselves, oldest
	// first.
	Urges practice.UrgeStats
	Waves []Wave
	// Practice lists the days with any practice minutes, oldest first.
	Practice []PracticeDay
	// GratitudeDays lists the days with gratitude, oldest first.
	GratitudeDays []Day
	// Calendar has every day of the range, oldest first.
	Calendar []HeatDay
	// Sleep lists the hours of sleep given in check-ins, oldest first.
	Sleep []DayValue
	// Practised is how many of the StreakDays days ending Range.To had any
	// practice. A missed day only ever lowers it by one, for 30 days.
	Practised int
	// Lapses are the days a check-in logged a lapse: information for the
	// user, never a reset of anything.
	Lapses []Day
	// CheckIns, Entries and Sessions count the range's records.
	CheckIns, Entries, Sessions int
}

// Empty reports whether the range holds nothing to show.
func (in *Insights) Empty() bool {
	return in.CheckIns == 0 && in.Entries == 0 && in.Sessions == 0 && len(in.Waves) == 0 && len(in.GratitudeDays) == 0
}

// Earliest returns the first day any of recs belongs to, and false when
// recs is empty or has no valid date: the start of the "all" range.
func Earliest(recs []journal.Record) (Day, bool) {
	var first Day
	found := false
	for i := range recs {
		if !slices.Contains(Kinds, recs[i].Kind) {
			continue
		}
		d, err := ParseDay(recs[i].Date)
		if err != nil {
			continue
		}
		if !found || d < first {
			first, found = d, true
		}
	}
	return first, found
}

// dayAcc gathers one day's records.
type dayAcc struct {
	checkInMood             int
	entryMoodSum, entryMood int
	practices               Practice
	minutes                 PracticeDay
}

// Compute draws the insights for r from recs, in any order. Records of
// other kinds, or with a date that does not parse, are ignored. The
// streak looks at the StreakDays days ending r.To, so recs should reach
// back that far even when r is shorter.
func Compute(recs []journal.Record, r Range) *Insights {
	in := &Insights{Range: r}
	streak := Range{From: r.To - StreakDays + 1, To: r.To}
	lo := min(r.From, streak.From)
	days := make(map[Day]*dayAcc)
	acc := func(d Day) *dayAcc {
		a := days[d]
		if a == nil {
			a = &dayAcc{}
			days[d] = a
		}
		return a
	}
	weeks := make(map[Day]*Week)
	week := func(d Day) *Week {
		s := d.WeekStart()
		w := weeks[s]
		if w == nil {
			w = &Week{Start: s}
			weeks[s] = w
		}
		return w
	}
	var cravingSum = map[Day]int{}
	var eps []journal.UrgeEpisode
	for i := range recs {
		rec := &recs[i]
		d, err := ParseDay(rec.Date)
		if err != nil || d < lo || d > r.To {
			continue
		}
		inRange := r.Contains(d)
		a := acc(d)
		switch {
		case rec.CheckIn != nil:
			c := rec.CheckIn
			a.checkInMood = c.Mood
			if c.Mindful {
				a.practices |= PracticeMindfulness
			}
			if c.MovementMin > 0 {
				a.practices |= PracticeMovement
				a.minutes.Movement = float64(c.MovementMin)
			}
			if c.Connection {
				a.practices |= PracticeConnection
			}
			if c.Learning {
				a.practices |= PracticeLearning
			}
			if c.GratitudeSet {
				a.practices |= PracticeGratitude
			}
			if !inRange {
				continue
			}
			in.CheckIns++
			w := week(d)
			w.CravingDays++
			cravingSum[w.Start] += c.Craving
			if c.SleepHours > 0 {
				in.Sleep = append(in.Sleep, DayValue{d, c.SleepHours})
			}
			if c.Lapse {
				in.Lapses = append(in.Lapses, d)
			}
		case rec.Entry != nil:
			if inRange {
				in.Entries++
			}
			if rec.Entry.Mood > 0 {
				a.entryMoodSum += rec.Entry.Mood
				a.entryMood++
			}
		case rec.Gratitude != nil:
			if slices.ContainsFunc(rec.Gratitude.Items, func(it journal.GratitudeItem) bool { return strings.TrimSpace(it.Text) != "" }) {
				a.practices |= PracticeGratitude
			}
		case rec.Session != nil:
			min := float64(rec.Session.Seconds) / 60
			switch rec.Session.Practice {
			case "meditation":
				a.practices |= PracticeMindfulness
				a.minutes.Mindfulness += min
			case "breathing":
				a.practices |= PracticeBreathing
				a.minutes.Breathing += min
			}
			if inRange {
				in.Sessions++
			}
		case rec.Urge != nil:
			ep := *rec.Urge
			if ep.Finished && !ep.ActedOn {
				a.practices |= PracticeUrgeSurfing
			}
			if !inRange {
				continue
			}
			week(d).Urges++
			eps = append(eps, ep)
			in.Waves = append(in.Waves, wave(d, ep))
		}
	}

	in.Urges = practice.UrgeStatistics(eps)
	slices.SortStableFunc(in.Waves, func(a, b Wave) int { return compareDay(a.Day, b.Day) })
	slices.SortFunc(in.Sleep, func(a, b DayValue) int { return compareDay(a.Day, b.Day) })
	slices.Sort(in.Lapses)

	mood := map[Day]float64{}
	for d := r.From; d <= r.To; d++ {
		a := days[d]
		var p Practice
		if a != nil {
			p = a.practices
			switch {
			case a.checkInMood > 0:
				mood[d] = float64(a.checkInMood)
			case a.entryMood > 0:
				mood[d] = float64(a.entryMoodSum) / float64(a.entryMood)
			}
			if v, ok := mood[d]; ok {
				in.Mood = append(in.Mood, DayValue{d, v})
			}
			if a.minutes.Total() > 0 {
				pd := a.minutes
				pd.Day = d
				in.Practice = append(in.Practice, pd)
			}
			if p&PracticeGratitude != 0 {
				in.GratitudeDays = append(in.GratitudeDays, d)
				week(d).GratitudeDays++
			}
		}
		in.Calendar = append(in.Calendar, HeatDay{d, p})
		week(d) // every week the range touches is listed
	}
	if len(in.Mood) > 0 {
		for d := in.Mood[0].Day; d <= r.To; d++ {
			sum, n := 0.0, 0
			for k := d - RollingDays + 1; k <= d; k++ {
				if v, ok := mood[k]; ok {
					sum += v
					n++
				}
			}
			if n > 0 {
				in.MoodMean = append(in.MoodMean, DayValue{d, sum / float64(n)})
			}
		}
	}
	for d := streak.From; d <= streak.To; d++ {
		if a := days[d]; a != nil && a.practices != 0 {
			in.Practised++
		}
	}
	for _, w := range weeks {
		w.Craving = math.NaN()
		if w.CravingDays > 0 {
			w.Craving = float64(cravingSum[w.Start]) / float64(w.CravingDays)
		}
		in.Weeks = append(in.Weeks, *w)
	}
	slices.SortFunc(in.Weeks, func(a, b Week) int { return compareDay(a.Start, b.Start) })
	return in
}

func compareDay(a, b Day) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// wave turns an episode into a curve of ratings over minutes.
func wave(d Day, ep journal.UrgeEpisode) Wave {
	w := Wave{Day: d, Triggers: ep.Triggers, HALT: ep.HALT, ActedOn: ep.ActedOn, Finished: ep.Finished}
	samples := slices.Clone(ep.Samples)
	slices.SortStableFunc(samples, func(a, b journal.UrgeSample) int { return a.At.Compare(b.At) })
	for _, s := range samples {
		w.Points = append(w.Points, WavePoint{After: max(s.At.Sub(ep.Started), 0), Rating: s.Rating})
	}
	w.Peak, w.ToPeak = practice.UrgePeak(ep)
	w.Duration = practice.UrgeDuration(ep)
	return w
}

// WithTrigger returns the waves that name trigger (without case), and the
// personal figures drawn from them alone; "" selects all.
func (in *Insights) WithTrigger(trigger string) ([]Wave, practice.UrgeStats) {
	var waves []Wave
	var eps []journal.UrgeEpisode
	for _, w := range in.Waves {
		if trigger != "" && !slices.ContainsFunc(w.Triggers, func(t string) bool { return strings.EqualFold(strings.TrimSpace(t), trigger) }) {
			continue
		}
		waves = append(waves, w)
		eps = append(eps, w.episode())
	}
	return waves, practice.UrgeStatistics(eps)
}

// episode rebuilds enough of an episode for [practice.UrgeStatistics].
func (w Wave) episode() journal.UrgeEpisode {
	start := time.Unix(0, 0)
	ep := journal.UrgeEpisode{Started: start, Triggers: w.Triggers, HALT: w.HALT, ActedOn: w.ActedOn, Finished: w.Finished}
	for _, p := range w.Points {
		ep.Samples = append(ep.Samples, journal.UrgeSample{At: start.Add(p.After), Rating: p.Rating})
	}
	if w.Finished {
		ep.Ended = start.Add(w.Duration)
	}
	return ep
}
