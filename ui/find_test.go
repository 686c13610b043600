package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// objects returns everything drawn in the window, widgets' insides included.
func objects(a *App) []fyne.CanvasObject {
	return test.LaidOutObjects(a.win.Canvas().Content())
}

// texts returns every string a widget or text object in the window holds,
// including entries' contents and placeholders.
func texts(a *App) []string {
	var out []string
	for _, o := range objects(a) {
		switch w := o.(type) {
		case *widget.Entry:
			out = append(out, w.Text, w.PlaceHolder)
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.RichText:
			out = append(out, w.String())
		case *canvas.Text:
			out = append(out, w.Text)
		}
	}
	return out
}

// showsText reports whether any text in the window contains s.
func showsText(a *App, s string) bool {
	for _, t := range texts(a) {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// button returns the visible button labelled text, or nil.
func button(a *App, text string) *widget.Button {
	for _, o := range objects(a) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}
