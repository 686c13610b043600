// Package x11place reads and sets a Fyne window's position on an X11
// screen, which Fyne has no API for, so the app can open where it was
// closed. It asks the X server directly (Xlib, through the window handle
// Fyne's driver.NativeWindow gives). On other systems [Available] is false
// and the window manager places the window.
package x11place
