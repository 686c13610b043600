package practice

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// Urge-surfing timings (Marlatt's relapse prevention; MBRP).
const (
	// DefaultCadence is how often the user is asked to rate the urge.
	DefaultCadence = 60 * time.Second
	// MinCadence and MaxCadence bound the cadence setting.
	MinCadence = 30 * time.Second
	MaxCadence = 120 * time.Second
	// SoftCap is when the session offers to end; [UrgeSession.KeepGoing]
	// asks again one SoftCap later.
	SoftCap = 30 * time.Minute
	// GuideStepTime is how long each guidance step is shown.
	GuideStepTime = 20 * time.Second
)

// ErrCadence: a rating cadence outside [MinCadence]–[MaxCadence].
var ErrCadence = errors.New("rating cadence must be 30–120 s")

// ErrHALT: an outcome names a HALT state other than the four.
var ErrHALT = errors.New("HALT state must be hungry, angry, lonely or tired")

// ErrNotUrge: [ResumeUrge] was given a record that is not an urge episode.
var ErrNotUrge = errors.New("not an urge episode")

// The guidance steps of an urge-surfing session, as i18n keys, in the order
// [UrgeGuideSteps] returns them. The comments give the sense of each text.
const (
	// Notice the urge and name it. You don't have to do anything about it.
	GuideNotice = "urge.guide.notice"
	// Where do you feel it in your body? Notice the sensations, one by one.
	GuideBody = "urge.guide.body"
	// Breathe slowly. Let the breath be an anchor while the urge is here.
	GuideBreathe = "urge.guide.breathe"
	// Watch it like a wave: it rises, it may feel very strong.
	GuideRise = "urge.guide.rise"
	// Urges peak and then fall, usually within half an hour.
	GuidePeak = "urge.guide.peak"
	// Ride the wave. You don't have to act on it.
	GuideRide = "urge.guide.ride"
	// Notice how it changes, with curiosity: stronger, weaker, moving.
	GuideCurious = "urge.guide.curious"
)

var urgeGuide = []string{GuideNotice, GuideBody, GuideBreathe, GuideRise, GuidePeak, GuideRide, GuideCurious}

// guideLoopFrom is where the guidance starts again once it has run through:
// noticing and locating the urge are said once, the rest repeats.
const guideLoopFrom = 2

// UrgeGuideSteps returns the guidance step keys in order. After the last
// step the guidance repeats from [GuideBreathe].
func UrgeGuideSteps() []string { return slices.Clone(urgeGuide) }

// Trigger categories and HALT states for [UrgeOutcome]. Triggers may also
// be the user's own words; HALT states must be these four.
const (
	TriggerPeople   = "people"
	TriggerPlaces   = "places"
	TriggerThings   = "things"
	TriggerFeelings = "feelings"

	HALTHungry = "hungry"
	HALTAngry  = "angry"
	HALTLonely = "lonely"
	HALTTired  = "tired"
)

// UrgeOutcome is what the user tells at the end of an episode. Nothing in
// it is required.
type UrgeOutcome struct {
	Triggers  []string // categories (Trigger*) or the user's words
	HALT      []string // HALT* states
	Situation string
	Coping    string // what helped
	ActedOn   bool
}

// UrgePhase is where an urge session is.
type UrgePhase int

// The phases of an [UrgeSession].
const (
	UrgeNotStarted UrgePhase = iota
	UrgeRunning
	UrgePaused // away in a breathing exercise; no prompts
	UrgeEnded
)

// UrgeState is what the UI shows at one moment; see [UrgeSession.Tick].
type UrgeState struct {
	Phase UrgePhase
	// Elapsed is the wall time since the start, pauses included: the urge
	// goes on while the user breathes. After the end it is the duration.
	Elapsed time.Duration
	// RatingDue asks the UI to prompt for a rating. It stays true until
	// [UrgeSession.Rate] is called.
	RatingDue bool
	// NextRating is the time until the next prompt, while running and not
	// due.
	NextRating time.Duration
	// Guide is the i18n key of the guidance step to show, GuideStep its
	// index in [UrgeGuideSteps]; empty unless running.
	Guide     string
	GuideStep int
	// SuggestEnd: the urge has come down (see [UrgeSession.Tick]); offer
	// to end, without pressing.
	SuggestEnd bool
	// SoftCap: the session has run [SoftCap]; offer to end or keep going.
	SoftCap bool
	// Ratings so far: the first, the latest, the highest and how long after
	// the start the highest was first given.
	First, Latest, Peak int
	ToPeak              time.Duration
	Ratings             int // how many
}

// UrgeSession is one urge ridden out with urge surfing. The zero value is
// not usable; make one with [NewUrgeSession] or [ResumeUrge]. It is not
// safe for concurrent use: the UI calls it from its own goroutine.
type UrgeSession struct {
	id      journal.ID
	date    string
	created time.Time
	cadence time.Duration
	clock   stopwatch // active time, for the guidance
	ep      journal.UrgeEpisode
	capAt   time.Duration // Elapsed at which the soft cap is offered
}

// NewUrgeSession makes a session that asks for a rating every cadence;
// zero means [DefaultCadence]. A cadence outside 30–120 s is refused with
// [ErrCadence]; use [ClampCadence] on a stored setting.
func NewUrgeSession(cadence time.Duration) (*UrgeSession, error) {
	if cadence == 0 {
		cadence = DefaultCadence
	}
	if cadence < MinCadence || cadence > MaxCadence {
		return nil, ErrCadence
	}
	return &UrgeSession{cadence: cadence}, nil
}

// ClampCadence brings a cadence setting into range: zero becomes
// [DefaultCadence], anything else is clamped to 30–120 s.
func ClampCadence(d time.Duration) time.Duration {
	if d == 0 {
		return DefaultCadence
	}
	return min(max(d, MinCadence), MaxCadence)
}

// Cadence returns how often the session asks for a rating.
func (s *UrgeSession) Cadence() time.Duration { return s.cadence }

func (s *UrgeSession) started() bool { return len(s.ep.Samples) > 0 }

// usable says why the session takes no input now, or nil.
func (s *UrgeSession) usable() error {
	switch {
	case !s.started():
		return ErrNotStarted
	case s.ep.Finished:
		return ErrEnded
	}
	return nil
}

// Start begins the session at now with the first rating (0–10).
func (s *UrgeSession) Start(now time.Time, rating int) error {
	if s.started() {
		return ErrStarted
	}
	if !validRating(rating) {
		return ErrRating
	}
	s.id = journal.NewID()
	s.date = now.Format(journal.DateLayout)
	s.created = now
	s.ep = journal.UrgeEpisode{Started: now, Samples: []journal.UrgeSample{{At: now, Rating: rating}},
		CadenceSeconds: int(s.cadence / time.Second)}
	s.clock = stopwatch{start: now}
	s.capAt = SoftCap
	return nil
}

// Rate records a rating (0–10) at now and restarts the prompt cadence.
// The UI saves [UrgeSession.Record] after every rating, so a crash loses
// at most the time since the last one.
func (s *UrgeSession) Rate(now time.Time, rating int) error {
	if err := s.usable(); err != nil {
		return err
	}
	if s.clock.paused {
		return ErrPaused
	}
	if !validRating(rating) {
		return ErrRating
	}
	// A clock that steps back must not fold the wave over itself.
	at := now
	if last := s.ep.Samples[len(s.ep.Samples)-1].At; at.Before(last) {
		at = last
	}
	s.ep.Samples = append(s.ep.Samples, journal.UrgeSample{At: at, Rating: rating})
	return nil
}

// Pause leaves the session for a breathing exercise: no prompts and no
// guidance until [UrgeSession.Resume]. The wall clock keeps running for
// the episode's duration and the soft cap, since the urge does too.
func (s *UrgeSession) Pause(now time.Time) error {
	if err := s.usable(); err != nil {
		return err
	}
	if !s.clock.paused {
		s.ep.Pauses = append(s.ep.Pauses, journal.Pause{From: now})
	}
	s.clock.pause(now)
	return nil
}

// Resume comes back from a pause. The guidance continues where it was; if
// the cadence has passed since the last rating, a rating is due at once.
func (s *UrgeSession) Resume(now time.Time) error {
	if err := s.usable(); err != nil {
		return err
	}
	if s.clock.paused {
		s.closePause(now)
	}
	s.clock.resume(now)
	return nil
}

// closePause ends the open pause, if any, at now (never before it began).
func (s *UrgeSession) closePause(now time.Time) {
	if n := len(s.ep.Pauses); n > 0 && s.ep.Pauses[n-1].To.IsZero() {
		p := &s.ep.Pauses[n-1]
		p.To = now
		if p.To.Before(p.From) {
			p.To = p.From
		}
	}
}

// Paused reports whether the session is away in a breathing exercise.
func (s *UrgeSession) Paused() bool { return s.clock.paused && !s.ep.Finished }

// KeepGoing answers the soft-cap offer: the session goes on and offers
// again one [SoftCap] from now. Before the cap it does nothing.
func (s *UrgeSession) KeepGoing(now time.Time) {
	if s.usable() != nil {
		return
	}
	if el := s.elapsed(now); el >= s.capAt {
		s.capAt = el + SoftCap
	}
}

// End closes the episode at now with what the user told. Triggers and HALT
// states are trimmed and de-duplicated; a HALT state other than the four
// is refused with [ErrHALT] and nothing changes.
func (s *UrgeSession) End(now time.Time, o UrgeOutcome) error {
	if err := s.usable(); err != nil {
		return err
	}
	halt := tidy(o.HALT, strings.ToLower)
	for _, h := range halt {
		if h != HALTHungry && h != HALTAngry && h != HALTLonely && h != HALTTired {
			return ErrHALT
		}
	}
	end := now
	if last := s.ep.Samples[len(s.ep.Samples)-1].At; end.Before(last) {
		end = last
	}
	s.closePause(end)
	s.clock.stop(end)
	s.ep.Ended = end
	s.ep.Finished = true
	s.ep.Triggers = tidy(o.Triggers, nil)
	s.ep.HALT = halt
	s.ep.Situation = strings.TrimSpace(o.Situation)
	s.ep.Coping = strings.TrimSpace(o.Coping)
	s.ep.ActedOn = o.ActedOn
	return nil
}

// tidy trims the words, drops empty ones and keeps the first of each
// (compared without case), applying norm to each if given.
func tidy(words []string, norm func(string) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words {
		w = strings.TrimSpace(w)
		if norm != nil {
			w = norm(w)
		}
		k := strings.ToLower(w)
		if w == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, w)
	}
	return out
}

func (s *UrgeSession) elapsed(now time.Time) time.Duration {
	if s.ep.Finished {
		return max(s.ep.Ended.Sub(s.ep.Started), 0)
	}
	return max(now.Sub(s.ep.Started), 0)
}

// Tick returns what the UI should show at now. It changes nothing, so the
// UI may call it on every frame.
//
// A rating is due once the cadence has passed since the last one (not on a
// fixed grid from the start: a late answer gets a full interval). Ending is
// suggested once a rating after the first is 3 or less, or at most half
// the first; the first rating alone never suggests it, so a mild urge is
// still surfed. The soft cap is offered from [SoftCap] after the start
// until [UrgeSession.KeepGoing].
func (s *UrgeSession) Tick(now time.Time) UrgeState {
	if !s.started() {
		return UrgeState{}
	}
	smp := s.ep.Samples
	st := UrgeState{
		Phase:   UrgeRunning,
		Elapsed: s.elapsed(now),
		First:   smp[0].Rating,
		Latest:  smp[len(smp)-1].Rating,
		Ratings: len(smp),
	}
	st.Peak, st.ToPeak = UrgePeak(s.ep)
	switch {
	case s.ep.Finished:
		st.Phase = UrgeEnded
		return st
	case s.clock.paused:
		st.Phase = UrgePaused
		return st
	}
	since := max(now.Sub(smp[len(smp)-1].At), 0)
	if since >= s.cadence {
		st.RatingDue = true
	} else {
		st.NextRating = s.cadence - since
	}
	st.GuideStep = guideStep(s.clock.active(now))
	st.Guide = urgeGuide[st.GuideStep]
	st.SuggestEnd = len(smp) > 1 && (st.Latest <= 3 || 2*st.Latest <= st.First)
	st.SoftCap = st.Elapsed >= s.capAt
	return st
}

// guideStep is the guidance step shown after active time d.
func guideStep(d time.Duration) int {
	i := int(d / GuideStepTime)
	if i < len(urgeGuide) {
		return i
	}
	loop := len(urgeGuide) - guideLoopFrom
	return guideLoopFrom + (i-len(urgeGuide))%loop
}

// LastRated returns when the latest rating was given (zero before Start).
// A session picked up long after a crash may be ended there rather than
// at now.
func (s *UrgeSession) LastRated() time.Time {
	if !s.started() {
		return time.Time{}
	}
	return s.ep.Samples[len(s.ep.Samples)-1].At
}

// Record returns the episode as a record to save: an urge record with the
// session's own id, Finished false until [UrgeSession.End]. Saving it
// again replaces the earlier version. It is nil before Start. The record
// is a copy; changing it does not change the session.
func (s *UrgeSession) Record() *journal.Record {
	if !s.started() {
		return nil
	}
	r := newRecord(s.id, journal.KindUrge, s.ep.Started)
	r.Date, r.Created = s.date, s.created
	ep := s.ep
	ep.Samples = slices.Clone(ep.Samples)
	ep.Triggers = slices.Clone(ep.Triggers)
	ep.HALT = slices.Clone(ep.HALT)
	ep.Pauses = slices.Clone(ep.Pauses)
	r.Urge = &ep
	return r
}

// ResumeUrge picks up an unfinished episode saved by an earlier run (the
// app was killed mid-session). The session keeps the record's id, date and
// samples, and asks for ratings every cadence; zero means the cadence the
// episode was saved with, or the default. The time the app was away counts
// as part of the episode; the UI may instead end an old episode at
// [UrgeSession.LastRated]. Its breathing pauses are kept; one left open by
// the crash is closed where it began, since when it ended is unknown, and
// the session comes back running.
//
// It refuses a record that is not an urge episode ([ErrNotUrge]), one
// already finished ([ErrEnded]), one without ratings ([ErrNotStarted]),
// ratings outside 0–10 ([ErrRating]) and a bad cadence ([ErrCadence]).
func ResumeUrge(r *journal.Record, cadence time.Duration) (*UrgeSession, error) {
	if r == nil || r.Kind != journal.KindUrge || r.Urge == nil {
		return nil, ErrNotUrge
	}
	if cadence == 0 && r.Urge.CadenceSeconds != 0 {
		cadence = ClampCadence(time.Duration(r.Urge.CadenceSeconds) * time.Second)
	}
	s, err := NewUrgeSession(cadence)
	if err != nil {
		return nil, err
	}
	ep := *r.Urge
	switch {
	case ep.Finished:
		return nil, ErrEnded
	case len(ep.Samples) == 0:
		return nil, ErrNotStarted
	}
	ep.Samples = slices.Clone(ep.Samples)
	slices.SortStableFunc(ep.Samples, func(a, b journal.UrgeSample) int { return a.At.Compare(b.At) })
	for _, x := range ep.Samples {
		if !validRating(x.Rating) {
			return nil, ErrRating
		}
	}
	if ep.Started.IsZero() || ep.Started.After(ep.Samples[0].At) {
		ep.Started = ep.Samples[0].At
	}
	ep.Ended = time.Time{}
	ep.Triggers = slices.Clone(ep.Triggers)
	ep.HALT = slices.Clone(ep.HALT)
	ep.CadenceSeconds = int(s.cadence / time.Second)
	ep.Pauses = slices.Clone(ep.Pauses)
	var away time.Duration
	for i := range ep.Pauses {
		p := &ep.Pauses[i]
		if p.To.IsZero() || p.To.Before(p.From) {
			p.To = p.From
		}
		away += p.To.Sub(p.From)
	}
	s.id = r.ID
	if s.id.IsZero() {
		s.id = journal.NewID()
	}
	s.date, s.created = r.Date, r.Created
	if s.date == "" {
		s.date = ep.Started.Format(journal.DateLayout)
	}
	if s.created.IsZero() {
		s.created = ep.Started
	}
	s.ep = ep
	s.clock = stopwatch{start: ep.Started, pausedFor: away}
	s.capAt = SoftCap
	return s, nil
}

// UrgePeak returns an episode's highest rating and how long after its start
// that rating was first given; zeros for an episode without ratings.
func UrgePeak(ep journal.UrgeEpisode) (rating int, after time.Duration) {
	rating = -1
	for _, x := range ep.Samples {
		if x.Rating > rating {
			rating, after = x.Rating, max(x.At.Sub(ep.Started), 0)
		}
	}
	return max(rating, 0), after
}

// UrgeDuration returns how long an episode lasted: to its end, or for an
// interrupted one to its last rating.
func UrgeDuration(ep journal.UrgeEpisode) time.Duration {
	end := ep.Ended
	if end.IsZero() && len(ep.Samples) > 0 {
		end = ep.Samples[len(ep.Samples)-1].At
	}
	if end.IsZero() {
		return 0
	}
	return max(end.Sub(ep.Started), 0)
}

// Tally is how many episodes named one trigger or HALT state.
type Tally struct {
	Name string // as first written
	N    int
}

// UrgeStats are the personal figures drawn from past episodes.
type UrgeStats struct {
	// Episodes is the number of finished episodes; every figure below is
	// drawn from them. Interrupted ones (never ended, so with no outcome)
	// are only counted.
	Episodes    int
	Interrupted int
	// MedianToPeak is the median time from start to the highest rating,
	// MedianDuration the median time from start to end.
	MedianToPeak   time.Duration
	MedianDuration time.Duration
	// Triggers and HALT are tallied without case, most common first, ties
	// in alphabetical order.
	Triggers []Tally
	HALT     []Tally
	// Surfed is how many were ridden out without acting on them, and
	// SurfedShare that share of Episodes (0 when there are none).
	Surfed      int
	SurfedShare float64
}

// UrgeStatistics draws the personal figures from past episodes in any
// order.
func UrgeStatistics(eps []journal.UrgeEpisode) UrgeStats {
	var st UrgeStats
	var toPeak, dur []time.Duration
	trig, halt := newTallier(), newTallier()
	for _, ep := range eps {
		if !ep.Finished {
			st.Interrupted++
			continue
		}
		st.Episodes++
		if len(ep.Samples) > 0 {
			_, after := UrgePeak(ep)
			toPeak = append(toPeak, after)
		}
		dur = append(dur, UrgeDuration(ep))
		trig.add(ep.Triggers)
		halt.add(ep.HALT)
		if !ep.ActedOn {
			st.Surfed++
		}
	}
	st.MedianToPeak = median(toPeak)
	st.MedianDuration = median(dur)
	st.Triggers = trig.sorted()
	st.HALT = halt.sorted()
	if st.Episodes > 0 {
		st.SurfedShare = float64(st.Surfed) / float64(st.Episodes)
	}
	return st
}

// median of ds (sorted in place); the mean of the middle two for an even
// count, zero for none.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	m := len(ds) / 2
	if len(ds)%2 == 1 {
		return ds[m]
	}
	return ds[m-1] + (ds[m]-ds[m-1])/2
}

type tallier struct {
	byKey map[string]*Tally
	order []string // keys, for a stable sort
}

func newTallier() *tallier { return &tallier{byKey: map[string]*Tally{}} }

// add counts each word once per episode.
func (t *tallier) add(words []string) {
	for _, w := range tidy(words, nil) {
		k := strings.ToLower(w)
		if c, ok := t.byKey[k]; ok {
			c.N++
			continue
		}
		t.byKey[k] = &Tally{Name: w, N: 1}
		t.order = append(t.order, k)
	}
}

func (t *tallier) sorted() []Tally {
	slices.Sort(t.order)
	out := make([]Tally, 0, len(t.order))
	for _, k := range t.order {
		out = append(out, *t.byKey[k])
	}
	slices.SortStableFunc(out, func(a, b Tally) int { return cmp.Compare(b.N, a.N) })
	if len(out) == 0 {
		return nil
	}
	return out
}
