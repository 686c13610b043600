package practice

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rewirejournal/rewire/journal"
)

// Meditation limits and defaults.
const (
	MinSit = time.Minute
	MaxSit = 3 * time.Hour
	// MaxWarmUp is the longest warm-up countdown before the start bell.
	MaxWarmUp = 60 * time.Second
	// LateBell is how late a Tick may see a bell and still ring it; see
	// [Meditation.Tick].
	LateBell = 5 * time.Second
	// NoBell is the bell name for "no sound".
	NoBell = "none"
	// DefaultBell is the name of the bell a new preset uses; the UI maps
	// bell names to sounds.
	DefaultBell = "bell"
)

// The names of a meditation preset's fields in a [*FieldError] (besides
// [FieldName]).
const (
	FieldDuration     = "duration"
	FieldWarmUp       = "warmUp"
	FieldStartBell    = "startBell"
	FieldEndBell      = "endBell"
	FieldIntervalBell = "intervalBell"
	FieldInterval     = "interval"
)

// MeditationPreset is how a sit runs. The user can save presets by name.
type MeditationPreset struct {
	Name string
	// Duration is the sit's length, 1 min–3 h in whole seconds; zero is
	// open-ended (the timer counts up until stopped).
	Duration time.Duration
	// WarmUp is a countdown before the start bell, 0–60 s.
	WarmUp time.Duration
	// Bells are bell names, or NoBell.
	StartBell, EndBell, IntervalBell string
	// Interval rings IntervalBell every so many whole minutes of sitting;
	// zero for none. Interval bells never ring at the end of a fixed sit,
	// where the end bell does.
	Interval time.Duration
}

// DefaultMeditation is the preset a first sit uses: ten minutes, a short
// warm-up, a bell at the start and the end.
func DefaultMeditation() MeditationPreset {
	return MeditationPreset{
		Duration:     10 * time.Minute,
		WarmUp:       10 * time.Second,
		StartBell:    DefaultBell,
		EndBell:      DefaultBell,
		IntervalBell: NoBell,
	}
}

// OpenEnded reports whether the sit counts up until stopped.
func (p MeditationPreset) OpenEnded() bool { return p.Duration == 0 }

// Validate checks a preset to be saved: a name, and the timings and bells
// [NewMeditation] checks. The error is a [*FieldError] naming every field
// out of range.
func (p MeditationPreset) Validate() error {
	f := p.check()
	name := strings.TrimSpace(p.Name)
	ok := name != "" && utf8.RuneCountInString(name) <= MaxNameLength
	if !ok {
		f.fields = append([]string{FieldName}, f.fields...)
	}
	return f.result()
}

func (p MeditationPreset) check() *fieldErr {
	f := &fieldErr{err: ErrInvalidPreset}
	whole := func(d, unit time.Duration) bool { return d%unit == 0 }
	bell := func(b string) bool {
		return b != "" && b == strings.TrimSpace(b) && utf8.RuneCountInString(b) <= MaxNameLength
	}
	f.check(p.OpenEnded() || (p.Duration >= MinSit && p.Duration <= MaxSit && whole(p.Duration, time.Second)), FieldDuration)
	f.check(p.WarmUp >= 0 && p.WarmUp <= MaxWarmUp && whole(p.WarmUp, time.Second), FieldWarmUp)
	f.check(bell(p.StartBell), FieldStartBell)
	f.check(bell(p.EndBell), FieldEndBell)
	f.check(p.Interval == 0 || bell(p.IntervalBell), FieldIntervalBell)
	f.check(p.Interval == 0 || (p.Interval >= time.Minute && p.Interval <= MaxSit && whole(p.Interval, time.Minute)), FieldInterval)
	return f
}

// BellKind says which bell an event rings.
type BellKind int

// The kinds of [BellEvent].
const (
	BellStart BellKind = iota + 1
	BellInterval
	BellEnd
)

// BellEvent is a bell the UI should ring now (or show as a visual cue; the
// UI may always do that, and plays nothing for [NoBell]).
type BellEvent struct {
	Kind BellKind
	Bell string // the bell's name, or NoBell
	// At is the sitting time the bell belongs to: 0 for the start bell,
	// N×Interval for interval bell N, the sit's length for the end bell.
	At time.Duration
	N  int // interval bell number, from 1
	// Late is how long after its moment the bell was seen.
	Late time.Duration
	// Early marks an end bell from [Meditation.Stop] before the planned
	// end (always, for an open-ended sit).
	Early bool
}

// MeditationStage is where a sit is.
type MeditationStage int

// The stages of a [Meditation].
const (
	MeditationWarmUp MeditationStage = iota + 1
	MeditationSitting
	MeditationDone
)

// MeditationState is what the timer shows at one moment.
type MeditationState struct {
	Stage      MeditationStage
	WarmUpLeft time.Duration // until the start bell, during the warm-up
	// Elapsed is the sitting time: after the warm-up, pauses excluded.
	Elapsed time.Duration
	// Remaining is what is left of a fixed sit; zero when open-ended.
	Remaining time.Duration
	OpenEnded bool
	Paused    bool
}

// Meditation is a running sit: warm-up, start bell, interval bells, end
// bell. Every moment is measured in active time (paused time does not
// count). It is not safe for concurrent use.
type Meditation struct {
	id    journal.ID
	p     MeditationPreset
	clock stopwatch
	mark  time.Duration // active time up to which bells are handled
	start bool          // start bell handled
	next  int           // number of the next interval bell
	done  bool          // ended: by the end bell or Stop
	sat   time.Duration // sitting time at the end
}

// NewMeditation starts a sit with preset p at now. The preset need not be
// named, but its timings and bells must be in range (see
// [MeditationPreset.Validate]).
func NewMeditation(p MeditationPreset, now time.Time) (*Meditation, error) {
	if err := p.check().result(); err != nil {
		return nil, err
	}
	return &Meditation{id: journal.NewID(), p: p, clock: stopwatch{start: now}, next: 1}, nil
}

// Preset returns the preset the sit runs with.
func (m *Meditation) Preset() MeditationPreset { return m.p }

// sitting is the sitting time at active time a.
func (m *Meditation) sitting(a time.Duration) time.Duration {
	s := max(a-m.p.WarmUp, 0)
	if !m.p.OpenEnded() {
		s = min(s, m.p.Duration)
	}
	return s
}

// State returns what the timer shows at now. It changes nothing.
func (m *Meditation) State(now time.Time) MeditationState {
	a := m.clock.active(now)
	st := MeditationState{OpenEnded: m.p.OpenEnded(), Paused: m.clock.paused && !m.clock.stopped}
	switch {
	case m.done:
		st.Stage, st.Elapsed = MeditationDone, m.sat
	case a < m.p.WarmUp:
		st.Stage, st.WarmUpLeft = MeditationWarmUp, m.p.WarmUp-a
	default:
		st.Stage, st.Elapsed = MeditationSitting, m.sitting(a)
		if !st.OpenEnded && st.Elapsed >= m.p.Duration {
			st.Stage = MeditationDone
		}
	}
	if !st.OpenEnded {
		st.Remaining = m.p.Duration - st.Elapsed
	}
	return st
}

// Tick returns the bells due since the last Tick, in order.
//
// Each bell is handled exactly once, by the first Tick at or after its
// moment (in active time). It is returned if that Tick comes at most
// [LateBell] after the moment, and dropped otherwise: a machine that was
// suspended, or a UI that stopped ticking for a while, does not ring a
// backlog of stale start and interval bells when it wakes; sparse but
// steady ticks (every second or few) still ring every bell. The end bell
// is the exception: it is always returned, however late, because it also
// says the sit is over. A clock that steps back rings nothing twice.
func (m *Meditation) Tick(now time.Time) []BellEvent {
	if m.done {
		return nil
	}
	a := max(m.clock.active(now), m.mark)
	m.mark = a
	var evs []BellEvent
	ring := func(e BellEvent, due time.Duration) {
		e.Late = a - due
		if e.Late <= LateBell || e.Kind == BellEnd {
			evs = append(evs, e)
		}
	}
	w := m.p.WarmUp
	if !m.start && a >= w {
		m.start = true
		ring(BellEvent{Kind: BellStart, Bell: m.p.StartBell}, w)
	}
	if iv := m.p.Interval; iv > 0 && a >= w {
		last := int((a - w) / iv)
		if !m.p.OpenEnded() {
			// Strictly before the end: there the end bell rings instead.
			last = min(last, int((m.p.Duration-1)/iv))
		}
		for ; m.next <= last; m.next++ {
			at := time.Duration(m.next) * iv
			ring(BellEvent{Kind: BellInterval, Bell: m.p.IntervalBell, At: at, N: m.next}, w+at)
		}
	}
	if !m.p.OpenEnded() && a >= w+m.p.Duration {
		ring(BellEvent{Kind: BellEnd, Bell: m.p.EndBell, At: m.p.Duration}, w+m.p.Duration)
		m.finish(now, m.p.Duration)
	}
	return evs
}

func (m *Meditation) finish(now time.Time, sat time.Duration) {
	m.done, m.sat = true, sat
	m.clock.stop(now)
}

// Stop ends the sit at now, before its planned end or, when open-ended,
// whenever the user is done. It returns the end bell to ring (marked
// Early), or nothing if the sit had already ended or was still in its
// warm-up, which is a cancel: there was nothing to close.
func (m *Meditation) Stop(now time.Time) []BellEvent {
	if m.done {
		return nil
	}
	a := max(m.clock.active(now), m.mark)
	sat := m.sitting(a)
	if !m.p.OpenEnded() && sat >= m.p.Duration {
		// The planned end has passed unseen: ring it as Tick would.
		return m.Tick(now)
	}
	m.finish(now, sat)
	if a < m.p.WarmUp {
		return nil
	}
	return []BellEvent{{Kind: BellEnd, Bell: m.p.EndBell, At: sat, Early: true}}
}

// Pause stops the timer at now; no bell rings while paused.
func (m *Meditation) Pause(now time.Time) {
	if !m.done {
		m.clock.pause(now)
	}
}

// Resume carries on after [Meditation.Pause].
func (m *Meditation) Resume(now time.Time) {
	if !m.done {
		m.clock.resume(now)
	}
}

// Elapsed returns the sitting time at now (warm-up and pauses excluded).
func (m *Meditation) Elapsed(now time.Time) time.Duration { return m.State(now).Elapsed }

// Remaining returns what is left of a fixed sit at now; zero when
// open-ended.
func (m *Meditation) Remaining(now time.Time) time.Duration { return m.State(now).Remaining }

// Session returns the sit as logged at now: the sitting seconds (the
// mindful minutes; warm-up and pauses excluded) and Finished once it has
// ended, by its end bell or [Meditation.Stop]. A session saved while
// running has Finished false, as has one left by a crash.
func (m *Meditation) Session(now time.Time) journal.PracticeSession {
	st := m.State(now)
	return journal.PracticeSession{
		Practice: PracticeMeditation,
		Pattern:  strings.TrimSpace(m.p.Name),
		Started:  m.clock.start,
		Seconds:  int(st.Elapsed / time.Second),
		Finished: m.done,
		// Zero for an open-ended sit.
		PlannedSeconds: int(m.p.Duration / time.Second),
	}
}

// Record returns [Meditation.Session] as a record to save, with the sit's
// own id, so the UI can save it every minute and at the end and keep one
// record.
func (m *Meditation) Record(now time.Time) *journal.Record {
	r := newRecord(m.id, journal.KindSession, m.clock.start)
	s := m.Session(now)
	r.Session = &s
	return r
}
