package reminder

import (
	"errors"
	"fmt"
	"time"
)

// Kind is what a reminder is for. The app shows a fixed text per kind.
type Kind int

// The reminders Rewire offers.
const (
	Morning    Kind = iota // the morning intention
	Evening                // evening gratitude and check-in
	Meditation             // a meditation time
)

// Kinds lists every kind, in the order settings shows them.
var Kinds = []Kind{Morning, Evening, Meditation}

func (k Kind) String() string {
	switch k {
	case Morning:
		return "morning"
	case Evening:
		return "evening"
	case Meditation:
		return "meditation"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// MaxLate is how overdue a missed reminder may be and still fire after a
// gap in ticks. Later than that it is skipped.
const MaxLate = 2 * time.Hour

// Reminder is one daily reminder: its kind, its wall-clock time and
// whether it is on.
type Reminder struct {
	Kind   Kind
	Hour   int // 0–23
	Minute int // 0–59
	On     bool
}

// ErrBadTime is returned by [ParseTime] for anything but a valid "HH:MM".
var ErrBadTime = errors.New("reminder: time must be HH:MM, 00:00 to 23:59")

// ParseTime parses a 24-hour "HH:MM" (or "H:MM").
func ParseTime(s string) (hour, minute int, err error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, ErrBadTime
	}
	return t.Hour(), t.Minute(), nil
}

// FormatTime formats a time of day as "HH:MM".
func FormatTime(hour, minute int) string { return fmt.Sprintf("%02d:%02d", hour, minute) }

// Schedule decides when reminders are due. It is a plain value: the zero
// value is not usable, make one with [New]. Not safe for concurrent use.
type Schedule struct {
	loc   *time.Location
	since time.Time // occurrences at or before this never fire
	rs    []Reminder
	// done is, per kind, the last occurrence that fired or was skipped.
	done map[Kind]time.Time
}

// New returns a schedule of rs in loc, made at now: occurrences at or
// before now do not fire.
func New(loc *time.Location, now time.Time, rs []Reminder) *Schedule {
	s := &Schedule{loc: loc, done: map[Kind]time.Time{}}
	s.Set(now, rs)
	return s
}

// Set replaces the reminders, as when the user changes a setting at now.
// A time set to one already past today waits until tomorrow.
func (s *Schedule) Set(now time.Time, rs []Reminder) {
	s.rs = append([]Reminder(nil), rs...)
	s.since = now
}

// Reminders returns the schedule's reminders.
func (s *Schedule) Reminders() []Reminder { return append([]Reminder(nil), s.rs...) }

// Tick returns the reminder to show at now, if any. It returns at most one;
// others due at the same time are marked done and dropped.
func (s *Schedule) Tick(now time.Time) (Kind, bool) {
	var (
		best   Kind
		bestAt time.Time
		fire   bool
	)
	for _, r := range s.rs {
		if !r.On {
			continue
		}
		at := s.latest(r, now)
		if !at.After(s.since) || !at.After(s.done[r.Kind]) {
			continue
		}
		// Done whether shown, dropped or too late: it never comes back.
		s.done[r.Kind] = at
		if now.Sub(at) > MaxLate {
			continue
		}
		if !fire || at.After(bestAt) {
			best, bestAt, fire = r.Kind, at, true
		}
	}
	return best, fire
}

// Next returns when the next reminder after now is due, and which; false
// when none is on.
func (s *Schedule) Next(now time.Time) (Kind, time.Time, bool) {
	var (
		kind  Kind
		at    time.Time
		found bool
	)
	local := now.In(s.loc)
	for _, r := range s.rs {
		if !r.On {
			continue
		}
		for d := 0; d <= 2; d++ {
			day := local.AddDate(0, 0, d)
			t := occurrence(s.loc, day.Year(), day.Month(), day.Day(), r.Hour, r.Minute)
			if t.After(now) {
				if !found || t.Before(at) {
					kind, at, found = r.Kind, t, true
				}
				break
			}
		}
	}
	return kind, at, found
}

// latest returns r's latest occurrence at or before now.
func (s *Schedule) latest(r Reminder, now time.Time) time.Time {
	local := now.In(s.loc)
	for d := 0; d >= -2; d-- {
		day := local.AddDate(0, 0, d)
		t := occurrence(s.loc, day.Year(), day.Month(), day.Day(), r.Hour, r.Minute)
		if !t.After(now) {
			return t
		}
	}
	// Unreachable with real zones: some occurrence lies within two days.
	return time.Time{}
}

// occurrence returns the first instant on the given civil day in loc whose
// wall clock reads hour:minute or later. For an ordinary time that is the
// time itself; for one skipped by a spring-forward gap, the end of the
// gap; for one that happens twice, the first.
func occurrence(loc *time.Location, y int, m time.Month, d, hour, minute int) time.Time {
	want := time.Date(y, m, d, hour, minute, 0, 0, time.UTC)
	guess := time.Date(y, m, d, hour, minute, 0, 0, loc)
	var best time.Time
	for _, probe := range []time.Time{guess.Add(-12 * time.Hour), guess, guess.Add(12 * time.Hour)} {
		_, off := probe.Zone()
		t := want.Add(-time.Duration(off) * time.Second).In(loc)
		if wall(t).Equal(want) && (best.IsZero() || t.Before(best)) {
			best = t
		}
	}
	if !best.IsZero() {
		return best
	}
	// In a gap: find the first second whose wall clock is past want.
	lo, hi := guess.Add(-6*time.Hour).Unix(), guess.Add(6*time.Hour).Unix()
	for lo < hi {
		mid := lo + (hi-lo)/2
		if wall(time.Unix(mid, 0).In(loc)).Before(want) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return time.Unix(lo, 0).In(loc)
}

// wall returns t's wall-clock reading as a UTC time, for comparing.
func wall(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}
