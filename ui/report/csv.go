package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/insights"
)

// CSV writes the report's numbers, one row a day of the range, with the
// columns of the chosen contents after the date. Column names are fixed
// English identifiers so spreadsheets and scripts can rely on them; an
// empty cell means nothing was logged.
func CSV(w io.Writer, recs []journal.Record, req Request) error {
	d, err := prepare(recs, req)
	if err != nil {
		return err
	}
	c := req.Contents
	header := []string{"date"}
	if c.CheckIns {
		header = append(header, "mood", "craving", "sleep_hours", "movement_min", "mindful", "connection", "learning", "lapse")
	}
	if c.Urges {
		header = append(header, "urge_episodes", "urges_surfed", "urge_peak_max")
	}
	if c.Practices {
		header = append(header, "mindfulness_min", "breathing_min", "gratitude", "practices")
	}
	type row struct {
		checkIn                *journal.CheckIn
		urges, surfed, peakMax int
	}
	days := map[insights.Day]*row{}
	get := func(day insights.Day) *row {
		r := days[day]
		if r == nil {
			r = &row{peakMax: -1}
			days[day] = r
		}
		return r
	}
	for _, r := range d.checkIns {
		day, _ := insights.ParseDay(r.Date)
		get(day).checkIn = r.CheckIn
	}
	for _, r := range d.urges {
		day, _ := insights.ParseDay(r.Date)
		x := get(day)
		x.urges++
		if r.Urge.Finished && !r.Urge.ActedOn {
			x.surfed++
		}
		for _, s := range r.Urge.Samples {
			x.peakMax = max(x.peakMax, s.Rating)
		}
	}
	minutes := map[insights.Day]insights.PracticeDay{}
	for _, p := range d.in.Practice {
		minutes[p.Day] = p
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	flag := func(b bool) string {
		if b {
			return "1"
		}
		return "0"
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, hd := range d.in.Calendar {
		x := days[hd.Day]
		rec := []string{hd.Day.String()}
		if c.CheckIns {
			if x != nil && x.checkIn != nil {
				ci := x.checkIn
				mood := ""
				if ci.Mood > 0 {
					mood = strconv.Itoa(ci.Mood)
				}
				sleep := ""
				if ci.SleepHours > 0 {
					sleep = num(ci.SleepHours)
				}
				rec = append(rec, mood, strconv.Itoa(ci.Craving), sleep, strconv.Itoa(ci.MovementMin),
					flag(ci.Mindful), flag(ci.Connection), flag(ci.Learning), flag(ci.Lapse))
			} else {
				rec = append(rec, "", "", "", "", "", "", "", "")
			}
		}
		if c.Urges {
			n, s, peak := 0, 0, ""
			if x != nil {
				n, s = x.urges, x.surfed
				if x.peakMax >= 0 {
					peak = strconv.Itoa(x.peakMax)
				}
			}
			rec = append(rec, strconv.Itoa(n), strconv.Itoa(s), peak)
		}
		if c.Practices {
			m := minutes[hd.Day]
			rec = append(rec, num(m.Mindfulness), num(m.Breathing), flag(hd.Practices&insights.PracticeGratitude != 0), strconv.Itoa(hd.Practices.Count()))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
