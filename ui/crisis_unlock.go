package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// showLockedCrisis shows, while the vault is locked, the part of the
// crisis card the user chose to show without unlocking, read from the plain
// copy beside the vault. back returns to the unlock screen.
func (a *App) showLockedCrisis() {
	a.unlockView = nil
	l, err := readLockedCard(lockedCardPath(a.vaults.Path()))
	if err != nil {
		fyne.LogError("read crisis card copy", err)
	}
	back := widget.NewButtonWithIcon(lang.X("crisis.back", "Back to unlock"), theme.NavigateBackIcon(), a.showUnlock)
	objs := []fyne.CanvasObject{heading(lang.X("crisis.title", "Crisis card"))}
	if l.empty() {
		objs = append(objs, centeredText(lang.X("crisis.locked.none", "Nothing from your card is set to show here. Unlock to see your whole card. If you are in danger now, call your local emergency number.")))
	} else {
		objs = append(objs, centeredText(lang.X("crisis.locked.intro", "Breathe out slowly. This is the part of your plan you chose to show without unlocking.")))
		card := journal.CrisisCard{Reasons: l.Reasons, Helps: l.Helps, People: contactsOf(l.People), Lines: contactsOf(l.Lines)}
		objs = append(objs, crisisSections(card, false)...)
		objs = append(objs, caption(lang.X("crisis.locked.note", "This part of your card is stored without encryption, so it can show before you unlock.")))
	}
	objs = append(objs, container.NewCenter(back))
	a.setContent(container.NewVScroll(container.NewPadded(centered(560, objs...))))
}

func contactsOf(ls []lockedContact) []journal.Contact {
	out := make([]journal.Contact, len(ls))
	for i, x := range ls {
		out[i] = journal.Contact{Name: x.Name, Phone: x.Phone, Note: x.Note}
	}
	return out
}

func centeredText(text string) *widget.Label {
	l := wrapped(text)
	l.Alignment = fyne.TextAlignCenter
	return l
}

// registerLockedCrisis makes Ctrl+K open the crisis card while locked:
// on the canvas, and in the passphrase field, which would otherwise take
// the shortcut for itself. The shell replaces the canvas shortcut at unlock.
func (a *App) registerLockedCrisis() {
	a.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: crisisKey, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) {
			if a.shell == nil {
				a.showLockedCrisis()
			}
		})
}

// passphraseEntry is the unlock screen's password field. It passes the
// crisis card's shortcut on instead of swallowing it as a plain entry does.
type passphraseEntry struct {
	widget.Entry
	onCrisis func()
}

func newPassphraseEntry(onCrisis func()) *passphraseEntry {
	e := &passphraseEntry{onCrisis: onCrisis}
	e.Password = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut opens the crisis card on its shortcut and otherwise does
// what an entry does.
func (e *passphraseEntry) TypedShortcut(s fyne.Shortcut) {
	if isCrisisShortcut(s) && e.onCrisis != nil {
		e.onCrisis()
		return
	}
	e.Entry.TypedShortcut(s)
}
