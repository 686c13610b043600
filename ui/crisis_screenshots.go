package ui

import "fyne.io/fyne/v2/container"

// screenshotCrisisAndLearn shows the crisis card's edit view, and a learn
// card opened from a practice's link, for [Screenshots]; shot captures the
// window. The read view and the Learn list are shot with the other screens.
func screenshotCrisisAndLearn(a *App, shot func(name string)) {
	a.ShowScreen(screenCrisis)
	if cs, ok := a.shell.screens[screenCrisis].(*crisisScreen); ok {
		cs.showEdit()
		shot("crisis-edit")
		if sc, ok := cs.editView.(*container.Scroll); ok {
			sc.ScrollToBottom()
			shot("crisis-edit-contacts")
			sc.ScrollToTop()
		}
		cs.done()
	}
	a.ShowScreen(screenLearn)
	if ls, ok := a.shell.screens[screenLearn].(*learnScreen); ok {
		ls.open(learnUrges)
		shot("learn-card")
	}
	a.ShowScreen(screenGratitude)
	openLearnCard(a.win.Content(), learnGratitude)
	shot("learn-dialog")
	if o := a.win.Canvas().Overlays().Top(); o != nil {
		a.win.Canvas().Overlays().Remove(o)
	}
}

// screenshotLockedCrisis locks the app and shows the part of the crisis
// card that shows on the unlock screen.
func screenshotLockedCrisis(a *App, shot func(name string)) {
	a.Lock()
	a.openCrisis()
	shot("unlock-crisis")
}
