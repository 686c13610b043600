package ui

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
	prac "github.com/rewirejournal/rewire/journal/practice"
	"github.com/rewirejournal/rewire/sound"
)

// BenchmarkBreathingFrame measures one frame of the breathing guide at the
// default window size: "update" is the guide's own work on the UI
// goroutine each frame (what could delay the app), "repaint" a full
// repaint of the window with Fyne's software painter. The app paints with
// OpenGL, so the repaint figure is only an upper bound, and on a shared
// machine a noisy one.
func BenchmarkBreathingFrame(b *testing.B) {
	r := newPracticeRig(b, true)
	r.a.win.Resize(defaultWindowSize)
	r.breathePanel()
	box, _ := prac.PresetByName(prac.PresetBox)
	p := r.a.shell.screens[screenBreathe].(*breatheScreen).panel
	p.start(box)
	v := p.guide
	c := r.a.win.Canvas()
	var upd, worstUpd, paint, worstPaint time.Duration
	n := 0
	for b.Loop() {
		t0 := time.Now()
		r.clock.advance(frameEvery)
		v.update(r.clock.Now())
		t1 := time.Now()
		c.Capture()
		d, e := t1.Sub(t0), time.Since(t1)
		upd, paint = upd+d, paint+e
		worstUpd, worstPaint = max(worstUpd, d), max(worstPaint, e)
		n++
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(upd)/float64(n), "ms/update")
	b.ReportMetric(ms(worstUpd), "ms-worst-update")
	b.ReportMetric(ms(paint)/float64(n), "ms/repaint")
	b.ReportMetric(ms(worstPaint), "ms-worst-repaint")
}

// bellRecorder is a Sounder that notes when each bell is played.
type bellRecorder struct {
	mu sync.Mutex
	at []time.Time
	ch chan struct{}
}

func (b *bellRecorder) Play(sound.Cue) {
	b.mu.Lock()
	b.at = append(b.at, time.Now())
	b.mu.Unlock()
	b.ch <- struct{}{}
}
func (b *bellRecorder) Prepare()          {}
func (b *bellRecorder) Available() bool   { return true }
func (b *bellRecorder) SetVolume(float64) {}
func (b *bellRecorder) SetMuted(bool)     {}

// BenchmarkBellLateness runs real sits on the real ticker and clock and
// measures how late the start bell is played after its moment (the end of
// a one-second warm-up): the ticker's period and the UI's work. The audio
// device's buffer (40 ms, see sound/speaker) comes on top. Each iteration
// takes about a second; run it with -benchtime 10x.
func BenchmarkBellLateness(b *testing.B) {
	fa := test.NewTempApp(b)
	SetLanguage("en")
	j := newFakeJournal(testPassphrase)
	rec := &bellRecorder{ch: make(chan struct{}, 4)}
	a := New(fa, &fakeVaults{j: j}, Options{Run: InlineRunner, TickEvery: -1, Ticker: realTicker, Sound: rec,
		Calibrate: func(time.Duration, func(float64)) (journal.KDFParams, error) { return journal.MinKDFParams(), nil }})
	a.build()
	test.Type(a.unlockView.passphrase, testPassphrase)
	a.unlockView.submit()
	var worst, total time.Duration
	n := 0
	for b.Loop() {
		p := prac.DefaultMeditation()
		p.WarmUp = time.Second
		start := time.Now()
		m, err := prac.NewMeditation(p, start)
		if err != nil {
			b.Fatal(err)
		}
		run := newMeditationRun(a, m, func() {})
		<-rec.ch
		rec.mu.Lock()
		late := rec.at[len(rec.at)-1].Sub(start.Add(p.WarmUp))
		rec.mu.Unlock()
		fyne.DoAndWait(run.halt)
		total += late
		worst = max(worst, late)
		n++
	}
	b.ReportMetric(float64(total.Microseconds())/float64(n)/1000, "ms-late")
	b.ReportMetric(float64(worst.Microseconds())/1000, "ms-worst")
}
