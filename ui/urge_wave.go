package ui

import (
	"image"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/ui/charts"
)

// waveView shows an urge wave drawn by [charts.Wave] in a raster, so it is
// drawn at the window's own pixel size and in the theme's colours.
type waveView struct {
	raster *canvas.Raster
	wave   charts.Wave
}

// newWaveView makes an empty wave of at least size min; a compact one has
// no axes, for lists.
func newWaveView(compact bool, min fyne.Size) *waveView {
	v := &waveView{wave: charts.Wave{Compact: compact}}
	v.raster = canvas.NewRaster(v.draw)
	v.raster.SetMinSize(min)
	return v
}

// set shows ratings over a time axis of at least span.
func (v *waveView) set(ratings []charts.Rating, span time.Duration) {
	v.wave.Ratings = ratings
	v.wave.Span = span.Minutes()
	v.raster.Refresh()
}

// draw is the raster's generator; the painter calls it with the size in
// pixels.
func (v *waveView) draw(w, h int) image.Image {
	w0 := v.wave
	if !w0.Compact {
		w0.XLabel = lang.X("urge.chart.minutes", "minutes")
		w0.YLabel = lang.X("urge.chart.urge", "urge")
	}
	scale := float32(1)
	if size := v.raster.Size(); size.Width > 0 {
		scale = float32(w) / size.Width
	}
	return w0.Image(chartStyle(w, h, scale))
}

// chartStyle is the theme's look for a chart of w×h pixels.
func chartStyle(w, h int, scale float32) charts.Style {
	accent := theme.Color(theme.ColorNamePrimary)
	r, g, b, _ := accent.RGBA()
	return charts.Style{
		Width: w, Height: h, Scale: scale,
		TextSize: theme.Size(theme.SizeNameCaptionText),
		Text:     theme.Color(theme.ColorNameForeground),
		Grid:     theme.Color(theme.ColorNameSeparator),
		Accent:   accent,
		Fill:     color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x50},
	}
}

// waveRatings are an episode's ratings in minutes since its start.
func waveRatings(ep journal.UrgeEpisode) []charts.Rating {
	out := make([]charts.Rating, len(ep.Samples))
	for i, x := range ep.Samples {
		out[i] = charts.Rating{Minutes: max(x.At.Sub(ep.Started), 0).Minutes(), Value: x.Rating}
	}
	return out
}
