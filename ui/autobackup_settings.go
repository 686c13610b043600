package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
)

// backupEveryChoices are the intervals settings offer, in hours; -1 is off.
var backupEveryChoices = []int{12, 24, 48, 168, -1}

// Rotation counts settings offer; the defaults are 7, 4 and 12.
var (
	keepDailyChoices   = []int{3, 7, 14, 30}
	keepWeeklyChoices  = []int{2, 4, 8, 12}
	keepMonthlyChoices = []int{6, 12, 24, 36}
)

// backupSettings is the settings card for automatic backups: the folder,
// how often, and how many rotation keeps.
type backupSettings struct {
	a       *App
	folder  *widget.Label
	hint    *widget.Label
	every   *widget.Select
	daily   *widget.Select
	weekly  *widget.Select
	monthly *widget.Select
	box     *fyne.Container
}

func everyLabel(h int) string {
	switch h {
	case -1:
		return lang.X("data.every.off", "Off")
	case 12:
		return lang.X("data.every.12h", "Twice a day")
	case 24:
		return lang.X("data.every.day", "Every day")
	case 48:
		return lang.X("data.every.2days", "Every other day")
	}
	return lang.X("data.every.week", "Every week")
}

// newBackupSettings builds the card; save stores a change to the settings.
func newBackupSettings(a *App, save func(func(*journal.Settings))) *backupSettings {
	b := &backupSettings{a: a}
	b.folder = widget.NewLabel("")
	b.folder.Wrapping = fyne.TextWrapBreak
	b.folder.Selectable = true
	b.hint = wrapped(lang.X("data.folder.hint", "This folder is on this computer. A folder on a USB stick, or one that is synced to another place, keeps a copy safe if the computer is lost or breaks. Backups are encrypted, so a synced folder sees nothing private."))
	b.hint.Importance = widget.LowImportance
	choose := widget.NewButtonWithIcon(lang.X("data.folder.choose", "Choose folder…"), theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				dialog.ShowError(err, a.win)
				return
			}
			if dir != nil {
				save(func(st *journal.Settings) { st.BackupFolder = dir.Path() })
				b.refresh()
			}
		}, a.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(a.backupFolder())); err == nil {
			d.SetLocation(l)
		}
		d.Resize(fyne.NewSize(760, 520))
		d.Show()
	})
	reset := widget.NewButton(lang.X("data.folder.default", "Use the default"), func() {
		save(func(st *journal.Settings) { st.BackupFolder = "" })
		b.refresh()
	})
	reset.Importance = widget.LowImportance

	counts := func(choices []int) *widget.Select {
		opts := make([]string, len(choices))
		for i, n := range choices {
			opts[i] = strconv.Itoa(n)
		}
		return widget.NewSelect(opts, nil)
	}
	labels := make([]string, len(backupEveryChoices))
	for i, h := range backupEveryChoices {
		labels[i] = everyLabel(h)
	}
	b.every = widget.NewSelect(labels, nil)
	b.daily, b.weekly, b.monthly = counts(keepDailyChoices), counts(keepWeeklyChoices), counts(keepMonthlyChoices)
	b.refresh()
	b.every.OnChanged = func(string) {
		h := backupEveryChoices[max(b.every.SelectedIndex(), 0)]
		save(func(st *journal.Settings) { st.BackupEveryHours = h })
	}
	pick := func(sel *widget.Select, choices []int, set func(*journal.Settings, int)) {
		sel.OnChanged = func(string) {
			n := choices[max(sel.SelectedIndex(), 0)]
			save(func(st *journal.Settings) { set(st, n) })
		}
	}
	pick(b.daily, keepDailyChoices, func(st *journal.Settings, n int) { st.BackupKeepDaily = n })
	pick(b.weekly, keepWeeklyChoices, func(st *journal.Settings, n int) { st.BackupKeepWeekly = n })
	pick(b.monthly, keepMonthlyChoices, func(st *journal.Settings, n int) { st.BackupKeepMonthly = n })

	form := widget.NewForm(
		widget.NewFormItem(lang.X("data.folder", "Backup folder"), container.NewBorder(nil, nil, nil, container.NewHBox(choose, reset), b.folder)),
		widget.NewFormItem(lang.X("data.every", "Back up after unlock"), b.every),
		widget.NewFormItem(lang.X("data.keep.daily", "Daily backups kept"), b.daily),
		widget.NewFormItem(lang.X("data.keep.weekly", "Weekly backups kept"), b.weekly),
		widget.NewFormItem(lang.X("data.keep.monthly", "Monthly backups kept"), b.monthly),
	)
	b.box = container.NewVBox(form, b.hint)
	return b
}

// refresh shows the saved values.
func (b *backupSettings) refresh() {
	st := b.a.Settings()
	b.folder.SetText(b.a.backupFolder())
	b.hint.Hidden = st.BackupFolder != ""
	b.hint.Refresh()
	h := st.BackupEveryHours
	switch {
	case h < 0:
		h = -1
	case h == 0:
		h = 24
	}
	selectNear(b.every, backupEveryChoices, h)
	k := backupKeep(st)
	selectNear(b.daily, keepDailyChoices, k.Daily)
	selectNear(b.weekly, keepWeeklyChoices, k.Weekly)
	selectNear(b.monthly, keepMonthlyChoices, k.Monthly)
}

// selectNear selects n among choices, or else the largest choice below
// it, or else the first.
func selectNear(sel *widget.Select, choices []int, n int) {
	best := -1
	for i, c := range choices {
		if c == n {
			best = i
			break
		}
		if c >= 0 && c <= n && (best < 0 || c > choices[best]) {
			best = i
		}
	}
	best = max(best, 0)
	if sel.SelectedIndex() != best {
		sel.SetSelectedIndex(best)
	}
}
