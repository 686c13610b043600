package ui

import (
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// breathPhase is one side of the box.
type breathPhase int

const (
	breatheIn breathPhase = iota
	holdIn
	breatheOut
	holdOut
)

func (p breathPhase) label() string {
	switch p {
	case breatheIn:
		return lang.X("breathe.in", "Breathe in")
	case holdIn:
		return lang.X("breathe.holdin", "Hold")
	case breatheOut:
		return lang.X("breathe.out", "Breathe out")
	}
	return lang.X("breathe.holdout", "Rest")
}

// boxBreath is box breathing (4-4-4-4) as a pure function of time: it
// saves nothing and needs no goroutine, so tests drive it with any clock.
type boxBreath struct {
	start time.Time
	side  time.Duration // length of each phase
}

// breathState is what the guide shows at one moment.
type breathState struct {
	Phase breathPhase
	Left  int     // whole seconds left in the phase, counting down to 1
	Size  float64 // circle size 0 (empty lungs) … 1 (full)
	Cycle int     // completed boxes
}

func newBoxBreath(start time.Time) *boxBreath {
	return &boxBreath{start: start, side: 4 * time.Second}
}

// Tick returns the state at now.
func (b *boxBreath) Tick(now time.Time) breathState {
	el := max(now.Sub(b.start), 0)
	box := 4 * b.side
	in := el % box
	phase := breathPhase(in / b.side)
	into := in % b.side
	frac := float64(into) / float64(b.side)
	left := int((b.side - into + time.Second - 1) / time.Second)
	st := breathState{Phase: phase, Left: left, Cycle: int(el / box)}
	switch phase {
	case breatheIn:
		st.Size = frac
	case holdIn:
		st.Size = 1
	case breatheOut:
		st.Size = 1 - frac
	}
	return st
}

// breathingView draws the guide: a circle that grows and shrinks, the
// phase and the seconds left.
type breathingView struct {
	b      *boxBreath
	circle *canvas.Circle
	phase  *widget.Label
	left   *widget.Label
	area   *fyne.Container
	stop   chan struct{}
	size   float64
}

// showBreathing shows the breathing guide; done returns to where the user was.
func (a *App) showBreathing(done func()) {
	v := &breathingView{b: newBoxBreath(a.Now()), stop: make(chan struct{})}
	a.breathing = v
	v.circle = canvas.NewCircle(color.NRGBA{R: 0x3f, G: 0x8f, B: 0x87, A: 0x99})
	v.circle.StrokeColor = theme.Color(theme.ColorNamePrimary)
	v.circle.StrokeWidth = 2
	v.area = container.New(v, v.circle)
	v.phase = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	v.phase.SizeName = theme.SizeNameHeadingText
	v.left = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	v.left.SizeName = theme.SizeNameSubHeadingText
	doneBtn := widget.NewButton(lang.X("breathe.done", "Done"), func() {
		close(v.stop)
		a.breathing = nil
		done()
	})
	intro := wrapped(lang.X("breathe.intro", "Box breathing: in for four, hold for four, out for four, rest for four. Nothing is saved."))
	intro.Alignment = fyne.TextAlignCenter
	v.update(a.Now())
	a.setContent(container.NewBorder(
		container.NewVBox(heading(lang.X("breathe.title", "Breathe")), intro),
		container.NewVBox(v.phase, v.left, container.NewCenter(doneBtn)),
		nil, nil, v.area))
	if a.opts.TickEvery >= 0 {
		t := time.NewTicker(40 * time.Millisecond)
		go func() {
			defer t.Stop()
			for {
				select {
				case <-v.stop:
					return
				case <-t.C:
					fyne.Do(func() { v.update(a.Now()) })
				}
			}
		}()
	}
}

// update redraws the guide for now.
func (v *breathingView) update(now time.Time) {
	st := v.b.Tick(now)
	if text := st.Phase.label(); v.phase.Text != text {
		v.phase.SetText(text)
	}
	if text := strconv.Itoa(st.Left); v.left.Text != text {
		v.left.SetText(text)
	}
	v.size = st.Size
	v.area.Refresh()
	v.Layout(v.area.Objects, v.area.Size())
}

// MinSize and Layout make breathingView the circle's layout.
func (v *breathingView) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(160, 160) }

func (v *breathingView) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	full := min(size.Width, size.Height) * 0.9
	d := full * float32(0.3+0.7*v.size)
	for _, o := range objs {
		o.Resize(fyne.NewSize(d, d))
		o.Move(fyne.NewPos((size.Width-d)/2, (size.Height-d)/2))
	}
}
