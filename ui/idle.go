package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// idleTimer decides when the vault locks itself. It is plain state; the
// app feeds it the time and the activity it sees.
type idleTimer struct {
	limit time.Duration
	last  time.Time

	// What was focused at the last tick, and where its cursor was: typing
	// goes to the focused widget and never reaches the window, so a change
	// here between ticks is how the app notices it.
	focused  fyne.Focusable
	typedSig [3]int
}

func (t *idleTimer) touch(now time.Time) { t.last = now }

func (t *idleTimer) expired(now time.Time) bool {
	return !t.last.IsZero() && now.Sub(t.last) >= t.limit
}

// noticeFocus records activity if the focused widget or its text cursor
// moved since the last call, and reports whether it did.
func (t *idleTimer) noticeFocus(f fyne.Focusable, now time.Time) bool {
	var sig [3]int
	if e, ok := f.(*widget.Entry); ok {
		sig = [3]int{e.CursorRow, e.CursorColumn, len(e.Text)}
	}
	if f == t.focused && sig == t.typedSig {
		return false
	}
	t.focused, t.typedSig = f, sig
	t.touch(now)
	return true
}

// practicer is a screen with a timed practice that may be running.
type practicer interface {
	// practicing reports whether the screen's practice runs (has started,
	// is neither paused nor over) at now.
	practicing(now time.Time) bool
}

// practiceRunning reports whether a timed practice runs at now where the
// user sees it: urge surfing, a breathing guide or a meditation on the
// screen that shows, or a breathing guide over the window (the tray's). The
// idle lock waits while one does. A practice left running behind another
// screen does not hold it off: that screen may show the journal.
func (a *App) practiceRunning(now time.Time) bool {
	if a.breathing != nil && a.breathing.running(now) {
		return true
	}
	if a.shell == nil || a.win.Content() != a.shell.root {
		return false
	}
	p, ok := a.shell.screens[a.shell.current].(practicer)
	return ok && p.practicing(now)
}

// activityCatcher sits behind the window content and reports mouse
// movement and taps that reach it as activity.
type activityCatcher struct {
	widget.BaseWidget
	content  fyne.CanvasObject
	activity func()
}

var (
	_ desktop.Hoverable = (*activityCatcher)(nil)
	_ fyne.Tappable     = (*activityCatcher)(nil)
)

func newActivityCatcher(content fyne.CanvasObject, activity func()) *activityCatcher {
	c := &activityCatcher{content: content, activity: activity}
	c.ExtendBaseWidget(c)
	return c
}

func (c *activityCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.content)
}

func (c *activityCatcher) MouseIn(*desktop.MouseEvent)    { c.activity() }
func (c *activityCatcher) MouseMoved(*desktop.MouseEvent) { c.activity() }
func (c *activityCatcher) MouseOut()                      {}
func (c *activityCatcher) Tapped(*fyne.PointEvent)        { c.activity() }
