package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/rewirejournal/rewire/journal/reminder"
)

// Reminders are kept in Fyne's plain preferences, not in the vault, so
// they come while the app is locked too. A time of day and an on/off switch
// per kind is all that is stored: nothing private.
var reminderPrefs = map[reminder.Kind]struct {
	time, on string
	fallback string
}{
	reminder.Morning:    {"reminder.morning.time", "reminder.morning.on", "08:00"},
	reminder.Evening:    {"reminder.evening.time", "reminder.evening.on", "21:00"},
	reminder.Meditation: {"reminder.meditation.time", "reminder.meditation.on", "12:30"},
}

// loadReminders reads the reminders from the preferences; every one is off
// until the user turns it on.
func loadReminders(prefs fyne.Preferences) []reminder.Reminder {
	var rs []reminder.Reminder
	for _, k := range reminder.Kinds {
		p := reminderPrefs[k]
		h, m, err := reminder.ParseTime(prefs.StringWithFallback(p.time, p.fallback))
		if err != nil {
			h, m, _ = reminder.ParseTime(p.fallback)
		}
		rs = append(rs, reminder.Reminder{Kind: k, Hour: h, Minute: m, On: prefs.Bool(p.on)})
	}
	return rs
}

func saveReminders(prefs fyne.Preferences, rs []reminder.Reminder) {
	for _, r := range rs {
		p := reminderPrefs[r.Kind]
		prefs.SetString(p.time, reminder.FormatTime(r.Hour, r.Minute))
		prefs.SetBool(p.on, r.On)
	}
}

// schedule returns the app's reminder schedule, made on first use from
// the preferences.
func (a *App) schedule() *reminder.Schedule {
	if a.reminders == nil {
		a.reminders = reminder.New(time.Local, a.Now(), loadReminders(a.fyne.Preferences()))
	}
	return a.reminders
}

// SetReminders saves rs and schedules them from now.
func (a *App) SetReminders(rs []reminder.Reminder) {
	saveReminders(a.fyne.Preferences(), rs)
	a.schedule().Set(a.Now(), rs)
	a.refreshTray()
}

// tickReminders shows a due reminder as a desktop notification and at the
// top of the tray menu. It runs on the UI goroutine, locked or not.
func (a *App) tickReminders() {
	now := a.Now()
	kind, ok := a.schedule().Tick(now)
	if !ok {
		// The tray's "next reminder" line moves on after a reminder was
		// skipped (the machine slept past it) too.
		if _, next, _ := a.schedule().Next(now); !next.Equal(a.trayNext) {
			a.refreshTray()
		}
		return
	}
	title, body := reminderText(kind)
	a.fyne.SendNotification(fyne.NewNotification(title, body))
	a.dueReminder, a.hasDue = kind, true
	a.refreshTray()
}

// reminderText is the fixed text of a reminder. It never says anything
// from the journal: a notification can be read over a shoulder.
func reminderText(k reminder.Kind) (title, body string) {
	switch k {
	case reminder.Morning:
		return lang.X("desktop.reminder.morning.title", "Good morning"),
			lang.X("desktop.reminder.morning.body", "A moment to set an intention for today.")
	case reminder.Evening:
		return lang.X("desktop.reminder.evening.title", "Evening"),
			lang.X("desktop.reminder.evening.body", "Time for three good things and your check-in.")
	}
	return lang.X("desktop.reminder.meditation.title", "Meditation"),
		lang.X("desktop.reminder.meditation.body", "Your meditation time. A few quiet minutes.")
}

// reminderName is a reminder's name in settings.
func reminderName(k reminder.Kind) string {
	switch k {
	case reminder.Morning:
		return lang.X("desktop.reminder.morning", "Morning intention")
	case reminder.Evening:
		return lang.X("desktop.reminder.evening", "Evening gratitude and check-in")
	}
	return lang.X("desktop.reminder.meditation", "Meditation")
}

// reminderScreen is the screen a reminder leads to once unlocked.
func reminderScreen(k reminder.Kind) int {
	switch k {
	case reminder.Evening:
		return screenGratitude
	}
	return screenToday
}

// openReminder brings the window forward and, when unlocked, shows the
// reminder's screen.
func (a *App) openReminder(k reminder.Kind) {
	a.hasDue = false
	a.refreshTray()
	a.ShowWindow()
	if a.shell != nil {
		a.ShowScreen(reminderScreen(k))
	}
}
