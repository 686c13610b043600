package practice

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

func sit(t *testing.T, p MeditationPreset) *Meditation {
	t.Helper()
	m, err := NewMeditation(p, t0)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// heard is one bell as a test hears it: its kind, number and the active
// second it was rung at.
type heard struct {
	kind BellKind
	n    int
	at   time.Duration
}

func (h heard) String() string { return fmt.Sprintf("%d#%d@%v", h.kind, h.n, h.at) }

// run ticks m every step from t0 until until and lists the bells.
func run(m *Meditation, step, until time.Duration) []heard {
	var out []heard
	for d := time.Duration(0); d <= until; d += step {
		for _, e := range m.Tick(at(d)) {
			out = append(out, heard{e.Kind, e.N, d})
		}
	}
	return out
}

func TestIntervalBellsRingAtTheRightSeconds(t *testing.T) {
	const m = time.Minute
	preset := func(dur, warm, interval time.Duration) MeditationPreset {
		return MeditationPreset{Duration: dur, WarmUp: warm, Interval: interval, StartBell: "bell", EndBell: "gong", IntervalBell: "chime"}
	}
	for _, tc := range []struct {
		name  string
		p     MeditationPreset
		until time.Duration
		want  []heard
	}{
		{"ten minutes, every three, after a ten second warm-up", preset(10*m, s(10), 3*m), 11 * m, []heard{
			{BellStart, 0, s(10)}, {BellInterval, 1, s(190)}, {BellInterval, 2, s(370)}, {BellInterval, 3, s(550)}, {BellEnd, 0, s(610)},
		}},
		{"an interval that divides the sit gives way to the end bell", preset(10*m, 0, 5*m), 11 * m, []heard{
			{BellStart, 0, 0}, {BellInterval, 1, 5 * m}, {BellEnd, 0, 10 * m},
		}},
		{"an interval as long as the sit never rings", preset(5*m, 0, 5*m), 6 * m, []heard{
			{BellStart, 0, 0}, {BellEnd, 0, 5 * m},
		}},
		{"no interval, just start and end", preset(2*m, s(60), 0), 4 * m, []heard{
			{BellStart, 0, m}, {BellEnd, 0, 3 * m},
		}},
		{"open-ended rings every minute until stopped", preset(0, s(5), m), 4 * m, []heard{
			{BellStart, 0, s(5)}, {BellInterval, 1, s(65)}, {BellInterval, 2, s(125)}, {BellInterval, 3, s(185)},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := run(sit(t, tc.p), time.Second, tc.until)
			if !slices.Equal(got, tc.want) {
				t.Errorf("bells %v\nwant  %v", got, tc.want)
			}
		})
	}
}

func TestEachBellCarriesItsNameAndMoment(t *testing.T) {
	m := sit(t, MeditationPreset{Duration: 3 * time.Minute, WarmUp: s(5), Interval: time.Minute,
		StartBell: "bowl", EndBell: NoBell, IntervalBell: "chime"})
	var got []BellEvent
	for d := time.Duration(0); d <= 4*time.Minute; d += s(0.25) {
		got = append(got, m.Tick(at(d))...)
	}
	want := []BellEvent{
		{Kind: BellStart, Bell: "bowl"},
		{Kind: BellInterval, Bell: "chime", At: time.Minute, N: 1},
		{Kind: BellInterval, Bell: "chime", At: 2 * time.Minute, N: 2},
		{Kind: BellEnd, Bell: NoBell, At: 3 * time.Minute},
	}
	if !slices.Equal(got, want) {
		t.Errorf("events %+v\nwant   %+v", got, want)
	}
}

func TestBellsRingExactlyOnceWhenTicksAreSparse(t *testing.T) {
	p := MeditationPreset{Duration: 10 * time.Minute, WarmUp: s(7), Interval: time.Minute, StartBell: "b", EndBell: "b", IntervalBell: "b"}
	for _, step := range []time.Duration{s(0.1), s(1), s(2.5), s(3.7), LateBell} {
		t.Run(fmt.Sprintf("ticking every %v", step), func(t *testing.T) {
			got := run(sit(t, p), step, 11*time.Minute)
			if len(got) != 11 {
				t.Fatalf("%d bells, want start, nine intervals and end: %v", len(got), got)
			}
			for i, h := range got {
				due := s(7) + time.Duration(i)*time.Minute
				if late := h.at - due; late < 0 || late >= step {
					t.Errorf("bell %d rang at %v, due %v", i, h.at, due)
				}
			}
		})
	}
}

func TestASuspendedMachineDoesNotBurstOldBells(t *testing.T) {
	m := sit(t, MeditationPreset{Duration: 30 * time.Minute, Interval: time.Minute, StartBell: "b", EndBell: "b", IntervalBell: "b"})
	steps := []struct {
		name string
		when time.Duration
		want []heard
	}{
		{"the start rings", 0, []heard{{BellStart, 0, 0}}},
		{"the first interval rings", time.Minute, []heard{{BellInterval, 1, 0}}},
		{"waking 20.5 minutes in rings none of the nineteen missed", 20*time.Minute + s(30), nil},
		{"a bell a few seconds late still rings", 21*time.Minute + s(4), []heard{{BellInterval, 21, 0}}},
		{"the same moment again rings nothing", 21*time.Minute + s(4), nil},
		{"a clock stepping back rings nothing twice", 20 * time.Minute, nil},
		{"waking after the end rings only the end bell", 45 * time.Minute, []heard{{BellEnd, 0, 0}}},
		{"after the end nothing rings", 50 * time.Minute, nil},
	}
	for _, step := range steps {
		var got []heard
		for _, e := range m.Tick(at(step.when)) {
			got = append(got, heard{e.Kind, e.N, 0})
		}
		if !slices.Equal(got, step.want) {
			t.Errorf("%s: %v, want %v", step.name, got, step.want)
		}
	}
	if s := m.Session(at(time.Hour)); s.Seconds != 30*60 || !s.Finished {
		t.Errorf("logged %+v, want 30 minutes, finished", s)
	}
}

func TestAnOpenEndedSitCountsUpUntilStopped(t *testing.T) {
	m := sit(t, MeditationPreset{WarmUp: s(10), StartBell: "b", EndBell: "gong", IntervalBell: NoBell})
	for _, tc := range []struct {
		when    time.Duration
		stage   MeditationStage
		elapsed time.Duration
	}{
		{0, MeditationWarmUp, 0},
		{s(10), MeditationSitting, 0},
		{time.Minute, MeditationSitting, s(50)},
		{4 * time.Hour, MeditationSitting, 4*time.Hour - s(10)},
	} {
		st := m.State(at(tc.when))
		if st.Stage != tc.stage || st.Elapsed != tc.elapsed || st.Remaining != 0 || !st.OpenEnded {
			t.Errorf("at %v: %+v, want stage %v with %v elapsed and nothing remaining", tc.when, st, tc.stage, tc.elapsed)
		}
	}
	evs := m.Stop(at(47*time.Minute + s(10)))
	if want := []BellEvent{{Kind: BellEnd, Bell: "gong", At: 47 * time.Minute, Early: true}}; !slices.Equal(evs, want) {
		t.Errorf("Stop = %+v, want %+v", evs, want)
	}
	if st := m.State(at(time.Hour)); st.Stage != MeditationDone || st.Elapsed != 47*time.Minute {
		t.Errorf("after stopping: %+v", st)
	}
	if got := m.Session(at(time.Hour)); got.Seconds != 47*60 || !got.Finished || got.Practice != PracticeMeditation {
		t.Errorf("logged %+v, want 47 minutes of meditation, finished", got)
	}
	if evs := m.Stop(at(time.Hour)); evs != nil {
		t.Errorf("a second Stop rang %v", evs)
	}
}

func TestPausedTimeDoesNotCountAndRingsNoBells(t *testing.T) {
	m := sit(t, MeditationPreset{Duration: 10 * time.Minute, Interval: 2 * time.Minute, StartBell: "b", EndBell: "b", IntervalBell: "b"})
	if evs := m.Tick(t0); len(evs) != 1 || evs[0].Kind != BellStart {
		t.Fatalf("start: %v", evs)
	}
	m.Pause(at(s(100)))
	if evs := m.Tick(at(10 * time.Minute)); evs != nil {
		t.Errorf("a bell rang while paused: %v", evs)
	}
	st := m.State(at(10 * time.Minute))
	if !st.Paused || st.Elapsed != s(100) || st.Remaining != s(500) {
		t.Errorf("paused: %+v, want 1m40s elapsed and 8m20s remaining", st)
	}
	m.Resume(at(10 * time.Minute))
	if evs := m.Tick(at(10*time.Minute + s(20))); len(evs) != 1 || evs[0].N != 1 || evs[0].Late != 0 {
		t.Errorf("20 s after resuming: %v, want interval bell 1 on time", evs)
	}
	if m.Elapsed(at(10*time.Minute+s(20))) != 2*time.Minute || m.Remaining(at(10*time.Minute+s(20))) != 8*time.Minute {
		t.Error("Elapsed and Remaining do not leave out the pause")
	}
	if evs := m.Tick(at(10*time.Minute + s(500))); len(evs) != 1 || evs[0].Kind != BellEnd {
		t.Errorf("at the end shifted by the pause: %v, want the end bell", evs)
	}
}

func TestTheWarmUpCountsDownBeforeTheStartBell(t *testing.T) {
	m := sit(t, MeditationPreset{Duration: 5 * time.Minute, WarmUp: s(15), StartBell: "b", EndBell: "b", IntervalBell: NoBell})
	if st := m.State(at(s(5))); st.Stage != MeditationWarmUp || st.WarmUpLeft != s(10) || st.Elapsed != 0 || st.Remaining != 5*time.Minute {
		t.Errorf("5 s in: %+v, want warming up with 10 s left", st)
	}
	if evs := m.Tick(at(s(14.9))); evs != nil {
		t.Errorf("before the warm-up ends: %v", evs)
	}
	if evs := m.Tick(at(s(15))); len(evs) != 1 || evs[0].Kind != BellStart {
		t.Errorf("at the end of the warm-up: %v, want the start bell", evs)
	}
	if m.Elapsed(at(s(20))) != s(5) {
		t.Errorf("Elapsed counts the warm-up: %v", m.Elapsed(at(s(20))))
	}
}

func TestStoppingDuringTheWarmUpIsACancelWithoutABell(t *testing.T) {
	m := sit(t, MeditationPreset{Duration: 5 * time.Minute, WarmUp: s(15), StartBell: "b", EndBell: "b", IntervalBell: NoBell})
	if evs := m.Stop(at(s(8))); evs != nil {
		t.Errorf("Stop in the warm-up rang %v", evs)
	}
	if got := m.Session(at(time.Minute)); got.Seconds != 0 || !got.Finished {
		t.Errorf("logged %+v, want 0 s", got)
	}
}

func TestAFixedSitIsSavedWhileRunningAndLoggedAtItsLength(t *testing.T) {
	m := sit(t, MeditationPreset{Name: "Morning", Duration: 20 * time.Minute, WarmUp: s(30), StartBell: "b", EndBell: "b", IntervalBell: NoBell})
	running := m.Record(at(5 * time.Minute))
	if running.Session.Finished || running.Session.Seconds != 270 {
		t.Errorf("saved while running: %+v, want 270 s, unfinished", running.Session)
	}
	// The user stops it after the planned end without a tick in between:
	// the end bell still rings, not early.
	evs := m.Stop(at(25 * time.Minute))
	if len(evs) != 1 || evs[0].Kind != BellEnd || evs[0].Early {
		t.Errorf("Stop after the planned end = %+v, want the end bell on its own", evs)
	}
	r := m.Record(at(time.Hour))
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	want := journal.PracticeSession{Practice: PracticeMeditation, Pattern: "Morning", Started: t0, Seconds: 1200, Finished: true, PlannedSeconds: 1200}
	if r.ID != running.ID || r.Kind != journal.KindSession || r.Date != "2026-03-01" || *r.Session != want {
		t.Errorf("logged %+v (id kept %v), want %+v", *r.Session, r.ID == running.ID, want)
	}
}

func TestMeditationPresetValidation(t *testing.T) {
	good := DefaultMeditation()
	good.Name = "Evening"
	for _, tc := range []struct {
		name   string
		change func(*MeditationPreset)
		fields []string
	}{
		{"the default with a name is accepted", func(*MeditationPreset) {}, nil},
		{"open-ended is accepted", func(p *MeditationPreset) { p.Duration = 0 }, nil},
		{"one minute is accepted", func(p *MeditationPreset) { p.Duration = time.Minute }, nil},
		{"three hours are accepted", func(p *MeditationPreset) { p.Duration = 3 * time.Hour }, nil},
		{"59 seconds are refused", func(p *MeditationPreset) { p.Duration = s(59) }, []string{FieldDuration}},
		{"three hours and a second are refused", func(p *MeditationPreset) { p.Duration = 3*time.Hour + time.Second }, []string{FieldDuration}},
		{"a fraction of a second is refused", func(p *MeditationPreset) { p.Duration = 5*time.Minute + time.Millisecond }, []string{FieldDuration}},
		{"a negative duration is refused", func(p *MeditationPreset) { p.Duration = -time.Minute }, []string{FieldDuration}},
		{"no warm-up is accepted", func(p *MeditationPreset) { p.WarmUp = 0 }, nil},
		{"a 60 s warm-up is accepted", func(p *MeditationPreset) { p.WarmUp = s(60) }, nil},
		{"a 61 s warm-up is refused", func(p *MeditationPreset) { p.WarmUp = s(61) }, []string{FieldWarmUp}},
		{"a negative warm-up is refused", func(p *MeditationPreset) { p.WarmUp = -time.Second }, []string{FieldWarmUp}},
		{"no start bell is spelled none", func(p *MeditationPreset) { p.StartBell = "" }, []string{FieldStartBell}},
		{"a bell name with spaces around is refused", func(p *MeditationPreset) { p.EndBell = " bell" }, []string{FieldEndBell}},
		{"none is a bell", func(p *MeditationPreset) { p.StartBell, p.EndBell = NoBell, NoBell }, nil},
		{"an interval in whole minutes is accepted", func(p *MeditationPreset) { p.Interval, p.IntervalBell = 5*time.Minute, "chime" }, nil},
		{"an interval of 90 s is refused", func(p *MeditationPreset) { p.Interval, p.IntervalBell = s(90), "chime" }, []string{FieldInterval}},
		{"an interval over three hours is refused", func(p *MeditationPreset) { p.Interval, p.IntervalBell = 181*time.Minute, "chime" }, []string{FieldInterval}},
		{"an interval needs its bell", func(p *MeditationPreset) { p.Interval, p.IntervalBell = time.Minute, "" }, []string{FieldIntervalBell}},
		{"no interval needs no interval bell", func(p *MeditationPreset) { p.Interval, p.IntervalBell = 0, "" }, nil},
		{"a preset to save needs a name", func(p *MeditationPreset) { p.Name = "  " }, []string{FieldName}},
		{"a long name is refused", func(p *MeditationPreset) { p.Name = strings.Repeat("å", 81) }, []string{FieldName}},
		{"every bad field is named", func(p *MeditationPreset) { p.Name, p.Duration, p.WarmUp, p.StartBell = "", s(1), s(99), "" },
			[]string{FieldName, FieldDuration, FieldWarmUp, FieldStartBell}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := good
			tc.change(&p)
			err := p.Validate()
			var fe *FieldError
			switch {
			case tc.fields == nil && err != nil:
				t.Fatalf("refused: %v", err)
			case tc.fields != nil && (!errors.Is(err, ErrInvalidPreset) || !errors.As(err, &fe) || !slices.Equal(fe.Fields, tc.fields)):
				t.Fatalf("got %v, want invalid %v", err, tc.fields)
			}
			// A one-off sit need not be named; everything else must hold.
			_, err = NewMeditation(p, t0)
			timingsBad := tc.fields != nil && !slices.Equal(tc.fields, []string{FieldName})
			if (err != nil) != timingsBad {
				t.Errorf("NewMeditation = %v, want an error: %v", err, timingsBad)
			}
		})
	}
}

func TestMindfulMinutesAddUpByDay(t *testing.T) {
	rec := func(date, practice string, secs int) journal.Record {
		return journal.Record{Kind: journal.KindSession, Date: date, Session: &journal.PracticeSession{Practice: practice, Seconds: secs}}
	}
	rs := []journal.Record{
		rec("2026-03-01", PracticeMeditation, 90),
		rec("2026-03-01", PracticeBreathing, 90),
		rec("2026-03-01", "yoga", 3600),
		rec("2026-03-02", PracticeMeditation, 59),
		rec("2026-03-03", PracticeMeditation, 1200),
		{Kind: journal.KindEntry, Date: "2026-03-03", Entry: &journal.Entry{}},
	}
	got := MindfulMinutesByDay(rs)
	want := map[string]int{"2026-03-01": 3, "2026-03-02": 0, "2026-03-03": 20}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for d, n := range want {
		if got[d] != n {
			t.Errorf("%s: %d minutes, want %d", d, got[d], n)
		}
	}
}
