package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/insights"
	"github.com/rewirejournal/rewire/journal/practice"
)

var statsCommand = &command{
	name:     "stats",
	synopsis: "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]",
	summary:  "figures over a range: mood, craving, urges, practice, sleep",
	about: `Prints the figures the Insights screen shows, for the days from --from to
--to (default: the last 30 days, today included): check-ins, mean mood,
craving and sleep, urge episodes with the share ridden out without acting,
the median time to peak and length, top triggers and HALT states, practice
minutes, gratitude days, days practised, lapses logged, and a line a week.
Computed in memory; nothing is written.`,
	run: runStats,
}

// statsRange reads --from and --to; with neither it is the last 30 days.
func statsRange(from, to string, now time.Time) (insights.Range, error) {
	if err := checkDate("from", from); err != nil {
		return insights.Range{}, err
	}
	if err := checkDate("to", to); err != nil {
		return insights.Range{}, err
	}
	r := insights.Last(now, insights.StreakDays)
	var err error
	if to != "" {
		if r.To, err = insights.ParseDay(to); err != nil {
			return r, usagef("--to: %v", err)
		}
		r.From = r.To - insights.StreakDays + 1
	}
	if from != "" {
		if r.From, err = insights.ParseDay(from); err != nil {
			return r, usagef("--from: %v", err)
		}
	}
	if r.From > r.To {
		return r, usagef("--from %s is after --to %s", r.From, r.To)
	}
	return r, nil
}

// loadInsights lists what insights need over r and computes them.
func loadInsights(v *journal.Vault, r insights.Range) ([]journal.Record, *insights.Insights, error) {
	recs, err := v.List(journal.Filter{Kinds: insights.Kinds, From: min(r.From, r.To-insights.StreakDays+1).String(), To: r.To.String()})
	if err != nil {
		return nil, nil, err
	}
	return recs, insights.Compute(recs, r), nil
}

func runStats(c *cli, args []string) (err error) {
	fs := c.flags()
	from := fs.String("from", "", "from this day, `YYYY-MM-DD`, inclusive")
	to := fs.String("to", "", "up to this day, `YYYY-MM-DD`, inclusive (default: today)")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	r, err := statsRange(*from, *to, time.Now())
	if err != nil {
		return err
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	_, in, err := loadInsights(v, r)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(c.stdout)
	if *asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		err = enc.Encode(statsJSON(in))
	} else {
		printStats(w, in)
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// jsonStats is `stats --json`. Means are null where nothing was logged.
type jsonStats struct {
	From          string       `json:"from"`
	To            string       `json:"to"`
	Days          int          `json:"days"`
	CheckIns      int          `json:"checkIns"`
	Entries       int          `json:"entries"`
	Sessions      int          `json:"sessions"`
	MoodMean      *float64     `json:"moodMean"`
	CravingMean   *float64     `json:"cravingMean"`
	SleepMean     *float64     `json:"sleepMean"`
	Urges         jsonUrges    `json:"urges"`
	Practice      jsonPractice `json:"practiceMinutes"`
	Gratitude     int          `json:"gratitudeDays"`
	DaysPractised int          `json:"daysPractised"`
	Practised30   int          `json:"practisedInLast30"`
	Lapses        []string     `json:"lapses"`
	Weeks         []jsonWeek   `json:"weeks"`
}

type jsonUrges struct {
	Episodes        int              `json:"episodes"`
	Interrupted     int              `json:"interrupted"`
	Surfed          int              `json:"surfed"`
	SurfedShare     float64          `json:"surfedShare"`
	MedianToPeakSec float64          `json:"medianToPeakSeconds"`
	MedianLengthSec float64          `json:"medianLengthSeconds"`
	Triggers        []practice.Tally `json:"triggers"`
	HALT            []practice.Tally `json:"halt"`
}

type jsonPractice struct {
	Mindfulness float64 `json:"mindfulness"`
	Breathing   float64 `json:"breathing"`
	Movement    float64 `json:"movement"`
}

type jsonWeek struct {
	Start         string   `json:"start"`
	Urges         int      `json:"urges"`
	Craving       *float64 `json:"craving"`
	CheckIns      int      `json:"checkIns"`
	GratitudeDays int      `json:"gratitudeDays"`
}

// figures are the means and totals both outputs print.
type figures struct {
	mood, craving, sleep *float64
	practice             jsonPractice
	practised            int
}

func figuresOf(in *insights.Insights) figures {
	var f figures
	meanOf := func(vs []insights.DayValue) *float64 {
		if len(vs) == 0 {
			return nil
		}
		s := 0.0
		for _, v := range vs {
			s += v.Value
		}
		m := round2(s / float64(len(vs)))
		return &m
	}
	f.mood, f.sleep = meanOf(in.Mood), meanOf(in.Sleep)
	sum, n := 0.0, 0
	for _, w := range in.Weeks {
		if w.CravingDays > 0 {
			sum += w.Craving * float64(w.CravingDays)
			n += w.CravingDays
		}
	}
	if n > 0 {
		m := round2(sum / float64(n))
		f.craving = &m
	}
	for _, p := range in.Practice {
		f.practice.Mindfulness += p.Mindfulness
		f.practice.Breathing += p.Breathing
		f.practice.Movement += p.Movement
	}
	f.practice = jsonPractice{round2(f.practice.Mindfulness), round2(f.practice.Breathing), round2(f.practice.Movement)}
	for _, d := range in.Calendar {
		if d.Practices != 0 {
			f.practised++
		}
	}
	return f
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func statsJSON(in *insights.Insights) jsonStats {
	f := figuresOf(in)
	u := in.Urges
	out := jsonStats{
		From: in.Range.From.String(), To: in.Range.To.String(), Days: in.Range.Days(),
		CheckIns: in.CheckIns, Entries: in.Entries, Sessions: in.Sessions,
		MoodMean: f.mood, CravingMean: f.craving, SleepMean: f.sleep,
		Urges: jsonUrges{
			Episodes: u.Episodes, Interrupted: u.Interrupted, Surfed: u.Surfed, SurfedShare: round2(u.SurfedShare),
			MedianToPeakSec: u.MedianToPeak.Seconds(), MedianLengthSec: u.MedianDuration.Seconds(),
			Triggers: u.Triggers, HALT: u.HALT,
		},
		Practice: f.practice, Gratitude: len(in.GratitudeDays), DaysPractised: f.practised, Practised30: in.Practised,
		Lapses: []string{}, Weeks: []jsonWeek{},
	}
	if out.Urges.Triggers == nil {
		out.Urges.Triggers = []practice.Tally{}
	}
	if out.Urges.HALT == nil {
		out.Urges.HALT = []practice.Tally{}
	}
	for _, d := range in.Lapses {
		out.Lapses = append(out.Lapses, d.String())
	}
	for _, w := range in.Weeks {
		jw := jsonWeek{Start: w.Start.String(), Urges: w.Urges, CheckIns: w.CravingDays, GratitudeDays: w.GratitudeDays}
		if w.CravingDays > 0 {
			c := round2(w.Craving)
			jw.Craving = &c
		}
		out.Weeks = append(out.Weeks, jw)
	}
	return out
}

func printStats(w io.Writer, in *insights.Insights) {
	f := figuresOf(in)
	u := in.Urges
	num := func(p *float64, unit string) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf("%.1f%s", *p, unit)
	}
	tallies := func(ts []practice.Tally) string {
		if len(ts) == 0 {
			return "-"
		}
		var s []string
		for _, t := range ts[:min(len(ts), 3)] {
			s = append(s, fmt.Sprintf("%s (%d)", clean(t.Name), t.N))
		}
		return strings.Join(s, ", ")
	}
	line := func(k, v string) { fmt.Fprintf(w, "%-22s %s\n", k, v) }
	fmt.Fprintf(w, "%s – %s (%d days)\n", in.Range.From, in.Range.To, in.Range.Days())
	line("check-ins", fmt.Sprint(in.CheckIns))
	line("mood (mean, 1-5)", num(f.mood, ""))
	line("craving (mean, 0-10)", num(f.craving, ""))
	line("sleep (mean)", num(f.sleep, " h"))
	line("urge episodes", fmt.Sprintf("%d finished, %d interrupted", u.Episodes, u.Interrupted))
	if u.Episodes > 0 {
		line("surfed without acting", fmt.Sprintf("%d of %d (%.0f%%)", u.Surfed, u.Episodes, 100*u.SurfedShare))
		line("median time to peak", duration(u.MedianToPeak))
		line("median length", duration(u.MedianDuration))
	}
	line("top triggers", tallies(u.Triggers))
	line("top HALT states", tallies(u.HALT))
	line("practice minutes", fmt.Sprintf("mindfulness %.0f, breathing %.0f, movement %.0f", f.practice.Mindfulness, f.practice.Breathing, f.practice.Movement))
	line("gratitude days", fmt.Sprint(len(in.GratitudeDays)))
	line("days practised", fmt.Sprintf("%d of %d", f.practised, in.Range.Days()))
	line("in the last 30 days", fmt.Sprintf("%d of %d", in.Practised, insights.StreakDays))
	var lapses []string
	for _, d := range in.Lapses {
		lapses = append(lapses, d.String())
	}
	l := fmt.Sprint(len(lapses))
	if len(lapses) > 0 {
		l += " (" + strings.Join(lapses, ", ") + ")"
	}
	line("lapses logged", l)
	fmt.Fprintf(w, "\n%-10s  %5s  %7s  %9s\n", "week of", "urges", "craving", "gratitude")
	for _, wk := range in.Weeks {
		c := "-"
		if wk.CravingDays > 0 {
			c = fmt.Sprintf("%.1f", wk.Craving)
		}
		fmt.Fprintf(w, "%-10s  %5d  %7s  %9d\n", wk.Start, wk.Urges, c, wk.GratitudeDays)
	}
}
