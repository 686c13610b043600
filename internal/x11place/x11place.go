//go:build linux && !wayland && cgo

package x11place

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>

// frame_pos gives the top-left corner of the window's frame: the window
// manager's decoration if it reparented the window, else the window.
static int frame_pos(unsigned long win, int *x, int *y) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	Window w = (Window)win, root, parent, *kids;
	unsigned int n;
	for (;;) {
		if (!XQueryTree(d, w, &root, &parent, &kids, &n)) { XCloseDisplay(d); return 0; }
		if (kids) XFree(kids);
		if (parent == root || parent == 0) break;
		w = parent;
	}
	XWindowAttributes a;
	int ok = XGetWindowAttributes(d, w, &a);
	if (ok) { *x = a.x; *y = a.y; }
	XCloseDisplay(d);
	return ok;
}

// move_win moves the window so its frame starts at x, y, unless that
// would leave less than 64 pixels of it on the screen.
static int move_win(unsigned long win, int x, int y) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	XWindowAttributes ra, wa;
	if (!XGetWindowAttributes(d, DefaultRootWindow(d), &ra) || !XGetWindowAttributes(d, (Window)win, &wa)) {
		XCloseDisplay(d);
		return 0;
	}
	if (x > ra.width - 64 || y > ra.height - 64 || x + wa.width < 64 || y < 0) {
		XCloseDisplay(d);
		return 0;
	}
	XMoveWindow(d, (Window)win, x, y);
	XSync(d, False);
	XCloseDisplay(d);
	return 1;
}
// test_window maps a plain 300 × 200 window at 10, 20 and returns it; the
// display connection stays open so the window lives until the process
// ends. For the package's tests, which cannot use cgo themselves.
static unsigned long test_window(void) {
	Display *d = XOpenDisplay(NULL);
	if (!d) return 0;
	Window w = XCreateSimpleWindow(d, DefaultRootWindow(d), 10, 20, 300, 200, 0, 0, 0);
	XMapWindow(d, w);
	XSync(d, False);
	return w;
}
*/
import "C"

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// Available reports whether this build can place windows.
func Available() bool { return true }

// Placer places Fyne windows on an X11 screen. Its zero value is ready.
type Placer struct{}

// handle returns w's X11 window, or 0. Called on the UI goroutine.
func handle(w fyne.Window) C.ulong {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var h uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			h = x.WindowHandle
		}
	})
	return C.ulong(h)
}

// Position returns the top-left corner of w's frame; false without an X11
// window.
func (Placer) Position(w fyne.Window) (x, y int, ok bool) {
	return position(handle(w))
}

func position(h C.ulong) (x, y int, ok bool) {
	if h == 0 {
		return 0, 0, false
	}
	var cx, cy C.int
	if C.frame_pos(h, &cx, &cy) == 0 {
		return 0, 0, false
	}
	return int(cx), int(cy), true
}

// move moves window h; false when it refused (off screen) or failed.
func move(h C.ulong, x, y int) bool {
	return h != 0 && C.move_win(h, C.int(x), C.int(y)) != 0
}

func testWindow() C.ulong { return C.test_window() }

// Move puts w's frame at x, y once the window exists on the screen, if
// enough of it stays visible there.
func (Placer) Move(w fyne.Window, x, y int) {
	go fyne.Do(func() {
		move(handle(w), x, y)
	})
}
