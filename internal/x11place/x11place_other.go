//go:build !linux || wayland || !cgo

package x11place

import "fyne.io/fyne/v2"

// Available reports whether this build can place windows.
func Available() bool { return false }

// Placer does nothing here: the window manager places windows.
type Placer struct{}

// Position is never known here.
func (Placer) Position(fyne.Window) (x, y int, ok bool) { return 0, 0, false }

// Move does nothing here.
func (Placer) Move(fyne.Window, int, int) {}
