package ui

import (
	"time"

	"github.com/rewirejournal/rewire/journal"
	rwpractice "github.com/rewirejournal/rewire/journal/practice"
)

// screenshotUrge shows urge surfing at its first rating, mid-wave, with
// the breathing practice open, at the end form, after a lapse, an episode from the history and the offer to
// resume after a crash, for [Screenshots]; shot captures the window. The
// session it shows is made up and never saved, so the demo vault stays as
// it was for the next language.
func screenshotUrge(a *App, shot func(name string)) {
	s := a.urgeOf()
	if s == nil {
		return
	}
	s.saver.after = func(time.Duration, func()) func() bool { return func() bool { return true } }
	defer func() {
		s.saver.forget()
		s.stopTicker()
		s.sess, s.form, s.run, s.breath = nil, nil, nil, nil
		s.view = urgeHome
	}()
	a.ShowScreen(screenUrge)
	if len(s.hist.episodes) > 0 {
		s.hist.detail(s.hist.episodes[0])
		shot("urge-detail")
		hideOverlays(a)
	}

	a.StartUrge()
	shot("urge-start")

	// Nine minutes in: it rose to 8 and has eased off to 3, so ending is
	// offered, and a rating is due.
	now := a.Now()
	start := now.Add(-9*time.Minute - 5*time.Second)
	sess, err := rwpractice.NewUrgeSession(rwpractice.DefaultCadence)
	if err != nil || sess.Start(start, 6) != nil {
		return
	}
	for i, r := range []int{7, 8, 8, 7, 6, 5, 4, 3} {
		if err := sess.Rate(start.Add(time.Duration(i+1)*time.Minute), r); err != nil {
			return
		}
	}
	s.sess = sess
	s.status.clear()
	s.setView(urgeRunning)
	shot("urge-wave")

	// Breathing in the middle of it: the patterns under the line back to
	// the session (paused in memory only; nothing is saved).
	if sess.Pause(now) == nil {
		s.breath = a.newBreathingPanel(nil)
		s.setView(urgeBreathing)
		shot("urge-breathe")
		s.breath = nil
		_ = sess.Resume(now)
	}

	s.endAt = now
	s.prefill = rwpractice.UrgeOutcome{Triggers: []string{rwpractice.TriggerFeelings, rwpractice.TriggerPlaces},
		HALT: []string{rwpractice.HALTTired}}
	s.setView(urgeEnding)
	if s.form != nil {
		s.form.acted.SetSelected(s.form.acted.Options[0])
	}
	shot("urge-end")

	s.ended = *sess.Record().Urge
	s.ended.Samples = s.ended.Samples[:3] // it was acted on at the peak
	s.ended.ActedOn, s.ended.Finished = true, true
	s.sess = nil
	s.setView(urgeDone)
	shot("urge-acted")

	a.ShowScreen(screenToday)

	s.offer(journal.Record{Kind: journal.KindUrge, Urge: &journal.UrgeEpisode{Started: start,
		Samples: []journal.UrgeSample{{At: start, Rating: 6}, {At: now.Add(-4 * time.Minute), Rating: 8}}}}, now)
	shot("urge-offer")
	hideOverlays(a)
}

// hideOverlays closes every dialog.
func hideOverlays(a *App) {
	c := a.win.Canvas()
	for o := c.Overlays().Top(); o != nil; o = c.Overlays().Top() {
		c.Overlays().Remove(o)
	}
}
