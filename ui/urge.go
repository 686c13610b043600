package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	rwpractice "github.com/rewirejournal/rewire/journal/practice"
)

// This file holds the urge-surfing screen's state and flow: start, rate,
// breathe and come back, end, and pick up an episode a crash interrupted.
// The views are built in urge_views.go, the history in urge_history.go.
//
// Every step is saved as it happens: the episode record
// ([rwpractice.UrgeSession.Record]) is written after the first rating, after
// every rating, on leaving for and coming back from breathing, and the end
// form as a draft while it is filled in. Killing the app loses at most the
// time since the last step; the next unlock offers to resume or finish.

// urgeView is what the urge screen shows.
type urgeView int

const (
	urgeHome      urgeView = iota // history, personal figures, a start button
	urgeStart                     // the first rating
	urgeRunning                   // guidance, prompts and the live wave
	urgeEnding                    // the end form
	urgeDone                      // the closing message
	urgeBreathing                 // the breathing practice, the session waiting
)

// urgeTickEvery is how often the running view is brought up to date:
// the elapsed time is shown in seconds.
const urgeTickEvery = time.Second

// urgeResumeWithin is how recent an interrupted episode's last rating must
// be for the next unlock to ask about it; older ones wait in the history.
// One last rated longer ago than [rwpractice.SoftCap] is offered only to be
// finished, not resumed: that urge has long passed.
const urgeResumeWithin = 12 * time.Hour

// urgeScreen is urge surfing: one session at a time, and the history of
// past episodes with their waves.
type urgeScreen struct {
	a    *App
	tick Ticker
	stop func() // stops the ticker; nil while none runs

	sess *rwpractice.UrgeSession // nil when no session is open
	view urgeView
	body *fyne.Container // holds the current view

	run *urgeRunView // the running view's widgets, while it is built
	// breath is the breathing practice the user went to from the running
	// session, while it shows; breathInfo says the session goes on.
	breath     *breathingPanel
	breathInfo *widget.Label
	form       *urgeEndForm // the end form, while it shows
	// endAt is when the user chose to end; the episode ends there even if
	// the form takes a while to fill in.
	endAt time.Time
	// prefill is what an interrupted episode's draft already said.
	prefill rwpractice.UrgeOutcome
	// ended is the episode just ended, for the closing message and its
	// wave.
	ended  journal.UrgeEpisode
	saver  *dailySaver // the end form's draft
	status *saveStatus

	hist *urgeHistory
	// dialogs are the episode and resume dialogs open now; Leave closes
	// them, so none outlives a lock with an episode's words in it.
	dialogs []dialog.Dialog
}

func newUrgeScreen(a *App) screen {
	s := &urgeScreen{a: a, tick: a.ticker(), status: newSaveStatus()}
	s.saver = newDailySaver(s.saveDraft)
	s.hist = newUrgeHistory(s)
	return s
}

func (s *urgeScreen) Title() string       { return lang.X("urge.title", "Urge surfing") }
func (s *urgeScreen) Icon() fyne.Resource { return theme.WarningIcon() }

func (s *urgeScreen) Content() fyne.CanvasObject {
	s.body = container.NewStack()
	s.render()
	return s.body
}

// Refresh shows the current view again; the home view reloads the
// history, the breathing practice the user's patterns.
func (s *urgeScreen) Refresh() {
	if s.view == urgeBreathing && s.breath != nil {
		s.breath.refresh()
	}
	s.render()
}

// Leave saves what is unsaved: the end form's draft at once. Ratings are
// saved as they are given. A running session goes on in the background
// (the urge does too) and is there when the user comes back.
func (s *urgeScreen) Leave() {
	s.saver.flush()
	if s.breath != nil {
		s.breath.Leave() // pauses and saves a guide in progress
	}
	for _, d := range s.dialogs {
		d.Hide()
	}
	s.dialogs = nil
}

// practicing reports whether the session runs at now, or the user
// breathes in the middle of it. A session paused for breathing (while the
// user chooses a pattern or has paused the guide), ending (the form) or
// whose half-hour offer is waiting unanswered does not: one left alone
// locks the normal idle time after its soft cap.
func (s *urgeScreen) practicing(now time.Time) bool {
	if s.breath != nil && s.breath.practicing(now) {
		return true
	}
	if s.sess == nil || !s.endAt.IsZero() || s.sess.Paused() {
		return false
	}
	st := s.sess.Tick(now)
	return st.Phase == rwpractice.UrgeRunning && !st.SoftCap
}

// showDialog shows d and remembers it for Leave.
func (s *urgeScreen) showDialog(d dialog.Dialog) {
	s.dialogs = append(s.dialogs, d)
	d.Show()
}

// urgeOf returns the urge screen while the app is unlocked.
func (a *App) urgeOf() *urgeScreen {
	if a.shell == nil {
		return nil
	}
	s, _ := a.shell.screens[screenUrge].(*urgeScreen)
	return s
}

// StartUrge opens urge surfing at its first rating (Today's craving
// button, Ctrl+U). A session already open is shown instead of a new one.
func (a *App) StartUrge() {
	s := a.urgeOf()
	if s == nil {
		return
	}
	a.Touch()
	switch {
	case s.sess == nil:
		s.view = urgeStart
	case s.view != urgeEnding && s.view != urgeBreathing:
		s.view = urgeRunning
	}
	s.show()
}

// show makes the urge screen current and draws the current view.
func (s *urgeScreen) show() {
	if s.a.urgeOf() != s {
		return // locked meanwhile
	}
	if s.a.shell.current == screenUrge {
		s.render()
		return
	}
	s.a.ShowScreen(screenUrge) // renders via Refresh
}

// setView switches to v and draws it.
func (s *urgeScreen) setView(v urgeView) {
	s.view = v
	s.render()
}

// render builds the current view into the body (once Content exists).
func (s *urgeScreen) render() {
	if s.body == nil {
		return
	}
	if s.sess == nil && (s.view == urgeRunning || s.view == urgeEnding || s.view == urgeBreathing) {
		s.view = urgeHome
	}
	if s.view == urgeBreathing && s.breath == nil {
		s.view = urgeRunning
	}
	if s.view != urgeRunning {
		s.run = nil
	}
	if s.view != urgeBreathing {
		s.breathInfo = nil
	}
	if s.view != urgeEnding {
		s.form = nil
	}
	var obj fyne.CanvasObject
	switch s.view {
	case urgeStart:
		obj = s.startView()
	case urgeRunning:
		obj = s.runView()
		s.update()
	case urgeEnding:
		obj = s.endView()
	case urgeDone:
		obj = s.doneView()
	case urgeBreathing:
		obj = s.breathView()
		s.update()
	default:
		obj = s.hist.view()
		s.hist.load()
	}
	s.body.Objects = []fyne.CanvasObject{obj}
	s.body.Refresh()
}

// cadence is the rating cadence from the settings.
func (s *urgeScreen) cadence() time.Duration {
	return rwpractice.ClampCadence(time.Duration(s.a.Settings().UrgeCadenceSeconds) * time.Second)
}

// begin starts a session with the first rating.
func (s *urgeScreen) begin(rating int) {
	a := s.a
	a.Touch()
	sess, err := rwpractice.NewUrgeSession(s.cadence())
	if err == nil {
		err = sess.Start(a.Now(), rating)
	}
	if err != nil {
		// Only a programming error gets here: the cadence is clamped and
		// the rating comes from the 0–10 buttons.
		fyne.LogError("start urge session", err)
		return
	}
	s.sess, s.prefill, s.endAt = sess, rwpractice.UrgeOutcome{}, time.Time{}
	s.status.clear()
	s.save()
	s.setView(urgeRunning)
	s.startTicker()
}

// rate records a rating and saves it.
func (s *urgeScreen) rate(rating int) {
	if s.sess == nil {
		return
	}
	s.a.Touch()
	if err := s.sess.Rate(s.a.Now(), rating); err != nil {
		fyne.LogError("rate urge", err)
		return
	}
	s.save()
	s.update()
}

// save writes the session's record; a failure says so quietly and the
// next step tries again (the session keeps everything in memory).
func (s *urgeScreen) save() bool {
	return s.saveRecord(s.sess.Record())
}

func (s *urgeScreen) saveRecord(r *journal.Record) bool {
	recs := s.a.Records()
	if recs == nil || r == nil {
		return false
	}
	if err := recs.Save(r); err != nil {
		fyne.LogError("save urge episode", err)
		s.status.failed()
		return false
	}
	s.status.saved()
	return true
}

// startTicker keeps the running view up to date until the session pauses
// or ends, or the screen is dropped at lock.
func (s *urgeScreen) startTicker() {
	if s.stop != nil {
		return
	}
	s.stop = s.tick(urgeTickEvery, s.onTick)
}

func (s *urgeScreen) stopTicker() {
	if s.stop != nil {
		s.stop()
		s.stop = nil
	}
}

// onTick runs on the UI goroutine.
func (s *urgeScreen) onTick() {
	if s.a.urgeOf() != s || s.sess == nil {
		// Locked (the shell that held this screen is gone) or ended.
		s.stopTicker()
		return
	}
	s.update()
}

// update brings the running view, or the line over the breathing
// practice, up to date for now.
func (s *urgeScreen) update() {
	if s.sess == nil {
		return
	}
	st := s.sess.Tick(s.a.Now())
	if s.breathInfo != nil {
		setText(s.breathInfo, lang.X("urge.breath.info", "Your urge session goes on while you breathe: {{.Time}} since you started. Come back to it whenever you like.",
			map[string]any{"Time": clockDuration(st.Elapsed)}))
	}
	if s.run != nil {
		s.run.show(st, s.sess)
	}
}

// breathe opens the breathing practice inside the urge screen: the
// user's patterns, logged like on the Breathe screen. The session is
// marked as away breathing (no prompts meanwhile; the urge's clock runs
// on) and saved; a line above the practice leads back to it.
func (s *urgeScreen) breathe() {
	a := s.a
	if s.sess == nil {
		return
	}
	a.Touch()
	if err := s.sess.Pause(a.Now()); err != nil {
		fyne.LogError("pause urge session", err)
		return
	}
	s.save()
	s.breath = a.newBreathingPanel(func(journal.PracticeSession) { s.back() })
	s.setView(urgeBreathing)
	s.startTicker()
}

// back returns from breathing to the running session. A guide still
// running is ended and saved as it is; a session already finished was
// handed over, with its closing rating, before this.
func (s *urgeScreen) back() {
	a := s.a
	a.Touch()
	if s.breath != nil {
		s.breath.close()
		s.breath = nil
	}
	if s.sess == nil {
		return
	}
	if err := s.sess.Resume(a.Now()); err != nil {
		fyne.LogError("resume urge session", err)
		return
	}
	s.save()
	s.setView(urgeRunning)
	s.startTicker()
}

// keepGoing answers the soft cap.
func (s *urgeScreen) keepGoing() {
	if s.sess == nil {
		return
	}
	s.a.Touch()
	s.sess.KeepGoing(s.a.Now())
	s.update()
}

// toEnd shows the end form; the episode ends now, whenever the form is
// saved.
func (s *urgeScreen) toEnd() {
	if s.sess == nil {
		return
	}
	s.a.Touch()
	s.endAt = s.a.Now()
	if s.sess.Paused() {
		_ = s.sess.Resume(s.endAt)
	}
	s.stopTicker()
	s.setView(urgeEnding)
}

// backToSurfing leaves the end form for the session, keeping the draft.
func (s *urgeScreen) backToSurfing() {
	s.saver.flush()
	s.endAt = time.Time{}
	s.setView(urgeRunning)
	s.startTicker()
}

// saveDraft stores the end form as it stands in the still-open episode,
// so a crash while writing keeps the words. It reports whether it stored.
func (s *urgeScreen) saveDraft() bool {
	if s.sess == nil || s.form == nil {
		return true
	}
	r := s.sess.Record()
	if r == nil {
		return true
	}
	o := s.form.outcome()
	s.prefill = o
	r.Urge.Triggers, r.Urge.HALT = o.Triggers, o.HALT
	r.Urge.Situation, r.Urge.Coping, r.Urge.ActedOn = o.Situation, o.Coping, o.ActedOn
	return s.saveRecord(r)
}

// finish ends the episode with the form's answers and saves it.
func (s *urgeScreen) finish() {
	if s.sess == nil || s.form == nil {
		return
	}
	a := s.a
	a.Touch()
	o := s.form.outcome()
	if err := s.sess.End(s.endAt, o); err != nil && !errors.Is(err, rwpractice.ErrEnded) {
		fyne.LogError("end urge session", err)
		return
	}
	s.saver.forget()
	if !s.save() {
		// Ended in memory; the button stays so saving can be tried again.
		return
	}
	s.ended = *s.sess.Record().Urge
	s.sess, s.prefill, s.endAt = nil, rwpractice.UrgeOutcome{}, time.Time{}
	s.setView(urgeDone)
}

// adopt makes an interrupted episode the open session again.
func (s *urgeScreen) adopt(r journal.Record) bool {
	if s.a.urgeOf() != s {
		return false // locked meanwhile
	}
	sess, err := rwpractice.ResumeUrge(&r, 0)
	if err != nil {
		fyne.LogError("resume urge episode", err)
		return false
	}
	s.stopTicker()
	s.sess = sess
	u := r.Urge
	s.prefill = rwpractice.UrgeOutcome{Triggers: u.Triggers, HALT: u.HALT, Situation: u.Situation, Coping: u.Coping, ActedOn: u.ActedOn}
	s.status.clear()
	return true
}

// resume picks up an interrupted episode where it was.
func (s *urgeScreen) resume(r journal.Record) {
	if !s.adopt(r) {
		return
	}
	s.a.Touch()
	s.save()
	s.view = urgeRunning
	s.show()
	s.startTicker()
}

// finishInterrupted goes to the end form of an interrupted episode, which
// ends at its last rating: when the urge really ended is not known.
func (s *urgeScreen) finishInterrupted(r journal.Record) {
	if !s.adopt(r) {
		return
	}
	s.a.Touch()
	s.endAt = s.sess.LastRated()
	s.view = urgeEnding
	s.show()
}

// offerUnfinishedUrge asks, after unlock, about an urge session that a
// crash or a quit interrupted recently: resume it, or finish it.
func (a *App) offerUnfinishedUrge() {
	recs := a.Records()
	if recs == nil {
		return
	}
	now := a.Now()
	a.Run(func() {
		r, ok := newestUnfinished(recs, now)
		if !ok {
			return
		}
		fyne.Do(func() {
			if a.Records() == nil {
				return
			}
			if s := a.urgeOf(); s != nil && s.sess == nil {
				s.offer(r, now)
			}
		})
	})
}

// newestUnfinished finds the most recent interrupted episode whose last
// rating is within [urgeResumeWithin] of now.
func newestUnfinished(recs Records, now time.Time) (journal.Record, bool) {
	list, err := recs.List(journal.Filter{Kinds: []journal.Kind{journal.KindUrge},
		From: now.Add(-urgeResumeWithin - 24*time.Hour).Format(journal.DateLayout)})
	if err != nil {
		return journal.Record{}, false
	}
	var best journal.Record
	var bestAt time.Time
	for _, r := range list {
		u := r.Urge
		if u == nil || u.Finished || len(u.Samples) == 0 {
			continue
		}
		last := u.Samples[len(u.Samples)-1].At
		if now.Sub(last) > urgeResumeWithin || last.After(now.Add(time.Minute)) {
			continue
		}
		if last.After(bestAt) {
			best, bestAt = r, last
		}
	}
	return best, !bestAt.IsZero()
}

// urgeCadenceChoices are the rating cadences settings offers, in seconds.
var urgeCadenceChoices = []int{30, 45, 60, 90, 120}

func newUrgeCadenceSelect() *widget.Select {
	sel := widget.NewSelect(nil, nil)
	for _, n := range urgeCadenceChoices {
		sel.Options = append(sel.Options, urgeCadenceLabel(n))
	}
	return sel
}

// urgeCadenceLabel names a cadence setting; 0 and values out of range
// show as what the session will use.
func urgeCadenceLabel(seconds int) string {
	d := rwpractice.ClampCadence(time.Duration(seconds) * time.Second)
	return lang.X("urge.settings.seconds", "{{.N}} seconds", map[string]any{"N": int(d / time.Second)})
}
