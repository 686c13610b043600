package charts

import (
	"image"
	"image/color"
	"testing"
)

// testStyle uses pure colours, so a test can tell the data from the text.
var testStyle = Style{
	Width: 600, Height: 240,
	Text:   color.NRGBA{R: 0xff, A: 0xff},
	Grid:   color.NRGBA{G: 0xff, A: 0xff},
	Accent: color.NRGBA{B: 0xff, A: 0xff},
	Fill:   color.NRGBA{B: 0xff, A: 0x40},
}

// risingAndFalling peaks at 8 after two minutes.
var risingAndFalling = []Rating{{0, 5}, {1, 7}, {2, 8}, {3, 6}, {4, 3}, {5, 2}}

// isData reports whether c is the opaque accent colour (blended edges
// are not).
func isData(c color.Color) bool {
	r, g, b, a := c.RGBA()
	return a > 0xf000 && b > 0xe000 && r < 0x2000 && g < 0x2000
}

// isText reports whether c is mostly the text colour.
func isText(c color.Color) bool {
	r, g, b, a := c.RGBA()
	return a > 0x8000 && r > 0x8000 && g < 0x4000 && b < 0x4000
}

func count(img image.Image, match func(color.Color) bool) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if match(img.At(x, y)) {
				n++
			}
		}
	}
	return n
}

// top returns the topmost pixel matching, scanning rows from the top.
func top(img image.Image, match func(color.Color) bool) (image.Point, bool) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if match(img.At(x, y)) {
				return image.Pt(x, y), true
			}
		}
	}
	return image.Point{}, false
}

func TestWaveImage(t *testing.T) {
	tests := []struct {
		name  string
		wave  Wave
		style Style
		check func(t *testing.T, img image.Image)
		wantW int
		wantH int
	}{
		{
			name:  "the wave is highest where the peak rating was given",
			wave:  Wave{Ratings: risingAndFalling, Span: 5, XLabel: "minutes", YLabel: "urge"},
			style: testStyle, wantW: 600, wantH: 240,
			check: func(t *testing.T, img image.Image) {
				p, ok := top(img, isData)
				if !ok {
					t.Fatal("no data drawn")
				}
				// The peak is at minute 2 of 0–5: 40 % across the plot
				// area, which starts after the y axis.
				if f := float64(p.X) / 600; f < 0.3 || f > 0.55 {
					t.Errorf("highest point at x=%d (%.2f of the width), want near 0.4", p.X, f)
				}
				// 8 of 10 is a fifth of the way down the plot area.
				if f := float64(p.Y) / 240; f < 0.1 || f > 0.35 {
					t.Errorf("highest point at y=%d (%.2f of the height), want near 0.2", p.Y, f)
				}
			},
		},
		{
			name:  "labels are drawn in the text colour on a transparent background",
			wave:  Wave{Ratings: risingAndFalling, Span: 5, XLabel: "хвилини", YLabel: "потяг"},
			style: testStyle, wantW: 600, wantH: 240,
			check: func(t *testing.T, img image.Image) {
				if n := count(img, isText); n < 100 {
					t.Errorf("only %d text pixels: labels missing", n)
				}
				if _, _, _, a := img.At(599, 0).RGBA(); a != 0 {
					t.Errorf("top-right corner has alpha %d, want transparent", a)
				}
			},
		},
		{
			name:  "a compact wave has no axes or labels",
			wave:  Wave{Ratings: risingAndFalling, Span: 5, XLabel: "minutes", YLabel: "urge", Compact: true},
			style: Style{Width: 120, Height: 44, Text: testStyle.Text, Grid: testStyle.Grid, Accent: testStyle.Accent},
			wantW: 120, wantH: 44,
			check: func(t *testing.T, img image.Image) {
				if n := count(img, isText); n != 0 {
					t.Errorf("%d text pixels in a compact wave", n)
				}
				if n := count(img, isData); n == 0 {
					t.Error("no data drawn")
				}
			},
		},
		{
			name:  "text and lines grow with the scale, and the image keeps its pixel size",
			wave:  Wave{Ratings: risingAndFalling, Span: 5, XLabel: "minutes", YLabel: "urge"},
			style: func() Style { s := testStyle; s.Width, s.Height, s.Scale = 1200, 480, 2; return s }(),
			wantW: 1200, wantH: 480,
			check: func(t *testing.T, img image.Image) {
				small := count(testWave().Image(testStyle), isText)
				if big := count(img, isText); big < 3*small {
					t.Errorf("%d text pixels at scale 2, %d at scale 1: want about four times as many", big, small)
				}
			},
		},
		{
			name:  "one rating is a flat line",
			wave:  Wave{Ratings: []Rating{{0, 6}}, Span: 1},
			style: testStyle, wantW: 600, wantH: 240,
			check: func(t *testing.T, img image.Image) {
				if n := count(img, isData); n == 0 {
					t.Error("a single rating draws nothing")
				}
			},
		},
		{
			name:  "no ratings draws the empty axes",
			wave:  Wave{Span: 5},
			style: testStyle, wantW: 600, wantH: 240,
			check: func(t *testing.T, img image.Image) {
				if n := count(img, isData); n != 0 {
					t.Errorf("%d data pixels without ratings", n)
				}
			},
		},
		{
			name:  "a zero size is an empty image, not a panic",
			wave:  Wave{Ratings: risingAndFalling},
			style: Style{},
			check: func(*testing.T, image.Image) {},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := tt.wave.Image(tt.style)
			if b := img.Bounds(); b.Dx() != tt.wantW || b.Dy() != tt.wantH {
				t.Fatalf("image is %dx%d, want %dx%d", b.Dx(), b.Dy(), tt.wantW, tt.wantH)
			}
			tt.check(t, img)
		})
	}
}

func testWave() Wave {
	return Wave{Ratings: risingAndFalling, Span: 5, XLabel: "minutes", YLabel: "urge"}
}

func TestSmoothPassesThroughEveryRatingWithoutOvershoot(t *testing.T) {
	tests := []struct {
		name string
		rs   []Rating
	}{
		{"a rise and a fall", risingAndFalling},
		{"a plateau", []Rating{{0, 4}, {1, 9}, {2, 9}, {3, 9}, {4, 1}}},
		{"steps of uneven length", []Rating{{0, 2}, {0.5, 10}, {7, 0}, {7.2, 3}}},
		{"two ratings at the same moment", []Rating{{0, 3}, {1, 5}, {1, 7}, {2, 2}}},
		{"the scale's ends", []Rating{{0, 0}, {1, 10}, {2, 0}, {3, 10}}},
	}
	const steps = 8
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pts := smooth(tt.rs, steps)
			if len(pts) != (len(tt.rs)-1)*steps+1 {
				t.Fatalf("%d points, want %d", len(pts), (len(tt.rs)-1)*steps+1)
			}
			for i, r := range tt.rs {
				p := pts[min(i*steps, len(pts)-1)]
				if p.X != r.Minutes || p.Y != float64(r.Value) {
					t.Errorf("rating %d: curve at (%v, %v), want (%v, %d)", i, p.X, p.Y, r.Minutes, r.Value)
				}
			}
			for i := range len(tt.rs) - 1 {
				lo := float64(min(tt.rs[i].Value, tt.rs[i+1].Value))
				hi := float64(max(tt.rs[i].Value, tt.rs[i+1].Value))
				for _, p := range pts[i*steps : (i+1)*steps+1] {
					if p.Y < lo-1e-9 || p.Y > hi+1e-9 {
						t.Fatalf("between ratings %d and %d the curve reaches %v, outside %v–%v", i, i+1, p.Y, lo, hi)
					}
				}
			}
		})
	}
}

func TestMinuteTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   []string
	}{
		{0, 5, []string{"0", "1", "2", "3", "4", "5"}},
		{0, 12, []string{"0", "2", "4", "6", "8", "10", "12"}},
		{0, 30, []string{"0", "5", "10", "15", "20", "25", "30"}},
		{0, 75, []string{"0", "10", "20", "30", "40", "50", "60", "70"}},
		{0, 0.5, []string{"0"}},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range (minuteTicks{}).Ticks(tt.lo, tt.hi) {
			got = append(got, tk.Label)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%v–%v: ticks %v, want %v", tt.lo, tt.hi, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%v–%v: ticks %v, want %v", tt.lo, tt.hi, got, tt.want)
				break
			}
		}
	}
}

// BenchmarkWave draws a live wave of half an hour at the size the urge
// screen shows it, at scale 1.
func BenchmarkWave(b *testing.B) {
	var rs []Rating
	for i := range 31 {
		rs = append(rs, Rating{Minutes: float64(i), Value: 8 - abs(i-10)/3})
	}
	w := Wave{Ratings: rs, Span: 30, XLabel: "minutes", YLabel: "urge"}
	st := testStyle
	st.Width, st.Height = 760, 260
	for b.Loop() {
		w.Image(st)
	}
}

func abs(n int) int { return max(n, -n) }
