package reminder

import (
	"testing"
	"time"
	_ "time/tzdata" // the DST cases must not depend on the machine's zoneinfo
)

// Stockholm springs forward on 2026-03-29 (02:00 CET → 03:00 CEST) and
// falls back on 2026-10-25 (03:00 CEST → 02:00 CET).
var sthlm = mustLoad("Europe/Stockholm")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// local is a Stockholm wall-clock time; utc an instant, for the hour that
// happens twice.
func local(mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(2026, mo, d, h, mi, s, 0, sthlm)
}

func utc(mo time.Month, d, h, mi, s int) time.Time {
	return time.Date(2026, mo, d, h, mi, s, 0, time.UTC)
}

const none = Kind(-1)

type step struct {
	now  time.Time
	want Kind // none: nothing fires
}

func on(k Kind, h, m int) Reminder  { return Reminder{Kind: k, Hour: h, Minute: m, On: true} }
func off(k Kind, h, m int) Reminder { return Reminder{Kind: k, Hour: h, Minute: m} }

func TestTick(t *testing.T) {
	tests := []struct {
		name  string
		rs    []Reminder
		start time.Time
		steps []step
	}{
		{
			name:  "a reminder fires once at its time, and again the next day",
			rs:    []Reminder{on(Morning, 7, 0)},
			start: local(6, 1, 6, 0, 0),
			steps: []step{
				{local(6, 1, 6, 59, 55), none},
				{local(6, 1, 7, 0, 0), Morning},
				{local(6, 1, 7, 0, 5), none},
				{local(6, 1, 12, 0, 0), none},
				{local(6, 2, 6, 59, 59), none},
				{local(6, 2, 7, 0, 3), Morning},
				{local(6, 2, 7, 0, 8), none},
			},
		},
		{
			name:  "starting the app after the time does not bring up that day's reminder",
			rs:    []Reminder{on(Morning, 7, 0)},
			start: local(6, 1, 12, 0, 0),
			steps: []step{
				{local(6, 1, 12, 0, 5), none},
				{local(6, 1, 23, 59, 59), none},
				{local(6, 2, 7, 0, 0), Morning},
			},
		},
		{
			name:  "a daily time follows the wall clock across the spring change of offset",
			rs:    []Reminder{on(Evening, 21, 0)},
			start: local(3, 28, 12, 0, 0),
			steps: []step{
				{utc(3, 28, 19, 59, 59), none},  // 20:59:59 CET
				{utc(3, 28, 20, 0, 0), Evening}, // 21:00 CET
				{utc(3, 29, 18, 59, 59), none},  // 20:59:59 CEST
				{utc(3, 29, 19, 0, 0), Evening}, // 21:00 CEST
				{utc(3, 29, 20, 0, 0), none},
			},
		},
		{
			name:  "a time in the spring-forward gap fires when the gap ends",
			rs:    []Reminder{on(Meditation, 2, 30)},
			start: local(3, 28, 12, 0, 0),
			steps: []step{
				{utc(3, 29, 0, 59, 59), none},      // 01:59:59 CET
				{utc(3, 29, 1, 0, 0), Meditation},  // 03:00:00 CEST
				{utc(3, 29, 1, 30, 0), none},       // 03:30 CEST
				{utc(3, 30, 0, 30, 0), Meditation}, // 02:30 CEST the next day
			},
		},
		{
			name:  "a time that happens twice when clocks fall back fires the first time only",
			rs:    []Reminder{on(Meditation, 2, 30)},
			start: local(10, 24, 12, 0, 0),
			steps: []step{
				{utc(10, 25, 0, 29, 59), none},      // 02:29:59 CEST
				{utc(10, 25, 0, 30, 0), Meditation}, // 02:30 CEST
				{utc(10, 25, 1, 29, 59), none},      // 02:29:59 CET, the second time round
				{utc(10, 25, 1, 30, 0), none},       // 02:30 CET
				{utc(10, 25, 3, 0, 0), none},
				{utc(10, 26, 1, 30, 0), Meditation}, // 02:30 CET the next day
			},
		},
		{
			name:  "a machine that sleeps through the time and wakes within MaxLate shows it once",
			rs:    []Reminder{on(Morning, 7, 0)},
			start: local(6, 1, 6, 0, 0),
			steps: []step{
				{local(6, 1, 6, 50, 0), none},
				{local(6, 1, 8, 30, 0), Morning},
				{local(6, 1, 8, 30, 5), none},
				{local(6, 1, 8, 31, 0), none},
			},
		},
		{
			name:  "a machine asleep for days wakes to one reminder, not one per missed day",
			rs:    []Reminder{on(Morning, 7, 0)},
			start: local(6, 1, 6, 0, 0),
			steps: []step{
				{local(6, 1, 6, 50, 0), none},
				{local(6, 4, 7, 45, 0), Morning},
				{local(6, 4, 7, 45, 5), none},
				{local(6, 5, 7, 0, 0), Morning},
			},
		},
		{
			name:  "several reminders missed in one sleep bring one reminder, the latest, not a burst",
			rs:    []Reminder{on(Morning, 7, 0), on(Meditation, 7, 30), on(Evening, 21, 0)},
			start: local(6, 1, 6, 0, 0),
			steps: []step{
				{local(6, 1, 6, 59, 0), none},
				{local(6, 1, 8, 0, 0), Meditation},
				{local(6, 1, 8, 0, 5), none},
				{local(6, 1, 21, 0, 1), Evening},
			},
		},
		{
			name:  "two reminders at the same minute show one",
			rs:    []Reminder{on(Morning, 7, 0), on(Meditation, 7, 0)},
			start: local(6, 1, 6, 0, 0),
			steps: []step{
				{local(6, 1, 7, 0, 2), Morning},
				{local(6, 1, 7, 0, 7), none},
			},
		},
		{
			name:  "a reminder overdue by more than MaxLate is skipped",
			rs:    []Reminder{on(Evening, 21, 0)},
			start: local(6, 1, 20, 0, 0),
			steps: []step{
				{local(6, 1, 20, 30, 0), none},
				{local(6, 2, 7, 30, 0), none}, // asleep overnight: no evening reminder at breakfast
				{local(6, 2, 21, 0, 0), Evening},
			},
		},
		{
			name:  "exactly MaxLate overdue still fires",
			rs:    []Reminder{on(Evening, 21, 0)},
			start: local(6, 1, 20, 0, 0),
			steps: []step{
				{local(6, 1, 23, 0, 0), Evening},
			},
		},
		{
			name:  "a disabled reminder never fires",
			rs:    []Reminder{off(Morning, 7, 0)},
			start: local(6, 1, 6, 0, 0),
			steps: []step{
				{local(6, 1, 7, 0, 0), none},
				{local(6, 1, 7, 0, 5), none},
				{local(6, 2, 7, 0, 0), none},
			},
		},
		{
			name:  "a clock set back does not fire an occurrence that already fired",
			rs:    []Reminder{on(Morning, 7, 0)},
			start: local(6, 1, 6, 0, 0),
			steps: []step{
				{local(6, 1, 7, 0, 1), Morning},
				{local(6, 1, 6, 30, 0), none},  // set back half an hour
				{local(6, 1, 7, 0, 0), none},   // passes 07:00 again
				{local(5, 31, 7, 30, 0), none}, // set back a whole day
				{local(6, 2, 7, 0, 0), Morning},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(sthlm, tt.start, tt.rs)
			for i, st := range tt.steps {
				got, ok := s.Tick(st.now)
				if !ok {
					got = none
				}
				if got != st.want {
					t.Fatalf("step %d, Tick(%s) = %v, want %v", i, st.now.Format(time.RFC3339), got, st.want)
				}
			}
		})
	}
}

func TestSet(t *testing.T) {
	tests := []struct {
		name  string
		to    Reminder
		steps []step
	}{
		{"a time moved to one already past today waits for tomorrow", on(Morning, 9, 0), []step{
			{local(6, 1, 10, 0, 5), none},
			{local(6, 2, 9, 0, 0), Morning},
		}},
		{"a time moved to later today fires today", on(Morning, 11, 0), []step{
			{local(6, 1, 10, 59, 59), none},
			{local(6, 1, 11, 0, 0), Morning},
		}},
		{"a reminder turned off stops", off(Morning, 11, 0), []step{
			{local(6, 1, 11, 0, 0), none},
			{local(6, 2, 11, 0, 0), none},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(sthlm, local(6, 1, 6, 0, 0), []Reminder{on(Morning, 7, 0)})
			if k, ok := s.Tick(local(6, 1, 7, 0, 0)); !ok || k != Morning {
				t.Fatalf("first Tick = %v, %v; want Morning", k, ok)
			}
			s.Set(local(6, 1, 10, 0, 0), []Reminder{tt.to})
			if got := s.Reminders(); len(got) != 1 || got[0] != tt.to {
				t.Fatalf("Reminders() = %v, want [%v]", got, tt.to)
			}
			for i, st := range tt.steps {
				got, ok := s.Tick(st.now)
				if !ok {
					got = none
				}
				if got != st.want {
					t.Fatalf("step %d, Tick(%s) = %v, want %v", i, st.now.Format(time.RFC3339), got, st.want)
				}
			}
		})
	}
}

func TestNext(t *testing.T) {
	rs := []Reminder{on(Morning, 7, 0), on(Evening, 21, 0), off(Meditation, 12, 0)}
	tests := []struct {
		name   string
		rs     []Reminder
		now    time.Time
		kind   Kind
		at     time.Time
		exists bool
	}{
		{"before the morning: the morning", rs, local(6, 1, 6, 0, 0), Morning, local(6, 1, 7, 0, 0), true},
		{"at the morning time: the evening", rs, local(6, 1, 7, 0, 0), Evening, local(6, 1, 21, 0, 0), true},
		{"late at night: tomorrow morning", rs, local(6, 1, 22, 0, 0), Morning, local(6, 2, 7, 0, 0), true},
		{"in the gap: the end of the gap", []Reminder{on(Meditation, 2, 30)}, local(3, 29, 1, 0, 0), Meditation, utc(3, 29, 1, 0, 0), true},
		{"none on: nothing", []Reminder{off(Morning, 7, 0)}, local(6, 1, 6, 0, 0), 0, time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(sthlm, tt.now, tt.rs)
			k, at, ok := s.Next(tt.now)
			if ok != tt.exists || k != tt.kind || !at.Equal(tt.at) {
				t.Fatalf("Next = %v, %s, %v; want %v, %s, %v", k, at, ok, tt.kind, tt.at, tt.exists)
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in       string
		h, m     int
		wantFail bool
	}{
		{"07:30", 7, 30, false},
		{"7:05", 7, 5, false},
		{"23:59", 23, 59, false},
		{"00:00", 0, 0, false},
		{"24:00", 0, 0, true},
		{"12:60", 0, 0, true},
		{"noon", 0, 0, true},
		{"", 0, 0, true},
		{"07:30:00", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			h, m, err := ParseTime(tt.in)
			if (err != nil) != tt.wantFail || h != tt.h || m != tt.m {
				t.Fatalf("ParseTime(%q) = %d, %d, %v", tt.in, h, m, err)
			}
			if err == nil && FormatTime(h, m) != FormatTime(tt.h, tt.m) {
				t.Fatalf("FormatTime round trip")
			}
		})
	}
	if got := FormatTime(7, 5); got != "07:05" {
		t.Fatalf("FormatTime(7, 5) = %q", got)
	}
}
