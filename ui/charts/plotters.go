package charts

import (
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/rewirejournal/rewire/journal/insights"
)

func plotterGrid(s Palette) *plotter.Grid {
	g := plotter.NewGrid()
	g.Vertical.Width = 0
	g.Horizontal.Color = s.Grid
	g.Horizontal.Width = s.pt(0.6)
	return g
}

// heat is the calendar heat map: one column a week, one row a weekday
// (Monday on top), each day coloured by how many practices it had.
type heat struct {
	days  []insights.HeatDay
	first insights.Day // the Monday of the first week
	cells []color.Color
	empty color.Color
	gap   vg.Length
}

// level maps a day's number of practices to a colour index: 0 none, then
// 1, 2, 3 and 4 or more.
func level(n int) int { return min(n, 4) }

func (h *heat) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, d := range h.days {
		col := float64(int(d.Day-h.first) / 7)
		row := float64((int(d.Day.Weekday()) + 6) % 7)
		x0, x1 := tx(col-0.5), tx(col+0.5)
		y0, y1 := ty(-row-0.5), ty(-row+0.5)
		clr := h.empty
		if n := level(d.Practices.Count()); n > 0 {
			clr = h.cells[n-1]
		}
		g := h.gap / 2
		c.FillPolygon(clr, []vg.Point{{X: x0 + g, Y: y0 + g}, {X: x1 - g, Y: y0 + g}, {X: x1 - g, Y: y1 - g}, {X: x0 + g, Y: y1 - g}})
	}
}

func (h *heat) lastCol() float64 {
	if len(h.days) == 0 {
		return 0
	}
	return float64(int(h.days[len(h.days)-1].Day-h.first) / 7)
}

func (h *heat) DataRange() (xmin, xmax, ymin, ymax float64) {
	if len(h.days) == 0 {
		return -0.5, 0.5, -6.5, 0.5
	}
	last := h.days[len(h.days)-1].Day
	return -0.5, float64(int(last-h.first)/7) + 0.5, -6.5, 0.5
}

// Calendar draws the range as a calendar of weeks, each day shaded by how
// many practices it had (none, 1, 2, 3, 4 or more).
func Calendar(in *insights.Insights, t Text, s Palette, w, h int) image.Image {
	p := newPlot(s)
	first := in.Range.From.WeekStart()
	cells := make([]color.Color, 4)
	for i := range cells {
		cells[i] = withAlpha(s.series(0), uint8(0x50+i*0x30))
	}
	cells[3] = s.series(0)
	hm := &heat{days: in.Calendar, first: first, cells: cells, empty: s.Empty, gap: s.pt(1.5)}
	p.Add(hm)
	p.X.LineStyle.Width, p.Y.LineStyle.Width = 0, 0
	p.X.Tick.LineStyle.Width, p.Y.Tick.LineStyle.Width = 0, 0
	xmin, xmax, _, _ := hm.DataRange()
	// Square days: a short range leaves room on the right rather than
	// stretching its few weeks across the width.
	sc := s.scale()
	cell := (float64(h) - 36*sc) / 7
	if cols := (float64(w) - 50*sc) / max(cell, 1); cell > 0 && cols > xmax-xmin {
		xmax = xmin + cols
	}
	p.X.Min, p.X.Max = xmin, xmax
	p.Y.Min, p.Y.Max = -6.5, 0.5
	var yt plot.ConstantTicks
	for i, name := range t.Weekdays {
		if i%2 == 0 {
			yt = append(yt, plot.Tick{Value: -float64(i), Label: name})
		}
	}
	p.Y.Tick.Marker = yt
	weeks := int(hm.lastCol() + 1)
	colPx := (float64(w) - 50*sc) / (xmax - xmin)
	step := max(1, int(math.Ceil(70*sc/max(colPx, 1))))
	p.X.Tick.Marker = plot.TickerFunc(func(lo, hi float64) []plot.Tick {
		var ts []plot.Tick
		if weeks*7 > monthsAfter {
			for _, d := range monthStarts(first, first+insights.Day(7*weeks-1), max(1, weeks/step)) {
				ts = append(ts, plot.Tick{Value: float64(int(d-first) / 7), Label: t.month(d)})
			}
			return ts
		}
		for i := 0; i < weeks; i += step {
			ts = append(ts, plot.Tick{Value: float64(i), Label: t.date(first + insights.Day(7*i))})
		}
		return ts
	})
	return renderPlot(p, s, w, h)
}
