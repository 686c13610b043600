package ui

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/rewirejournal/rewire/assets"
)

// Language is one language the app speaks.
type Language struct {
	Code string // "en", "sv", "uk": also the translation file's name
	Name string // the language's own name, never translated
}

// Languages lists the languages Rewire ships, in the order settings shows them.
var Languages = []Language{
	{"en", "English"},
	{"sv", "Svenska"},
	{"uk", "Українська"},
}

func supported(code string) bool {
	for _, l := range Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

var (
	loadOnce sync.Once
	// current is the language strings are shown in; only touched on the UI
	// goroutine (and by tests).
	current string
)

// translationFor returns every message of language code: the strings of
// translations/<code>.json and of each feature's translations/<feature>.<code>.json
// (Fyne's lang package reads both names). A key defined in two files is an
// error, so one feature cannot silently change another's text.
func translationFor(code string) (map[string]string, error) {
	names, err := fs.Glob(assets.Translations, "translations/*"+code+".json")
	if err != nil {
		return nil, err
	}
	msgs := map[string]string{}
	from := map[string]string{}
	for _, name := range names {
		base := strings.TrimPrefix(name, "translations/")
		if base != code+".json" && !strings.HasSuffix(base, "."+code+".json") {
			continue
		}
		data, err := assets.Translations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", base, err)
		}
		for k, v := range m {
			if f, dup := from[k]; dup {
				return nil, fmt.Errorf("%s: key %q is also in %s", base, k, f)
			}
			msgs[k], from[k] = v, base
		}
	}
	if len(msgs) == 0 {
		return nil, fmt.Errorf("no translations for %q", code)
	}
	return msgs, nil
}

// loadTranslations adds the embedded translations to Fyne's lang bundle.
func loadTranslations() {
	loadOnce.Do(func() {
		if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
			fyne.LogError("load translations", err)
		}
		current = string(lang.SystemLocale().LanguageString())
		if !supported(current) {
			current = "en"
		}
	})
}

// CurrentLanguage returns the code of the language the UI speaks now.
func CurrentLanguage() string {
	loadTranslations()
	return current
}

// SetLanguage makes code ("en", "sv", "uk") the language of every string
// looked up from now on; unknown codes are ignored. Widgets already built
// keep their text, so the app rebuilds its content after calling it.
//
// Fyne's lang package has no setter: it matches the translations against the
// system locales each time translations are added. So this does two things.
// It sets $LANGUAGE, which go-locale reads on Linux and the BSDs (Fyne's own
// strings, such as the file dialog's, then follow too). And, for systems
// whose locale comes from an OS API (Windows, macOS), it registers the
// chosen language's strings under the system locale's tag as well, so the
// matcher's pick shows them. Adding translations re-runs the matcher, which
// is what makes the switch take effect immediately.
func SetLanguage(code string) {
	loadTranslations()
	if !supported(code) {
		return
	}
	msgs, err := translationFor(code)
	if err != nil {
		fyne.LogError("read translations", err)
		return
	}
	data, err := json.Marshal(msgs)
	if err != nil {
		fyne.LogError("read translations", err)
		return
	}
	os.Setenv("LANGUAGE", localeFor(code))
	// Compare languages only: the system locale may carry a region
	// ("uk-UA"), and registering our strings under it would hide Fyne's own
	// translations (its dialogs' "Yes", "Cancel") for that language.
	if sys := lang.SystemLocale().LanguageString(); !strings.EqualFold(strings.SplitN(sys, "-", 2)[0], code) {
		if err := lang.AddTranslationsForLocale(data, fyne.Locale(sys)); err != nil {
			fyne.LogError("switch language", err)
		}
	}
	if err := lang.AddTranslationsForLocale(data, fyne.Locale(code)); err != nil {
		fyne.LogError("switch language", err)
	}
	current = code
}

// localeFor is the $LANGUAGE value for language code. It has a region
// because Fyne's date fields take their format from the locale's region:
// Swedish dates read 2026-11-25, Ukrainian 25/11/2026. English keeps the
// system's region when the system speaks English (en_US writes
// 11/25/2026), else it is British English.
func localeFor(code string) string {
	switch code {
	case "sv":
		return "sv_SE"
	case "uk":
		return "uk_UA"
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(env); v != "" {
			if loc, _, _ := strings.Cut(v, "."); strings.HasPrefix(loc, code+"_") {
				return loc
			}
			break
		}
	}
	return code + "_GB"
}

// monthKeys are the translation keys of the month names as they appear in
// a date: Ukrainian needs the genitive ("25 листопада").
var monthKeys = [12]string{
	"date.month.1", "date.month.2", "date.month.3", "date.month.4", "date.month.5", "date.month.6",
	"date.month.7", "date.month.8", "date.month.9", "date.month.10", "date.month.11", "date.month.12",
}

var monthFallback = [12]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// FormatDate formats t's civil date in the current language:
// "25 November 2026", "25 november 2026", "25 листопада 2026".
func FormatDate(t time.Time) string {
	m := int(t.Month()) - 1
	return lang.X("date.long", "{{.Day}} {{.Month}} {{.Year}}", map[string]any{
		"Day":   strconv.Itoa(t.Day()),
		"Month": lang.X(monthKeys[m], monthFallback[m]),
		"Year":  strconv.Itoa(t.Year()),
	})
}
