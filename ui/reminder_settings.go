package ui

import (
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/internal/autostart"
	"github.com/rewirejournal/rewire/journal/reminder"
)

// reminderSettings is the settings card for reminders and start at login.
type reminderSettings struct {
	a      *App
	checks []*widget.Check
	times  []*widget.Entry
	login  *widget.Check
	status *widget.Label
}

// remindersCard returns the card; its widgets save as they change.
func (a *App) remindersCard() fyne.CanvasObject {
	s := &reminderSettings{a: a, status: wrapped("")}
	rows := container.NewVBox()
	for i, r := range a.schedule().Reminders() {
		on := widget.NewCheck(reminderName(r.Kind), nil)
		on.SetChecked(r.On)
		at := widget.NewEntry()
		at.SetText(reminder.FormatTime(r.Hour, r.Minute))
		at.SetPlaceHolder("21:00")
		at.Validator = func(text string) error {
			_, _, err := reminder.ParseTime(text)
			return err
		}
		on.OnChanged = func(bool) { s.save(i) }
		at.OnChanged = func(string) { s.save(i) }
		s.checks, s.times = append(s.checks, on), append(s.times, at)
		rows.Add(container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(120, at.MinSize().Height), at), on))
	}
	s.login = widget.NewCheck(lang.X("desktop.login", "Start Rewire when I log in"), nil)
	s.login.SetChecked(autostart.Enabled(a.autostartDir()))
	s.login.OnChanged = s.setLogin
	note := wrapped(lang.X("desktop.reminders.note", "Reminders come while Rewire is open, locked or not. They never show anything you wrote."))
	return widget.NewCard(lang.X("desktop.reminders", "Reminders"), "", container.NewVBox(rows, note, s.login, s.status))
}

// save stores the reminders when the one at index i changed; a time that
// is not a valid HH:MM waits until it is.
func (s *reminderSettings) save(i int) {
	s.a.Touch()
	h, m, err := reminder.ParseTime(s.times[i].Text)
	if err != nil {
		s.status.Importance = widget.WarningImportance
		s.status.SetText(lang.X("desktop.reminders.badtime", "Please write the time as hours and minutes, like 07:30."))
		return
	}
	rs := s.a.schedule().Reminders()
	rs[i].Hour, rs[i].Minute, rs[i].On = h, m, s.checks[i].Checked
	s.a.SetReminders(rs)
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(lang.X("desktop.reminders.saved", "Saved."))
}

// setLogin writes or removes the autostart entry.
func (s *reminderSettings) setLogin(on bool) {
	s.a.Touch()
	dir := s.a.autostartDir()
	var err error
	switch {
	case dir == "":
		err = errors.New("no autostart directory")
	case on:
		var exe string
		if exe, err = os.Executable(); err == nil {
			err = autostart.Enable(dir, exe)
		}
	default:
		err = autostart.Disable(dir)
	}
	if err != nil {
		fyne.LogError("start at login", err)
		s.status.Importance = widget.WarningImportance
		s.status.SetText(lang.X("desktop.login.failed", "Rewire could not change whether it starts at login."))
		s.login.OnChanged = nil
		s.login.SetChecked(autostart.Enabled(dir))
		s.login.OnChanged = s.setLogin
		return
	}
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(lang.X("desktop.reminders.saved", "Saved."))
}

// autostartDir is the XDG autostart directory.
func (a *App) autostartDir() string {
	if a.opts.Autostart != "" {
		return a.opts.Autostart
	}
	dir, err := autostart.Dir()
	if err != nil {
		return ""
	}
	return dir
}
