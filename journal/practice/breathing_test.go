package practice

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// longAgo is a first use well before the first month.
var longAgo = t0.AddDate(-1, 0, 0)

func guide(t *testing.T, p Pattern, firstUse time.Time) *BreathingGuide {
	t.Helper()
	g, err := NewBreathingGuide(p, firstUse, t0)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func preset(t *testing.T, name string) Pattern {
	t.Helper()
	p, ok := PresetByName(name)
	if !ok {
		t.Fatalf("no preset %q", name)
	}
	return p
}

func TestEveryPresetRunsItsPhasesWithTheirTimings(t *testing.T) {
	type phase struct {
		kind PhaseKind
		key  string
		dur  time.Duration
	}
	for _, tc := range []struct {
		name   string
		phases []phase
		cycles int
		total  time.Duration
	}{
		{PresetBox, []phase{{Inhale, KeyInhale, s(4)}, {HoldIn, KeyHoldIn, s(4)}, {Exhale, KeyExhale, s(4)}, {HoldOut, KeyHoldOut, s(4)}},
			15, 4 * time.Minute},
		{Preset478, []phase{{Inhale, KeyInhale, s(4)}, {HoldIn, KeyHoldIn, s(7)}, {Exhale, KeyExhale, s(8)}},
			4, s(76)},
		// 27.3 breaths make five minutes; the last breath is finished.
		{PresetCoherent, []phase{{Inhale, KeyInhale, s(5.5)}, {Exhale, KeyExhale, s(5.5)}},
			28, s(308)},
		{PresetSighing, []phase{{Inhale, KeyInhale, s(3)}, {InhaleAgain, KeyInhaleAgain, s(1)}, {Exhale, KeyExhale, s(6)}},
			30, 5 * time.Minute},
		{PresetSOBER, []phase{{Step, KeySOBERStop, s(15)}, {Step, KeySOBERObserve, s(45)}, {Step, KeySOBERBreathe, s(60)},
			{Step, KeySOBERExpand, s(45)}, {Step, KeySOBERRespond, s(15)}},
			1, 3 * time.Minute},
	} {
		t.Run("the "+tc.name+" preset", func(t *testing.T) {
			p := preset(t, tc.name)
			if !p.Preset || p.TitleKey() != "breathe.preset."+tc.name {
				t.Errorf("Preset=%v TitleKey=%q", p.Preset, p.TitleKey())
			}
			g := guide(t, p, longAgo)
			var off time.Duration
			step := 0
			for c := 1; c <= tc.cycles; c++ {
				for _, ph := range tc.phases {
					for _, into := range []time.Duration{0, ph.dur / 2, ph.dur - time.Millisecond} {
						st := g.Tick(at(off + into))
						if st.Kind != ph.kind || st.Key != ph.key || st.Left != ph.dur-into || st.Cycle != c || st.Step != step || st.Done {
							t.Fatalf("cycle %d, %v into %s: got %+v, want %v with %v left", c, into, ph.key, st, ph.kind, ph.dur-into)
						}
					}
					off += ph.dur
					step++
				}
			}
			if off != tc.total {
				t.Fatalf("phases add up to %v, want %v", off, tc.total)
			}
			end := g.Tick(at(tc.total))
			if !end.Done || end.Cycles != tc.cycles || end.Cycle != tc.cycles || end.Remaining != 0 || end.Elapsed != tc.total || end.Step != step {
				t.Errorf("at the end: %+v, want done after %d cycles", end, tc.cycles)
			}
			if c, total := p.Plan(longAgo, t0); c != tc.cycles || total != tc.total {
				t.Errorf("Plan = %d cycles, %v; want %d, %v", c, total, tc.cycles, tc.total)
			}
		})
	}
}

func TestFourSevenEightIsLimitedToFourCyclesInTheFirstMonth(t *testing.T) {
	for _, tc := range []struct {
		name     string
		firstUse time.Time
		cycles   int
		length   time.Duration
		want     int
	}{
		{"a first session runs four", time.Time{}, 8, 0, 4},
		{"ten days in, eight asked for run four", t0.AddDate(0, 0, -10), 8, 0, 4},
		{"a day short of a month still runs four", t0.AddDate(0, -1, 1), 8, 0, 4},
		{"a month in, eight run eight", t0.AddDate(0, -1, 0), 8, 0, 8},
		{"after the first month, twelve are capped at eight", longAgo, 12, 0, 8},
		{"five minutes in the first month are four breaths", t0.AddDate(0, 0, -3), 0, 5 * time.Minute, 4},
		{"fewer than the limit run as asked", time.Time{}, 2, 0, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := preset(t, Preset478)
			p.Cycles, p.Length = tc.cycles, tc.length
			if got := guide(t, p, tc.firstUse).Tick(at(time.Hour)).Cycles; got != tc.want {
				t.Errorf("cycles = %d, want %d", got, tc.want)
			}
		})
	}
	if l := preset(t, PresetBox).CycleLimit(time.Time{}, t0); l != 0 {
		t.Errorf("box breathing has a first-month limit of %d", l)
	}
}

func TestTheShapeGrowsOnInhaleStaysOnHoldsAndShrinksOnExhale(t *testing.T) {
	g := guide(t, preset(t, PresetBox), longAgo)
	for _, tc := range []struct {
		when time.Duration
		size float64
	}{
		{0, 0}, {s(2), 0.5}, {s(4), 1}, {s(6), 1}, {s(8), 1}, {s(10), 0.5}, {s(12), 0}, {s(14), 0}, {s(16), 0}, {s(18), 0.5},
	} {
		if got := g.Tick(at(tc.when)).Size; math.Abs(got-tc.size) > 1e-9 {
			t.Errorf("size at %v = %v, want %v", tc.when, got, tc.size)
		}
	}
}

func TestTheShapeMovesSmoothlyInEveryPreset(t *testing.T) {
	const frame = 20 * time.Millisecond // 50 frames a second
	for _, p := range Presets() {
		t.Run("the "+p.Name+" preset", func(t *testing.T) {
			g := guide(t, p, longAgo)
			prev := g.Tick(t0)
			for d := frame; ; d += frame {
				st := g.Tick(at(d))
				if st.Size < 0 || st.Size > 1 || st.Progress < 0 || st.Progress > 1 {
					t.Fatalf("at %v: size %v progress %v out of 0..1", d, st.Size, st.Progress)
				}
				if jump := math.Abs(st.Size - prev.Size); jump > 0.05 {
					t.Fatalf("at %v the shape jumps by %.3f (%s → %s)", d, jump, prev.Key, st.Key)
				}
				switch st.Kind {
				case Inhale, InhaleAgain:
					if st.Size < prev.Size && st.Step == prev.Step {
						t.Fatalf("at %v the shape shrinks while breathing in", d)
					}
				case Exhale:
					if st.Size > prev.Size && st.Step == prev.Step {
						t.Fatalf("at %v the shape grows while breathing out", d)
					}
				case HoldIn, HoldOut, Step:
					if st.Size != prev.Size && st.Step == prev.Step {
						t.Fatalf("at %v the shape moves during %s", d, st.Key)
					}
				}
				if st.Done {
					break
				}
				prev = st
			}
		})
	}
}

func TestSecondsLeftCountDownToOne(t *testing.T) {
	for _, tc := range []struct {
		preset string
		when   time.Duration
		want   int
	}{
		{PresetBox, 0, 4},
		{PresetBox, s(0.5), 4},
		{PresetBox, s(1), 3},
		{PresetBox, s(3.999), 1},
		{PresetBox, s(4), 4}, // the hold starts
		{PresetCoherent, 0, 6},
		{PresetCoherent, s(0.5), 5},
		{PresetCoherent, s(5.4), 1},
		{Preset478, s(4), 7},
	} {
		if got := guide(t, preset(t, tc.preset), longAgo).Tick(at(tc.when)).Seconds; got != tc.want {
			t.Errorf("%s at %v: %d seconds left, want %d", tc.preset, tc.when, got, tc.want)
		}
	}
}

func TestPausingTheBreathingGuideHoldsThePhaseUntilResumed(t *testing.T) {
	g := guide(t, preset(t, PresetBox), longAgo)
	g.Pause(at(s(2)))
	st := g.Tick(at(time.Minute))
	if !st.Paused || st.Kind != Inhale || st.Left != s(2) || st.Elapsed != s(2) {
		t.Errorf("paused a minute: %+v, want the inhale held with 2s left", st)
	}
	g.Resume(at(time.Minute))
	st = g.Tick(at(time.Minute + s(1)))
	if st.Paused || st.Kind != Inhale || st.Left != s(1) {
		t.Errorf("a second after resuming: %+v, want the inhale with 1s left", st)
	}
	if st := g.Tick(at(time.Minute + s(3))); st.Kind != HoldIn {
		t.Errorf("after the inhale: %v, want the hold", st.Kind)
	}
	if sec := g.Session(at(time.Minute + s(3))).Seconds; sec != 5 {
		t.Errorf("logged %d s, want 5: paused time is not breathing", sec)
	}
}

func TestStoppingEarlyLogsWhatWasBreathed(t *testing.T) {
	g := guide(t, preset(t, PresetBox), longAgo)
	first := g.Record(at(s(10)))
	g.Stop(at(s(37.5)))
	if st := g.Tick(at(time.Hour)); !st.Done || st.Elapsed != s(37.5) {
		t.Errorf("after stopping: %+v, want done at 37.5s", st)
	}
	r := g.Record(at(time.Hour))
	if err := r.Validate(); err != nil {
		t.Fatal(err)
	}
	want := journal.PracticeSession{Practice: PracticeBreathing, Pattern: PresetBox, Started: t0, Seconds: 37, Cycles: 2, Finished: true, PlannedSeconds: 240, Preset: true}
	if r.Kind != journal.KindSession || *r.Session != want {
		t.Errorf("logged %+v, want %+v", *r.Session, want)
	}
	if r.ID != first.ID || first.Session.Finished {
		t.Error("a save while running and the final save are not one record, or the first was finished")
	}
}

func TestAFinishedSessionLogsItsPlanAndTheDistressRatings(t *testing.T) {
	g := guide(t, preset(t, Preset478), time.Time{})
	if err := g.SetDistress(new(7), nil); err != nil {
		t.Fatal(err)
	}
	if err := g.SetDistress(new(7), new(11)); !errors.Is(err, ErrRating) {
		t.Errorf("distress 11 = %v, want ErrRating", err)
	}
	if err := g.SetDistress(new(7), new(3)); err != nil {
		t.Fatal(err)
	}
	got := g.Session(at(10 * time.Minute))
	if got.Seconds != 76 || got.Cycles != 4 || !got.Finished || *got.DistressBefore != 7 || *got.DistressAfter != 3 {
		t.Errorf("logged %+v, want 76 s, 4 cycles, finished, distress 7 → 3", got)
	}
}

func TestCustomPatternValidation(t *testing.T) {
	good := journal.BreathingPattern{Name: "Evening", Inhale: 4, HoldIn: 2, Exhale: 6, HoldOut: 0, Minutes: 5}
	for _, tc := range []struct {
		name   string
		change func(*journal.BreathingPattern)
		fields []string
	}{
		{"a good pattern is accepted", func(*journal.BreathingPattern) {}, nil},
		{"the extremes are accepted", func(p *journal.BreathingPattern) {
			p.Inhale, p.HoldIn, p.Exhale, p.HoldOut, p.Minutes, p.Cycles = 1, 30, 30, 0, 0, 1
		}, nil},
		{"half seconds are accepted", func(p *journal.BreathingPattern) { p.Inhale, p.Exhale = 5.5, 5.5 }, nil},
		{"a 0 s inhale is refused", func(p *journal.BreathingPattern) { p.Inhale = 0 }, []string{FieldInhale}},
		{"a 31 s inhale is refused", func(p *journal.BreathingPattern) { p.Inhale = 31 }, []string{FieldInhale}},
		{"a 0.5 s exhale is refused", func(p *journal.BreathingPattern) { p.Exhale = 0.5 }, []string{FieldExhale}},
		{"a 31 s exhale is refused", func(p *journal.BreathingPattern) { p.Exhale = 31 }, []string{FieldExhale}},
		{"a 31 s hold is refused", func(p *journal.BreathingPattern) { p.HoldIn = 31 }, []string{FieldHoldIn}},
		{"a negative rest is refused", func(p *journal.BreathingPattern) { p.HoldOut = -1 }, []string{FieldHoldOut}},
		{"a NaN inhale is refused", func(p *journal.BreathingPattern) { p.Inhale = math.NaN() }, []string{FieldInhale}},
		{"an infinite hold is refused", func(p *journal.BreathingPattern) { p.HoldIn = math.Inf(1) }, []string{FieldHoldIn}},
		{"minutes and cycles together are refused", func(p *journal.BreathingPattern) { p.Cycles = 10 }, []string{FieldLength}},
		{"neither minutes nor cycles is refused", func(p *journal.BreathingPattern) { p.Minutes = 0 }, []string{FieldLength}},
		{"61 minutes are refused", func(p *journal.BreathingPattern) { p.Minutes = 61 }, []string{FieldLength}},
		{"half a minute is refused", func(p *journal.BreathingPattern) { p.Minutes = 0.5 }, []string{FieldLength}},
		{"501 cycles are refused", func(p *journal.BreathingPattern) { p.Minutes, p.Cycles = 0, 501 }, []string{FieldLength}},
		{"cycles that take an hour are accepted", func(p *journal.BreathingPattern) { p.Minutes, p.Cycles = 0, 300 }, nil},
		{"cycles that take over an hour are refused", func(p *journal.BreathingPattern) { p.Minutes, p.Cycles = 0, 301 }, []string{FieldLength}},
		{"negative cycles are refused", func(p *journal.BreathingPattern) { p.Minutes, p.Cycles = 0, -3 }, []string{FieldLength}},
		{"an empty name is refused", func(p *journal.BreathingPattern) { p.Name = "" }, []string{FieldName}},
		{"a blank name is refused", func(p *journal.BreathingPattern) { p.Name = " \t" }, []string{FieldName}},
		{"a preset's name is refused", func(p *journal.BreathingPattern) { p.Name = "Box" }, []string{FieldName}},
		{"an 81-character name is refused", func(p *journal.BreathingPattern) { p.Name = strings.Repeat("ä", 81) }, []string{FieldName}},
		{"an 80-character name is accepted", func(p *journal.BreathingPattern) { p.Name = strings.Repeat("ї", 80) }, nil},
		{"every bad field is named, in form order", func(p *journal.BreathingPattern) {
			p.Name, p.Inhale, p.HoldIn, p.Exhale, p.HoldOut, p.Minutes = "", 0, -1, 40, 31, 0
		}, []string{FieldName, FieldInhale, FieldHoldIn, FieldExhale, FieldHoldOut, FieldLength}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bp := good
			tc.change(&bp)
			err := ValidatePattern(bp)
			if tc.fields == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if _, err := CustomPattern(bp); err != nil {
					t.Fatalf("CustomPattern refused what ValidatePattern accepts: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.Is(err, ErrInvalidPattern) || !errors.As(err, &fe) || !slices.Equal(fe.Fields, tc.fields) {
				t.Fatalf("got %v, want invalid %v", err, tc.fields)
			}
			if !fe.Has(tc.fields[0]) {
				t.Errorf("Has(%q) = false", tc.fields[0])
			}
			if _, err := CustomPattern(bp); !errors.Is(err, ErrInvalidPattern) {
				t.Errorf("CustomPattern accepted it: %v", err)
			}
			// The vault's own check agrees on the phases it knows about
			// (except NaN, which its range check lets through; JSON
			// refuses NaN when the record is sealed).
			r := journal.Record{Kind: journal.KindPattern, Date: "2026-03-01", Pattern: &bp}
			phaseBad := fe.Has(FieldInhale) || fe.Has(FieldHoldIn) || fe.Has(FieldExhale) || fe.Has(FieldHoldOut)
			if phaseBad && !math.IsNaN(bp.Inhale) && r.Validate() == nil {
				t.Error("journal.Record.Validate accepts phases this package refuses")
			}
		})
	}
}

func TestACustomPatternRunsAndIsLoggedUnderItsName(t *testing.T) {
	p, err := CustomPattern(journal.BreathingPattern{Name: " Evening ", Inhale: 4, Exhale: 6.25, HoldOut: 2, Cycles: 3})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []PhaseKind
	for _, ph := range p.Phases {
		kinds = append(kinds, ph.Kind)
	}
	if !slices.Equal(kinds, []PhaseKind{Inhale, Exhale, HoldOut}) || p.Phases[1].Duration != s(6.25) || p.Preset || p.TitleKey() != "" {
		t.Errorf("pattern = %+v, want in, out, rest (no zero hold), not a preset", p)
	}
	g := guide(t, p, time.Time{})
	if st := g.Tick(at(s(11))); st.Kind != HoldOut || st.Cycle != 1 || st.Left != s(1.25) {
		t.Errorf("at 11s: %+v, want the rest of cycle 1 with 1.25s left", st)
	}
	if st := g.Tick(at(s(12.25))); st.Kind != Inhale || st.Cycle != 2 {
		t.Errorf("at 12.25s: %+v, want the inhale of cycle 2", st)
	}
	got := g.Session(at(time.Minute))
	if got.Pattern != "Evening" || got.Seconds != 36 || got.Cycles != 3 || !got.Finished {
		t.Errorf("logged %+v, want Evening, 36 s, 3 cycles", got)
	}
	g2 := guide(t, mustCustom(t, journal.BreathingPattern{Name: "Slow", Inhale: 5, Exhale: 5, Minutes: 1.5}), time.Time{})
	if st := g2.Tick(t0); st.Cycles != 9 || st.Remaining != 90*time.Second {
		t.Errorf("1.5 minutes of 10 s breaths: %d cycles, %v; want 9, 1m30s", st.Cycles, st.Remaining)
	}
}

func mustCustom(t *testing.T, bp journal.BreathingPattern) Pattern {
	t.Helper()
	p, err := CustomPattern(bp)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAHandMadePatternWithoutPhasesOrLengthIsRefused(t *testing.T) {
	in := Phase{Inhale, s(4), KeyInhale}
	for _, tc := range []struct {
		name  string
		p     Pattern
		field string
	}{
		{"no phases", Pattern{Name: "x", Cycles: 1}, FieldPhases},
		{"a phase of no length", Pattern{Name: "x", Phases: []Phase{in, {Exhale, 0, KeyExhale}}, Cycles: 1}, FieldPhases},
		{"an unknown phase kind", Pattern{Name: "x", Phases: []Phase{{PhaseKind(42), s(1), ""}}, Cycles: 1}, FieldPhases},
		{"no length", Pattern{Name: "x", Phases: []Phase{in}}, FieldLength},
		{"both cycles and length", Pattern{Name: "x", Phases: []Phase{in}, Cycles: 2, Length: time.Minute}, FieldLength},
	} {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			_, err := NewBreathingGuide(tc.p, time.Time{}, t0)
			var fe *FieldError
			if !errors.As(err, &fe) || !fe.Has(tc.field) || !errors.Is(err, ErrInvalidPattern) {
				t.Errorf("got %v, want %s invalid", err, tc.field)
			}
		})
	}
}

func patternRecords(names ...string) []*journal.Record {
	var rs []*journal.Record
	for i, n := range names {
		rs = append(rs, &journal.Record{Kind: journal.KindPattern, Pattern: &journal.BreathingPattern{Name: n, SortOrder: i}})
	}
	return rs
}

func names(rs []*journal.Record) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Pattern.Name)
	}
	return out
}

func TestReorderMovesOnePatternAndRenumbersTheRest(t *testing.T) {
	for _, tc := range []struct {
		name     string
		from, to int
		order    []string
		changed  []string
		err      error
	}{
		{"moving the first to the end", 0, 3, []string{"b", "c", "d", "a"}, []string{"b", "c", "d", "a"}, nil},
		{"moving the last to the top", 3, 0, []string{"d", "a", "b", "c"}, []string{"d", "a", "b", "c"}, nil},
		{"moving one down a place", 1, 2, []string{"a", "c", "b", "d"}, []string{"c", "b"}, nil},
		{"moving one onto itself", 2, 2, []string{"a", "b", "c", "d"}, nil, nil},
		{"a position past the end", 0, 4, []string{"a", "b", "c", "d"}, nil, ErrOutOfRange},
		{"a negative position", -1, 0, []string{"a", "b", "c", "d"}, nil, ErrOutOfRange},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs := patternRecords("a", "b", "c", "d")
			changed, err := Reorder(rs, tc.from, tc.to)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if !slices.Equal(names(rs), tc.order) || !slices.Equal(names(changed), tc.changed) {
				t.Errorf("order %v changed %v, want %v and %v", names(rs), names(changed), tc.order, tc.changed)
			}
			for i, r := range rs {
				if err == nil && r.Pattern.SortOrder != i {
					t.Errorf("%s has SortOrder %d at position %d", r.Pattern.Name, r.Pattern.SortOrder, i)
				}
			}
		})
	}
	rs := append(patternRecords("a"), &journal.Record{Kind: journal.KindEntry, Entry: &journal.Entry{}})
	if _, err := Reorder(rs, 0, 1); !errors.Is(err, ErrNotPattern) {
		t.Errorf("reordering an entry = %v, want ErrNotPattern", err)
	}
}

func TestPatternsSortByTheUsersOrderThenName(t *testing.T) {
	rs := patternRecords("c", "b", "a", "z")
	rs[0].Pattern.SortOrder, rs[1].Pattern.SortOrder, rs[2].Pattern.SortOrder, rs[3].Pattern.SortOrder = 2, 1, 1, 0
	SortPatterns(rs)
	if got := names(rs); !slices.Equal(got, []string{"z", "a", "b", "c"}) {
		t.Errorf("sorted = %v, want [z a b c]", got)
	}
}

func TestPresetsAreFreshCopies(t *testing.T) {
	p := Presets()[0]
	p.Phases[0].Duration = time.Hour
	if Presets()[0].Phases[0].Duration == time.Hour {
		t.Error("changing a returned preset changed the presets")
	}
}
