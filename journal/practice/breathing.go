package practice

import (
	"errors"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rewirejournal/rewire/journal"
)

// PhaseKind says what the body does in a breathing phase.
type PhaseKind int

// The kinds of [Phase].
const (
	Inhale      PhaseKind = iota + 1
	InhaleAgain           // the short second inhale of a cyclic sigh
	HoldIn                // hold with full lungs
	Exhale
	HoldOut // rest with empty lungs
	Step    // a guided step that is not a breath (SOBER)
)

// The i18n keys of the breathing phase labels.
const (
	KeyInhale      = "breathe.in"
	KeyInhaleAgain = "breathe.inagain" // "And a little more"
	KeyHoldIn      = "breathe.holdin"
	KeyExhale      = "breathe.out"
	KeyHoldOut     = "breathe.holdout"
)

// The i18n keys of the SOBER breathing space steps (MBRP).
const (
	KeySOBERStop    = "breathe.sober.stop"    // Stop: pause where you are
	KeySOBERObserve = "breathe.sober.observe" // Observe: body, feelings, thoughts
	KeySOBERBreathe = "breathe.sober.breathe" // Breathe: attention on the breath
	KeySOBERExpand  = "breathe.sober.expand"  // Expand: awareness to the whole body
	KeySOBERRespond = "breathe.sober.respond" // Respond mindfully, not on autopilot
)

// Phase is one part of a breathing cycle.
type Phase struct {
	Kind     PhaseKind
	Duration time.Duration
	Key      string // i18n key of the label to show
}

// Pattern is a breathing exercise: the phases of one cycle and how long a
// session lasts, in Cycles or in Length (exactly one is set). A session
// measured in Length finishes the breath it is in, so it may run a little
// over.
type Pattern struct {
	// Name is a preset's id (Preset* constants) or the user's own name; it
	// is what a logged session records as its pattern.
	Name   string
	Preset bool
	Phases []Phase
	Cycles int
	Length time.Duration
	// FirstMonthCycles caps the cycles of a session during the user's
	// first month of practice and MaxCycles caps them after; zero is no cap.
	FirstMonthCycles int
	MaxCycles        int
}

// The preset patterns' names. Their i18n titles are "breathe.preset." and
// the name (see [Pattern.TitleKey]).
const (
	PresetBox      = "box"
	Preset478      = "4-7-8"
	PresetCoherent = "coherent"
	PresetSighing  = "cyclic-sighing"
	PresetSOBER    = "sober"
)

func sec(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// presets are built fresh by [Presets] so no caller can change them.
func presets() []Pattern {
	in := func(s float64) Phase { return Phase{Inhale, sec(s), KeyInhale} }
	holdIn := func(s float64) Phase { return Phase{HoldIn, sec(s), KeyHoldIn} }
	out := func(s float64) Phase { return Phase{Exhale, sec(s), KeyExhale} }
	holdOut := func(s float64) Phase { return Phase{HoldOut, sec(s), KeyHoldOut} }
	step := func(s float64, key string) Phase { return Phase{Step, sec(s), key} }
	return []Pattern{
		{Name: PresetBox, Preset: true, Phases: []Phase{in(4), holdIn(4), out(4), holdOut(4)}, Length: 4 * time.Minute},
		// Weil teaches 4-7-8 as at most four breaths at a time for the
		// first month, up to eight after.
		{Name: Preset478, Preset: true, Phases: []Phase{in(4), holdIn(7), out(8)}, Cycles: 4, FirstMonthCycles: 4, MaxCycles: 8},
		// Resonance breathing: about 5.5 breaths a minute.
		{Name: PresetCoherent, Preset: true, Phases: []Phase{in(5.5), out(5.5)}, Length: 5 * time.Minute},
		// Cyclic sighing (Balban et al. 2023): a slow inhale, a short second
		// inhale to fill the lungs, a long exhale; five minutes.
		{Name: PresetSighing, Preset: true, Phases: []Phase{in(3), {InhaleAgain, sec(1), KeyInhaleAgain}, out(6)}, Length: 5 * time.Minute},
		// The SOBER breathing space of MBRP, about three minutes, once.
		{Name: PresetSOBER, Preset: true, Phases: []Phase{
			step(15, KeySOBERStop), step(45, KeySOBERObserve), step(60, KeySOBERBreathe),
			step(45, KeySOBERExpand), step(15, KeySOBERRespond),
		}, Cycles: 1},
	}
}

// Presets returns the preset patterns in the order the app offers them.
func Presets() []Pattern { return presets() }

// PresetByName returns the preset with that name.
func PresetByName(name string) (Pattern, bool) {
	for _, p := range presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Pattern{}, false
}

// TitleKey returns the i18n key of a preset's title, or "" for a custom
// pattern, whose Name is shown as it is.
func (p Pattern) TitleKey() string {
	if !p.Preset {
		return ""
	}
	return "breathe.preset." + p.Name
}

// CycleTime is the length of one cycle.
func (p Pattern) CycleTime() time.Duration {
	var d time.Duration
	for _, ph := range p.Phases {
		d += ph.Duration
	}
	return d
}

// CycleLimit returns the most cycles a session may have at now for a user
// who first practised at firstUse, or 0 for no limit. A zero firstUse means
// this is the first time, which is within the first month.
func (p Pattern) CycleLimit(firstUse, now time.Time) int {
	if p.FirstMonthCycles > 0 && (firstUse.IsZero() || now.Before(firstUse.AddDate(0, 1, 0))) {
		if p.MaxCycles > 0 {
			return min(p.FirstMonthCycles, p.MaxCycles)
		}
		return p.FirstMonthCycles
	}
	return p.MaxCycles
}

// Plan returns the cycles a session of p runs at now for a user who first
// practised at firstUse, and how long that takes.
func (p Pattern) Plan(firstUse, now time.Time) (cycles int, total time.Duration) {
	cyc := p.CycleTime()
	switch {
	case cyc <= 0:
		return 0, 0
	case p.Cycles > 0:
		cycles = p.Cycles
	default:
		cycles = int((p.Length + cyc - 1) / cyc)
	}
	if limit := p.CycleLimit(firstUse, now); limit > 0 {
		cycles = min(cycles, limit)
	}
	return cycles, time.Duration(cycles) * cyc
}

// The names of a custom pattern's fields in a [*FieldError], and the
// fields of a hand-made [Pattern].
const (
	FieldName    = "name"
	FieldInhale  = "inhale"
	FieldHoldIn  = "holdIn"
	FieldExhale  = "exhale"
	FieldHoldOut = "holdOut"
	FieldLength  = "length" // minutes or cycles: exactly one, in range
	FieldPhases  = "phases"
)

// Limits of a custom pattern.
const (
	MinBreath         = 1  // seconds, inhale and exhale
	MaxPhase          = 30 // seconds, any phase
	MaxPatternMinutes = 60 // minutes
	MaxPatternCycles  = 500
	MaxNameLength     = 80 // characters
	breathAccuracy    = time.Millisecond
)

// ValidatePattern checks a custom pattern the user made: a name (not a
// preset's), inhale and exhale 1–30 s, holds 0–30 s, and a length of
// either 1–60 minutes or 1–500 cycles that take at most 60 minutes, not
// both. The error is a [*FieldError] naming every field out of range.
func ValidatePattern(bp journal.BreathingPattern) error {
	f := fieldErr{err: ErrInvalidPattern}
	name := strings.TrimSpace(bp.Name)
	_, preset := PresetByName(strings.ToLower(name))
	f.check(name != "" && utf8.RuneCountInString(name) <= MaxNameLength && !preset, FieldName)
	// Written as "in range" so NaN is out of it.
	in := func(x, lo, hi float64) bool { return x >= lo && x <= hi }
	f.check(in(bp.Inhale, MinBreath, MaxPhase), FieldInhale)
	f.check(in(bp.HoldIn, 0, MaxPhase), FieldHoldIn)
	f.check(in(bp.Exhale, MinBreath, MaxPhase), FieldExhale)
	f.check(in(bp.HoldOut, 0, MaxPhase), FieldHoldOut)
	byMin, byCycles := bp.Minutes != 0, bp.Cycles != 0
	cycle := bp.Inhale + bp.HoldIn + bp.Exhale + bp.HoldOut
	f.check(byMin != byCycles && (!byMin || in(bp.Minutes, 1, MaxPatternMinutes)) &&
		(!byCycles || (bp.Cycles >= 1 && bp.Cycles <= MaxPatternCycles && !(float64(bp.Cycles)*cycle > MaxPatternMinutes*60))), FieldLength)
	return f.result()
}

// CustomPattern turns a pattern the user made into one a guide can run;
// it refuses what [ValidatePattern] refuses. Holds of zero are left out.
func CustomPattern(bp journal.BreathingPattern) (Pattern, error) {
	if err := ValidatePattern(bp); err != nil {
		return Pattern{}, err
	}
	d := func(s float64) time.Duration { return sec(s).Round(breathAccuracy) }
	p := Pattern{Name: strings.TrimSpace(bp.Name), Cycles: bp.Cycles, Length: d(bp.Minutes * 60)}
	p.Phases = append(p.Phases, Phase{Inhale, d(bp.Inhale), KeyInhale})
	if h := d(bp.HoldIn); h > 0 {
		p.Phases = append(p.Phases, Phase{HoldIn, h, KeyHoldIn})
	}
	p.Phases = append(p.Phases, Phase{Exhale, d(bp.Exhale), KeyExhale})
	if h := d(bp.HoldOut); h > 0 {
		p.Phases = append(p.Phases, Phase{HoldOut, h, KeyHoldOut})
	}
	return p, nil
}

// validate checks a Pattern however it was made: phases of positive
// length and exactly one of Cycles and Length.
func (p Pattern) validate() error {
	f := fieldErr{err: ErrInvalidPattern}
	ok := len(p.Phases) > 0
	for _, ph := range p.Phases {
		ok = ok && ph.Duration > 0 && ph.Kind >= Inhale && ph.Kind <= Step
	}
	f.check(ok, FieldPhases)
	f.check((p.Cycles > 0) != (p.Length > 0) && p.Cycles >= 0 && p.Length >= 0, FieldLength)
	return f.result()
}

// ErrNotPattern: [Reorder] was given a record that is not a pattern.
var ErrNotPattern = errors.New("not a breathing pattern")

// ErrOutOfRange: a position outside the list.
var ErrOutOfRange = errors.New("position out of range")

// SortPatterns orders pattern records as the user arranged them (by
// SortOrder, then name).
func SortPatterns(rs []*journal.Record) {
	slices.SortStableFunc(rs, func(a, b *journal.Record) int {
		switch {
		case a.Pattern == nil || b.Pattern == nil:
			return boolCmp(a.Pattern == nil, b.Pattern == nil)
		case a.Pattern.SortOrder != b.Pattern.SortOrder:
			return a.Pattern.SortOrder - b.Pattern.SortOrder
		}
		return strings.Compare(a.Pattern.Name, b.Pattern.Name)
	})
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Reorder moves the pattern at position from to position to in rs (in
// place), numbers every SortOrder by its new position, and returns the
// records whose SortOrder changed: the ones to save.
func Reorder(rs []*journal.Record, from, to int) ([]*journal.Record, error) {
	for _, r := range rs {
		if r == nil || r.Pattern == nil {
			return nil, ErrNotPattern
		}
	}
	if from < 0 || from >= len(rs) || to < 0 || to >= len(rs) {
		return nil, ErrOutOfRange
	}
	moved := rs[from]
	if from < to {
		copy(rs[from:to], rs[from+1:to+1])
	} else {
		copy(rs[to+1:from+1], rs[to:from])
	}
	rs[to] = moved
	var changed []*journal.Record
	for i, r := range rs {
		if r.Pattern.SortOrder != i {
			r.Pattern.SortOrder = i
			changed = append(changed, r)
		}
	}
	return changed, nil
}

// The shape's size: empty lungs are 0, full lungs 1, a guided step rests
// at stepSize; the first of a cyclic sigh's two inhales fills to topUp.
const (
	stepSize = 0.5
	topUp    = 0.8
)

// guidePhase is a phase with where it starts in the cycle and the shape's
// size at its start and end.
type guidePhase struct {
	Phase
	off      time.Duration
	from, to float64
}

// BreathingGuide runs a [Pattern] from a start time: it says at any moment
// which phase it is, how long is left and how big the shape is. It is not
// safe for concurrent use.
type BreathingGuide struct {
	id            journal.ID
	p             Pattern
	phases        []guidePhase
	cycle         time.Duration
	cycles        int
	clock         stopwatch
	before, after *int
}

// NewBreathingGuide starts p at now. firstUse is when the user first
// practised breathing (or the vault was made; zero for never): during the
// month after it a pattern's FirstMonthCycles applies, so 4-7-8 runs at
// most four cycles. A pattern with no phases, a phase of no length, or not
// exactly one of Cycles and Length is refused with a [*FieldError].
func NewBreathingGuide(p Pattern, firstUse, now time.Time) (*BreathingGuide, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	p.Phases = slices.Clone(p.Phases)
	g := &BreathingGuide{id: journal.NewID(), p: p, cycle: p.CycleTime(), clock: stopwatch{start: now}}
	g.cycles, _ = p.Plan(firstUse, now)
	g.phases = make([]guidePhase, len(p.Phases))
	// Two passes settle the sizes so that each cycle starts where the last
	// one ended.
	level := 0.0
	for range 2 {
		var off time.Duration
		for i, ph := range p.Phases {
			gp := guidePhase{Phase: ph, off: off, from: level}
			switch ph.Kind {
			case Inhale:
				gp.to = 1
				if p.Phases[(i+1)%len(p.Phases)].Kind == InhaleAgain {
					gp.to = topUp
				}
			case InhaleAgain:
				gp.to = 1
			case Exhale:
				gp.to = 0
			case Step:
				gp.from, gp.to = stepSize, stepSize
			default:
				gp.to = gp.from
			}
			g.phases[i] = gp
			level, off = gp.to, off+ph.Duration
		}
	}
	return g, nil
}

// Pattern returns the pattern being run.
func (g *BreathingGuide) Pattern() Pattern {
	p := g.p
	p.Phases = slices.Clone(p.Phases)
	return p
}

// BreathState is what the guide shows at one moment.
type BreathState struct {
	Kind PhaseKind
	Key  string // i18n key of the phase label
	// Left is the time left in the phase, Seconds the same in whole
	// seconds rounded up (4, 3, 2, 1), 0 when done.
	Left    time.Duration
	Seconds int
	// Progress runs from 0 to 1 through the phase.
	Progress float64
	// Size is the shape's size, 0–1: it grows smoothly during an inhale,
	// stays during a hold and shrinks during an exhale (eased, so it
	// starts and stops gently).
	Size float64
	// Cycle is the cycle in progress, from 1; Cycles how many are planned.
	Cycle, Cycles int
	// Step counts the phases begun since the start, from 0: it changes
	// exactly when a new phase begins, which is when to play a cue.
	Step int
	// Elapsed excludes pauses; Remaining is what is left of the plan.
	Elapsed, Remaining time.Duration
	Paused, Done       bool
}

// Tick returns what the guide shows at now. It changes nothing. Paused time
// does not count; after the last cycle (or [BreathingGuide.Stop]) Done is
// true and the state stays at the end.
func (g *BreathingGuide) Tick(now time.Time) BreathState {
	total := time.Duration(g.cycles) * g.cycle
	a := min(g.clock.active(now), total)
	st := BreathState{Cycles: g.cycles, Elapsed: a, Remaining: total - a, Paused: g.clock.paused && !g.clock.stopped}
	if a >= total {
		last := g.phases[len(g.phases)-1]
		st.Kind, st.Key, st.Progress, st.Size = last.Kind, last.Key, 1, last.to
		st.Cycle, st.Step, st.Done = g.cycles, g.cycles*len(g.phases), true
		return st
	}
	c, in := int(a/g.cycle), a%g.cycle
	i := len(g.phases) - 1
	for i > 0 && g.phases[i].off > in {
		i--
	}
	ph := g.phases[i]
	into := in - ph.off
	st.Kind, st.Key = ph.Kind, ph.Key
	st.Left = ph.Duration - into
	st.Seconds = int((st.Left + time.Second - 1) / time.Second)
	st.Progress = float64(into) / float64(ph.Duration)
	st.Size = ph.from + (ph.to-ph.from)*(1-math.Cos(math.Pi*st.Progress))/2
	st.Cycle, st.Step = c+1, c*len(g.phases)+i
	st.Done = g.clock.stopped
	return st
}

// Pause stops the guide at now; [BreathingGuide.Resume] carries on from
// the same point of the same phase.
func (g *BreathingGuide) Pause(now time.Time) { g.clock.pause(now) }

// Resume carries on after [BreathingGuide.Pause].
func (g *BreathingGuide) Resume(now time.Time) { g.clock.resume(now) }

// Stop ends the session early at now (it may also be called after the
// plan is done). The logged session keeps what was breathed.
func (g *BreathingGuide) Stop(now time.Time) { g.clock.stop(now) }

// SetDistress sets the optional distress ratings (0–10) before and after;
// nil is "not given". Out of range is refused with [ErrRating] and nothing
// changes.
func (g *BreathingGuide) SetDistress(before, after *int) error {
	b, err := distress(before)
	if err != nil {
		return err
	}
	a, err := distress(after)
	if err != nil {
		return err
	}
	g.before, g.after = b, a
	return nil
}

// Session returns the session as logged at now: seconds breathed (pauses
// excluded), whole cycles completed, and Finished once it has ended, by
// running its plan or by [BreathingGuide.Stop]. A session saved while
// running has Finished false, as has one left by a crash.
func (g *BreathingGuide) Session(now time.Time) journal.PracticeSession {
	total := time.Duration(g.cycles) * g.cycle
	a := min(g.clock.active(now), total)
	s := journal.PracticeSession{
		Practice: PracticeBreathing,
		Pattern:  g.p.Name,
		Started:  g.clock.start,
		Seconds:  int(a / time.Second),
		Cycles:   int(a / g.cycle),
		Finished: a >= total || g.clock.stopped,
		// Rounded up, so a plan of 76 s is not logged as stopped early.
		PlannedSeconds: int((total + time.Second - 1) / time.Second),
		Preset:         g.p.Preset,
	}
	s.DistressBefore, _ = distress(g.before)
	s.DistressAfter, _ = distress(g.after)
	return s
}

// Record returns [BreathingGuide.Session] as a record to save, with the
// guide's own id, so saving again replaces it.
func (g *BreathingGuide) Record(now time.Time) *journal.Record {
	r := newRecord(g.id, journal.KindSession, g.clock.start)
	s := g.Session(now)
	r.Session = &s
	return r
}
