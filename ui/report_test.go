package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"github.com/rewirejournal/rewire/journal"
)

func TestReportDialog(t *testing.T) {
	a, j, s := insightsApp(t, someRecords()...)
	test := func(name string, f func(t *testing.T, f *reportForm)) {
		t.Run(name, func(t *testing.T) {
			form := a.showReportDialog(s.in.Range)
			t.Cleanup(form.dlg.Hide)
			f(t, form)
		})
	}
	test("it starts with the range shown and everything but entries", func(t *testing.T, f *reportForm) {
		req, err := f.request()
		if err != nil {
			t.Fatal(err)
		}
		c := req.Contents
		if req.Range != s.in.Range || !c.CheckIns || !c.Urges || !c.Practices || len(c.Entries) != 0 {
			t.Errorf("request %+v", req)
		}
		if len(f.entries) != 1 || f.save.Disabled() {
			t.Errorf("%d entries listed, save disabled %v", len(f.entries), f.save.Disabled())
		}
		if !strings.Contains(f.warning.Text, "not encrypted") || !f.warning.Visible() {
			t.Error("the dialog does not say the report is not encrypted")
		}
	})
	test("entries go in only when ticked one by one", func(t *testing.T, f *reportForm) {
		f.list.Refresh()
		f.ticked[f.entries[0].ID] = true
		req, _ := f.request()
		if len(req.Contents.Entries) != 1 || req.Contents.Entries[0] != f.entries[0].ID {
			t.Errorf("entries %v", req.Contents.Entries)
		}
		f.from.SetText("2026-11-24") // the entry (23 Nov) leaves the range
		req, _ = f.request()
		if len(f.entries) != 0 || len(req.Contents.Entries) != 0 || len(f.ticked) != 0 {
			t.Errorf("an entry outside the range stayed ticked: %v", req.Contents.Entries)
		}
	})
	test("nothing chosen or bad dates cannot be saved, and say why", func(t *testing.T, f *reportForm) {
		f.checkIns.SetChecked(false)
		f.urges.SetChecked(false)
		f.practices.SetChecked(false)
		if !f.save.Disabled() || !strings.Contains(f.problem.Text, "at least one") {
			t.Errorf("nothing chosen: save disabled %v, %q", f.save.Disabled(), f.problem.Text)
		}
		f.urges.SetChecked(true)
		f.to.SetText("2026-02-30")
		if !f.save.Disabled() || !strings.Contains(f.problem.Text, "YYYY-MM-DD") {
			t.Errorf("bad date: save disabled %v, %q", f.save.Disabled(), f.problem.Text)
		}
		f.to.SetText("2026-11-25")
		if f.save.Disabled() || f.problem.Visible() {
			t.Error("a good request is still refused")
		}
	})
	t.Run("the PDF goes where the user chose and the CSV beside it", func(t *testing.T) {
		dir := t.TempDir()
		pdfURI := storage.NewFileURI(filepath.Join(dir, reportFileName(s.in.Range)))
		w, err := storage.Writer(pdfURI)
		if err != nil {
			t.Fatal(err)
		}
		var entry journal.ID
		for id, r := range j.records {
			if r.Kind == journal.KindEntry {
				entry = id
			}
		}
		form := a.showReportDialog(s.in.Range)
		defer form.dlg.Hide()
		form.ticked[entry] = true
		req, err := form.request()
		if err != nil {
			t.Fatal(err)
		}
		csvURI, err := writeReport(a.Records(), req, reportText(), w)
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := os.ReadFile(pdfURI.Path())
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("no PDF: %v", err)
		}
		if want := "rewire-report-2026-10-27-2026-11-25.csv"; csvURI.Name() != want {
			t.Errorf("the CSV is %s, want %s", csvURI.Name(), want)
		}
		csv, err := os.ReadFile(csvURI.Path())
		if err != nil || !strings.HasPrefix(string(csv), "date,mood,craving") || !strings.Contains(string(csv), "\n2026-11-20,3,6,7,20,") {
			t.Errorf("CSV: %v\n%s", err, csv)
		}
	})
}
