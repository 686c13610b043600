package charts

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/insights"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata")

// fixture is 75 days of records from a fixed seed, ending 2027-01-10 so the
// weeks cross a year boundary.
func fixture() ([]journal.Record, insights.Range) {
	rng := rand.New(rand.NewPCG(7, 11))
	end, _ := insights.ParseDay("2027-01-10")
	r := insights.Range{From: end - 74, To: end}
	var recs []journal.Record
	for d := r.From; d <= r.To; d++ {
		date := d.String()
		noon := d.In(time.UTC).Add(12 * time.Hour)
		if rng.IntN(10) < 8 {
			recs = append(recs, journal.Record{Kind: journal.KindCheckIn, Date: date, CheckIn: &journal.CheckIn{
				Mood:         1 + min(4, int(d-r.From)/25+rng.IntN(3)),
				Craving:      max(0, 7-int(d-r.From)/12+rng.IntN(3)),
				MovementMin:  rng.IntN(4) * 10,
				SleepHours:   5.5 + float64(rng.IntN(8))/2,
				Mindful:      rng.IntN(2) == 0,
				Connection:   rng.IntN(3) == 0,
				GratitudeSet: rng.IntN(3) > 0,
			}})
		}
		if rng.IntN(3) == 0 {
			recs = append(recs, journal.Record{Kind: journal.KindSession, Date: date, Session: &journal.PracticeSession{Practice: "meditation", Seconds: 300 + 60*rng.IntN(10)}})
		}
		if rng.IntN(4) == 0 {
			recs = append(recs, journal.Record{Kind: journal.KindSession, Date: date, Session: &journal.PracticeSession{Practice: "breathing", Seconds: 60 + 30*rng.IntN(6)}})
		}
		if rng.IntN(4) == 0 {
			ep := &journal.UrgeEpisode{Started: noon, Finished: true, ActedOn: rng.IntN(6) == 0, Triggers: []string{[]string{"people", "places"}[rng.IntN(2)]}}
			peak, at := 6+rng.IntN(5), 2+rng.IntN(6)
			for m := 0; m <= at+8; m += 2 {
				v := peak - absInt(m-at)*peak/(at+8)
				ep.Samples = append(ep.Samples, journal.UrgeSample{At: noon.Add(time.Duration(m) * time.Minute), Rating: max(0, v)})
			}
			ep.Ended = ep.Samples[len(ep.Samples)-1].At
			recs = append(recs, journal.Record{Kind: journal.KindUrge, Date: date, Urge: ep})
		}
	}
	return recs, r
}

func absInt(n int) int { return max(n, -n) }

type chartFunc func(*insights.Insights, Text, Palette, int, int) image.Image

var allCharts = []struct {
	name string
	draw chartFunc
}{
	{"mood", Mood},
	{"weekly", Weekly},
	{"waves", func(in *insights.Insights, t Text, s Palette, w, h int) image.Image {
		return Waves(in.Waves, t, s, w, h)
	}},
	{"practice", Practice},
	{"gratitude", Gratitude},
	{"calendar", Calendar},
	{"sleep", Sleep},
}

func ukrainian() Text {
	t := English()
	t.Weekdays = [7]string{"Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"}
	t.MoodDaily, t.MoodMean = "Настрій", "Середнє за 7 днів"
	t.Urges, t.Craving = "Хвилі потягу", "Потяг (0–10)"
	t.Minutes, t.Rating = "Хвилини", "Потяг (0–10)"
	t.Mindfulness, t.Breathing, t.Movement = "Усвідомленість", "Дихання", "Рух"
	t.MinutesPerDay = "Хвилин на день"
	t.Date = func(d insights.Day) string { return fmt.Sprintf("%d.%02d", d.Time().Day(), int(d.Time().Month())) }
	return t
}

func TestChartsMatchTheirGoldenImages(t *testing.T) {
	recs, r := fixture()
	in := insights.Compute(recs, r)
	year := insights.Compute(recs, insights.Range{From: r.To - 364, To: r.To})
	empty := insights.Compute(nil, r)
	type tc struct {
		name string
		img  func() image.Image
	}
	var cases []tc
	for _, c := range allCharts {
		cases = append(cases,
			tc{c.name + "-light", func() image.Image { return c.draw(in, English(), Light(), 640, 260) }},
			tc{c.name + "-dark", func() image.Image { return c.draw(in, English(), Dark(), 640, 260) }},
			tc{c.name + "-empty", func() image.Image { return c.draw(empty, English(), Light(), 480, 200) }},
		)
	}
	cases = append(cases,
		tc{"mood-uk-hidpi", func() image.Image {
			s := Light()
			s.Scale = 2
			return Mood(in, ukrainian(), s, 1280, 520)
		}},
		tc{"practice-uk", func() image.Image { return Practice(in, ukrainian(), Light(), 640, 260) }},
		tc{"calendar-uk", func() image.Image { return Calendar(in, ukrainian(), Dark(), 640, 200) }},
		tc{"practice-year-weekly", func() image.Image { return Practice(year, English(), Light(), 640, 260) }},
		tc{"mood-year", func() image.Image { return Mood(year, English(), Light(), 640, 260) }},
		tc{"calendar-year", func() image.Image { return Calendar(year, English(), Light(), 800, 170) }},
		tc{"weekly-year", func() image.Image { return Weekly(year, English(), Dark(), 640, 260) }},
		tc{"tiny", func() image.Image { return Weekly(in, English(), Light(), 0, 0) }},
	)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			img := c.img()
			golden(t, c.name, img)
			again := c.img()
			if !samePixels(img, again) {
				t.Error("drawing the same chart twice gave different pixels")
			}
		})
	}
}

// golden compares img with testdata/NAME.png, or writes it with -update.
// A mismatch is written to testdata/failed/NAME.png for a look.
func golden(t *testing.T, name string, img image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("no golden image (run with -update): %v", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if !samePixels(img, want) {
		failed := filepath.Join("testdata", "failed", name+".png")
		_ = os.MkdirAll(filepath.Dir(failed), 0o755)
		_ = os.WriteFile(failed, buf.Bytes(), 0o644)
		t.Errorf("%s differs from its golden image; see %s", name, failed)
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds().Size() != b.Bounds().Size() {
		return false
	}
	na, nb := toNRGBA(a), toNRGBA(b)
	return bytes.Equal(na.Pix, nb.Pix)
}

func toNRGBA(img image.Image) *image.NRGBA {
	out := image.NewNRGBA(image.Rect(0, 0, img.Bounds().Dx(), img.Bounds().Dy()))
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}

func TestCyrillicTextIsDrawn(t *testing.T) {
	// A label in Ukrainian must put ink on the image: a font without the
	// glyphs would draw nothing (or the same boxes for every word).
	recs, r := fixture()
	in := insights.Compute(recs, r)
	base := Waves(in.Waves, Text{}, Light(), 400, 200)
	for _, label := range []string{"Хвилини", "Ґанок їжак", "Åsa är här"} {
		tx := Text{Minutes: label}
		img := Waves(in.Waves, tx, Light(), 400, 200)
		if samePixels(base, img) {
			t.Errorf("the label %q drew nothing", label)
		}
	}
	if samePixels(Waves(in.Waves, Text{Minutes: "Хвилини"}, Light(), 400, 200), Waves(in.Waves, Text{Minutes: "Ґанок їжа"}, Light(), 400, 200)) {
		t.Error("two different Cyrillic labels drew the same pixels")
	}
}

func TestMonthStarts(t *testing.T) {
	d := func(s string) insights.Day {
		x, err := insights.ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	for _, tc := range []struct {
		name     string
		from, to string
		n        int
		want     []string
	}{
		{"a month's first day counts when the range starts on it", "2026-01-01", "2026-03-15", 10, []string{"2026-01-01", "2026-02-01", "2026-03-01"}},
		{"a range starting mid-month begins at the next month", "2026-11-15", "2027-02-10", 10, []string{"2026-12-01", "2027-01-01", "2027-02-01"}},
		{"three years with room for five go by years", "2024-01-01", "2026-12-31", 5, []string{"2024-01-01", "2025-01-01", "2026-01-01"}},
		{"a year with room for four labels is labelled by quarter", "2026-01-01", "2026-12-31", 4, []string{"2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"}},
		{"three years with room for six go by half years", "2024-01-01", "2026-12-31", 6, []string{"2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01", "2026-07-01"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, x := range monthStarts(d(tc.from), d(tc.to), tc.n) {
				got = append(got, x.String())
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
