package ui

import (
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// dailyTimers is an [afterFunc] that fires only when the test says so.
type dailyTimers struct{ timers []*dailyTimer }

type dailyTimer struct {
	f       func()
	stopped bool
}

func (m *dailyTimers) after(_ time.Duration, f func()) func() bool {
	t := &dailyTimer{f: f}
	m.timers = append(m.timers, t)
	return func() bool {
		was := !t.stopped
		t.stopped = true
		return was
	}
}

// pending is how many timers are armed.
func (m *dailyTimers) pending() int {
	n := 0
	for _, t := range m.timers {
		if !t.stopped {
			n++
		}
	}
	return n
}

// fire runs every armed timer, as if the delay had passed.
func (m *dailyTimers) fire() {
	ts := m.timers
	m.timers = nil
	for _, t := range ts {
		if !t.stopped {
			t.stopped = true
			t.f()
		}
	}
}

// dailySeed saves records into the fake journal as if written on their dates.
func dailySeed(t *testing.T, j *fakeJournal, recs ...journal.Record) []journal.ID {
	t.Helper()
	var ids []journal.ID
	for _, r := range recs {
		if err := j.Save(&r); err != nil {
			t.Fatalf("seed %s: %v", r.Kind, err)
		}
		ids = append(ids, r.ID)
	}
	return ids
}

// dailyRecords returns the fake journal's records of kind, newest day
// first, locked or not.
func dailyRecords(j *fakeJournal, kind journal.Kind) []journal.Record {
	locked := j.locked
	j.locked = false
	defer func() { j.locked = locked }()
	recs, _ := j.List(journal.Filter{Kinds: []journal.Kind{kind}})
	return recs
}
