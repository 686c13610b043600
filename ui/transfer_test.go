package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/transfer"
)

// xferJournal is the fake vault with the Merge an import needs: every
// record is stored or none.
type xferJournal struct {
	*fakeJournal
	merges    int   // Merge calls that stored something
	failMerge error // when set, Merge stores nothing and returns it
}

var _ transfer.Journal = (*xferJournal)(nil)

func (m *xferJournal) Merge(recs []journal.Record, progress func(done, total int)) (journal.MergeReport, error) {
	if m.locked {
		return journal.MergeReport{}, journal.ErrLocked
	}
	if m.failMerge != nil {
		return journal.MergeReport{}, m.failMerge
	}
	for _, r := range recs {
		if err := r.Validate(); err != nil {
			return journal.MergeReport{}, err
		}
	}
	var rep journal.MergeReport
	for i, r := range recs {
		if _, ok := m.records[r.ID]; ok {
			rep.Unchanged++
		} else {
			m.records[r.ID] = r
			rep.Added++
		}
		if progress != nil {
			progress(i+1, len(recs))
		}
	}
	m.merges++
	return rep, nil
}

// xferApp is an unlocked app over a fake vault that can merge, with
// the timezone of imports fixed.
func xferApp(t *testing.T) (*App, *xferJournal) {
	t.Helper()
	a, j, _ := unlockedTestApp(t)
	m := &xferJournal{fakeJournal: j}
	a.j = m
	old := importZone
	importZone = func() *time.Location { return time.UTC }
	t.Cleanup(func() { importZone = old })
	return a, m
}

// xferPicks records what the file dialogs were asked for.
type xferPicks struct {
	path  string
	kinds []pickKind
	exts  [][]string
}

// stubXferPicker makes the file dialogs answer path at once.
func stubXferPicker(t *testing.T, path string) *xferPicks {
	t.Helper()
	p := &xferPicks{path: path}
	old := pickPath
	pickPath = func(_ fyne.Window, kind pickKind, exts []string, chosen func(string)) {
		p.kinds = append(p.kinds, kind)
		p.exts = append(p.exts, exts)
		chosen(p.path)
	}
	t.Cleanup(func() { pickPath = old })
	return p
}

// xferOverlay are the objects of the dialog on top, or nil.
func xferOverlay(a *App) []fyne.CanvasObject {
	top := a.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	return test.LaidOutObjects(top)
}

// xferLabels are the texts of the top dialog's labels, in order.
func xferLabels(a *App) []string {
	var out []string
	for _, o := range xferOverlay(a) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			out = append(out, l.Text)
		}
	}
	return out
}

// xferShows reports whether a label of the top dialog contains s.
func xferShows(a *App, s string) bool {
	return slices.ContainsFunc(xferLabels(a), func(l string) bool { return strings.Contains(l, s) })
}

// xferValue is the text of the label after the label name: a value in
// one of the dialogs' forms.
func xferValue(a *App, name string) string {
	ls := xferLabels(a)
	if i := slices.Index(ls, name); i >= 0 && i+1 < len(ls) {
		return ls[i+1]
	}
	return "(no " + name + ")"
}

// xferButton is the visible, enabled button labelled text in the top
// dialog, or nil.
func xferButton(a *App, text string) *widget.Button {
	for _, o := range xferOverlay(a) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() && !b.Disabled() {
			return b
		}
	}
	return nil
}

func xferTap(t *testing.T, a *App, text string) {
	t.Helper()
	b := xferButton(a, text)
	if b == nil {
		t.Fatalf("no enabled button %q in the dialog; labels: %q", text, xferLabels(a))
	}
	test.Tap(b)
}

// choose selects option in the top dialog's radio group.
func xferChoose(t *testing.T, a *App, option string) {
	t.Helper()
	for _, o := range xferOverlay(a) {
		if r, ok := o.(*widget.RadioGroup); ok && slices.Contains(r.Options, option) {
			r.SetSelected(option)
			return
		}
	}
	t.Fatalf("no option %q in the dialog", option)
}

// seed stores a few days of entries, a gratitude list and a check-in.
func xferSeed(t *testing.T, j *fakeJournal) {
	t.Helper()
	recs := []journal.Record{
		{Kind: journal.KindEntry, Date: "2026-11-20", Entry: &journal.Entry{Title: "Seven days", Body: "Said my name out loud at the meeting.", Tags: []string{"recovery"}, Mood: 4}},
		{Kind: journal.KindEntry, Date: "2026-11-20", Entry: &journal.Entry{Title: "Вечір", Body: "Подзвонив мамі. Ми довго говорили."}},
		{Kind: journal.KindEntry, Date: "2026-11-22", Entry: &journal.Entry{Body: "Promenad längs ån; suget kom och gick."}},
		{Kind: journal.KindGratitude, Date: "2026-11-22", Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "Coffee on the balcony", Why: "I got up early"}}}},
		{Kind: journal.KindCheckIn, Date: "2026-11-22", CheckIn: &journal.CheckIn{Mood: 3, Intention: "Call Anna", Craving: 2}},
	}
	for i := range recs {
		if err := j.Save(&recs[i]); err != nil {
			t.Fatal(err)
		}
	}
}

func xferCount(j *fakeJournal, k journal.Kind) int {
	n := 0
	for _, r := range j.records {
		if r.Kind == k {
			n++
		}
	}
	return n
}

func TestExportWritesFilesAndSaysWhere(t *testing.T) {
	tests := []struct {
		name    string
		option  string // the format's radio option; "" keeps Markdown
		path    string // what it writes inside the chosen folder
		records string // the count shown
		check   func(t *testing.T, path string)
	}{
		{"Markdown: a folder with a file per day", "", "Rewire export 2026-11-25", "5", func(t *testing.T, path string) {
			for _, day := range []string{"2026-11-20.md", "2026-11-22.md"} {
				if _, err := os.Stat(filepath.Join(path, day)); err != nil {
					t.Errorf("no %s: %v", day, err)
				}
			}
			p, err := transfer.ParseMarkdown(path, time.UTC)
			if err != nil || len(p.Records) != 5 {
				t.Errorf("the folder reads back as %d records (%v), want 5", len(p.Records), err)
			}
		}},
		{"JSON: one file", "JSON: one file with every record", "Rewire export 2026-11-25.json", "5", func(t *testing.T, path string) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), `"app":"Rewire"`) || !strings.Contains(string(data), "Подзвонив мамі") {
				t.Errorf("the JSON lacks its header or a record: %.200s", data)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
				t.Errorf("the export is readable by others: %v", fi.Mode().Perm())
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, j := xferApp(t)
			xferSeed(t, j.fakeJournal)
			dir := t.TempDir()
			picked := stubXferPicker(t, dir)
			a.showExport()
			if !xferShows(a, "An export is not encrypted") {
				t.Errorf("no plaintext warning before the export; labels: %q", xferLabels(a))
			}
			if xferButton(a, "Export") != nil {
				t.Error("Export is enabled before a folder is chosen")
			}
			if tt.option != "" {
				xferChoose(t, a, tt.option)
			}
			xferTap(t, a, "Choose folder…")
			if len(picked.kinds) != 1 || picked.kinds[0] != pickFolder {
				t.Errorf("asked for %v, want one folder", picked.kinds)
			}
			want := filepath.Join(dir, tt.path)
			if !xferShows(a, want) {
				t.Errorf("the dialog does not say it will write %s; labels: %q", want, xferLabels(a))
			}
			xferTap(t, a, "Export")
			if !xferShows(a, "Your journal is exported.") {
				t.Fatalf("no result; labels: %q", xferLabels(a))
			}
			if got := xferValue(a, "Records"); got != tt.records {
				t.Errorf("shows %s records, want %s", got, tt.records)
			}
			if got := xferValue(a, "Saved in"); got != want {
				t.Errorf("says saved in %q, want %q", got, want)
			}
			if !xferShows(a, "These files are not encrypted") {
				t.Error("the result does not repeat that the files are not encrypted")
			}
			tt.check(t, want)
			xferTap(t, a, "Close")
			if a.win.Canvas().Overlays().Top() != nil {
				t.Error("the dialog is still open")
			}
		})
	}
}

func TestExportRefusesToWriteOverAnything(t *testing.T) {
	tests := []struct {
		name    string
		option  string
		prepare func(t *testing.T, dir string) string // makes what is in the way; returns a file to check
		want    string
	}{
		{"a folder with files in it", "", func(t *testing.T, dir string) string {
			in := filepath.Join(dir, "Rewire export 2026-11-25")
			os.Mkdir(in, 0o700)
			keep := filepath.Join(in, "mine.txt")
			os.WriteFile(keep, []byte("my own notes"), 0o600)
			return keep
		}, "There is already a folder with that name, and it has files in it. Nothing was written over"},
		{"a file of the same name", "JSON: one file with every record", func(t *testing.T, dir string) string {
			keep := filepath.Join(dir, "Rewire export 2026-11-25.json")
			os.WriteFile(keep, []byte("my own notes"), 0o600)
			return keep
		}, "There is already a file with that name in the folder. Nothing was written over"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, j := xferApp(t)
			xferSeed(t, j.fakeJournal)
			dir := t.TempDir()
			keep := tt.prepare(t, dir)
			stubXferPicker(t, dir)
			a.showExport()
			if tt.option != "" {
				xferChoose(t, a, tt.option)
			}
			xferTap(t, a, "Choose folder…")
			xferTap(t, a, "Export")
			if !xferShows(a, tt.want) {
				t.Errorf("want %q; labels: %q", tt.want, xferLabels(a))
			}
			if data, err := os.ReadFile(keep); err != nil || string(data) != "my own notes" {
				t.Errorf("the file in the way changed: %q, %v", data, err)
			}
			// The dialog stays, so another name can be tried.
			var name *widget.Entry
			for _, o := range xferOverlay(a) {
				if e, ok := o.(*widget.Entry); ok {
					name = e
				}
			}
			name.SetText("Second try")
			if xferShows(a, tt.want) {
				t.Error("the failure is still shown after the name changed")
			}
			xferTap(t, a, "Export")
			if !xferShows(a, "Your journal is exported.") {
				t.Errorf("another name did not export; labels: %q", xferLabels(a))
			}
		})
	}
}

func TestExportNamesThatCannotBeUsed(t *testing.T) {
	for _, name := range []string{"", "  ", "..", "a/b", `a\b`} {
		t.Run("the name "+strings.TrimSpace(name)+" is refused", func(t *testing.T) {
			a, _ := xferApp(t)
			stubXferPicker(t, t.TempDir())
			a.showExport()
			xferTap(t, a, "Choose folder…")
			for _, o := range xferOverlay(a) {
				if e, ok := o.(*widget.Entry); ok {
					e.SetText(name)
				}
			}
			if xferButton(a, "Export") != nil {
				t.Error("Export is enabled")
			}
			if !xferShows(a, "Give the export a name.") && !xferShows(a, "A name can't contain") {
				t.Errorf("no reason given; labels: %q", xferLabels(a))
			}
		})
	}
}

func TestExportErrorsArePlain(t *testing.T) {
	t.Cleanup(func() { SetLanguage("en") })
	SetLanguage("en")
	tests := []struct {
		name string
		err  error
		kind exportFormat
		want string
	}{
		{"the disk is full", &fs.PathError{Op: "write", Path: "/media/usb/x.md", Err: syscall.ENOSPC}, exportMarkdown, "There isn't enough free space on that disk. Nothing was saved"},
		{"no permission", &fs.PathError{Op: "mkdir", Path: "/root/x", Err: fs.ErrPermission}, exportJSON, "Rewire isn't allowed to write in that folder"},
		{"the vault locked meanwhile", journal.ErrLocked, exportJSON, "Your journal was locked before the export finished"},
		{"a file in the way", transfer.ErrExists, exportJSON, "There is already a file with that name"},
		{"a folder in the way", transfer.ErrExists, exportMarkdown, "There is already a folder with that name"},
		{"anything else", errors.New("export: input/output error"), exportMarkdown, "The export didn't work, and nothing was saved. Details: export: input/output error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := exportErrorText(tt.err, tt.kind); !strings.Contains(got, tt.want) {
				t.Errorf("%q, want %q", got, tt.want)
			}
		})
	}
}

// xferJrnl is jrnl's JSON export from journal/transfer's tests: five
// entries on four days and one with a broken date.
const xferJrnl = "../journal/transfer/testdata/jrnl.json"

func TestImportPreviewsThenAddsOnceOnly(t *testing.T) {
	a, j := xferApp(t)
	picked := stubXferPicker(t, xferJrnl)

	a.showImport()
	xferTap(t, a, "Choose file…")
	if len(picked.kinds) != 1 || picked.kinds[0] != pickFile || !slices.Equal(picked.exts[0], []string{".json"}) {
		t.Errorf("asked for %v %v, want a .json file", picked.kinds, picked.exts)
	}
	for name, want := range map[string]string{
		"Found":      "5",
		"New":        "5",
		"Days":       "4, from 2 March 2026 to 6 March 2026",
		"Duplicates": "0 (already in your journal, or twice in the source: not added)",
		"Skipped":    "1",
	} {
		if got := xferValue(a, name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if !xferShows(a, `entry 6: the date “March 7th 10:00” is not`) {
		t.Errorf("the skipped entry's reason is not shown; labels: %q", xferLabels(a))
	}
	if xferCount(j.fakeJournal, journal.KindEntry) != 0 {
		t.Fatal("the preview changed the journal")
	}
	xferTap(t, a, "Import 5 entries")
	if n := xferCount(j.fakeJournal, journal.KindEntry); n != 5 || j.merges != 1 {
		t.Fatalf("%d entries in %d merges after the import, want 5 in one", n, j.merges)
	}
	if !xferShows(a, "Import finished.") || xferValue(a, "Added to your journal") != "5" {
		t.Errorf("no result; labels: %q", xferLabels(a))
	}
	var titles []string
	for _, r := range j.records {
		titles = append(titles, r.Entry.Title)
	}
	if !slices.Contains(titles, "Сьогодні подзвонив мамі.") {
		t.Errorf("the Ukrainian entry is missing: %q", titles)
	}
	xferTap(t, a, "Close")

	// The same file again adds nothing, and says so.
	a.showImport()
	xferTap(t, a, "Choose file…")
	if !xferShows(a, "Nothing new to import: everything in jrnl.json is already in your journal.") {
		t.Errorf("no nothing-new message; labels: %q", xferLabels(a))
	}
	if got := xferValue(a, "Duplicates"); got != "5 (already in your journal, or twice in the source: not added)" {
		t.Errorf("duplicates: %q", got)
	}
	for _, o := range xferOverlay(a) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Import") && b.Visible() {
			t.Errorf("an import button %q is offered with nothing new", b.Text)
		}
	}
	if n := xferCount(j.fakeJournal, journal.KindEntry); n != 5 || j.merges != 1 {
		t.Errorf("%d entries in %d merges after the second import, want 5 in one", n, j.merges)
	}
}

func TestImportOfRewiresOwnMarkdownBringsEveryKind(t *testing.T) {
	from, fj := xferApp(t)
	xferSeed(t, fj.fakeJournal)
	dir := filepath.Join(t.TempDir(), "export")
	if _, err := transfer.ExportMarkdown(dir, xferList(t, fj.fakeJournal)); err != nil {
		t.Fatal(err)
	}
	from.Quit()

	a, j := xferApp(t)
	picked := stubXferPicker(t, dir)
	a.showImport()
	xferChoose(t, a, "Markdown: a folder of .md files")
	xferTap(t, a, "Choose folder…")
	if picked.kinds[0] != pickFolder {
		t.Errorf("asked for %v, want a folder", picked.kinds)
	}
	for name, want := range map[string]string{
		"   Journal entries": "3",
		"   Gratitude lists": "1",
		"   Check-ins":       "1",
		"Days":               "2, from 20 November 2026 to 22 November 2026",
	} {
		if got := xferValue(a, name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	xferTap(t, a, "Import all 5")
	for k, want := range map[journal.Kind]int{journal.KindEntry: 3, journal.KindGratitude: 1, journal.KindCheckIn: 1} {
		if got := xferCount(j.fakeJournal, k); got != want {
			t.Errorf("%d %s records, want %d", got, k, want)
		}
	}
}

func xferList(t *testing.T, j *fakeJournal) []journal.Record {
	t.Helper()
	recs, err := j.List(journal.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestImportOfTheWrongThingIsRefusedPlainly(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := filepath.Join(dir, "empty")
	os.Mkdir(empty, 0o700)
	tests := []struct {
		name   string
		option string
		path   string
		want   string
	}{
		{"a text file as jrnl", "", write("notes.txt", "Dear diary"), "This file isn't a jrnl JSON export, so nothing was imported."},
		{"jrnl's JSON as Day One", "Day One: its JSON export (the .zip, or the .json inside)", xferJrnl, "This isn't a Day One JSON export Rewire can read, so nothing was imported."},
		{"a damaged zip as Day One", "Day One: its JSON export (the .zip, or the .json inside)", write("broken.zip", "PK\x03\x04 and then nothing"), "The zip may be damaged"},
		{"a folder without Markdown", "Markdown: a folder of .md files", empty, "Rewire found no Markdown files (.md) it can read in this folder"},
		{"a file that is gone", "", filepath.Join(dir, "gone.json"), "That file or folder isn't there any more."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, j := xferApp(t)
			stubXferPicker(t, tt.path)
			a.showImport()
			if tt.option != "" {
				xferChoose(t, a, tt.option)
			}
			b := xferButton(a, "Choose file…")
			if b == nil {
				b = xferButton(a, "Choose folder…")
			}
			test.Tap(b)
			if !xferShows(a, tt.want) {
				t.Errorf("want %q; labels: %q", tt.want, xferLabels(a))
			}
			if len(j.records) != 0 || j.merges != 0 {
				t.Error("the journal changed")
			}
			// The user can pick again from the same dialog.
			if xferButton(a, "Choose file…") == nil && xferButton(a, "Choose folder…") == nil {
				t.Error("no way to choose another file")
			}
		})
	}
}

func TestImportThatFailsAddsNothingAndSaysSo(t *testing.T) {
	a, j := xferApp(t)
	j.failMerge = errors.New("merge: disk I/O error")
	stubXferPicker(t, xferJrnl)
	a.showImport()
	xferTap(t, a, "Choose file…")
	xferTap(t, a, "Import 5 entries")
	if !xferShows(a, "The import didn't work, and nothing was added. Details: import: merge: disk I/O error") {
		t.Errorf("no plain failure; labels: %q", xferLabels(a))
	}
	if len(j.records) != 0 {
		t.Error("records were added")
	}
	j.failMerge = nil
	xferTap(t, a, "Import 5 entries")
	if xferCount(j.fakeJournal, journal.KindEntry) != 5 {
		t.Error("trying again did not import")
	}
}

func TestTransferDialogsDoNothingAfterALock(t *testing.T) {
	a, j := xferApp(t)
	stubXferPicker(t, xferJrnl)
	a.showImport()
	a.Lock()
	if top := a.win.Canvas().Overlays().Top(); top != nil {
		if b := xferButton(a, "Choose file…"); b != nil {
			test.Tap(b)
		}
	}
	if j.merges != 0 || xferShows(a, "Found") {
		t.Error("the import read or stored after the lock")
	}
	a.showExport()
	if a.win.Canvas().Overlays().Top() != nil && xferShows(a, "Export your journal") {
		t.Error("the export dialog opens while locked")
	}
}

func TestTransferStringsInEveryLanguage(t *testing.T) {
	t.Cleanup(func() { SetLanguage("en") })
	for _, l := range Languages {
		t.Run(l.Code, func(t *testing.T) {
			a, _ := xferApp(t)
			SetLanguage(l.Code)
			stubXferPicker(t, xferJrnl)
			a.showImport()
			for _, o := range xferOverlay(a) {
				if b, ok := o.(*widget.Button); ok && b.Visible() && b.Icon != nil {
					test.Tap(b) // the choose button
					break
				}
			}
			labels := strings.Join(xferLabels(a), "\n")
			if !strings.Contains(labels, "jrnl.json") {
				t.Fatalf("no preview; labels: %q", labels)
			}
			if l.Code != "en" && strings.Contains(labels, "Duplicates") {
				t.Errorf("English in the %s preview: %q", l.Code, labels)
			}
		})
	}
}

func TestZoneText(t *testing.T) {
	at := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	kyiv, err := time.LoadLocation("Europe/Kyiv")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		loc  *time.Location
		want string
	}{
		{kyiv, "Europe/Kyiv"},
		{time.UTC, "UTC"},
		{time.FixedZone("Local", 0), "UTC"},
		{time.FixedZone("Local", -(3*3600 + 1800)), "Local, UTC-03:30"},
	}
	for _, tt := range tests {
		if got := zoneText(tt.loc, at); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.loc, got, tt.want)
		}
	}
}

// xferImportOptions are the import dialog's sources, in transfer.Formats order.
var xferImportOptions = []string{
	"jrnl: its JSON export (jrnl --format json)",
	"Day One: its JSON export (the .zip, or the .json inside)",
	"Markdown: a folder of .md files",
}

func TestImportReadsEverySource(t *testing.T) {
	tests := []struct {
		name, option, path string
		exts               []string
		found, days        string
	}{
		{"Day One's zip", "Day One: its JSON export (the .zip, or the .json inside)", "../journal/transfer/testdata/dayone.zip",
			[]string{".zip", ".json"}, "4", "2, from 14 March 2026 to 15 March 2026"},
		{"Day One's bare JSON", "Day One: its JSON export (the .zip, or the .json inside)", "../journal/transfer/testdata/dayone/Journal.json",
			[]string{".zip", ".json"}, "4", "2, from 14 March 2026 to 15 March 2026"},
		{"a folder of notes", "Markdown: a folder of .md files", "../journal/transfer/testdata/markdown", nil, "", ""},
		{"jrnl's JSON", "jrnl: its JSON export (jrnl --format json)", xferJrnl, []string{".json"}, "5", "4, from 2 March 2026 to 6 March 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, j := xferApp(t)
			picked := stubXferPicker(t, tt.path)
			a.showImport()
			xferChoose(t, a, tt.option)
			b := xferButton(a, "Choose file…")
			if tt.exts == nil {
				b = xferButton(a, "Choose folder…")
			}
			test.Tap(b)
			if !slices.Equal(picked.exts[0], tt.exts) {
				t.Errorf("the file dialog shows %v, want %v", picked.exts[0], tt.exts)
			}
			// The preview's counts are the parser's.
			parsed, err := transfer.ParseFile(transfer.Formats[slices.Index(xferImportOptions, tt.option)], tt.path, time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := xferValue(a, "Found"), strconv.Itoa(len(parsed.Records)); got != want || tt.found != "" && got != tt.found {
				t.Errorf("found %q, want %s", got, want)
			}
			if got, want := xferValue(a, "Skipped"), strconv.Itoa(len(parsed.Skipped)); got != want {
				t.Errorf("skipped %q, want %s", got, want)
			}
			if got := xferValue(a, "Days"); tt.days != "" && got != tt.days {
				t.Errorf("days %q, want %q", got, tt.days)
			}
			n, err := strconv.Atoi(xferValue(a, "New"))
			if err != nil || n == 0 {
				t.Fatalf("new: %q; labels: %q", xferValue(a, "New"), xferLabels(a))
			}
			var go_ *widget.Button
			for _, o := range xferOverlay(a) {
				if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Import ") && b.Visible() {
					go_ = b
				}
			}
			test.Tap(go_)
			if len(j.records) != n {
				t.Errorf("%d records stored, want %d", len(j.records), n)
			}
		})
	}
}

func TestBackupAndDataScreenOpensExportAndImport(t *testing.T) {
	tests := []struct {
		name   string
		button func(s *dataScreen) *widget.Button
		shows  string
	}{
		{"export", func(s *dataScreen) *widget.Button { return s.exportBtn }, "An export is not encrypted"},
		{"import", func(s *dataScreen) *widget.Button { return s.importBtn }, "Rewire shows you what it found before anything is added"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := xferApp(t)
			a.ShowScreen(screenData)
			s := a.shell.screens[screenData].(*dataScreen)
			test.Tap(tt.button(s))
			if !xferShows(a, tt.shows) {
				t.Errorf("the %s dialog is not open; it shows %q", tt.name, xferLabels(a))
			}
		})
	}
}
