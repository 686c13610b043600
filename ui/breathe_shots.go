package ui

import (
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
	prac "github.com/rewirejournal/rewire/journal/practice"
)

// screenshotPractices shows the breathing guide in two phases, the
// pattern editor with a mistake marked, and a sit just after its start
// bell, for [Screenshots]. The screenshots run without a ticker, so each
// moment is drawn by hand at a time after the start.
func screenshotPractices(a *App, shot func(name string)) {
	a.ShowScreen(screenBreathe)
	p := a.shell.screens[screenBreathe].(*breatheScreen).panel
	start := a.Now()
	p.startPreset(prac.PresetBox)
	if v := p.guide; v != nil {
		v.update(start.Add(2 * time.Second)) // halfway through breathing in
		shot("breathe-guide-in")
		v.update(start.Add(10*time.Second + 500*time.Millisecond)) // breathing out
		shot("breathe-guide-out")
		v.halt()
		p.guide = nil
		forget(a, v.rec) // keep the demo vault as it was for the next shots
	}
	p.show(p.list)
	p.edit(nil)
	if e := p.editor; e != nil {
		test.Type(e.name, "Slow evening")
		e.inhale.SetText("0")
		e.save()
		shot("breathe-editor")
		e.done(false)
	}

	a.ShowScreen(screenMeditate)
	m := a.shell.screens[screenMeditate].(*meditateScreen)
	start = a.Now()
	m.start()
	if r := m.sit; r != nil {
		r.update(start.Add(10*time.Second + 400*time.Millisecond)) // just after the start bell
		shot("meditate-running")
		r.halt()
		forget(a, r.rec)
	}
}

// forget deletes a record a screenshot saved.
func forget(a *App, r *journal.Record) {
	if j := a.Records(); j != nil && r != nil {
		_ = j.Delete(r.ID)
	}
}
