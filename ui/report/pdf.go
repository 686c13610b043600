package report

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"math"
	"strings"
	"time"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"codeberg.org/go-pdf/fpdf"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/insights"
	"github.com/rewirejournal/rewire/journal/practice"
	"github.com/rewirejournal/rewire/ui/charts"
)

// Page geometry, in millimetres (A4).
const (
	margin    = 18.0
	lineH     = 5.2
	rowH      = 6.0
	chartH    = 62.0
	chartDPI  = 192 // charts are drawn at twice screen density
	fontName  = "LiberationSans"
	bodySize  = 10.0
	smallSize = 8.5
)

// PDF writes the report as a PDF to w.
func PDF(w io.Writer, recs []journal.Record, req Request, t Text) error {
	d, err := prepare(recs, req)
	if err != nil {
		return err
	}
	p := &pdfWriter{f: fpdf.New("P", "mm", "A4", ""), t: t, d: d}
	p.build()
	if err := p.f.Error(); err != nil {
		return fmt.Errorf("make PDF: %w", err)
	}
	return p.f.Output(w)
}

type pdfWriter struct {
	f      *fpdf.Fpdf
	t      Text
	d      *data
	images int
}

func (p *pdfWriter) build() {
	f, t, d := p.f, p.t, p.d
	made := d.req.Made
	if made.IsZero() {
		made = time.Now()
	}
	f.SetCreationDate(made)
	f.SetModificationDate(made)
	f.SetCompression(true)
	f.SetCatalogSort(true) // the same report gives the same bytes
	f.SetTitle(t.Title, true)
	f.SetCreator("Rewire", true)
	f.SetProducer("Rewire", true)
	f.AddUTF8FontFromBytes(fontName, "", liberationsansregular.TTF)
	f.AddUTF8FontFromBytes(fontName, "B", liberationsansbold.TTF)
	f.SetMargins(margin, margin, margin)
	f.SetAutoPageBreak(true, margin+6)
	f.AliasNbPages("{nb}")
	f.SetFooterFunc(func() {
		f.SetY(-margin)
		f.SetFont(fontName, "", smallSize)
		f.SetTextColor(90, 90, 90)
		f.CellFormat(0, 4, t.NotEncrypt, "", 0, "L", false, 0, "")
		f.CellFormat(0, 4, fmt.Sprintf(t.Page, f.PageNo(), "{nb}"), "", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()

	f.SetFont(fontName, "B", 20)
	f.CellFormat(0, 10, t.Title, "", 1, "L", false, 0, "")
	f.SetFont(fontName, "", 12)
	r := d.req.Range
	f.CellFormat(0, 7, fmt.Sprintf(t.Period, t.date(r.From), t.date(r.To)), "", 1, "L", false, 0, "")
	f.SetFont(fontName, "", bodySize)
	f.SetTextColor(90, 90, 90)
	f.CellFormat(0, 6, fmt.Sprintf(t.Made, t.date(insights.DayOf(made))), "", 1, "L", false, 0, "")
	f.SetTextColor(0, 0, 0)
	f.Ln(2)
	p.para(t.Intro)
	p.summary()

	c := d.req.Contents
	in := d.in
	if c.CheckIns {
		p.chart(t.MoodHead, charts.Mood(in, t.Charts, style(), p.chartW(), chartPxH()))
		p.chart(t.WeeklyHead, charts.Weekly(in, t.Charts, style(), p.chartW(), chartPxH()))
		p.chart(t.SleepHead, charts.Sleep(in, t.Charts, style(), p.chartW(), chartPxH()))
	}
	if c.Urges {
		p.chart(t.WavesHead, charts.Waves(in.Waves, t.Charts, style(), p.chartW(), chartPxH()))
	}
	if c.Practices {
		p.chart(t.PracticeHead, charts.Practice(in, t.Charts, style(), p.chartW(), chartPxH()))
		p.chart(t.GratitudeHead, charts.Gratitude(in, t.Charts, style(), p.chartW(), chartPxH()*3/4))
		p.chart(t.CalendarHead, charts.Calendar(in, t.Charts, style(), p.chartW(), chartPxH()*3/4))
		p.note(t.CalendarNote)
	}
	if c.CheckIns {
		p.checkInTable()
	}
	if c.Urges {
		p.urgeTable()
	}
	if len(c.Entries) > 0 {
		p.entriesSection()
	}
}

func style() charts.Palette {
	s := charts.Light()
	s.Scale = chartDPI / 96.0
	return s
}

// The chart images are as wide as the text column at chartDPI.
func chartPx() int { return int(math.Round((210 - 2*margin) / 25.4 * chartDPI)) }

// chartW is the width of the next chart: one pixel narrower than the one
// before, because fpdf writes images in order of width only and would
// otherwise write equal ones in random order, and the same report must
// give the same bytes.
func (p *pdfWriter) chartW() int { return chartPx() - p.images }

func chartPxH() int { return int(math.Round(chartH / 25.4 * chartDPI)) }

func (p *pdfWriter) room(h float64) {
	_, ph := p.f.GetPageSize()
	if p.f.GetY()+h > ph-margin-6 {
		p.f.AddPage()
	}
}

func (p *pdfWriter) heading(s string) {
	p.room(14)
	p.f.Ln(3)
	p.f.SetFont(fontName, "B", 13)
	p.f.CellFormat(0, 8, s, "", 1, "L", false, 0, "")
	p.f.SetFont(fontName, "", bodySize)
}

func (p *pdfWriter) para(s string) {
	p.f.SetFont(fontName, "", bodySize)
	p.f.MultiCell(0, lineH, s, "", "L", false)
}

func (p *pdfWriter) note(s string) {
	p.f.SetFont(fontName, "", smallSize)
	p.f.SetTextColor(90, 90, 90)
	p.f.MultiCell(0, 4.5, s, "", "L", false)
	p.f.SetTextColor(0, 0, 0)
	p.f.SetFont(fontName, "", bodySize)
}

func (p *pdfWriter) chart(title string, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		p.f.SetError(err)
		return
	}
	p.images++
	name := fmt.Sprintf("chart%d", p.images)
	p.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, &buf)
	wmm := 210 - 2*margin
	hmm := wmm * float64(img.Bounds().Dy()) / float64(img.Bounds().Dx())
	p.room(hmm + 14)
	p.heading(title)
	p.f.ImageOptions(name, margin, p.f.GetY(), wmm, hmm, true, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
}

func (p *pdfWriter) summary() {
	t, in, c := p.t, p.d.in, p.d.req.Contents
	p.heading(t.Summary)
	var rows [][2]string
	if c.CheckIns {
		rows = append(rows, [2]string{t.DaysCheckedIn, fmt.Sprintf("%d / %d", in.CheckIns, in.Range.Days())})
		if m, ok := mean(in.Mood); ok {
			rows = append(rows, [2]string{t.MeanMood, fmt.Sprintf("%.1f", m)})
		}
		sum, n := 0.0, 0
		for _, w := range in.Weeks {
			if w.CravingDays > 0 {
				sum += w.Craving * float64(w.CravingDays)
				n += w.CravingDays
			}
		}
		if n > 0 {
			rows = append(rows, [2]string{t.MeanCraving, fmt.Sprintf("%.1f", sum/float64(n))})
		}
		if m, ok := mean(in.Sleep); ok {
			rows = append(rows, [2]string{t.MeanSleep, fmt.Sprintf("%.1f %s", m, t.HourUnit)})
		}
		rows = append(rows, [2]string{t.Lapses, fmt.Sprint(len(in.Lapses))})
	}
	if c.Practices {
		practised := 0
		for _, d := range in.Calendar {
			if d.Practices != 0 {
				practised++
			}
		}
		rows = append(rows, [2]string{t.DaysLogged, fmt.Sprintf("%d / %d", practised, in.Range.Days())})
	}
	if c.Urges {
		u := in.Urges
		rows = append(rows, [2]string{t.Episodes, fmt.Sprint(u.Episodes + u.Interrupted)})
		if u.Episodes > 0 {
			rows = append(rows,
				[2]string{t.Surfed, fmt.Sprintf("%d (%.0f%%)", u.Surfed, 100*u.SurfedShare)},
				[2]string{t.MedianToPeak, p.minutes(u.MedianToPeak)},
				[2]string{t.MedianDur, p.minutes(u.MedianDuration)},
			)
		}
		rows = append(rows, [2]string{t.TopTriggers, p.tallies(u.Triggers, nil)}, [2]string{t.TopHALT, p.tallies(u.HALT, t.HALT)})
	}
	f := p.f
	for _, r := range rows {
		f.SetFont(fontName, "", bodySize)
		f.CellFormat(70, rowH, r[0], "B", 0, "L", false, 0, "")
		f.SetFont(fontName, "B", bodySize)
		f.CellFormat(0, rowH, r[1], "B", 1, "L", false, 0, "")
	}
	f.SetFont(fontName, "", bodySize)
	if c.CheckIns && len(in.Lapses) > 0 {
		p.note(t.LapseNote)
	}
}

func mean(vs []insights.DayValue) (float64, bool) {
	if len(vs) == 0 {
		return 0, false
	}
	s := 0.0
	for _, v := range vs {
		s += v.Value
	}
	return s / float64(len(vs)), true
}

func (p *pdfWriter) minutes(d time.Duration) string {
	m := d.Minutes()
	if m == math.Trunc(m) {
		return fmt.Sprintf("%.0f %s", m, p.t.MinUnit)
	}
	return fmt.Sprintf("%.1f %s", m, p.t.MinUnit)
}

func (p *pdfWriter) tallies(ts []practice.Tally, names map[string]string) string {
	if len(ts) == 0 {
		return p.t.None
	}
	var parts []string
	for _, x := range ts[:min(len(ts), 3)] {
		n := x.Name
		if tr, ok := names[strings.ToLower(n)]; ok {
			n = tr
		}
		parts = append(parts, fmt.Sprintf("%s (%d)", n, x.N))
	}
	return strings.Join(parts, ", ")
}

// column is one table column: a heading and a width in mm.
type column struct {
	head  string
	width float64
	align string
}

// table draws rows under a header that is repeated on each new page.
// Cells that do not fit are shortened with an ellipsis.
func (p *pdfWriter) table(cols []column, rows [][]string) {
	f := p.f
	header := func() {
		f.SetFont(fontName, "B", smallSize+0.5)
		f.SetFillColor(232, 240, 239)
		for _, c := range cols {
			f.CellFormat(c.width, rowH, p.fit(c.head, c.width), "B", 0, c.align, true, 0, "")
		}
		f.Ln(-1)
		f.SetFont(fontName, "", smallSize+0.5)
	}
	p.room(rowH * 3)
	header()
	_, ph := f.GetPageSize()
	for _, r := range rows {
		if f.GetY()+rowH > ph-margin-6 {
			f.AddPage()
			header()
		}
		for i, c := range cols {
			f.CellFormat(c.width, rowH, p.fit(r[i], c.width), "B", 0, c.align, false, 0, "")
		}
		f.Ln(-1)
	}
}

// fit shortens s to fit w mm in the current font.
func (p *pdfWriter) fit(s string, w float64) string {
	s = strings.Join(strings.Fields(s), " ")
	if p.f.GetStringWidth(s) <= w-2 {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && p.f.GetStringWidth(string(r)+"…") > w-2 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func (p *pdfWriter) checkInTable() {
	t := p.t
	p.heading(t.CheckInsHead)
	if len(p.d.checkIns) == 0 {
		p.para(t.Nothing)
		return
	}
	cols := []column{{t.ColDate, 26, "L"}, {t.ColMood, 16, "C"}, {t.ColCraving, 18, "C"}, {t.ColSleep, 16, "C"}, {t.ColMovement, 22, "C"}, {t.ColLapse, 16, "C"}, {t.ColPractices, 0, "L"}}
	cols[len(cols)-1].width = 210 - 2*margin - 114
	var rows [][]string
	var notes []journal.Record
	for _, r := range p.d.checkIns {
		c := r.CheckIn
		day, _ := insights.ParseDay(r.Date)
		mood, sleep, move, lapse := "–", "–", "–", ""
		if c.Mood > 0 {
			mood = fmt.Sprint(c.Mood)
		}
		if c.SleepHours > 0 {
			sleep = fmt.Sprintf("%g %s", c.SleepHours, t.HourUnit)
		}
		if c.MovementMin > 0 {
			move = fmt.Sprintf("%d %s", c.MovementMin, t.MinUnit)
		}
		if c.Lapse {
			lapse = t.Yes
		}
		var pr []string
		for _, x := range []struct {
			on   bool
			name string
		}{{c.Mindful, t.Mindful}, {c.Connection, t.Connection}, {c.Learning, t.Learning}, {c.GratitudeSet, strings.ToLower(t.ColGratitude)}} {
			if x.on {
				pr = append(pr, x.name)
			}
		}
		rows = append(rows, []string{t.date(day), mood, fmt.Sprint(c.Craving), sleep, move, lapse, strings.Join(pr, ", ")})
		if c.Intention != "" || c.Challenge != "" || c.Win != "" {
			notes = append(notes, r)
		}
	}
	p.table(cols, rows)
	if len(notes) == 0 {
		return
	}
	p.f.Ln(3)
	for _, r := range notes {
		c := r.CheckIn
		day, _ := insights.ParseDay(r.Date)
		p.room(lineH * 3)
		p.f.SetFont(fontName, "B", bodySize)
		p.f.CellFormat(0, lineH+1, t.date(day), "", 1, "L", false, 0, "")
		p.f.SetFont(fontName, "", bodySize)
		for _, x := range [][2]string{{t.Intention, c.Intention}, {t.Challenge, c.Challenge}, {t.Win, c.Win}} {
			if strings.TrimSpace(x[1]) != "" {
				p.f.MultiCell(0, lineH, x[0]+": "+x[1], "", "L", false)
			}
		}
	}
}

func (p *pdfWriter) urgeTable() {
	t := p.t
	p.heading(t.UrgesHead)
	if len(p.d.urges) == 0 {
		p.para(t.Nothing)
		return
	}
	cols := []column{{t.ColDate, 26, "L"}, {t.ColStart, 14, "C"}, {t.ColPeak, 12, "C"}, {t.ColToPeak, 18, "C"}, {t.ColDuration, 18, "C"}, {t.ColOutcome, 22, "L"}, {t.ColTriggers, 0, "L"}}
	cols[len(cols)-1].width = 210 - 2*margin - 110
	var rows [][]string
	for _, r := range p.d.urges {
		ep := *r.Urge
		day, _ := insights.ParseDay(r.Date)
		peak, after := practice.UrgePeak(ep)
		out := t.OutcomeSurfed
		switch {
		case !ep.Finished:
			out = t.OutcomeUnfinished
		case ep.ActedOn:
			out = t.OutcomeActed
		}
		var tr []string
		tr = append(tr, ep.Triggers...)
		for _, h := range ep.HALT {
			if n, ok := t.HALT[strings.ToLower(h)]; ok {
				h = n
			}
			tr = append(tr, h)
		}
		rows = append(rows, []string{t.date(day), ep.Started.Format("15:04"), fmt.Sprint(peak), p.minutes(after.Round(time.Second)), p.minutes(practice.UrgeDuration(ep).Round(time.Second)), out, strings.Join(tr, ", ")})
	}
	p.table(cols, rows)
}

func (p *pdfWriter) entriesSection() {
	t := p.t
	p.f.AddPage()
	p.heading(t.EntriesHead)
	if len(p.d.entries) == 0 {
		p.para(t.Nothing)
		return
	}
	for _, r := range p.d.entries {
		day, _ := insights.ParseDay(r.Date)
		p.room(lineH * 4)
		p.f.Ln(2)
		p.f.SetFont(fontName, "B", bodySize+1)
		head := t.date(day)
		if r.Entry.Title != "" {
			head += " · " + r.Entry.Title
		}
		p.f.MultiCell(0, lineH+1, head, "", "L", false)
		p.para(r.Entry.Body)
	}
}
