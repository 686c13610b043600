package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// scheduler runs f on the UI goroutine after d, unless the returned stop is
// called first. The app uses [afterOnUI]; tests pass a manual one and fire
// it themselves, so no test sleeps.
type scheduler func(d time.Duration, f func()) (stop func())

// afterOnUI is the real scheduler: a timer that hops onto the UI goroutine.
func afterOnUI(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// debouncer runs fn once, delay after the last call to trigger. It is used
// only on the UI goroutine. A timer that has already fired when it is
// stopped still finds its generation outdated, so a stopped debouncer never
// runs fn.
type debouncer struct {
	delay time.Duration
	fn    func()
	after scheduler

	gen  int
	stop func()
}

func newDebouncer(delay time.Duration, fn func()) *debouncer {
	return &debouncer{delay: delay, fn: fn, after: afterOnUI}
}

// trigger (re)starts the wait.
func (d *debouncer) trigger() {
	d.cancel()
	g := d.gen
	d.stop = d.after(d.delay, func() {
		if g != d.gen {
			return
		}
		d.stop = nil
		d.fn()
	})
}

// pending reports whether fn is waiting to run.
func (d *debouncer) pending() bool { return d.stop != nil }

// cancel forgets a pending run.
func (d *debouncer) cancel() {
	d.gen++
	if d.stop != nil {
		d.stop()
		d.stop = nil
	}
}
