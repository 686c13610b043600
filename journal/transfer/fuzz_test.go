package transfer

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// zipOf writes a zip of files (name → content) into dir and returns its
// path.
func zipOf(t testing.TB, dir string, files map[string]string) string {
	t.Helper()
	path := filepath.Join(dir, "export.zip")
	if err := os.WriteFile(path, zipBytes(t, files), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func zipBytes(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkParsed is what every parser promises for any input: records that
// validate, without ids, oldest first.
func checkParsed(t *testing.T, p *Parsed) {
	t.Helper()
	for i, r := range p.Records {
		if err := r.Validate(); err != nil {
			t.Fatalf("record %d does not validate: %v", i, err)
		}
		if !r.ID.IsZero() {
			t.Fatalf("record %d has an id", i)
		}
		if i > 0 && r.Date < p.Records[i-1].Date {
			t.Fatalf("records out of order: %s after %s", r.Date, p.Records[i-1].Date)
		}
	}
}

func FuzzImportJrnl(f *testing.F) {
	f.Add([]byte(mustRead(f, "testdata/jrnl.json")))
	f.Add([]byte(`{"entries":[{"date":"2026-01-01","time":"25:00"}]}`))
	f.Add([]byte(`{"entries":[{"date":"2026-01-01","title":"","body":"","tags":["@", "#", "@@x"]}]}`))
	f.Add([]byte(`{"entries":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseJrnl(bytes.NewReader(data), time.UTC)
		if err != nil {
			return
		}
		checkParsed(t, p)
	})
}

func FuzzImportDayOne(f *testing.F) {
	f.Add([]byte(mustRead(f, "testdata/dayone/Journal.json")))
	f.Add([]byte(mustRead(f, "testdata/dayone.zip")))
	f.Add([]byte(`{"entries":[{"creationDate":"2026-01-01T00:00:00Z","timeZone":"../../etc/passwd","text":"# \\!"}]}`))
	f.Add(zipBytes(f, map[string]string{"a/b/c.json": "{}", "Journal.json": `{"entries":[]}`, "__MACOSX/._Journal.json": "x"}))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p *Parsed
		var err error
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			p, err = ParseDayOneZip(bytes.NewReader(data), int64(len(data)), time.UTC)
		} else {
			p, err = ParseDayOneJSON(data, time.UTC)
		}
		if err != nil {
			return
		}
		checkParsed(t, p)
	})
}

func FuzzImportMarkdown(f *testing.F) {
	for _, name := range []string{"testdata/markdown/2026-03-05.md", "testdata/markdown/journal/march.md", "testdata/export/2026-03-08.md"} {
		f.Add(filepath.Base(name), []byte(mustRead(f, name)))
	}
	f.Add("2026-01-01.md", []byte("---\ntags: [\"a, 'b]\n---\n"))
	f.Add("2026-01-01.md", []byte("<!-- rewire {\"kind\":\"checkin\",\"checkin\":{\"craving\":99}} -->\n"))
	f.Add("x.md", []byte("---\ndate: 2026-02-29\n---\n"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		p := ParseMarkdownFile(name, data, time.UTC)
		checkParsed(t, p)
		if len(p.Records)+len(p.Skipped) == 0 {
			t.Fatal("a file gave neither records nor a reason")
		}
	})
}
