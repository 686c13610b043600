package charts

import (
	"image"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/rewirejournal/rewire/journal/insights"
)

// Palette is the colours and scale a chart is drawn with.
type Palette struct {
	Background color.Color // transparent is fine on screen
	Foreground color.Color // text and axes
	Grid       color.Color
	// Series are the colours of the data, in order: the main series
	// first. At least four.
	Series []color.Color
	// Empty is the colour of a calendar day without practice.
	Empty color.Color
	// Scale is the pixel density over 96 dpi: 1 on a plain screen, 2 on a
	// HiDPI one or for print. Text and lines keep their size in points, so
	// a chart drawn at twice the pixels and Scale 2 looks the same, only
	// sharper.
	Scale float64
}

// Light is the style for the light theme and for paper.
func Light() Palette {
	return Palette{
		Background: color.NRGBA{0xff, 0xff, 0xff, 0xff},
		Foreground: color.NRGBA{0x33, 0x3a, 0x40, 0xff},
		Grid:       color.NRGBA{0xe2, 0xe6, 0xe9, 0xff},
		Series: []color.Color{
			color.NRGBA{0x2f, 0x7d, 0x79, 0xff}, // teal
			color.NRGBA{0xd9, 0x8a, 0x3d, 0xff}, // amber
			color.NRGBA{0x6b, 0x78, 0xc7, 0xff}, // periwinkle
			color.NRGBA{0x8f, 0xb3, 0x5a, 0xff}, // moss
		},
		Empty: color.NRGBA{0xee, 0xf0, 0xf2, 0xff},
		Scale: 1,
	}
}

// Dark is the style for the dark theme.
func Dark() Palette {
	return Palette{
		Background: color.NRGBA{0x1f, 0x23, 0x27, 0xff},
		Foreground: color.NRGBA{0xd8, 0xdd, 0xe1, 0xff},
		Grid:       color.NRGBA{0x36, 0x3c, 0x42, 0xff},
		Series: []color.Color{
			color.NRGBA{0x5f, 0xc4, 0xbd, 0xff},
			color.NRGBA{0xf0, 0xa9, 0x5f, 0xff},
			color.NRGBA{0x9a, 0xa6, 0xf0, 0xff},
			color.NRGBA{0xb3, 0xd6, 0x7e, 0xff},
		},
		Empty: color.NRGBA{0x2c, 0x31, 0x36, 0xff},
		Scale: 1,
	}
}

func (s Palette) series(i int) color.Color {
	if len(s.Series) == 0 {
		return s.Foreground
	}
	return s.Series[i%len(s.Series)]
}

func (s Palette) scale() float64 {
	if s.Scale <= 0 {
		return 1
	}
	return s.Scale
}

// pt returns n points.
func (s Palette) pt(n float64) vg.Length { return vg.Length(n) }

// withAlpha returns c with alpha a (0–255), premultiplied correctly.
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), a}
}

// newPlot returns a plot styled with s: sans text, light grid, no title.
func newPlot(s Palette) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = s.Background
	f := func(size float64) font.Font {
		return font.Font{Typeface: "Liberation", Variant: "Sans", Size: s.pt(size)}
	}
	p.Title.TextStyle.Font = f(12)
	p.Title.TextStyle.Color = s.Foreground
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Color = s.Foreground
		ax.LineStyle.Color = s.Foreground
		ax.LineStyle.Width = s.pt(0.8)
		ax.Label.TextStyle.Font = f(11)
		ax.Label.TextStyle.Color = s.Foreground
		ax.Tick.Label.Font = f(10)
		ax.Tick.Label.Color = s.Foreground
		ax.Tick.LineStyle.Color = s.Foreground
		ax.Tick.LineStyle.Width = s.pt(0.8)
		ax.Tick.Length = s.pt(4)
		ax.Padding = s.pt(4)
	}
	p.Legend.TextStyle.Font = f(10)
	p.Legend.TextStyle.Color = s.Foreground
	p.Legend.Top = true
	p.Legend.Padding = s.pt(2)
	p.Legend.ThumbnailWidth = s.pt(14)
	return p
}

// grid adds horizontal grid lines.
func grid(p *plot.Plot, s Palette) {
	g := plotterGrid(s)
	p.Add(g)
}

// renderPlot draws p into a w×h pixel image. A size below 1 pixel is drawn as
// 1 pixel.
func renderPlot(p *plot.Plot, s Palette, w, h int) image.Image {
	w, h = max(w, 1), max(h, 1)
	dpi := 96 * s.scale()
	c := vgimg.NewWith(
		vgimg.UseWH(vg.Length(float64(w)/dpi)*vg.Inch, vg.Length(float64(h)/dpi)*vg.Inch),
		vgimg.UseDPI(int(math.Round(dpi))),
		vgimg.UseBackgroundColor(s.Background),
	)
	p.Draw(draw.New(c))
	return c.Image()
}

// Text is the words a chart shows, translated by the caller.
type Text struct {
	// Date labels a day on a time axis; nil gives "2 Jan".
	Date func(insights.Day) string
	// Month labels the first day of a month on a long time axis; nil
	// gives "Jan 2026".
	Month func(insights.Day) string
	// Weekdays are Monday to Sunday, short.
	Weekdays [7]string

	MoodDaily, MoodMean    string // legend: a day's mood, the 7-day mean
	MoodLow, MoodHigh      string // the ends of the mood axis
	Urges, Craving         string // legend of the weekly chart
	Minutes, Rating        string // axes of the urge waves
	Mindfulness, Breathing string // legend of practice minutes
	Movement               string
	MinutesPerDay          string // axis of practice minutes
	MinutesPerWeek         string // the same when weeks are shown
	GratitudeDays          string // axis: days with gratitude in a week
	Hours, SleepBand       string // axis of sleep, and the 7–9 h band
}

// English returns the charts' words in English.
func English() Text {
	return Text{
		Weekdays:       [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
		MoodDaily:      "Mood",
		MoodMean:       "7-day mean",
		MoodLow:        "very low",
		MoodHigh:       "very good",
		Urges:          "Urge episodes",
		Craving:        "Craving (0–10)",
		Minutes:        "Minutes",
		Rating:         "Urge (0–10)",
		Mindfulness:    "Mindfulness",
		Breathing:      "Breathing",
		Movement:       "Movement",
		MinutesPerDay:  "Minutes a day",
		MinutesPerWeek: "Minutes a week",
		GratitudeDays:  "Days in the week",
		Hours:          "Hours",
		SleepBand:      "7–9 hours",
	}
}

func (t Text) month(d insights.Day) string {
	if t.Month != nil {
		return t.Month(d)
	}
	return d.Time().Format("Jan 2006")
}

func (t Text) date(d insights.Day) string {
	if t.Date != nil {
		return t.Date(d)
	}
	return d.Time().Format("2 Jan")
}

// intTicks labels whole numbers at a round step, about five of them.
var intTicks = plot.TickerFunc(func(lo, hi float64) []plot.Tick {
	span := hi - lo
	step := 1.0
	for _, s := range []float64{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000} {
		step = s
		if span/s <= 6 {
			break
		}
	}
	var ts []plot.Tick
	for v := math.Ceil(lo/step) * step; v <= hi; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64)})
	}
	return ts
})

// legendRoom is how much higher than the data the value axis reaches, so
// the legend in the top corner does not cover it.
const legendRoom = 1.3
