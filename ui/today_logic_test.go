package ui

import (
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

func TestMilestone(t *testing.T) {
	tests := []struct {
		days int
		key  string
	}{
		{-1, ""},
		{0, ""},
		{1, "today.milestone.1"},
		{2, ""},
		{6, ""},
		{7, "today.milestone.7"},
		{30, "today.milestone.30"},
		{45, ""},
		{60, "today.milestone.60"},
		{90, "today.milestone.90"},
		{180, "today.milestone.180"},
		{364, ""},
		{365, "today.milestone.365"},
		{366, ""},
		{730, "today.milestone.years"},
		{1000, ""},
		{1095, "today.milestone.years"},
	}
	for _, tt := range tests {
		key, ok := milestone(tt.days)
		if key != tt.key || ok != (tt.key != "") {
			t.Errorf("milestone(%d) = %q, %v; want %q", tt.days, key, ok, tt.key)
		}
		if ok && milestoneText(key, tt.days) == "" {
			t.Errorf("milestone(%d): no text for %q", tt.days, key)
		}
	}
	t.Run("the yearly message names the years", func(t *testing.T) {
		SetLanguage("en")
		if got := milestoneText("today.milestone.years", 3*365); got[:7] != "3 years" {
			t.Errorf("got %q", got)
		}
	})
}

func TestPromptOfTheDay(t *testing.T) {
	n := len(writingPrompts())
	if n < 14 {
		t.Fatalf("only %d prompts, want at least 14", n)
	}
	day := time.Date(2026, 12, 20, 0, 0, 0, 0, time.Local)
	t.Run("the prompt is the same all day", func(t *testing.T) {
		for _, h := range []int{0, 7, 13, 23} {
			at := day.Add(time.Duration(h)*time.Hour + 59*time.Minute)
			if promptIndex(at, n) != promptIndex(day, n) {
				t.Errorf("at %v the prompt changed", at)
			}
		}
	})
	t.Run("every prompt comes once in n days, across the new year", func(t *testing.T) {
		seen := map[int]bool{}
		for i := range n {
			seen[promptIndex(day.AddDate(0, 0, i), n)] = true
		}
		if len(seen) != n {
			t.Errorf("%d different prompts in %d days", len(seen), n)
		}
	})
	tests := []struct {
		date time.Time
		n    int
	}{
		{time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), 16},
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), 14},
		{time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC), 16},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), 0},
	}
	for _, tt := range tests {
		if i := promptIndex(tt.date, tt.n); i < 0 || i >= max(tt.n, 1) {
			t.Errorf("promptIndex(%v, %d) = %d, out of range", tt.date, tt.n, i)
		}
	}
}

// afternoon is 3 pm local time on the day s (YYYY-MM-DD).
func afternoon(t *testing.T, s string) time.Time {
	d, err := time.ParseInLocation(journal.DateLayout, s, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	return d.Add(15 * time.Hour)
}

func TestOnThisDay(t *testing.T) {
	day := func(s string) time.Time { return afternoon(t, s) }
	tests := []struct {
		today, date string
		want        bool
	}{
		// Month ends: only months that have the day.
		{"2026-03-31", "2026-01-31", true},
		{"2026-03-31", "2026-02-28", false},
		{"2026-03-31", "2026-03-01", false},
		{"2026-03-31", "2025-12-31", true},
		{"2026-03-31", "2025-05-31", true},
		{"2026-03-31", "2025-03-31", true},
		{"2026-03-31", "2024-03-31", true},
		{"2026-03-31", "2025-04-30", false},
		// Not today, not the future.
		{"2026-03-31", "2026-03-31", false},
		{"2026-03-31", "2026-05-31", false},
		{"2026-03-31", "2027-03-31", false},
		// Across the new year; more than a year back only the same date.
		{"2026-01-15", "2025-12-15", true},
		{"2026-01-15", "2025-02-15", true},
		{"2026-01-15", "2025-01-15", true},
		{"2026-01-15", "2024-12-15", false},
		{"2026-01-15", "2024-01-15", true},
		// Leap years.
		{"2028-02-29", "2024-02-29", true},
		{"2028-02-29", "2028-01-29", true},
		{"2028-02-29", "2027-02-28", false},
		{"2028-02-29", "2027-03-01", false},
		{"2027-02-28", "2024-02-29", true},
		{"2027-02-28", "2026-02-28", true},
		{"2027-02-28", "2027-01-28", true},
		{"2027-02-28", "2026-03-28", true},
		{"2027-02-28", "2026-02-27", false},
		{"2028-02-28", "2024-02-29", false},
		{"2027-03-01", "2024-02-29", false},
		{"2027-03-01", "2027-02-01", true},
		// Rubbish.
		{"2026-03-31", "", false},
		{"2026-03-31", "31 March", false},
	}
	for _, tt := range tests {
		if got := onThisDay(day(tt.today), tt.date); got != tt.want {
			t.Errorf("on %s, onThisDay(%q) = %v, want %v", tt.today, tt.date, got, tt.want)
		}
	}
}

func TestPracticesDone(t *testing.T) {
	three := &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "a"}, {Text: "b"}, {Text: "c"}}}
	two := &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "a"}, {Text: " "}, {Text: "c"}}}
	med := func(p string, min int) journal.PracticeSession {
		return journal.PracticeSession{Practice: p, Seconds: min * 60}
	}
	type want map[practice]practiceState
	done, known := practiceState{Done: true}, practiceState{Done: true, Known: true}
	tests := []struct {
		name     string
		c        *journal.CheckIn
		g        *journal.Gratitude
		sessions []journal.PracticeSession
		want     want
	}{
		{"nothing yet ticks nothing", nil, nil, nil, want{}},
		{"three good things tick gratitude", nil, three, nil, want{practiceGratitude: known}},
		{"two good things do not", nil, two, nil, want{}},
		{"ten minutes of meditation and breathing tick mindfulness", nil, nil,
			[]journal.PracticeSession{med("meditation", 6), med("breathing", 4)}, want{practiceMindful: known}},
		{"nine minutes do not", nil, nil, []journal.PracticeSession{med("meditation", 9)}, want{}},
		{"other sessions do not count", nil, nil, []journal.PracticeSession{med("yoga", 30)}, want{}},
		{"the check-in's numbers count from the threshold", &journal.CheckIn{MovementMin: 20, SleepHours: 7}, nil, nil,
			want{practiceMovement: done, practiceSleep: done}},
		{"below the threshold they do not", &journal.CheckIn{MovementMin: 19, SleepHours: 6.5}, nil, nil, want{}},
		{"hand ticks count", &journal.CheckIn{Mindful: true, Connection: true, Learning: true, GratitudeSet: true}, nil, nil,
			want{practiceMindful: done, practiceConnection: done, practiceLearning: done, practiceGratitude: done}},
		{"what the app knows wins over no tick", &journal.CheckIn{}, three,
			[]journal.PracticeSession{med("meditation", 10)}, want{practiceMindful: known, practiceGratitude: known}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := practicesDone(tt.c, tt.g, tt.sessions)
			for p := range practiceCount {
				if got[p] != tt.want[p] {
					t.Errorf("%s: %+v, want %+v", practiceLabel(p), got[p], tt.want[p])
				}
			}
		})
	}
}

func TestTickPractice(t *testing.T) {
	tests := []struct {
		name string
		c    journal.CheckIn
		p    practice
		done bool
		want journal.CheckIn
	}{
		{"a movement tick means at least 20 minutes", journal.CheckIn{MovementMin: 10}, practiceMovement, true, journal.CheckIn{MovementMin: 20}},
		{"a movement tick keeps more minutes", journal.CheckIn{MovementMin: 45}, practiceMovement, true, journal.CheckIn{MovementMin: 45}},
		{"a movement untick clears minutes that counted", journal.CheckIn{MovementMin: 45}, practiceMovement, false, journal.CheckIn{}},
		{"a movement untick keeps minutes that did not count", journal.CheckIn{MovementMin: 10}, practiceMovement, false, journal.CheckIn{MovementMin: 10}},
		{"a sleep tick means at least 7 hours", journal.CheckIn{SleepHours: 5}, practiceSleep, true, journal.CheckIn{SleepHours: 7}},
		{"a sleep untick clears hours that counted", journal.CheckIn{SleepHours: 8}, practiceSleep, false, journal.CheckIn{}},
		{"connection", journal.CheckIn{}, practiceConnection, true, journal.CheckIn{Connection: true}},
		{"learning", journal.CheckIn{Learning: true}, practiceLearning, false, journal.CheckIn{}},
		{"mindfulness", journal.CheckIn{}, practiceMindful, true, journal.CheckIn{Mindful: true}},
		{"gratitude", journal.CheckIn{}, practiceGratitude, true, journal.CheckIn{GratitudeSet: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := tt.c
			tickPractice(&c, tt.p, tt.done)
			if c != tt.want {
				t.Errorf("got %+v, want %+v", c, tt.want)
			}
		})
	}
}

func TestMemoryLine(t *testing.T) {
	tests := []struct {
		e    *journal.Entry
		want string
	}{
		{nil, ""},
		{&journal.Entry{Title: " A title ", Body: "body"}, "A title"},
		{&journal.Entry{Body: "\n\n  first line \nsecond"}, "first line"},
		{&journal.Entry{Body: ""}, ""},
	}
	for _, tt := range tests {
		if got := memoryLine(tt.e); got != tt.want {
			t.Errorf("memoryLine(%+v) = %q, want %q", tt.e, got, tt.want)
		}
	}
}

func TestOnThisDayDatesAreExactlyTheDatesOnThisDayAccepts(t *testing.T) {
	const years = 4
	day := func(s string) time.Time { return afternoon(t, s) }
	var todays []string
	for d := day("2026-01-01"); d.Year() < 2029; d = d.AddDate(0, 0, 5) {
		todays = append(todays, d.Format(journal.DateLayout))
	}
	todays = append(todays, "2027-02-28", "2028-02-28", "2028-02-29", "2028-03-01", "2027-03-31", "2027-12-31", "2028-01-01", "2027-05-31")
	for _, today := range todays {
		now := day(today)
		var want []string
		for d := now.AddDate(-years, 0, 0); d.Before(now); d = d.AddDate(0, 0, 1) {
			if s := d.Format(journal.DateLayout); onThisDay(now, s) {
				want = append(want, s)
			}
		}
		got := onThisDayDates(now, years)
		sort.Sort(sort.Reverse(sort.StringSlice(want)))
		if !slices.Equal(got, want) {
			t.Errorf("on %s: onThisDayDates = %v\nwant %v", today, got, want)
		}
	}
}
