package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// MeasureGuideFrames opens a window of fa showing the breathing guide, as
// the unlock screen does, with the real ticker, for d, and then calls done
// with the intervals between the guide's frames as they ran on the UI
// goroutine. A long interval is a frame the user saw late. It saves
// nothing and needs no vault; scripts/framepace runs it under a real
// driver. Call it from any goroutine.
func MeasureGuideFrames(fa fyne.App, d time.Duration, done func(intervals []time.Duration)) {
	fyne.Do(func() {
		loadTranslations()
		a := &App{fyne: fa, opts: Options{Run: GoRunner, Clock: time.Now, Ticker: realTicker}}
		a.win = fa.NewWindow("Rewire")
		a.win.Resize(fyne.NewSize(960, 680))
		var last time.Time
		var iv []time.Duration
		a.showBreathing(func() {})
		v := a.breathing
		if v == nil {
			done(nil)
			return
		}
		v.onFrame = func(t time.Time) {
			if !last.IsZero() {
				iv = append(iv, t.Sub(last))
			}
			last = t
		}
		a.win.Show()
		go func() {
			time.Sleep(d) // a measurement of real time, not a test
			fyne.Do(func() {
				v.halt()
				a.win.Close()
				done(iv)
			})
		}()
	})
}
