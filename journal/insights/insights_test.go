package insights

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

func day(t *testing.T, s string) Day {
	t.Helper()
	d, err := ParseDay(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func rng(t *testing.T, from, to string) Range {
	t.Helper()
	r, err := ParseRange(from, to)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func checkIn(date string, c journal.CheckIn) journal.Record {
	return journal.Record{Kind: journal.KindCheckIn, Date: date, CheckIn: &c}
}

func entry(date string, mood int) journal.Record {
	return journal.Record{Kind: journal.KindEntry, Date: date, Entry: &journal.Entry{Body: "x", Mood: mood}}
}

func session(date, practice string, seconds int) journal.Record {
	return journal.Record{Kind: journal.KindSession, Date: date, Session: &journal.PracticeSession{Practice: practice, Seconds: seconds}}
}

func gratitude(date string, items ...string) journal.Record {
	g := &journal.Gratitude{}
	for _, it := range items {
		g.Items = append(g.Items, journal.GratitudeItem{Text: it})
	}
	return journal.Record{Kind: journal.KindGratitude, Date: date, Gratitude: g}
}

// urge is an episode started at start with ratings at the given minutes,
// ended after end minutes.
func urge(date string, start time.Time, ratings map[int]int, end int, acted bool, triggers ...string) journal.Record {
	ep := &journal.UrgeEpisode{Started: start, Ended: start.Add(time.Duration(end) * time.Minute), Finished: true, ActedOn: acted, Triggers: triggers}
	for m, r := range ratings {
		ep.Samples = append(ep.Samples, journal.UrgeSample{At: start.Add(time.Duration(m) * time.Minute), Rating: r})
	}
	slices.SortFunc(ep.Samples, func(a, b journal.UrgeSample) int { return a.At.Compare(b.At) })
	return journal.Record{Kind: journal.KindUrge, Date: date, Urge: ep}
}

func TestDays(t *testing.T) {
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	kyiv, _ := time.LoadLocation("Europe/Kyiv")
	la, _ := time.LoadLocation("America/Los_Angeles")
	t.Run("a day parses and prints back", func(t *testing.T) {
		for _, s := range []string{"1970-01-01", "2024-02-29", "2026-12-31", "2027-01-01", "1969-12-31"} {
			if got := day(t, s).String(); got != s {
				t.Errorf("%s printed back as %s", s, got)
			}
		}
	})
	t.Run("bad dates are refused", func(t *testing.T) {
		for _, s := range []string{"", "2026-02-30", "26-01-01", "2026/01/01"} {
			if _, err := ParseDay(s); err == nil {
				t.Errorf("ParseDay(%q) gave no error", s)
			}
		}
		if _, err := ParseRange("2026-02-02", "2026-02-01"); err == nil {
			t.Error("a backwards range was accepted")
		}
	})
	t.Run("weeks start on Monday, across a year boundary", func(t *testing.T) {
		for _, tc := range []struct{ d, want string }{
			{"2027-01-03", "2026-12-28"}, // Sunday
			{"2026-12-28", "2026-12-28"}, // Monday
			{"2027-01-01", "2026-12-28"}, // Friday
			{"2026-03-01", "2026-02-23"}, // a Sunday at a month boundary
		} {
			if got := day(t, tc.d).WeekStart().String(); got != tc.want {
				t.Errorf("week of %s starts %s, want %s", tc.d, got, tc.want)
			}
		}
	})
	t.Run("the date of a moment is taken in its own zone", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			at   time.Time
			want string
		}{
			{"just after midnight in Kyiv is still the day before in UTC", time.Date(2026, 3, 29, 0, 30, 0, 0, kyiv), "2026-03-29"},
			{"late evening in Los Angeles is the next day in UTC", time.Date(2026, 11, 1, 23, 30, 0, 0, la), "2026-11-01"},
			{"the hour that repeats when clocks go back", time.Date(2026, 10, 25, 2, 30, 0, 0, stockholm), "2026-10-25"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				if got := DayOf(tc.at).String(); got != tc.want {
					t.Errorf("DayOf(%v) = %s, want %s", tc.at, got, tc.want)
				}
			})
		}
	})
	t.Run("the last 30 days are 30 days across a change to summer time", func(t *testing.T) {
		for _, now := range []time.Time{
			time.Date(2026, 3, 29, 12, 0, 0, 0, stockholm), // the 23-hour day itself
			time.Date(2026, 4, 10, 0, 10, 0, 0, stockholm),
			time.Date(2026, 10, 25, 23, 59, 0, 0, stockholm), // the 25-hour day
		} {
			r := Last(now, 30)
			if r.Days() != 30 || r.To.String() != now.Format(journal.DateLayout) {
				t.Errorf("Last(%v, 30) = %s, %d days", now, r, r.Days())
			}
		}
		if got := Last(time.Date(2026, 3, 29, 12, 0, 0, 0, stockholm), 30).From.String(); got != "2026-02-28" {
			t.Errorf("the 30 days ending 2026-03-29 start %s, want 2026-02-28", got)
		}
		if got := Last(time.Date(2024, 3, 30, 12, 0, 0, 0, time.UTC), 30).From.String(); got != "2024-03-01" {
			t.Errorf("the 30 days ending 2024-03-30 start %s, want 2024-03-01 (leap year)", got)
		}
	})
	t.Run("midnight of a day in a zone is midnight there, even on a DST day", func(t *testing.T) {
		m := day(t, "2026-03-29").In(stockholm)
		if m.Hour() != 0 || m.Day() != 29 {
			t.Errorf("midnight of 2026-03-29 in Stockholm is %v", m)
		}
	})
}

func TestMood(t *testing.T) {
	recs := []journal.Record{
		checkIn("2026-05-01", journal.CheckIn{Mood: 4}),
		entry("2026-05-01", 2), // the check-in's mood wins
		entry("2026-05-02", 2), // no check-in: the entries' mean
		entry("2026-05-02", 5),
		entry("2026-05-02", 0),                          // gives no mood
		checkIn("2026-05-03", journal.CheckIn{Mood: 0}), // no mood given
		checkIn("2026-05-09", journal.CheckIn{Mood: 1}),
		checkIn("2026-04-30", journal.CheckIn{Mood: 5}), // before the range
	}
	in := Compute(recs, rng(t, "2026-05-01", "2026-05-10"))
	wantMood := []DayValue{{day(t, "2026-05-01"), 4}, {day(t, "2026-05-02"), 3.5}, {day(t, "2026-05-09"), 1}}
	if !slices.Equal(in.Mood, wantMood) {
		t.Errorf("mood %v, want %v", in.Mood, wantMood)
	}
	// Rolling mean of the 7 days ending each day: 05-01..05-07 see 4 and
	// 3.5; 05-08 sees only 3.5 (05-02..05-08); 05-09 and 05-10 only 1.
	want := []float64{4, 3.75, 3.75, 3.75, 3.75, 3.75, 3.75, 3.5, 1, 1}
	if len(in.MoodMean) != len(want) {
		t.Fatalf("rolling mean has %d days, want %d: %v", len(in.MoodMean), len(want), in.MoodMean)
	}
	for i, w := range want {
		if got := in.MoodMean[i]; got.Value != w || got.Day != day(t, "2026-05-01")+Day(i) {
			t.Errorf("rolling mean day %d = %v, want %v", i, got, w)
		}
	}
	t.Run("a gap longer than the window leaves days without a mean", func(t *testing.T) {
		in := Compute([]journal.Record{checkIn("2026-05-01", journal.CheckIn{Mood: 3}), checkIn("2026-05-20", journal.CheckIn{Mood: 5})}, rng(t, "2026-05-01", "2026-05-20"))
		var days []string
		for _, v := range in.MoodMean {
			days = append(days, v.Day.String())
		}
		wantDays := []string{"2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07", "2026-05-20"}
		if !slices.Equal(days, wantDays) {
			t.Errorf("mean on %v, want %v", days, wantDays)
		}
	})
}

func TestWeeksAcrossTheYearBoundary(t *testing.T) {
	at := time.Date(2026, 12, 30, 20, 0, 0, 0, time.UTC)
	recs := []journal.Record{
		checkIn("2026-12-20", journal.CheckIn{Craving: 9}), // before the range
		checkIn("2026-12-24", journal.CheckIn{Craving: 6}),
		checkIn("2026-12-27", journal.CheckIn{Craving: 2}),
		checkIn("2026-12-31", journal.CheckIn{Craving: 5}),
		urge("2026-12-30", at, map[int]int{0: 5}, 3, false),
		urge("2027-01-02", at, map[int]int{0: 5}, 3, false),
		urge("2027-01-05", at, map[int]int{0: 5}, 3, false),
		urge("2027-01-07", at, map[int]int{0: 5}, 3, false), // after the range
		gratitude("2027-01-01", "snow"),
		checkIn("2027-01-02", journal.CheckIn{Craving: 0, GratitudeSet: true}),
	}
	in := Compute(recs, rng(t, "2026-12-24", "2027-01-06"))
	type w struct {
		start   string
		craving float64
		days    int
		urges   int
		grat    int
	}
	want := []w{
		{"2026-12-21", 4, 2, 0, 0},
		{"2026-12-28", 2.5, 2, 2, 2}, // cravings 5 and 0
		{"2027-01-04", math.NaN(), 0, 1, 0},
	}
	if len(in.Weeks) != len(want) {
		t.Fatalf("%d weeks, want %d: %+v", len(in.Weeks), len(want), in.Weeks)
	}
	for i, x := range want {
		g := in.Weeks[i]
		sameCraving := g.Craving == x.craving || math.IsNaN(g.Craving) && math.IsNaN(x.craving)
		if g.Start.String() != x.start || !sameCraving || g.CravingDays != x.days || g.Urges != x.urges || g.GratitudeDays != x.grat {
			t.Errorf("week %d = %+v (starts %s), want %+v", i, g, g.Start, x)
		}
	}
	if in.CheckIns != 4 || len(in.Waves) != 3 || in.Urges.Episodes != 3 {
		t.Errorf("counted %d check-ins, %d waves, %d episodes; want 4, 3, 3", in.CheckIns, len(in.Waves), in.Urges.Episodes)
	}
	if len(in.Calendar) != 14 || in.Calendar[0].Day.String() != "2026-12-24" || in.Calendar[13].Day.String() != "2027-01-06" {
		t.Errorf("the calendar has %d days", len(in.Calendar))
	}
}

func TestPracticeMinutesGratitudeAndSleep(t *testing.T) {
	recs := []journal.Record{
		session("2026-02-28", "meditation", 600),
		session("2026-02-28", "meditation", 300),
		session("2026-02-28", "breathing", 90),
		checkIn("2026-02-28", journal.CheckIn{MovementMin: 30, SleepHours: 7.5}),
		checkIn("2026-03-01", journal.CheckIn{Mindful: true, Connection: true, SleepHours: 0}), // no sleep given
		gratitude("2026-03-01", "tea", "a call"),
		gratitude("2026-03-02", "  "), // blank: not a gratitude day
		checkIn("2026-03-03", journal.CheckIn{GratitudeSet: true, SleepHours: 9, Learning: true}),
		session("2026-03-03", "breathing", 0),
	}
	in := Compute(recs, rng(t, "2026-02-27", "2026-03-03"))
	wantP := []PracticeDay{{Day: day(t, "2026-02-28"), Mindfulness: 15, Breathing: 1.5, Movement: 30}}
	if !slices.Equal(in.Practice, wantP) {
		t.Errorf("practice %+v, want %+v", in.Practice, wantP)
	}
	var grat []string
	for _, d := range in.GratitudeDays {
		grat = append(grat, d.String())
	}
	if want := []string{"2026-03-01", "2026-03-03"}; !slices.Equal(grat, want) {
		t.Errorf("gratitude days %v, want %v", grat, want)
	}
	wantSleep := []DayValue{{day(t, "2026-02-28"), 7.5}, {day(t, "2026-03-03"), 9}}
	if !slices.Equal(in.Sleep, wantSleep) {
		t.Errorf("sleep %v, want %v", in.Sleep, wantSleep)
	}
	wantCal := []Practice{
		0,
		PracticeMindfulness | PracticeBreathing | PracticeMovement,
		PracticeMindfulness | PracticeConnection | PracticeGratitude,
		0,
		PracticeGratitude | PracticeLearning | PracticeBreathing,
	}
	for i, w := range wantCal {
		if got := in.Calendar[i].Practices; got != w {
			t.Errorf("calendar %s = %b, want %b", in.Calendar[i].Day, got, w)
		}
	}
	if n := in.Calendar[1].Practices.Count(); n != 3 {
		t.Errorf("2026-02-28 counts %d practices, want 3", n)
	}
	if in.Sessions != 4 {
		t.Errorf("%d sessions, want 4", in.Sessions)
	}
}

func TestCompassionateStreak(t *testing.T) {
	base := []journal.Record{
		checkIn("2026-03-01", journal.CheckIn{Mindful: true}), // before the 30 days ending 03-31
		checkIn("2026-03-02", journal.CheckIn{MovementMin: 20}),
		checkIn("2026-03-15", journal.CheckIn{Connection: true}),
		checkIn("2026-03-16", journal.CheckIn{Mindful: true, Lapse: true, Craving: 8}),
		// 03-17 missed
		gratitude("2026-03-18", "sun"),
		urge("2026-03-19", time.Date(2026, 3, 19, 9, 0, 0, 0, time.UTC), map[int]int{0: 7}, 5, true), // acted on: not a practice
		checkIn("2026-03-20", journal.CheckIn{Craving: 3}),                                           // a check-in without practices
	}
	for _, tc := range []struct {
		name      string
		to        string
		practised int
		lapses    []string
	}{
		{"the 30 days ending 03-31 count every day practised, the lapse day too", "2026-03-31", 4, []string{"2026-03-16"}},
		{"the 30 days ending 03-30 reach back to 03-01", "2026-03-30", 5, []string{"2026-03-16"}},
		{"a missed day (03-17) takes nothing away from the days before it", "2026-03-17", 4, []string{"2026-03-16"}},
		{"the day after the miss counts on from there", "2026-03-18", 5, []string{"2026-03-16"}},
		{"days with no practice only leave the count as it was", "2026-03-20", 5, []string{"2026-03-16"}},
		{"a month later the old days fall out of the window one by one", "2026-04-14", 2, []string{"2026-03-16"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := Compute(base, rng(t, "2026-03-10", tc.to))
			if in.Practised != tc.practised {
				t.Errorf("practised %d, want %d", in.Practised, tc.practised)
			}
			var lapses []string
			for _, d := range in.Lapses {
				lapses = append(lapses, d.String())
			}
			if !slices.Equal(lapses, tc.lapses) {
				t.Errorf("lapses %v, want %v", lapses, tc.lapses)
			}
		})
	}
}

func TestUrgeWaves(t *testing.T) {
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Fatal(err)
	}
	// Clocks go from 02:00 to 03:00 on 2026-03-29: an episode from 01:50 to
	// 03:20 local lasts 30 minutes, and its peak at 03:05 is 15 in.
	dst := time.Date(2026, 3, 29, 1, 50, 0, 0, stockholm)
	dstRec := urge("2026-03-29", dst, nil, 0, false, "Places")
	dstRec.Urge.Samples = []journal.UrgeSample{
		{At: time.Date(2026, 3, 29, 1, 55, 0, 0, stockholm), Rating: 6},
		{At: time.Date(2026, 3, 29, 3, 5, 0, 0, stockholm), Rating: 9},
		{At: time.Date(2026, 3, 29, 3, 15, 0, 0, stockholm), Rating: 3},
	}
	dstRec.Urge.Ended = time.Date(2026, 3, 29, 3, 20, 0, 0, stockholm)
	noon := time.Date(2026, 3, 27, 12, 0, 0, 0, time.UTC)
	recs := []journal.Record{
		dstRec,
		urge("2026-03-27", noon, map[int]int{0: 4, 3: 8, 6: 2}, 10, false, "people"),
		urge("2026-03-28", noon, map[int]int{0: 7, 1: 9, 12: 1}, 20, true, "People", "places"),
	}
	in := Compute(recs, rng(t, "2026-03-27", "2026-03-29"))
	if len(in.Waves) != 3 || in.Waves[2].Day.String() != "2026-03-29" {
		t.Fatalf("waves %+v", in.Waves)
	}
	w := in.Waves[2]
	if w.ToPeak != 15*time.Minute || w.Duration != 30*time.Minute || w.Peak != 9 {
		t.Errorf("DST wave peaks %d after %v and lasts %v; want 9 after 15m, 30m", w.Peak, w.ToPeak, w.Duration)
	}
	if got := []float64{w.Points[0].Minutes(), w.Points[1].Minutes(), w.Points[2].Minutes()}; !slices.Equal(got, []float64{5, 15, 25}) {
		t.Errorf("DST wave minutes %v, want [5 15 25]", got)
	}
	// To peak: 3, 1, 15 min → median 3; durations 10, 20, 30 → 20; two of
	// three surfed.
	if in.Urges.MedianToPeak != 3*time.Minute || in.Urges.MedianDuration != 20*time.Minute || in.Urges.Surfed != 2 {
		t.Errorf("figures %+v", in.Urges)
	}
	for _, tc := range []struct {
		trigger     string
		waves       int
		toPeak, dur time.Duration
		surfed      int
	}{
		{"", 3, 3 * time.Minute, 20 * time.Minute, 2},
		{"people", 2, 2 * time.Minute, 15 * time.Minute, 1}, // to peak 3 and 1; durations 10 and 20
		{"places", 2, 8 * time.Minute, 25 * time.Minute, 1}, // to peak 1 and 15; durations 20 and 30
		{"things", 0, 0, 0, 0},
	} {
		waves, st := in.WithTrigger(tc.trigger)
		if len(waves) != tc.waves || st.MedianToPeak != tc.toPeak || st.MedianDuration != tc.dur || st.Surfed != tc.surfed {
			t.Errorf("trigger %q: %d waves, %+v; want %d waves, to peak %v, duration %v, %d surfed", tc.trigger, len(waves), st, tc.waves, tc.toPeak, tc.dur, tc.surfed)
		}
	}
}

func TestRecordsAreTakenByTheirOwnDate(t *testing.T) {
	// A session started at 23:30 in Los Angeles is 07:30 the next day in
	// UTC; the record's date, given in the user's zone, decides its day.
	la, _ := time.LoadLocation("America/Los_Angeles")
	s := session("2026-11-01", "meditation", 600)
	s.Session.Started = time.Date(2026, 11, 1, 23, 30, 0, 0, la).UTC()
	recs := []journal.Record{s, {Kind: journal.KindEntry, Date: "garbled", Entry: &journal.Entry{Mood: 5}}}
	in := Compute(recs, rng(t, "2026-11-01", "2026-11-02"))
	if len(in.Practice) != 1 || in.Practice[0].Day.String() != "2026-11-01" {
		t.Errorf("practice %+v, want one day on 2026-11-01", in.Practice)
	}
	if len(in.Mood) != 0 || in.Entries != 0 {
		t.Error("a record with a bad date was counted")
	}
	if first, ok := Earliest(recs); !ok || first.String() != "2026-11-01" {
		t.Errorf("earliest %s, %v", first, ok)
	}
	if _, ok := Earliest(nil); ok {
		t.Error("an empty vault has an earliest day")
	}
}

func TestEmpty(t *testing.T) {
	in := Compute(nil, rng(t, "2026-01-01", "2026-01-30"))
	if !in.Empty() || len(in.Calendar) != 30 || in.Practised != 0 || len(in.Weeks) != 5 {
		t.Errorf("an empty vault gave %+v", in)
	}
	if Compute([]journal.Record{gratitude("2026-01-05", "a")}, rng(t, "2026-01-01", "2026-01-30")).Empty() {
		t.Error("a gratitude day is not nothing")
	}
}
