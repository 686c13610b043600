package practice

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// The values of [journal.PracticeSession.Practice] this package writes.
const (
	PracticeBreathing  = "breathing"
	PracticeMeditation = "meditation"
)

// Errors callers act on. Those about a value the user gave are refused
// before anything changes.
var (
	// ErrRating: an urge or distress rating outside 0–10.
	ErrRating = errors.New("rating must be 0–10")
	// ErrNotStarted: the session must be started first.
	ErrNotStarted = errors.New("session not started")
	// ErrStarted: Start was called twice.
	ErrStarted = errors.New("session already started")
	// ErrEnded: the session is over; it takes no more input.
	ErrEnded = errors.New("session has ended")
	// ErrPaused: the session is paused (for example, in a breathing
	// exercise); resume it first.
	ErrPaused = errors.New("session is paused")
	// ErrInvalidPattern is wrapped by the [*FieldError] for a breathing
	// pattern that is out of range.
	ErrInvalidPattern = errors.New("invalid breathing pattern")
	// ErrInvalidPreset is wrapped by the [*FieldError] for a meditation
	// preset that is out of range.
	ErrInvalidPreset = errors.New("invalid meditation preset")
)

// FieldError names the fields of a pattern or preset that are out of range,
// so the UI can mark each one. It wraps [ErrInvalidPattern] or
// [ErrInvalidPreset].
type FieldError struct {
	Err    error    // ErrInvalidPattern or ErrInvalidPreset
	Fields []string // the Field* names, in form order
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("%v: %s out of range", e.Err, strings.Join(e.Fields, ", "))
}

func (e *FieldError) Unwrap() error { return e.Err }

// Has reports whether field is among the invalid ones.
func (e *FieldError) Has(field string) bool {
	for _, f := range e.Fields {
		if f == field {
			return true
		}
	}
	return false
}

// fieldErr collects invalid fields; it returns nil when there are none.
type fieldErr struct {
	err    error
	fields []string
}

func (f *fieldErr) check(ok bool, field string) {
	if !ok {
		f.fields = append(f.fields, field)
	}
}

func (f *fieldErr) result() error {
	if len(f.fields) == 0 {
		return nil
	}
	return &FieldError{Err: f.err, Fields: f.fields}
}

// stopwatch measures active time: the time since start without the time
// spent paused. A stopped stopwatch stays paused for good.
type stopwatch struct {
	start     time.Time
	paused    bool
	stopped   bool
	pausedAt  time.Time
	pausedFor time.Duration
}

// active is the active time at now, never negative (a clock that steps
// back does not make time run backwards past the start).
func (w *stopwatch) active(now time.Time) time.Duration {
	end := now
	if w.paused {
		end = w.pausedAt
	}
	return max(end.Sub(w.start)-w.pausedFor, 0)
}

func (w *stopwatch) pause(now time.Time) {
	if w.paused {
		return
	}
	w.paused, w.pausedAt = true, now
}

func (w *stopwatch) resume(now time.Time) {
	if !w.paused || w.stopped {
		return
	}
	w.pausedFor += max(now.Sub(w.pausedAt), 0)
	w.paused = false
}

func (w *stopwatch) stop(now time.Time) {
	w.pause(now)
	w.stopped = true
}

// newRecord is the envelope every practice saves: its own id, so repeated
// saves replace one record, and the date and creation time of its start.
func newRecord(id journal.ID, kind journal.Kind, started time.Time) *journal.Record {
	return &journal.Record{
		ID:      id,
		Kind:    kind,
		Date:    started.Format(journal.DateLayout),
		Created: started,
	}
}

// validRating reports whether r is on the 0–10 scale.
func validRating(r int) bool { return r >= 0 && r <= 10 }

// distress checks an optional 0–10 rating and copies it.
func distress(r *int) (*int, error) {
	if r == nil {
		return nil, nil
	}
	if !validRating(*r) {
		return nil, ErrRating
	}
	v := *r
	return &v, nil
}

// MindfulMinutesByDay adds up the breathing and meditation sessions among
// rs by the day they belong to ([journal.Record.Date]) and returns whole
// minutes per day; days without a session are absent. Seconds are summed
// before rounding down, so two 90-second sessions make three minutes.
func MindfulMinutesByDay(rs []journal.Record) map[string]int {
	secs := map[string]int{}
	for _, r := range rs {
		s := r.Session
		if r.Kind != journal.KindSession || s == nil || s.Seconds <= 0 {
			continue
		}
		if s.Practice == PracticeBreathing || s.Practice == PracticeMeditation {
			secs[r.Date] += s.Seconds
		}
	}
	out := make(map[string]int, len(secs))
	for d, s := range secs {
		out[d] = s / 60
	}
	return out
}
