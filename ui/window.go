package ui

import "fyne.io/fyne/v2"

// WindowPlacer reads and sets where a window is on the screen, which Fyne
// has no API for. cmd/rewire passes one for X11; without one the window
// manager places the window.
type WindowPlacer interface {
	// Position returns the window's top-left corner (of its frame), in
	// screen pixels; false when unknown.
	Position(w fyne.Window) (x, y int, ok bool)
	// Move puts the window's top-left corner at x, y once it is on the
	// screen, if that place is visible.
	Move(w fyne.Window, x, y int)
}

// Window-state preference keys (with prefWidth and prefHeight in app.go):
// the window's place is not private.
const (
	prefX      = "windowX"
	prefY      = "windowY"
	prefPlaced = "windowPlaced" // so "never saved" differs from 0, 0
)

// defaultWindowSize is the first run's window size.
var defaultWindowSize = fyne.NewSize(960, 680)

// minWindowSize keeps a remembered size usable.
var minWindowSize = fyne.NewSize(480, 360)

// restoreSize sizes the new window as it was last time.
func (a *App) restoreSize() {
	prefs := a.fyne.Preferences()
	w := prefs.FloatWithFallback(prefWidth, float64(defaultWindowSize.Width))
	h := prefs.FloatWithFallback(prefHeight, float64(defaultWindowSize.Height))
	size := fyne.NewSize(max(float32(w), minWindowSize.Width), max(float32(h), minWindowSize.Height))
	a.win.Resize(size)
}

// restorePosition puts the shown window where it was last time.
func (a *App) restorePosition() {
	prefs := a.fyne.Preferences()
	if a.opts.Place == nil || !prefs.Bool(prefPlaced) {
		return
	}
	a.opts.Place.Move(a.win, prefs.Int(prefX), prefs.Int(prefY))
}

// saveWindow remembers the window's size and place for the next start.
func (a *App) saveWindow() {
	if a.win == nil {
		return
	}
	prefs := a.fyne.Preferences()
	size := a.win.Canvas().Size()
	if size.Width >= minWindowSize.Width && size.Height >= minWindowSize.Height {
		prefs.SetFloat(prefWidth, float64(size.Width))
		prefs.SetFloat(prefHeight, float64(size.Height))
	}
	if a.opts.Place == nil {
		return
	}
	if x, y, ok := a.opts.Place.Position(a.win); ok {
		prefs.SetBool(prefPlaced, true)
		prefs.SetInt(prefX, x)
		prefs.SetInt(prefY, y)
	}
}
