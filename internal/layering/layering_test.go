// Package layering holds one test: that Rewire's packages depend on each
// other only in the direction DESIGN.md gives (cmd → ui → journal → crypto),
// that ui never sees SQL or cipher primitives, and that only the SQLite
// adapter imports go-sqlite3.
package layering

import (
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const mod = "github.com/rewirejournal/rewire/"

type pkg struct {
	ImportPath string
	Imports    []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-tags", "sqlite_fts5", "-json=ImportPath,Imports", mod+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func TestPackagesDependOnlyDownwards(t *testing.T) {
	// forbidden maps a package prefix to imports it must not have.
	rules := []struct {
		pkg       string
		forbidden []string
		why       string
	}{
		{"crypto", []string{mod}, "crypto is the leaf: it imports nothing of ours"},
		{"journal", []string{mod + "ui", mod + "cmd", "fyne.io/", "github.com/mattn/go-sqlite3", "database/sql"}, "journal is pure domain code"},
		{"ui", []string{mod + "crypto", mod + "journal/sqlite", mod + "cmd", "database/sql", "github.com/mattn/go-sqlite3", "golang.org/x/crypto", "filippo.io/age"}, "ui sees no SQL and no cipher primitives"},
	}
	for _, p := range listPackages(t) {
		name := strings.TrimPrefix(p.ImportPath, mod)
		for _, r := range rules {
			if name != r.pkg && !strings.HasPrefix(name, r.pkg+"/") {
				continue
			}
			if r.pkg == "journal" && strings.HasPrefix(name, "journal/sqlite") {
				continue // the adapter is the one place SQL lives
			}
			for _, imp := range p.Imports {
				for _, f := range r.forbidden {
					if strings.HasPrefix(imp, f) && !(f == mod && !strings.HasPrefix(imp, mod)) {
						t.Errorf("%s imports %s: %s", name, imp, r.why)
					}
				}
			}
		}
		if slices.Contains(p.Imports, "github.com/mattn/go-sqlite3") && name != "journal/sqlite" {
			t.Errorf("%s imports go-sqlite3: only journal/sqlite may", name)
		}
	}
}
