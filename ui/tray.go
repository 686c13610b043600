package ui

import (
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"github.com/rewirejournal/rewire/assets"
	"github.com/rewirejournal/rewire/journal/reminder"
)

// setupTray puts Rewire's menu in the system tray, where the desktop has
// one. The menu never shows anything from the journal.
func (a *App) setupTray() {
	d, ok := a.fyne.(desktop.App)
	if !ok || !sessionBusReachable() {
		return
	}
	a.tray = a.trayMenu()
	d.SetSystemTrayIcon(assets.Icon)
	d.SetSystemTrayMenu(a.tray)
}

// refreshTray rebuilds the tray menu's items after the state changed
// (locked, unlocked, a reminder came, the language changed).
func (a *App) refreshTray() {
	if a.tray == nil {
		return
	}
	a.tray.Items = a.trayMenu().Items
	a.tray.Refresh()
}

// trayMenu returns the tray menu for the app's state: the reminder that
// came (if any) or the next one, open, lock, breathe, quit.
func (a *App) trayMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	if a.hasDue {
		k := a.dueReminder
		title, _ := reminderText(k)
		items = append(items, fyne.NewMenuItem(title+" — "+reminderName(k), func() { a.openReminder(k) }),
			fyne.NewMenuItemSeparator())
	} else if k, at, ok := a.schedule().Next(a.Now()); ok {
		a.trayNext = at
		next := fyne.NewMenuItem(lang.X("desktop.tray.next", "Next reminder: {{.Name}} at {{.Time}}",
			map[string]any{"Name": reminderName(k), "Time": reminder.FormatTime(at.Hour(), at.Minute())}), nil)
		next.Disabled = true
		items = append(items, next, fyne.NewMenuItemSeparator())
	}
	open := fyne.NewMenuItem(lang.X("desktop.tray.open", "Open Rewire"), a.ShowWindow)
	lock := fyne.NewMenuItem(lang.X("desktop.tray.lock", "Lock now"), a.Lock)
	lock.Disabled = a.shell == nil
	breathe := fyne.NewMenuItem(lang.X("desktop.tray.breathe", "Breathing exercise"), a.breatheFromTray)
	crisis := fyne.NewMenuItem(lang.X("desktop.tray.crisis", "Crisis card"), a.crisisFromTray)
	quit := fyne.NewMenuItem(lang.X("desktop.tray.quit", "Quit Rewire"), a.Quit)
	quit.IsQuit = true
	items = append(items, open, lock, breathe, crisis, fyne.NewMenuItemSeparator(), quit)
	return fyne.NewMenu("Rewire", items...)
}

// ShowWindow shows the window and brings it to the front: for the tray
// and for a second start of the app.
func (a *App) ShowWindow() {
	if a.win == nil {
		return
	}
	a.win.Show()
	a.win.RequestFocus()
}

// crisisFromTray shows the crisis card: the whole card while unlocked, the
// part marked safe to show while locked.
func (a *App) crisisFromTray() {
	a.ShowWindow()
	if a.setupFlow != nil || a.quitting {
		return
	}
	a.openCrisis()
}

// breatheFromTray shows the breathing guide; Done returns to what the
// window showed before (the unlock screen, or the screen the user was on).
func (a *App) breatheFromTray() {
	a.ShowWindow()
	switch {
	case a.breathing != nil || a.setupFlow != nil || a.quitting:
		return
	case a.shell == nil:
		if a.unlockView != nil {
			a.showBreathing(a.showUnlock)
		}
		return
	}
	a.Touch()
	prev := a.win.Content()
	sh := a.shell
	a.showBreathing(func() {
		if a.shell == sh && sh != nil {
			a.win.SetContent(prev)
			a.Touch()
		}
	})
}

// stopBreathing ends a breathing guide that is showing (at lock).
func (a *App) stopBreathing() {
	if a.breathing != nil {
		a.breathing.halt() // what was breathed is already saved
	}
}

// sessionBusReachable reports whether a tray can work. On Linux and the
// BSDs the tray talks to the desktop over the D-Bus session bus; without
// one (a bare X server, a CI machine) Fyne's tray crashes at quit, so the
// app goes without a tray there.
func sessionBusReachable() bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return true
	}
	addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS")
	if addr == "" {
		return false
	}
	for _, part := range strings.Split(addr, ";") {
		if !strings.HasPrefix(part, "unix:") {
			return true // tcp, launchd…: trust it
		}
		for _, kv := range strings.Split(strings.TrimPrefix(part, "unix:"), ",") {
			switch {
			case strings.HasPrefix(kv, "path="):
				if _, err := os.Stat(strings.TrimPrefix(kv, "path=")); err == nil {
					return true
				}
			case strings.HasPrefix(kv, "abstract="):
				return true
			}
		}
	}
	return false
}
