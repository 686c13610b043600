package charts

import (
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// sans is the chart font: Liberation Sans, embedded by gonum/plot; it
// has the Cyrillic letters Ukrainian needs.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Style is how a chart looks: its size and colours.
type Style struct {
	// Width and Height are the image size in pixels.
	Width, Height int
	// Scale is pixels per device-independent unit (Fyne's canvas scale):
	// text, lines and dots are that many times larger. Zero means 1.
	Scale float32
	// TextSize is the size of axis labels in device-independent units;
	// zero means 12.
	TextSize float32

	Background color.Color // behind the chart; nil for transparent
	Text       color.Color // labels and axes
	Grid       color.Color // guide lines
	Accent     color.Color // the data
	Fill       color.Color // the area under the data; nil for none
}

func (st Style) scale() float64 {
	if st.Scale <= 0 || math.IsNaN(float64(st.Scale)) {
		return 1
	}
	return float64(st.Scale)
}

func (st Style) textSize() vg.Length {
	if st.TextSize <= 0 {
		return 12
	}
	return vg.Length(st.TextSize)
}

// lineWidth of the data line, in points (one point is one unit at the
// resolution render uses).
func (st Style) lineWidth(compact bool) vg.Length {
	if compact {
		return vg.Points(1.5)
	}
	return vg.Points(2.5)
}

// plot starts a plot with the style's background.
func (st Style) plot() *plot.Plot {
	p := plot.New()
	p.BackgroundColor = st.Background
	if p.BackgroundColor == nil {
		p.BackgroundColor = color.Transparent
	}
	return p
}

// axes colours and sizes the axes and names them.
func (st Style) axes(p *plot.Plot, x, y string) {
	size := st.textSize()
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color = st.Grid
		a.Tick.Color = st.Grid
		a.Tick.Length = vg.Points(4)
		a.Tick.Label.Color = st.Text
		a.Tick.Label.Font = font.From(sans, size*0.9)
		a.Label.TextStyle.Color = st.Text
		a.Label.TextStyle.Font = font.From(sans, size)
		a.Padding = vg.Points(2)
	}
	p.X.Label.Text, p.Y.Label.Text = x, y
}

// render draws p on a transparent image of the style's size. One point
// is one device-independent unit, so at Scale 1 a 12-point label is as
// tall as the 12-unit text around it.
func (st Style) render(p *plot.Plot) image.Image {
	if st.Width <= 0 || st.Height <= 0 {
		return image.NewNRGBA(image.Rect(0, 0, max(st.Width, 0), max(st.Height, 0)))
	}
	dpi := max(int(math.Round(72*st.scale())), 1)
	c := vgimg.NewWith(
		vgimg.UseWH(vg.Length(float64(st.Width)/float64(dpi))*vg.Inch, vg.Length(float64(st.Height)/float64(dpi))*vg.Inch),
		vgimg.UseDPI(dpi),
		vgimg.UseBackgroundColor(color.Transparent),
	)
	p.Draw(draw.New(c))
	return c.Image()
}
