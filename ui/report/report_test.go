package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/insights"
)

func id(b byte) journal.ID { return journal.ID{b} }

// fixture is two weeks of records, with entries in three languages.
func fixture(t *testing.T) ([]journal.Record, insights.Range) {
	t.Helper()
	r, err := insights.ParseRange("2026-12-25", "2027-01-07")
	if err != nil {
		t.Fatal(err)
	}
	var recs []journal.Record
	for d := r.From; d <= r.To; d++ {
		i := int(d - r.From)
		date := d.String()
		at := d.In(time.UTC).Add(18 * time.Hour)
		recs = append(recs, journal.Record{Kind: journal.KindCheckIn, Date: date, Created: at, CheckIn: &journal.CheckIn{
			Mood: 2 + i%4, Craving: 8 - i/2, SleepHours: 6 + float64(i%3), MovementMin: 10 * (i % 4),
			Mindful: i%2 == 0, Lapse: i == 3, Win: map[bool]string{true: "Ringde mamma", false: ""}[i == 5],
		}})
		recs = append(recs, journal.Record{Kind: journal.KindSession, Date: date, Created: at, Session: &journal.PracticeSession{Practice: "meditation", Seconds: 600}})
		if i%3 == 0 {
			ep := &journal.UrgeEpisode{Started: at, Ended: at.Add(12 * time.Minute), Finished: true, ActedOn: i == 3, Triggers: []string{"places"}, HALT: []string{"tired"}}
			for m, v := range []int{5, 8, 6, 3} {
				ep.Samples = append(ep.Samples, journal.UrgeSample{At: at.Add(time.Duration(3*m) * time.Minute), Rating: v})
			}
			recs = append(recs, journal.Record{Kind: journal.KindUrge, Date: date, Created: at, Urge: ep})
		}
	}
	recs = append(recs,
		journal.Record{ID: id(1), Kind: journal.KindEntry, Date: "2026-12-31", Entry: &journal.Entry{Title: "Nyårsafton", Body: "Jag gick en lång promenad längs sjön och kände mig lugn."}},
		journal.Record{ID: id(2), Kind: journal.KindEntry, Date: "2027-01-02", Entry: &journal.Entry{Title: "Новий рік", Body: "Сьогодні я подзвонила сестрі. Їжак у ґанку!"}},
		journal.Record{ID: id(3), Kind: journal.KindEntry, Date: "2027-01-03", Entry: &journal.Entry{Title: "Private", Body: "This entry was not ticked and must not appear."}},
	)
	return recs, r
}

var made = time.Date(2027, 1, 8, 9, 30, 0, 0, time.UTC)

func TestCSV(t *testing.T) {
	recs, r := fixture(t)
	var buf bytes.Buffer
	req := Request{Range: r, Contents: Contents{CheckIns: true, Urges: true, Practices: true}, Made: made}
	if err := CSV(&buf, recs, req); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 15 {
		t.Fatalf("%d rows, want a header and 14 days", len(rows))
	}
	want := map[string]string{"date": "2026-12-28", "mood": "5", "craving": "7", "sleep_hours": "6", "movement_min": "30",
		"mindful": "0", "lapse": "1", "urge_episodes": "1", "urges_surfed": "0", "urge_peak_max": "8",
		"mindfulness_min": "10", "breathing_min": "0", "gratitude": "0", "practices": "2"}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for k, v := range want {
		i, ok := col[k]
		if !ok {
			t.Errorf("no column %s", k)
			continue
		}
		if got := rows[4][i]; got != v {
			t.Errorf("2026-12-28 %s = %q, want %q", k, got, v)
		}
	}
	t.Run("only the chosen contents have columns", func(t *testing.T) {
		var buf bytes.Buffer
		if err := CSV(&buf, recs, Request{Range: r, Contents: Contents{Urges: true}}); err != nil {
			t.Fatal(err)
		}
		head, _, _ := strings.Cut(buf.String(), "\n")
		if head != "date,urge_episodes,urges_surfed,urge_peak_max" {
			t.Errorf("header %q", head)
		}
	})
	t.Run("nothing chosen is an error", func(t *testing.T) {
		if err := CSV(&bytes.Buffer{}, recs, Request{Range: r}); !errors.Is(err, ErrNothingChosen) {
			t.Errorf("got %v, want ErrNothingChosen", err)
		}
	})
}

func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed; scripts/setup.sh installs poppler-utils", name)
	}
	return p
}

func TestPDF(t *testing.T) {
	recs, r := fixture(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	var buf bytes.Buffer
	req := Request{Range: r, Contents: Contents{CheckIns: true, Urges: true, Practices: true, Entries: []journal.ID{id(1), id(2)}}, Made: made}
	if err := PDF(&buf, recs, req, English()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Run("the same request gives the same bytes", func(t *testing.T) {
		var again bytes.Buffer
		if err := PDF(&again, recs, req, English()); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), again.Bytes()) {
			t.Error("two PDFs of the same request differ")
		}
	})

	info, err := exec.Command(tool(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	pages := 0
	for _, line := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	if pages < 3 || pages > 8 {
		t.Errorf("%d pages; want 3 to 8 (summary, charts, tables, entries)", pages)
	}
	text := func(page int) string {
		args := []string{"-layout", "-enc", "UTF-8"}
		if page > 0 {
			args = append(args, "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
		}
		out, err := exec.Command(tool(t, "pdftotext"), append(args, path, "-")...).Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return string(out)
	}
	first := text(1)
	for _, want := range []string{"Rewire report", "2026-12-25 – 2027-01-07", "Made on 2027-01-08", "Summary",
		"Days with a check-in", "14 / 14", "Urge episodes", "Ridden out without acting", "4 (80%)",
		"Median time to peak", "3 min", "places (5)", "tired (5)", "Lapses logged",
		"This file is not encrypted", "Page 1 of " + strconv.Itoa(pages)} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}
	all := text(0)
	for _, want := range []string{"Mood", "Craving and urges by week", "Urge waves", "Practice minutes", "Days with practice",
		"Check-ins", "Win: Ringde mamma", "Urge log", "acted on", "surfed",
		"Journal entries", "Nyårsafton", "längs sjön", "Новий рік", "Їжак у ґанку"} {
		if !strings.Contains(all, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(all, "must not appear") || strings.Contains(all, "Private") {
		t.Error("an entry that was not ticked is in the report")
	}
	if n := strings.Count(all, "This file is not encrypted"); n != pages {
		t.Errorf("the warning is on %d of %d pages", n, pages)
	}

	// Page 1 rendered: not blank, and the first chart page has colour.
	prefix := filepath.Join(dir, "page")
	if out, err := exec.Command(tool(t, "pdftoppm"), "-r", "40", "-png", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	shots, _ := filepath.Glob(prefix + "*.png")
	if len(shots) != pages {
		t.Fatalf("pdftoppm made %d images for %d pages", len(shots), pages)
	}
	coloured := 0
	for _, s := range shots {
		f, err := os.Open(s)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		ink, colour := 0, 0
		b := img.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r, g, bb, _ := img.At(x, y).RGBA()
				if r < 0xd000 || g < 0xd000 || bb < 0xd000 {
					ink++
				}
				if max(r, g, bb)-min(r, g, bb) > 0x3000 {
					colour++
				}
			}
		}
		if ink < 200 {
			t.Errorf("%s is nearly blank (%d inked pixels)", filepath.Base(s), ink)
		}
		if colour > 200 {
			coloured++
		}
	}
	if coloured < 2 {
		t.Errorf("only %d pages have colour; the charts are missing", coloured)
	}
	if os.Getenv("REWIRE_KEEP_REPORT") != "" {
		_ = os.WriteFile(os.Getenv("REWIRE_KEEP_REPORT"), buf.Bytes(), 0o600)
	}
}

func TestPDFOfAnEmptyRangeSaysSo(t *testing.T) {
	r, _ := insights.ParseRange("2026-01-01", "2026-01-31")
	var buf bytes.Buffer
	if err := PDF(&buf, nil, Request{Range: r, Contents: Contents{CheckIns: true, Urges: true}, Made: made}, English()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "empty.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(out), "Nothing logged in this period."); got != 2 {
		t.Errorf("%d empty-section notes, want 2 (check-ins, urges):\n%s", got, out)
	}
}
