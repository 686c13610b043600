package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
)

// keyCall finds lang.X("key", … and lang.L("text" … calls.
var keyCall = regexp.MustCompile(`lang\.(X|L|N|XN)\(\s*"((?:[^"\\]|\\.)*)"`)

// usedKeys returns every translation key the ui sources use.
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyCall.FindAllStringSubmatch(string(src), -1) {
			keys[m[2]] = true
		}
	}
	for _, k := range monthKeys {
		keys[k] = true
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys; is the pattern still right?", len(keys))
	}
	return keys
}

func translation(t *testing.T, code string) map[string]string {
	t.Helper()
	m, err := translationFor(code)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var templateVar = regexp.MustCompile(`{{\s*\.\w+\s*}}`)

func TestEveryKeyIsTranslatedInEveryLanguage(t *testing.T) {
	used := usedKeys(t)
	en := translation(t, "en")
	for _, l := range Languages {
		tr := translation(t, l.Code)
		for k := range used {
			if strings.TrimSpace(tr[k]) == "" {
				t.Errorf("%s.json: missing %q", l.Code, k)
			}
		}
		for k, v := range tr {
			if _, ok := en[k]; !ok {
				t.Errorf("%s.json: %q is not in en.json", l.Code, k)
			}
			if !used[k] {
				t.Errorf("%s.json: %q is not used by the code", l.Code, k)
			}
			got, want := templateVar.FindAllString(v, -1), templateVar.FindAllString(en[k], -1)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s.json: %q has placeholders %v, en has %v", l.Code, k, got, want)
			}
		}
		for k := range en {
			if _, ok := tr[k]; !ok {
				t.Errorf("%s.json: lacks %q, which en.json has", l.Code, k)
			}
		}
	}
}

func TestFormatDate(t *testing.T) {
	t.Cleanup(func() { SetLanguage("en") })
	day := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	tests := []struct{ lang, want string }{
		{"en", "25 November 2026"},
		{"sv", "25 november 2026"},
		{"uk", "25 листопада 2026"},
	}
	for _, tt := range tests {
		SetLanguage(tt.lang)
		if got := FormatDate(day); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
		if CurrentLanguage() != tt.lang {
			t.Errorf("CurrentLanguage %q after SetLanguage(%q)", CurrentLanguage(), tt.lang)
		}
	}
}

func TestDateFieldsFollowTheLanguage(t *testing.T) {
	t.Cleanup(func() { SetLanguage("en") })
	day := time.Date(2026, 11, 25, 12, 0, 0, 0, time.Local)
	tests := []struct{ system, lang, want string }{
		{"en_US.UTF-8", "en", "11/25/2026"},
		{"en_GB.UTF-8", "en", "25/11/2026"},
		{"sv_SE.UTF-8", "en", "25/11/2026"},
		{"en_US.UTF-8", "sv", "2026-11-25"},
		{"en_US.UTF-8", "uk", "25/11/2026"},
		{"uk_UA.UTF-8", "sv", "2026-11-25"},
	}
	for _, tt := range tests {
		t.Run(tt.system+" speaking "+tt.lang, func(t *testing.T) {
			t.Setenv("LC_ALL", "")
			t.Setenv("LC_MESSAGES", "")
			t.Setenv("LANG", tt.system)
			SetLanguage(tt.lang)
			d := widget.NewDateEntry()
			d.SetDate(&day)
			if d.Text != tt.want {
				t.Errorf("date field shows %q, want %q", d.Text, tt.want)
			}
		})
	}
}

func TestRecoveryDay(t *testing.T) {
	now := time.Date(2026, 11, 25, 23, 59, 0, 0, time.Local)
	tests := []struct {
		start string
		n     int
		ok    bool
	}{
		{"2026-11-25", 1, true},
		{"2026-11-24", 2, true},
		{"2025-11-25", 366, true},
		{"2026-11-26", 0, false},
		{"", 0, false},
		{"not a date", 0, false},
	}
	for _, tt := range tests {
		if n, ok := recoveryDay(tt.start, now); n != tt.n || ok != tt.ok {
			t.Errorf("recoveryDay(%q) = %d, %v; want %d, %v", tt.start, n, ok, tt.n, tt.ok)
		}
	}
}
