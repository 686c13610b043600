package charts

import (
	"image"
	"math"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/rewirejournal/rewire/journal/insights"
)

// weeklyAfter is the range length (in days) above which per-day bars become
// per-week bars, so a year still reads.
const weeklyAfter = 120

// monthsAfter is the range length (in days) above which time axes are
// labelled by month, with the year.
const monthsAfter = 180

// monthStarts returns the first days of the months that begin in
// [from, to], every step-th, with step chosen so there are at most n.
func monthStarts(from, to insights.Day, n int) []insights.Day {
	var all []insights.Day
	t := from.Time()
	m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	if m.Before(t) {
		m = m.AddDate(0, 1, 0)
	}
	for ; !m.After(to.Time()); m = m.AddDate(0, 1, 0) {
		all = append(all, insights.DayOf(m))
	}
	step := max(1, int(math.Ceil(float64(len(all))/float64(max(n, 1)))))
	for _, s := range []int{1, 2, 3, 4, 6, 12, 24} { // steps that keep to quarters and years
		if s >= step {
			step = s
			break
		}
	}
	var out []insights.Day
	for i := 0; i < len(all); i += step {
		out = append(out, all[i])
	}
	return out
}

// dayTicks labels about n days from r evenly, as x = day − r.From; a long
// range is labelled by month.
func dayTicks(r insights.Range, t Text, n int) plot.Ticker {
	return plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		if r.Days() > monthsAfter {
			var ts []plot.Tick
			for _, d := range monthStarts(r.From, r.To, n) {
				ts = append(ts, plot.Tick{Value: float64(d - r.From), Label: t.month(d)})
			}
			return ts
		}
		span := r.Days()
		step := max(1, int(math.Ceil(float64(span)/float64(n))))
		// Weekly steps start on Mondays so labels read as weeks.
		if step >= 7 {
			step = (step + 6) / 7 * 7
		}
		first := 0
		if step%7 == 0 {
			first = int(r.From.WeekStart() - r.From)
			if first < 0 {
				first += 7
			}
		}
		var ts []plot.Tick
		for i := first; i < span; i += step {
			ts = append(ts, plot.Tick{Value: float64(i), Label: t.date(r.From + insights.Day(i))})
		}
		return ts
	})
}

func xDays(p *plot.Plot, r insights.Range, t Text, s Palette, w int) {
	p.X.Min, p.X.Max = -0.5, float64(r.Days())-0.5
	p.X.Tick.Marker = dayTicks(r, t, max(2, w/int(110*s.scale())))
}

// Mood draws each day's mood as a dot and the 7-day rolling mean as a line.
func Mood(in *insights.Insights, t Text, s Palette, w, h int) image.Image {
	p := newPlot(s)
	grid(p, s)
	xDays(p, in.Range, t, s, w)
	p.Y.Min, p.Y.Max = 0.7, 6.3
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 1, Label: "1"}, {Value: 2, Label: "2"}, {Value: 3, Label: "3"}, {Value: 4, Label: "4"}, {Value: 5, Label: "5"}}
	if len(in.Mood) > 0 {
		pts := make(plotter.XYs, len(in.Mood))
		for i, v := range in.Mood {
			pts[i] = plotter.XY{X: float64(v.Day - in.Range.From), Y: v.Value}
		}
		sc, _ := plotter.NewScatter(pts)
		sc.GlyphStyle.Color = withAlpha(s.series(0), 0xbb)
		sc.GlyphStyle.Radius = s.pt(2.8)
		sc.GlyphStyle.Shape = draw.CircleGlyph{}
		p.Add(sc)
		p.Legend.Add(t.MoodDaily, sc)
	}
	if len(in.MoodMean) > 0 {
		for _, seg := range segments(in.MoodMean, in.Range.From) {
			l, _ := plotter.NewLine(seg)
			l.Color = s.series(1)
			l.Width = s.pt(2)
			p.Add(l)
			if seg[0].X == float64(in.MoodMean[0].Day-in.Range.From) {
				p.Legend.Add(t.MoodMean, l)
			}
		}
	}
	return renderPlot(p, s, w, h)
}

// segments splits day values into runs of consecutive days, so a line
// breaks over gaps.
func segments(vs []insights.DayValue, from insights.Day) []plotter.XYs {
	var out []plotter.XYs
	var cur plotter.XYs
	for i, v := range vs {
		if i > 0 && v.Day != vs[i-1].Day+1 {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, plotter.XY{X: float64(v.Day - from), Y: v.Value})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// weekTicks labels week indexes with their Monday, or, over more than
// half a year, the weeks where months begin with the month.
func weekTicks(weeks []insights.Week, t Text, maxLabels int) plot.Ticker {
	return plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		if n := len(weeks); n > 0 && n*7 > monthsAfter {
			first := weeks[0].Start
			var ts []plot.Tick
			for _, d := range monthStarts(first, weeks[n-1].Start+6, maxLabels) {
				ts = append(ts, plot.Tick{Value: float64(int(d-first) / 7), Label: t.month(d)})
			}
			return ts
		}
		step := max(1, int(math.Ceil(float64(len(weeks))/float64(max(maxLabels, 1)))))
		var ts []plot.Tick
		for i := 0; i < len(weeks); i += step {
			ts = append(ts, plot.Tick{Value: float64(i), Label: t.date(weeks[i].Start)})
		}
		return ts
	})
}

func barWidth(n, w int, s Palette) vg.Length {
	// The plot area is roughly the image less 60 px of axis; bars take
	// 70% of each slot, in points.
	px := float64(max(w-int(60*s.scale()), 20)) / float64(max(n, 1)) * 0.7
	return vg.Length(px * 72 / (96 * s.scale()))
}

// Weekly draws urge episodes per week as bars and the week's mean craving
// as a line, on one 0–10 scale.
func Weekly(in *insights.Insights, t Text, s Palette, w, h int) image.Image {
	p := newPlot(s)
	grid(p, s)
	n := len(in.Weeks)
	p.X.Min, p.X.Max = -0.6, float64(n)-0.4
	p.X.Tick.Marker = weekTicks(in.Weeks, t, w/int(90*s.scale()))
	p.Y.Min = 0
	p.Y.Max = 10
	p.Y.Tick.Marker = intTicks
	urges := make(plotter.Values, n)
	var line plotter.XYs
	for i, wk := range in.Weeks {
		urges[i] = float64(wk.Urges)
		p.Y.Max = max(p.Y.Max, urges[i]+0.5)
		if !math.IsNaN(wk.Craving) {
			line = append(line, plotter.XY{X: float64(i), Y: wk.Craving})
		}
	}
	p.Y.Max *= legendRoom
	if n > 0 {
		bars, _ := plotter.NewBarChart(urges, barWidth(n, w, s))
		bars.Color = withAlpha(s.series(0), 0xcc)
		bars.LineStyle.Width = 0
		p.Add(bars)
		p.Legend.Add(t.Urges, bars)
	}
	if len(line) > 0 {
		l, pts, _ := plotter.NewLinePoints(line)
		l.Color = s.series(1)
		l.Width = s.pt(2)
		pts.Color = s.series(1)
		pts.Radius = s.pt(2.5)
		pts.Shape = draw.CircleGlyph{}
		p.Add(l, pts)
		p.Legend.Add(t.Craving, l)
	}
	return renderPlot(p, s, w, h)
}

// Waves overlays urge episodes: rating over minutes since the start. Waves
// acted on are drawn in the second colour.
func Waves(waves []insights.Wave, t Text, s Palette, w, h int) image.Image {
	p := newPlot(s)
	grid(p, s)
	p.X.Label.Text = t.Minutes
	p.Y.Label.Text = t.Rating
	p.X.Min, p.Y.Min, p.Y.Max = 0, 0, 10.2
	p.X.Max = 10
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 2, Label: "2"}, {Value: 4, Label: "4"}, {Value: 6, Label: "6"}, {Value: 8, Label: "8"}, {Value: 10, Label: "10"}}
	alpha := uint8(0xd0)
	if len(waves) > 8 {
		alpha = uint8(max(0x40, 0xd0-len(waves)*2))
	}
	for _, wv := range waves {
		if len(wv.Points) == 0 {
			continue
		}
		pts := make(plotter.XYs, len(wv.Points))
		for i, pt := range wv.Points {
			pts[i] = plotter.XY{X: pt.Minutes(), Y: float64(pt.Rating)}
			p.X.Max = max(p.X.Max, pt.Minutes())
		}
		l, _ := plotter.NewLine(pts)
		c := s.series(0)
		if wv.ActedOn {
			c = s.series(1)
		}
		l.Color = withAlpha(c, alpha)
		l.Width = s.pt(1.6)
		p.Add(l)
	}
	return renderPlot(p, s, w, h)
}

// Practice draws practice minutes as stacked bars by practice: per day, or
// per week for ranges over 120 days.
func Practice(in *insights.Insights, t Text, s Palette, w, h int) image.Image {
	p := newPlot(s)
	grid(p, s)
	r := in.Range
	weekly := r.Days() > weeklyAfter
	var n int
	var index func(insights.Day) int
	if weekly {
		n = len(in.Weeks)
		first := r.From.WeekStart()
		index = func(d insights.Day) int { return int(d.WeekStart()-first) / 7 }
		p.X.Min, p.X.Max = -0.6, float64(n)-0.4
		p.X.Tick.Marker = weekTicks(in.Weeks, t, w/int(90*s.scale()))
		p.Y.Label.Text = t.MinutesPerWeek
	} else {
		n = r.Days()
		index = func(d insights.Day) int { return int(d - r.From) }
		xDays(p, r, t, s, w)
		p.Y.Label.Text = t.MinutesPerDay
	}
	mind, breath, move := make(plotter.Values, n), make(plotter.Values, n), make(plotter.Values, n)
	for _, d := range in.Practice {
		i := index(d.Day)
		if i < 0 || i >= n {
			continue
		}
		mind[i] += d.Mindfulness
		breath[i] += d.Breathing
		move[i] += d.Movement
	}
	p.Y.Min = 0
	p.Y.Max = 10
	for i := range n {
		p.Y.Max = max(p.Y.Max, mind[i]+breath[i]+move[i])
	}
	p.Y.Max *= legendRoom
	p.Y.Tick.Marker = intTicks
	if n > 0 {
		bw := barWidth(n, w, s)
		var below *plotter.BarChart
		for i, series := range []struct {
			v    plotter.Values
			name string
		}{{mind, t.Mindfulness}, {breath, t.Breathing}, {move, t.Movement}} {
			b, _ := plotter.NewBarChart(series.v, bw)
			b.Color = s.series(i)
			b.LineStyle.Width = 0
			if below != nil {
				b.StackOn(below)
			}
			p.Add(b)
			p.Legend.Add(series.name, b)
			below = b
		}
	}
	return renderPlot(p, s, w, h)
}

// Gratitude draws how many days of each week had gratitude (0–7).
func Gratitude(in *insights.Insights, t Text, s Palette, w, h int) image.Image {
	p := newPlot(s)
	grid(p, s)
	n := len(in.Weeks)
	p.X.Min, p.X.Max = -0.6, float64(n)-0.4
	p.X.Tick.Marker = weekTicks(in.Weeks, t, w/int(90*s.scale()))
	p.Y.Min, p.Y.Max = 0, 7.3
	p.Y.Label.Text = t.GratitudeDays
	p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 1}, {Value: 2}, {Value: 3}, {Value: 4}, {Value: 5}, {Value: 6}, {Value: 7, Label: "7"}}
	vs := make(plotter.Values, n)
	for i, wk := range in.Weeks {
		vs[i] = float64(wk.GratitudeDays)
	}
	if n > 0 {
		b, _ := plotter.NewBarChart(vs, barWidth(n, w, s))
		b.Color = s.series(3)
		b.LineStyle.Width = 0
		p.Add(b)
	}
	return renderPlot(p, s, w, h)
}

// Sleep draws hours of sleep from check-ins, with the 7–9 hour band.
func Sleep(in *insights.Insights, t Text, s Palette, w, h int) image.Image {
	p := newPlot(s)
	xDays(p, in.Range, t, s, w)
	p.Y.Min, p.Y.Max = 0, 12
	p.Y.Label.Text = t.Hours
	last := float64(in.Range.Days()) - 0.5
	band, _ := plotter.NewPolygon(plotter.XYs{{X: -0.5, Y: 7}, {X: last, Y: 7}, {X: last, Y: 9}, {X: -0.5, Y: 9}})
	band.Color = withAlpha(s.series(2), 0x40)
	band.LineStyle.Width = 0
	p.Add(band)
	p.Legend.Add(t.SleepBand, band)
	grid(p, s)
	for _, seg := range segments(in.Sleep, in.Range.From) {
		l, pts, _ := plotter.NewLinePoints(seg)
		l.Color = s.series(2)
		l.Width = s.pt(1.6)
		pts.Color = s.series(2)
		pts.Radius = s.pt(2)
		pts.Shape = draw.CircleGlyph{}
		p.Add(l, pts)
	}
	for _, v := range in.Sleep {
		p.Y.Max = max(p.Y.Max, v.Value+0.5)
	}
	p.Y.Max *= 1.15
	p.Y.Tick.Marker = intTicks
	return renderPlot(p, s, w, h)
}
