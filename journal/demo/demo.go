// Package demo generates realistic demo records for Rewire: months or years
// of recovery life — journal entries, gratitude, check-ins, urge-surfing
// episodes, breathing and meditation sessions, custom breathing patterns, the
// settings and the crisis card — mostly in English, some in Swedish and
// Ukrainian. It backs `rewire-cli gen`, screenshots and the benchmarks.
//
// The output depends only on the arguments, so a seed names a data set. The
// package is pure Go and stores nothing: callers save the records through a
// [journal.Vault], which assigns ids.
package demo

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// Generate returns n journal entries spread over the days before end (about
// one a day, some days two) and, over the same days, the other kinds of
// record a person using the app every day would have: gratitude and
// check-ins most days, an urge episode every few days, breathing and
// meditation sessions, two or three custom breathing patterns, one settings
// record and one crisis card. Records have no id and no version (the vault
// sets both) but have their Date and Created set, in end's location; they
// come oldest first. The same arguments give the same records.
func Generate(n int, seed int64, end time.Time) []*journal.Record {
	n = max(n, 0)
	g := &gen{rng: rand.New(rand.NewPCG(uint64(seed), 0x5265_7769_7265_2121))}
	days := max(1, int(math.Ceil(float64(n)/1.15)))
	twice := make([]bool, days)
	if extra := n - days; extra > 0 {
		for _, d := range g.rng.Perm(days)[:extra] {
			twice[d] = true
		}
	}
	y, m, d := end.Date()
	first := time.Date(y, m, d-days, 0, 0, 0, 0, end.Location())
	g.recoveryStart = first.AddDate(0, 0, -g.rng.IntN(30))

	g.settings(first)
	g.crisisCard(first)
	g.patterns(first)
	for i := range days {
		day := time.Date(y, m, d-days+i, 0, 0, 0, 0, end.Location())
		entries := 0
		if n > 0 {
			entries = 1
			if twice[i] {
				entries = 2
			}
		}
		g.day(day, entries)
	}
	slices.SortStableFunc(g.out, func(a, b *journal.Record) int { return a.Created.Compare(b.Created) })
	return g.out
}

// gen holds the state of one Generate call.
type gen struct {
	rng           *rand.Rand
	recoveryStart time.Time
	patternNames  []string
	out           []*journal.Record
}

func (g *gen) add(kind journal.Kind, created time.Time, r *journal.Record) {
	r.Kind = kind
	r.Date = created.Format(journal.DateLayout)
	r.Created = created
	g.out = append(g.out, r)
}

// day adds one day's records: what the person did, in the order they did it.
func (g *gen) day(day time.Time, entries int) {
	dayNum := int(day.Sub(g.recoveryStart).Hours()/24+0.5) + 1
	// Cravings ease over the months, never to nothing.
	cravingLevel := 1 + 5*math.Exp(-float64(dayNum)/240)

	mindful := false
	if g.chance(0.45) {
		g.meditation(g.at(day, 6*60, 8*60+30))
		mindful = true
	}
	if g.chance(0.35) {
		g.breathing(g.at(day, 12*60, 18*60))
		mindful = true
	}
	lapse := false
	if g.chance(0.3) {
		lapse = g.urge(g.at(day, 10*60, 22*60), cravingLevel)
	}
	if entries == 2 {
		g.entry(g.at(day, 6*60+30, 9*60+30), dayNum)
	}
	if entries >= 1 {
		g.entry(g.at(day, 19*60, 21*60), dayNum)
	}
	gratitude := g.chance(0.85)
	if gratitude {
		g.gratitude(g.at(day, 21*60+30, 23*60))
	}
	if g.chance(0.9) {
		g.checkIn(g.at(day, 21*60, 21*60+30), cravingLevel, mindful, gratitude, lapse)
	}
}

func (g *gen) entry(created time.Time, dayNum int) {
	b := g.book()
	topics := pickN(g, tags, 1+g.rng.IntN(3))
	e := &journal.Entry{
		Body:    g.body(b, topics, 650+g.rng.IntN(1001), dayNum),
		Mood:    g.mood(topics),
		Starred: g.chance(0.05),
	}
	if !g.chance(0.08) {
		e.Title = g.fill(b, pick(g, b.topics[topics[0]].titles), dayNum)
	}
	if !g.chance(0.12) {
		e.Tags = topics
	}
	g.add(journal.KindEntry, created, &journal.Record{Entry: e})
}

// body strings sentences about the entry's topics, with a few general ones,
// into paragraphs until it is at least target bytes long.
func (g *gen) body(b *phrasebook, topics []string, target, dayNum int) string {
	var sb strings.Builder
	used := make(map[string]bool)
	inPara, paraLen := 0, 2+g.rng.IntN(3)
	for sb.Len() < target {
		pool := b.general
		if g.chance(0.7) {
			pool = b.topics[topics[g.rng.IntN(len(topics))]].sentences
		}
		s := pick(g, pool)
		for try := 0; used[s] && try < 4; try++ {
			s = pick(g, pool)
		}
		used[s] = true
		if sb.Len() > 0 {
			if inPara == paraLen {
				sb.WriteString("\n\n")
				inPara, paraLen = 0, 2+g.rng.IntN(3)
			} else {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(g.fill(b, s, dayNum))
		inPara++
	}
	if g.chance(0.04) {
		sb.WriteString("\n\n" + g.fill(b, pick(g, b.emoji), dayNum))
	}
	if len(b.rtl) > 0 && g.chance(0.02) {
		sb.WriteString("\n\n" + pick(g, b.rtl))
	}
	return sb.String()
}

// mood leans on what the day was about: wins lift it, cravings weigh.
func (g *gen) mood(topics []string) int {
	m := 2 + g.rng.IntN(3)
	if slices.Contains(topics, "win") {
		m++
	}
	if slices.Contains(topics, "craving") {
		m--
	}
	if g.chance(0.1) {
		m += 2*g.rng.IntN(2) - 1
	}
	return min(max(m, 1), 5)
}

func (g *gen) gratitude(created time.Time) {
	b := g.book()
	n := 3
	if g.chance(0.1) {
		n = 2
	}
	var items []journal.GratitudeItem
	for _, t := range pickN(g, b.gratitude, n) {
		it := journal.GratitudeItem{Text: t.text}
		if t.why != "" && g.chance(0.75) {
			it.Why = t.why
		}
		items = append(items, it)
	}
	g.add(journal.KindGratitude, created, &journal.Record{Gratitude: &journal.Gratitude{Items: items}})
}

func (g *gen) checkIn(created time.Time, cravingLevel float64, mindful, gratitude, lapse bool) {
	b := g.book()
	c := &journal.CheckIn{
		Mood:         1 + g.rng.IntN(5),
		Craving:      g.rating(cravingLevel, 2),
		Lapse:        lapse,
		Mindful:      mindful,
		Connection:   g.chance(0.6),
		Learning:     g.chance(0.3),
		SleepHours:   float64(10+g.rng.IntN(9)) / 2, // 5–9 h in half hours
		GratitudeSet: gratitude,
	}
	if g.chance(0.7) {
		c.MovementMin = 10 * (1 + g.rng.IntN(6))
	}
	if g.chance(0.9) {
		c.Intention = pick(g, b.intentions)
	}
	if g.chance(0.7) {
		c.Challenge = pick(g, b.challenges)
	}
	if g.chance(0.8) {
		c.Win = pick(g, b.wins)
	}
	if g.chance(0.4) {
		c.Note = g.fill(b, pick(g, b.general), 1)
	}
	g.add(journal.KindCheckIn, created, &journal.Record{CheckIn: c})
}

// urge adds an urge-surfing episode: ratings a minute apart that rise to a
// peak and ease off, as urges do when they are ridden out. It reports
// whether the person acted on the urge.
func (g *gen) urge(started time.Time, cravingLevel float64) bool {
	b := g.book()
	// An urge worth surfing is a noticeable one: it starts at 2 to 8 and
	// climbs at least two points.
	start := min(8, max(2, g.rating(cravingLevel+2, 1.5)))
	peak := min(10, max(start+2, g.rating(cravingLevel+4, 1.5)))
	end := g.rng.IntN(4)
	rise, fall := 2+g.rng.IntN(6), 5+g.rng.IntN(14)
	var ratings []int
	for i := range rise {
		ratings = append(ratings, start+(peak-start)*i/rise)
	}
	ratings = append(ratings, peak)
	for i := 1; i <= fall; i++ {
		r := peak - (peak-end)*i/fall + g.rng.IntN(3) - 1
		ratings = append(ratings, min(max(r, end), peak-1))
	}
	u := &journal.UrgeEpisode{
		Started:   started,
		Triggers:  pickN(g, b.triggers, 1+g.rng.IntN(2)),
		Situation: pick(g, b.situations),
		Coping:    pick(g, b.copings),
		ActedOn:   g.chance(0.04),
		Finished:  true,
	}
	if u.ActedOn {
		// A lapse cuts the wave short at its peak.
		ratings = ratings[:rise+1]
	} else if g.chance(0.05) {
		// Interrupted: the app was closed mid-episode; the samples so far
		// are kept.
		ratings = ratings[:rise+1+g.rng.IntN(fall)]
		u.Finished = false
	}
	for i, r := range ratings {
		u.Samples = append(u.Samples, journal.UrgeSample{At: started.Add(time.Duration(i) * time.Minute), Rating: r})
	}
	if u.Finished {
		u.Ended = u.Samples[len(u.Samples)-1].At
	}
	for _, h := range []string{"hungry", "angry", "lonely", "tired"} {
		if g.chance(0.25) {
			u.HALT = append(u.HALT, h)
		}
	}
	g.add(journal.KindUrge, started, &journal.Record{Urge: u})
	return u.ActedOn
}

func (g *gen) meditation(started time.Time) {
	s := &journal.PracticeSession{
		Practice: "meditation",
		Started:  started,
		Seconds:  60 * []int{5, 10, 10, 10, 15, 20}[g.rng.IntN(6)],
		Finished: !g.chance(0.1),
	}
	if !s.Finished {
		s.Seconds = 60 + g.rng.IntN(s.Seconds-60)
	}
	g.add(journal.KindSession, started, &journal.Record{Session: s})
}

// The built-in breathing patterns and the length of one cycle in seconds.
var breathingPatterns = []struct {
	name  string
	cycle int
}{{"box", 16}, {"4-7-8", 19}, {"coherent", 11}, {"cyclic-sighing", 12}, {"sober", 10}}

func (g *gen) breathing(started time.Time) {
	p := breathingPatterns[g.rng.IntN(len(breathingPatterns))]
	name, cycles := p.name, 6+g.rng.IntN(20)
	if p.name == "4-7-8" {
		cycles = 4 // as taught: no more than four cycles
	}
	if len(g.patternNames) > 0 && g.chance(0.25) {
		name = pick(g, g.patternNames)
	}
	s := &journal.PracticeSession{
		Practice: "breathing",
		Pattern:  name,
		Started:  started,
		Seconds:  cycles * p.cycle,
		Cycles:   cycles,
		Finished: true,
	}
	if g.chance(0.6) {
		before := 3 + g.rng.IntN(6)
		after := max(0, before-1-g.rng.IntN(4))
		s.DistressBefore, s.DistressAfter = &before, &after
	}
	g.add(journal.KindSession, started, &journal.Record{Session: s})
}

func (g *gen) patterns(day time.Time) {
	custom := []journal.BreathingPattern{
		{Name: "Evening calm", Inhale: 4, Exhale: 6, Minutes: 5},
		{Name: "Before the meeting", Inhale: 4, HoldIn: 2, Exhale: 6, HoldOut: 2, Cycles: 8},
		{Name: "Square five", Inhale: 5, HoldIn: 5, Exhale: 5, HoldOut: 5, Minutes: 3},
	}
	for i, p := range custom[:2+g.rng.IntN(2)] {
		p.SortOrder = i
		g.patternNames = append(g.patternNames, p.Name)
		g.add(journal.KindPattern, g.at(day, 8*60+10*(i+1), 8*60+10*(i+1)+5), &journal.Record{Pattern: &p})
	}
	presets := []journal.MeditationPreset{
		{Name: "Morning sit", Seconds: 10 * 60, WarmUpSeconds: 10, StartBell: "bell", EndBell: "bell", IntervalBell: "none"},
		{Name: "Long sit", Seconds: 30 * 60, WarmUpSeconds: 30, StartBell: "bell", EndBell: "bell", IntervalBell: "bell", IntervalMinutes: 10},
	}
	y, mo, d := day.Date()
	for i, p := range presets { // fixed times: the rest of the demo keeps its random sequence
		p.SortOrder = i
		g.add(journal.KindMedPreset, time.Date(y, mo, d, 8, 40+i, 0, 0, day.Location()), &journal.Record{MedPreset: &p})
	}
}

func (g *gen) settings(day time.Time) {
	s := &journal.Settings{
		RecoveryStart:   g.recoveryStart.Format(journal.DateLayout),
		Language:        "en",
		AutoLockMinutes: 5,
		Theme:           "system",
	}
	g.add(journal.KindSettings, g.at(day, 8*60, 8*60+5), &journal.Record{Settings: s})
}

func (g *gen) crisisCard(day time.Time) {
	c := &journal.CrisisCard{
		Reasons:      []string{"My kids, and being there for them", "Waking up without shame", "The person I am becoming"},
		WarningSigns: []string{"Skipping meetings", "Not sleeping", "Isolating and not answering the phone", "Romanticising the old days"},
		Helps:        []string{"Call my sponsor", "Urge surfing: it peaks and it passes", "Box breathing", "A walk, a shower, food", "Read my reasons"},
		People: []journal.Contact{
			{Name: "Sam (sponsor)", Phone: "+1 555 0100", Note: "Any time, day or night", ShowLocked: true},
			{Name: "Maria", Phone: "+1 555 0123", Note: "Evenings"},
		},
		Lines: []journal.Contact{
			{Name: "Local crisis line (demo number)", Phone: "+1 555 0199", ShowLocked: true},
		},
		ShowLocked: true,
	}
	g.add(journal.KindCrisis, g.at(day, 8*60+5, 8*60+10), &journal.Record{Crisis: c})
}

// book picks a language: mostly English, some Swedish and Ukrainian.
func (g *gen) book() *phrasebook {
	switch r := g.rng.Float64(); {
	case r < 0.75:
		return books[english]
	case r < 0.90:
		return books[swedish]
	}
	return books[ukrainian]
}

// fill replaces the {slots} in s.
func (g *gen) fill(b *phrasebook, s string, dayNum int) string {
	if !strings.Contains(s, "{") {
		return s
	}
	var out strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s, '}')
		if i < 0 || j < i {
			break
		}
		out.WriteString(s[:i])
		out.WriteString(g.slot(b, s[i+1:j], dayNum))
		s = s[j+1:]
	}
	out.WriteString(s)
	return out.String()
}

func (g *gen) slot(b *phrasebook, name string, dayNum int) string {
	switch name {
	case "name":
		return pick(g, b.names)
	case "hall":
		return pick(g, b.halls)
	case "route":
		return pick(g, b.routes)
	case "spot":
		return pick(g, b.spots)
	case "time":
		return pick(g, b.times)
	case "days":
		return strconv.Itoa(dayNum)
	case "hours":
		return strconv.Itoa(7 + g.rng.IntN(3))
	case "minutes":
		return strconv.Itoa(5 * (2 + g.rng.IntN(8)))
	case "rating":
		return strconv.Itoa(4 + g.rng.IntN(6))
	}
	// The templates are ours and a test fills every one of them.
	panic("demo: unknown template slot {" + name + "}")
}

// at returns a time on day between fromMin and toMin minutes after midnight.
func (g *gen) at(day time.Time, fromMin, toMin int) time.Time {
	m := fromMin + g.rng.IntN(toMin-fromMin)
	y, mo, d := day.Date()
	return time.Date(y, mo, d, m/60, m%60, g.rng.IntN(60), 0, day.Location())
}

// rating draws a 0–10 rating around mean.
func (g *gen) rating(mean, spread float64) int {
	return min(max(int(math.Round(mean+g.rng.NormFloat64()*spread)), 0), 10)
}

func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

func pick[T any](g *gen, xs []T) T { return xs[g.rng.IntN(len(xs))] }

// pickN returns n distinct elements of xs (all of them if n ≥ len(xs)), in
// random order.
func pickN[T any](g *gen, xs []T, n int) []T {
	perm := g.rng.Perm(len(xs))
	out := make([]T, 0, min(n, len(xs)))
	for _, i := range perm[:min(n, len(xs))] {
		out = append(out, xs[i])
	}
	return out
}
