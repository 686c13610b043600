package charts

import (
	"image"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Rating is one urge rating on the wave: when, in minutes after the start,
// and how strong, 0–10.
type Rating struct {
	Minutes float64
	Value   int
}

// MaxRating is the top of the urge scale.
const MaxRating = 10

// Wave is an urge-surfing episode drawn as a wave: the ratings joined by a
// smooth curve that never overshoots them, the area below it filled, each
// rating a dot and the peak a larger one.
type Wave struct {
	Ratings []Rating // in time order
	// Span is how many minutes the time axis covers at least; a live wave
	// passes the time since the start, so the axis moves on between
	// ratings. The axis always reaches the last rating.
	Span float64
	// XLabel and YLabel name the axes (already translated); Compact
	// leaves out the axes and labels, for thumbnails in a list.
	XLabel, YLabel string
	Compact        bool
}

// Image draws the wave in the given style. It returns an empty image of
// the style's size when there is nothing to draw.
func (w Wave) Image(st Style) image.Image {
	p := st.plot()
	if w.Compact {
		p.HideAxes()
	} else {
		st.axes(p, w.XLabel, w.YLabel)
		p.Y.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: "0"}, {Value: 5, Label: "5"}, {Value: 10, Label: "10"}}
		p.X.Tick.Marker = minuteTicks{}
		grid := plotter.NewGrid()
		grid.Vertical.Width = 0
		grid.Horizontal.Color = st.Grid
		grid.Horizontal.Width = vg.Points(0.5)
		p.Add(grid)
	}
	p.Y.Min, p.Y.Max = 0, MaxRating
	p.X.Min, p.X.Max = 0, max(w.Span, 1)
	if n := len(w.Ratings); n > 0 {
		p.X.Max = max(p.X.Max, w.Ratings[n-1].Minutes)
	}
	if len(w.Ratings) > 0 {
		curve := plotter.XYs(smooth(w.Ratings, 12))
		line := &plotter.Line{XYs: curve, FillColor: st.Fill}
		line.LineStyle = draw.LineStyle{Color: st.Accent, Width: st.lineWidth(w.Compact)}
		p.Add(line)
		if !w.Compact {
			dots := make(plotter.XYs, len(w.Ratings))
			peak := 0
			for i, r := range w.Ratings {
				dots[i] = plotter.XY{X: r.Minutes, Y: float64(r.Value)}
				if r.Value > w.Ratings[peak].Value {
					peak = i
				}
			}
			sc := &plotter.Scatter{XYs: dots}
			sc.GlyphStyleFunc = func(i int) draw.GlyphStyle {
				g := draw.GlyphStyle{Color: st.Accent, Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
				if i == peak {
					g.Radius = vg.Points(5)
				}
				return g
			}
			p.Add(sc)
		}
	}
	return st.render(p)
}

// smooth joins the ratings with a monotone cubic (Fritsch–Carlson), steps
// points between each pair: it passes through every rating and never goes
// above or below its neighbours, so the drawn wave shows no peak that was
// not given. One rating is a flat line.
func smooth(rs []Rating, steps int) []plotter.XY {
	n := len(rs)
	if n == 1 {
		v := float64(rs[0].Value)
		return []plotter.XY{{X: rs[0].Minutes, Y: v}, {X: rs[0].Minutes, Y: v}}
	}
	x := make([]float64, n)
	y := make([]float64, n)
	for i, r := range rs {
		x[i], y[i] = r.Minutes, float64(r.Value)
	}
	d := make([]float64, n-1) // secant slopes
	for i := range n - 1 {
		if dx := x[i+1] - x[i]; dx > 0 {
			d[i] = (y[i+1] - y[i]) / dx
		}
	}
	m := make([]float64, n) // tangents
	m[0], m[n-1] = d[0], d[n-2]
	for i := 1; i < n-1; i++ {
		if d[i-1]*d[i] > 0 {
			m[i] = (d[i-1] + d[i]) / 2
		}
	}
	for i := range n - 1 {
		if d[i] == 0 {
			m[i], m[i+1] = 0, 0
			continue
		}
		a, b := m[i]/d[i], m[i+1]/d[i]
		if s := a*a + b*b; s > 9 {
			t := 3 / math.Sqrt(s)
			m[i], m[i+1] = t*a*d[i], t*b*d[i]
		}
	}
	out := make([]plotter.XY, 0, (n-1)*steps+1)
	for i := range n - 1 {
		h := x[i+1] - x[i]
		for k := range steps {
			t := float64(k) / float64(steps)
			t2, t3 := t*t, t*t*t
			v := (2*t3-3*t2+1)*y[i] + (t3-2*t2+t)*h*m[i] + (-2*t3+3*t2)*y[i+1] + (t3-t2)*h*m[i+1]
			out = append(out, plotter.XY{X: x[i] + t*h, Y: min(max(v, 0), MaxRating)})
		}
	}
	return append(out, plotter.XY{X: x[n-1], Y: y[n-1]})
}

// minuteTicks marks whole minutes: every minute on a short axis, then
// every 2, 5, 10 or 30 so there are at most about eight labels.
type minuteTicks struct{}

func (minuteTicks) Ticks(lo, hi float64) []plot.Tick {
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 15, 30, 60} {
		step = s
		if (hi-lo)/s <= 8 {
			break
		}
	}
	var ts []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: formatMinutes(v)})
	}
	return ts
}

func formatMinutes(v float64) string { return strconv.Itoa(int(math.Round(v))) }
