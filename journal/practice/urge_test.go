package practice

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

func startUrge(t *testing.T, cadence time.Duration, rating int) *UrgeSession {
	t.Helper()
	u, err := NewUrgeSession(cadence)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.Start(t0, rating); err != nil {
		t.Fatal(err)
	}
	return u
}

func TestUrgeRatingsArePromptedAtTheChosenCadence(t *testing.T) {
	for _, tc := range []struct {
		name    string
		setting time.Duration
		cadence time.Duration
	}{
		{"no setting asks every 60 s", 0, 60 * time.Second},
		{"the shortest setting asks every 30 s", 30 * time.Second, 30 * time.Second},
		{"a 45 s setting asks every 45 s", 45 * time.Second, 45 * time.Second},
		{"the longest setting asks every 120 s", 120 * time.Second, 120 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := startUrge(t, tc.setting, 8)
			if u.Cadence() != tc.cadence {
				t.Fatalf("Cadence() = %v, want %v", u.Cadence(), tc.cadence)
			}
			last := t0
			// Three prompts, each answered a little late: the next prompt
			// comes a full cadence after the answer, not on a fixed grid.
			for i, late := range []time.Duration{0, 5 * time.Second, 12 * time.Second} {
				before := u.Tick(last.Add(tc.cadence - time.Millisecond))
				if before.RatingDue || before.NextRating != time.Millisecond {
					t.Fatalf("prompt %d: just before the cadence RatingDue=%v NextRating=%v, want false, 1ms", i+1, before.RatingDue, before.NextRating)
				}
				due := last.Add(tc.cadence)
				if st := u.Tick(due); !st.RatingDue || st.NextRating != 0 {
					t.Fatalf("prompt %d: at the cadence RatingDue=%v NextRating=%v, want true, 0", i+1, st.RatingDue, st.NextRating)
				}
				if st := u.Tick(due.Add(late)); !st.RatingDue {
					t.Fatalf("prompt %d: the prompt went away unanswered after %v", i+1, late)
				}
				last = due.Add(late)
				if err := u.Rate(last, 7-i); err != nil {
					t.Fatal(err)
				}
				if st := u.Tick(last); st.RatingDue || st.NextRating != tc.cadence {
					t.Fatalf("prompt %d: right after rating RatingDue=%v NextRating=%v, want false, %v", i+1, st.RatingDue, st.NextRating, tc.cadence)
				}
			}
			if n := u.Tick(last).Ratings; n != 4 {
				t.Errorf("Ratings = %d, want 4", n)
			}
		})
	}
}

func TestACadenceOutsideThirtyToOneTwentySecondsIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cadence time.Duration
		err     error
		clamped time.Duration
	}{
		{"zero is the default", 0, nil, DefaultCadence},
		{"30 s is allowed", 30 * time.Second, nil, 30 * time.Second},
		{"120 s is allowed", 120 * time.Second, nil, 120 * time.Second},
		{"29 s is refused", 29 * time.Second, ErrCadence, 30 * time.Second},
		{"121 s is refused", 121 * time.Second, ErrCadence, 120 * time.Second},
		{"a negative cadence is refused", -time.Minute, ErrCadence, 30 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewUrgeSession(tc.cadence)
			if !errors.Is(err, tc.err) {
				t.Errorf("NewUrgeSession(%v) = %v, want %v", tc.cadence, err, tc.err)
			}
			if got := ClampCadence(tc.cadence); got != tc.clamped {
				t.Errorf("ClampCadence(%v) = %v, want %v", tc.cadence, got, tc.clamped)
			}
		})
	}
}

func TestEndingIsSuggestedWhenTheUrgeIsThreeOrLessOrHalfTheStart(t *testing.T) {
	for _, tc := range []struct {
		name    string
		ratings []int
		suggest bool
	}{
		{"the first rating alone never suggests ending", []int{2}, false},
		{"a strong urge that eased a little is still surfed", []int{8, 5}, false},
		{"half the start suggests ending", []int{8, 4}, true},
		{"three suggests ending", []int{8, 3}, true},
		{"just over half does not", []int{10, 6}, false},
		{"exactly half of ten does", []int{10, 5}, true},
		{"half of an odd start is rounded down", []int{7, 4}, false},
		{"three or less suggests ending even from a mild start", []int{2, 2}, true},
		{"a wave that rose again takes the suggestion back", []int{8, 4, 7}, false},
		{"a wave that peaked and fell suggests ending", []int{6, 9, 10, 7, 3}, true},
		{"zero to zero suggests ending", []int{0, 0}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := startUrge(t, 0, tc.ratings[0])
			now := t0
			for _, r := range tc.ratings[1:] {
				now = now.Add(time.Minute)
				if err := u.Rate(now, r); err != nil {
					t.Fatal(err)
				}
			}
			if got := u.Tick(now).SuggestEnd; got != tc.suggest {
				t.Errorf("ratings %v: SuggestEnd = %v, want %v", tc.ratings, got, tc.suggest)
			}
		})
	}
}

func TestTheSoftCapIsOfferedAtThirtyMinutesAndKeepGoingAsksAgainLater(t *testing.T) {
	u := startUrge(t, 0, 9)
	steps := []struct {
		name  string
		when  time.Duration
		keep  bool // press "keep going" at when
		offer bool
	}{
		{"not before thirty minutes", 30*time.Minute - time.Second, false, false},
		{"keep going before the cap changes nothing", 30*time.Minute - time.Second, true, false},
		{"offered at thirty minutes", 30 * time.Minute, false, true},
		{"still offered while unanswered", 31 * time.Minute, false, true},
		{"keep going takes it away", 31 * time.Minute, true, false},
		{"not again before another thirty minutes", 61*time.Minute - time.Second, false, false},
		{"offered again thirty minutes after keep going", 61 * time.Minute, false, true},
	}
	for _, step := range steps {
		if step.keep {
			u.KeepGoing(at(step.when))
		}
		st := u.Tick(at(step.when))
		if st.SoftCap != step.offer {
			t.Errorf("%s: SoftCap at %v = %v, want %v", step.name, step.when, st.SoftCap, step.offer)
		}
		if st.Phase != UrgeRunning {
			t.Errorf("%s: the soft cap ended the session (phase %v)", step.name, st.Phase)
		}
	}
}

func TestGuidanceWalksThroughItsStepsThenRepeatsFromTheBreath(t *testing.T) {
	steps := UrgeGuideSteps()
	u := startUrge(t, 0, 6)
	for _, tc := range []struct {
		when time.Duration
		key  string
	}{
		{0, GuideNotice},
		{19 * time.Second, GuideNotice},
		{20 * time.Second, GuideBody},
		{40 * time.Second, GuideBreathe},
		{60 * time.Second, GuideRise},
		{80 * time.Second, GuidePeak},
		{100 * time.Second, GuideRide},
		{120 * time.Second, GuideCurious},
		{140 * time.Second, GuideBreathe},
		{200 * time.Second, GuideRide},
		{220 * time.Second, GuideCurious},
		{240 * time.Second, GuideBreathe},
	} {
		st := u.Tick(at(tc.when))
		if st.Guide != tc.key || steps[st.GuideStep] != tc.key {
			t.Errorf("at %v: Guide = %q (step %d), want %q", tc.when, st.Guide, st.GuideStep, tc.key)
		}
	}
	for _, k := range steps {
		if !strings.HasPrefix(k, "urge.guide.") {
			t.Errorf("guidance %q is not an i18n key", k)
		}
	}
}

func TestPausingForBreathingKeepsTheSessionAndAsksForARatingOnReturn(t *testing.T) {
	u := startUrge(t, 0, 7)
	if err := u.Rate(at(50*time.Second), 8); err != nil {
		t.Fatal(err)
	}
	if err := u.Pause(at(55 * time.Second)); err != nil {
		t.Fatal(err)
	}
	st := u.Tick(at(3 * time.Minute))
	if st.Phase != UrgePaused || st.RatingDue || st.Guide != "" || st.SoftCap {
		t.Errorf("while paused: %+v, want paused with no prompt and no guidance", st)
	}
	if st.Elapsed != 3*time.Minute || st.Ratings != 2 {
		t.Errorf("while paused Elapsed=%v Ratings=%d, want 3m0s and 2: the urge goes on and nothing is lost", st.Elapsed, st.Ratings)
	}
	if err := u.Rate(at(3*time.Minute), 5); !errors.Is(err, ErrPaused) {
		t.Errorf("Rate while paused = %v, want ErrPaused", err)
	}
	if err := u.Resume(at(3 * time.Minute)); err != nil {
		t.Fatal(err)
	}
	st = u.Tick(at(3 * time.Minute))
	if st.Phase != UrgeRunning || !st.RatingDue {
		t.Errorf("on return: phase %v RatingDue %v, want running and a rating due", st.Phase, st.RatingDue)
	}
	if st.Guide != GuideBreathe {
		t.Errorf("on return the guidance is %q, want %q where it was left", st.Guide, GuideBreathe)
	}
	if err := u.Rate(at(3*time.Minute+5*time.Second), 4); err != nil {
		t.Fatal(err)
	}
	if got := len(u.Record().Urge.Samples); got != 3 {
		t.Errorf("samples after the pause = %d, want 3", got)
	}
}

func TestUrgeRatingsOutsideZeroToTenAreRefused(t *testing.T) {
	u, _ := NewUrgeSession(0)
	for _, r := range []int{-1, 11} {
		if err := u.Start(t0, r); !errors.Is(err, ErrRating) {
			t.Errorf("Start(%d) = %v, want ErrRating", r, err)
		}
	}
	u = startUrge(t, 0, 0)
	if err := u.Rate(at(time.Minute), 11); !errors.Is(err, ErrRating) {
		t.Errorf("Rate(11) = %v, want ErrRating", err)
	}
	if n := u.Tick(at(time.Minute)).Ratings; n != 1 {
		t.Errorf("a refused rating was kept: %d ratings", n)
	}
}

func TestAnUrgeSessionRefusesInputOutOfOrder(t *testing.T) {
	fresh := func() *UrgeSession { u, _ := NewUrgeSession(0); return u }
	ended := func() *UrgeSession {
		u, _ := NewUrgeSession(0)
		_ = u.Start(t0, 5)
		_ = u.End(at(time.Minute), UrgeOutcome{})
		return u
	}
	for _, tc := range []struct {
		name string
		u    func() *UrgeSession
		do   func(*UrgeSession) error
		want error
	}{
		{"a rating before the start", fresh, func(u *UrgeSession) error { return u.Rate(t0, 5) }, ErrNotStarted},
		{"an end before the start", fresh, func(u *UrgeSession) error { return u.End(t0, UrgeOutcome{}) }, ErrNotStarted},
		{"a pause before the start", fresh, func(u *UrgeSession) error { return u.Pause(t0) }, ErrNotStarted},
		{"a second start", ended, func(u *UrgeSession) error { return u.Start(t0, 5) }, ErrStarted},
		{"a rating after the end", ended, func(u *UrgeSession) error { return u.Rate(at(2*time.Minute), 5) }, ErrEnded},
		{"a second end", ended, func(u *UrgeSession) error { return u.End(at(2*time.Minute), UrgeOutcome{}) }, ErrEnded},
		{"a resume after the end", ended, func(u *UrgeSession) error { return u.Resume(at(2 * time.Minute)) }, ErrEnded},
	} {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			if err := tc.do(tc.u()); !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
	if st := fresh().Tick(t0); st.Phase != UrgeNotStarted || fresh().Record() != nil {
		t.Errorf("an unstarted session shows %+v and a record", st)
	}
}

func TestTheEpisodeIsARecordToSaveAfterEveryRatingUnderOneID(t *testing.T) {
	start := time.Date(2026, 3, 1, 23, 59, 0, 0, time.FixedZone("UTC+2", 2*3600))
	u, _ := NewUrgeSession(0)
	if err := u.Start(start, 9); err != nil {
		t.Fatal(err)
	}
	r1 := u.Record()
	if err := r1.Validate(); err != nil {
		t.Fatal(err)
	}
	if r1.Kind != journal.KindUrge || r1.ID.IsZero() || r1.Date != "2026-03-01" || !r1.Created.Equal(start) {
		t.Errorf("first record = %+v, want an urge record with an id, dated the start in its own zone", r1)
	}
	if r1.Urge.Finished || !r1.Urge.Ended.IsZero() || len(r1.Urge.Samples) != 1 {
		t.Errorf("a running episode is saved as %+v, want unfinished with one sample", r1.Urge)
	}
	r1.Urge.Samples[0].Rating = 0 // the record is a copy
	if err := u.Rate(start.Add(time.Minute), 6); err != nil {
		t.Fatal(err)
	}
	r2 := u.Record()
	if r2.ID != r1.ID {
		t.Error("the second save has a new id: it would add a record instead of replacing it")
	}
	if got := []int{r2.Urge.Samples[0].Rating, r2.Urge.Samples[1].Rating}; !slices.Equal(got, []int{9, 6}) {
		t.Errorf("samples = %v, want [9 6]", got)
	}
	if err := u.End(start.Add(3*time.Minute), UrgeOutcome{ActedOn: true, Coping: " called Sam "}); err != nil {
		t.Fatal(err)
	}
	r3 := u.Record()
	if r3.ID != r1.ID || !r3.Urge.Finished || !r3.Urge.Ended.Equal(start.Add(3*time.Minute)) || !r3.Urge.ActedOn || r3.Urge.Coping != "called Sam" {
		t.Errorf("ended episode = %+v", r3.Urge)
	}
	if st := u.Tick(start.Add(time.Hour)); st.Phase != UrgeEnded || st.Elapsed != 3*time.Minute {
		t.Errorf("after the end Tick = phase %v elapsed %v, want ended after 3m0s", st.Phase, st.Elapsed)
	}
}

func TestTheEndOutcomeIsTidiedAndAnUnknownHALTStateIsRefused(t *testing.T) {
	u := startUrge(t, 0, 7)
	err := u.End(at(time.Minute), UrgeOutcome{HALT: []string{"hungry", "bored"}})
	if !errors.Is(err, ErrHALT) {
		t.Fatalf("End with HALT bored = %v, want ErrHALT", err)
	}
	if u.Record().Urge.Finished {
		t.Fatal("a refused end ended the episode")
	}
	err = u.End(at(time.Minute), UrgeOutcome{
		Triggers: []string{" people ", "payday", "People", ""},
		HALT:     []string{"Tired", "lonely", "tired "},
	})
	if err != nil {
		t.Fatal(err)
	}
	ep := u.Record().Urge
	if !slices.Equal(ep.Triggers, []string{"people", "payday"}) || !slices.Equal(ep.HALT, []string{"tired", "lonely"}) {
		t.Errorf("triggers %q HALT %q, want [people payday] and [tired lonely]", ep.Triggers, ep.HALT)
	}
}

func TestAnUnfinishedEpisodeIsResumedAfterTheAppWasKilled(t *testing.T) {
	u := startUrge(t, 45*time.Second, 8)
	_ = u.Rate(at(45*time.Second), 9)
	_ = u.Rate(at(90*time.Second), 7)
	// What the vault kept, through its JSON encoding; the app dies here.
	b, err := json.Marshal(u.Record())
	if err != nil {
		t.Fatal(err)
	}
	var saved journal.Record
	if err := json.Unmarshal(b, &saved); err != nil {
		t.Fatal(err)
	}

	r, err := ResumeUrge(&saved, 45*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	back := at(3 * time.Minute)
	st := r.Tick(back)
	if st.Phase != UrgeRunning || st.Ratings != 3 || st.First != 8 || st.Peak != 9 || st.Latest != 7 || st.Elapsed != 3*time.Minute {
		t.Errorf("resumed state = %+v, want running with the three ratings, 3m0s in", st)
	}
	if !st.RatingDue {
		t.Error("no rating due though the cadence passed while the app was away")
	}
	if !r.LastRated().Equal(at(90 * time.Second)) {
		t.Errorf("LastRated = %v", r.LastRated())
	}
	if err := r.Rate(back, 5); err != nil {
		t.Fatal(err)
	}
	rec := r.Record()
	if rec.ID != saved.ID || rec.Date != saved.Date || len(rec.Urge.Samples) != 4 || rec.Urge.Finished {
		t.Errorf("record after resuming = %+v, want the same id and date with four samples", rec)
	}
}

func TestResumingRefusesWhatIsNotAnUnfinishedEpisode(t *testing.T) {
	ok := func() *journal.Record {
		return &journal.Record{ID: journal.NewID(), Kind: journal.KindUrge, Date: "2026-03-01",
			Urge: &journal.UrgeEpisode{Started: t0, Samples: []journal.UrgeSample{{At: t0, Rating: 6}}}}
	}
	for _, tc := range []struct {
		name    string
		rec     func() *journal.Record
		cadence time.Duration
		want    error
	}{
		{"nothing", func() *journal.Record { return nil }, 0, ErrNotUrge},
		{"another kind", func() *journal.Record {
			return &journal.Record{Kind: journal.KindEntry, Entry: &journal.Entry{}}
		}, 0, ErrNotUrge},
		{"a finished episode", func() *journal.Record { r := ok(); r.Urge.Finished = true; return r }, 0, ErrEnded},
		{"an episode without ratings", func() *journal.Record { r := ok(); r.Urge.Samples = nil; return r }, 0, ErrNotStarted},
		{"a rating of twelve", func() *journal.Record { r := ok(); r.Urge.Samples[0].Rating = 12; return r }, 0, ErrRating},
		{"a bad cadence", ok, 10 * time.Second, ErrCadence},
	} {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			if _, err := ResumeUrge(tc.rec(), tc.cadence); !errors.Is(err, tc.want) {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
}

// episode builds a finished episode that started at minute startMin
// (offsets keep episodes apart), rated at the given minutes, ended at
// endMin.
func episode(startMin int, ratings map[int]int, endMin int, acted bool, triggers, halt []string) journal.UrgeEpisode {
	start := at(time.Duration(startMin) * time.Hour)
	ep := journal.UrgeEpisode{Started: start, Ended: start.Add(time.Duration(endMin) * time.Minute),
		Finished: true, ActedOn: acted, Triggers: triggers, HALT: halt}
	var mins []int
	for m := range ratings {
		mins = append(mins, m)
	}
	slices.Sort(mins)
	for _, m := range mins {
		ep.Samples = append(ep.Samples, journal.UrgeSample{At: start.Add(time.Duration(m) * time.Minute), Rating: ratings[m]})
	}
	return ep
}

func TestUrgeStatisticsAreDrawnFromFinishedEpisodes(t *testing.T) {
	unfinished := episode(9, map[int]int{0: 10, 1: 10}, 0, false, []string{"noise"}, nil)
	unfinished.Finished, unfinished.Ended = false, time.Time{}
	for _, tc := range []struct {
		name string
		eps  []journal.UrgeEpisode
		want UrgeStats
	}{
		{"no episodes give zero figures", nil, UrgeStats{}},
		{"one episode gives its own figures",
			[]journal.UrgeEpisode{episode(0, map[int]int{0: 5, 2: 8, 4: 3}, 6, false, []string{"people"}, []string{"tired"})},
			UrgeStats{Episodes: 1, MedianToPeak: 2 * time.Minute, MedianDuration: 6 * time.Minute,
				Triggers: []Tally{{"people", 1}}, HALT: []Tally{{"tired", 1}}, Surfed: 1, SurfedShare: 1}},
		{"an odd count takes the middle episode",
			[]journal.UrgeEpisode{
				episode(0, map[int]int{0: 5, 9: 8}, 20, false, nil, nil),
				episode(1, map[int]int{0: 5, 1: 8}, 4, true, nil, nil),
				episode(2, map[int]int{0: 5, 3: 8}, 10, false, nil, nil),
			},
			UrgeStats{Episodes: 3, MedianToPeak: 3 * time.Minute, MedianDuration: 10 * time.Minute, Surfed: 2, SurfedShare: 2.0 / 3}},
		{"an even count averages the middle two",
			[]journal.UrgeEpisode{
				episode(0, map[int]int{0: 9}, 5, false, nil, nil),
				episode(1, map[int]int{0: 5, 2: 8}, 8, false, nil, nil),
				episode(2, map[int]int{0: 5, 5: 8}, 11, true, nil, nil),
				episode(3, map[int]int{0: 5, 30: 8}, 40, true, nil, nil),
			},
			UrgeStats{Episodes: 4, MedianToPeak: 210 * time.Second, MedianDuration: 570 * time.Second, Surfed: 2, SurfedShare: 0.5}},
		{"the peak is the first time the highest rating was given",
			[]journal.UrgeEpisode{episode(0, map[int]int{0: 4, 3: 7, 5: 7, 8: 2}, 9, false, nil, nil)},
			UrgeStats{Episodes: 1, MedianToPeak: 3 * time.Minute, MedianDuration: 9 * time.Minute, Surfed: 1, SurfedShare: 1}},
		{"triggers and HALT are tallied without case, most common first, ties alphabetical",
			[]journal.UrgeEpisode{
				episode(0, map[int]int{0: 5}, 1, false, []string{"Places", "people"}, []string{"lonely"}),
				episode(1, map[int]int{0: 5}, 1, false, []string{"places", "things", "places"}, []string{"hungry", "lonely"}),
				episode(2, map[int]int{0: 5}, 1, false, []string{"feelings"}, []string{"angry"}),
			},
			UrgeStats{Episodes: 3, MedianDuration: time.Minute, Surfed: 3, SurfedShare: 1,
				Triggers: []Tally{{"Places", 2}, {"feelings", 1}, {"people", 1}, {"things", 1}},
				HALT:     []Tally{{"lonely", 2}, {"angry", 1}, {"hungry", 1}}}},
		{"interrupted episodes are counted but left out of the figures",
			[]journal.UrgeEpisode{unfinished, episode(0, map[int]int{0: 6, 1: 7}, 2, true, nil, nil)},
			UrgeStats{Episodes: 1, Interrupted: 1, MedianToPeak: time.Minute, MedianDuration: 2 * time.Minute}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := UrgeStatistics(tc.eps)
			if got.Episodes != tc.want.Episodes || got.Interrupted != tc.want.Interrupted ||
				got.MedianToPeak != tc.want.MedianToPeak || got.MedianDuration != tc.want.MedianDuration ||
				got.Surfed != tc.want.Surfed || got.SurfedShare != tc.want.SurfedShare ||
				!slices.Equal(got.Triggers, tc.want.Triggers) || !slices.Equal(got.HALT, tc.want.HALT) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestDurationOfAnInterruptedEpisodeRunsToItsLastRating(t *testing.T) {
	ep := journal.UrgeEpisode{Started: t0, Samples: []journal.UrgeSample{{At: t0, Rating: 5}, {At: at(4 * time.Minute), Rating: 6}}}
	if d := UrgeDuration(ep); d != 4*time.Minute {
		t.Errorf("Duration = %v, want 4m0s", d)
	}
	if d := UrgeDuration(journal.UrgeEpisode{Started: t0}); d != 0 {
		t.Errorf("Duration of an empty episode = %v, want 0", d)
	}
}

func TestBreathingBreaksAreLoggedAsPauses(t *testing.T) {
	u := startUrge(t, 0, 7)
	if err := u.Pause(at(40 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if !u.Paused() {
		t.Error("Paused() is false during a breathing break")
	}
	mid := u.Record().Urge
	if len(mid.Pauses) != 1 || !mid.Pauses[0].From.Equal(at(40*time.Second)) || !mid.Pauses[0].To.IsZero() {
		t.Errorf("pauses while away = %+v, want one open pause from 40 s", mid.Pauses)
	}
	if err := u.Resume(at(3 * time.Minute)); err != nil {
		t.Fatal(err)
	}
	ep := u.Record().Urge
	if len(ep.Pauses) != 1 || !ep.Pauses[0].To.Equal(at(3*time.Minute)) {
		t.Errorf("pauses after coming back = %+v, want 40 s – 3 min", ep.Pauses)
	}
	if ep.CadenceSeconds != 60 {
		t.Errorf("cadence %d s logged, want 60", ep.CadenceSeconds)
	}
	if len(mid.Pauses) != 1 || !mid.Pauses[0].To.IsZero() {
		t.Error("a record taken earlier changed with the session")
	}
}

func TestAResumedEpisodeKeepsItsCadenceAndPauses(t *testing.T) {
	u := startUrge(t, 90*time.Second, 8)
	_ = u.Pause(at(30 * time.Second))
	_ = u.Resume(at(90 * time.Second))
	_ = u.Rate(at(2*time.Minute), 6)
	_ = u.Pause(at(150 * time.Second)) // killed while breathing
	saved := u.Record()

	r, err := ResumeUrge(saved, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.Cadence() != 90*time.Second {
		t.Errorf("resumed cadence %v, want the saved 90 s", r.Cadence())
	}
	if r.Paused() {
		t.Error("the session comes back paused; it should run")
	}
	ep := r.Record().Urge
	if len(ep.Pauses) != 2 || !ep.Pauses[1].To.Equal(ep.Pauses[1].From) {
		t.Errorf("pauses %+v, want two, the open one closed where it began", ep.Pauses)
	}
	// Guidance counts active time: 4 min in, less the minute of breathing.
	if got := r.Tick(at(4 * time.Minute)).GuideStep; got != guideStep(3*time.Minute) {
		t.Errorf("guide step %d, want the one 3 min of active time gives (%d)", got, guideStep(3*time.Minute))
	}
}
