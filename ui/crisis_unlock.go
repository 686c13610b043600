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

// openCrisis is what the crisis card's shortcut and buttons do. With the
// shell showing it goes to the Crisis card screen. Anywhere else (the unlock
// screen, the recovery flow, a breathing guide or another practice that
// fills the window) it shows the card over what is there, with a Back
// button that returns to it untouched, so a running practice is not lost.
// While locked that is the part the user marked safe to show.
func (a *App) openCrisis() {
	a.Touch()
	if s := a.shell; s != nil && a.win.Content() == s.root {
		a.ShowScreen(screenCrisis)
		return
	}
	if a.crisisOver != nil && a.win.Content() == a.crisisOver {
		return // already showing
	}
	if a.shell != nil {
		a.showCrisisOver(a.unlockedCardView())
		return
	}
	a.showCrisisOver(a.lockedCardView())
}

// unlockedCardView is the whole card from the vault, read-only.
func (a *App) unlockedCardView() []fyne.CanvasObject {
	c := journal.CrisisCard{}
	if recs := a.Records(); recs != nil {
		list, err := recs.List(journal.Filter{Kinds: []journal.Kind{journal.KindCrisis}})
		if err != nil {
			fyne.LogError("load crisis card", err)
		}
		if len(list) > 0 && list[0].Crisis != nil {
			c = *list[0].Crisis
		}
	}
	if crisisCardEmpty(c) {
		return []fyne.CanvasObject{centeredText(lang.X("crisis.over.empty", "Your crisis card is empty. You can write it on the Crisis card screen. If you are in danger now, call your local emergency number."))}
	}
	return append([]fyne.CanvasObject{centeredText(lang.X("crisis.readintro", "This is your plan. Breathe out slowly, and read it one line at a time."))},
		crisisSections(c, true)...)
}

// lockedCardView is the part of the card the user marked as safe to show
// while locked, read from the plain copy beside the vault.
func (a *App) lockedCardView() []fyne.CanvasObject {
	l, err := readLockedCard(lockedCardPath(a.vaults.Path()))
	if err != nil {
		fyne.LogError("read crisis card copy", err)
	}
	if l.empty() {
		return []fyne.CanvasObject{centeredText(lang.X("crisis.locked.none", "Nothing from your card is set to show here. Unlock to see your whole card. If you are in danger now, call your local emergency number."))}
	}
	objs := []fyne.CanvasObject{centeredText(lang.X("crisis.locked.intro", "Breathe out slowly. This is the part of your plan you chose to show without unlocking."))}
	card := journal.CrisisCard{Reasons: l.Reasons, Helps: l.Helps, People: contactsOf(l.People), Lines: contactsOf(l.Lines)}
	objs = append(objs, crisisSections(card, false)...)
	return append(objs, caption(lang.X("crisis.locked.note", "This part of your card is stored without encryption, so it can show before you unlock.")))
}

// showCrisisOver fills the window with the card, and Back puts back what
// was there.
func (a *App) showCrisisOver(card []fyne.CanvasObject) {
	prev := a.win.Content()
	focused := a.win.Canvas().Focused()
	back := widget.NewButtonWithIcon(lang.X("crisis.back", "Back"), theme.NavigateBackIcon(), func() {
		a.crisisOver = nil
		a.win.SetContent(prev)
		if u := a.unlockView; u != nil && prev == u.root {
			focused = u.passphrase // a tap on the card's button took the focus
		}
		if focused != nil {
			a.win.Canvas().Focus(focused)
		}
		a.Touch()
	})
	objs := append([]fyne.CanvasObject{heading(lang.X("crisis.title", "Crisis card"))}, card...)
	objs = append(objs, container.NewCenter(back))
	a.setContent(container.NewVScroll(container.NewPadded(centered(560, objs...))))
	a.crisisOver = a.win.Content()
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
// on the canvas here, and in the passphrase field through
// [passphraseEntry], which would otherwise take the shortcut for itself.
// The shell replaces the canvas shortcut at unlock.
func (a *App) registerLockedCrisis() {
	a.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: crisisKey, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { a.openCrisis() })
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
