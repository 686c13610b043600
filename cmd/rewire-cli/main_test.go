package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"rewire-cli": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script. Each key
// derivation costs ~0.2 s at the floor, so scripts pass --kdf-memory 64
// --kdf-time 3 and share a vault where they can.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":    cmdStatus,
			"validjson": cmdValidJSON,
			"envfile":   cmdEnvFile,
		},
	})
}

// cmdStatus runs a command and checks its exit status:
//
//	status N command [args...]
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %v", err)
	}
	got := 0
	var ee *exec.ExitError
	if err := ts.Exec(args[1], args[2:]...); errors.As(err, &ee) {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("status: %v", err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdValidJSON checks that a file holds one valid JSON value:
//
//	validjson file
func cmdValidJSON(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: validjson file")
	}
	var v any
	err := json.Unmarshal([]byte(ts.ReadFile(args[0])), &v)
	if neg != (err != nil) {
		ts.Fatalf("validjson %s: %v", args[0], err)
	}
}

// cmdEnvFile sets an environment variable to a file's trimmed content, or
// its first n characters (for ids and their prefixes):
//
//	envfile NAME file [n]
func cmdEnvFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: envfile NAME file [n]")
	}
	v := strings.TrimSpace(ts.ReadFile(args[1]))
	if len(args) == 3 {
		n, err := strconv.Atoi(args[2])
		if err != nil || n > len(v) {
			ts.Fatalf("envfile: bad length %q for %q", args[2], v)
		}
		v = v[:n]
	}
	ts.Setenv(args[0], v)
}

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		name    string
		snippet string
		marks   [][2]int
		want    string
	}{
		{"marks become guillemets", "a long walk home", [][2]int{{7, 11}}, "a long «walk» home"},
		{"marks out of order are sorted", "walk and talk", [][2]int{{9, 13}, {0, 4}}, "«walk» and «talk»"},
		{"a mark past the end is ignored", "walk", [][2]int{{2, 9}}, "walk"},
		{"a mark inside a character is ignored", "kärlek", [][2]int{{2, 4}}, "kärlek"},
		{"multi-byte marks work", "min kärlek", [][2]int{{4, 11}}, "min «kärlek»"},
		{"control characters are cleaned", "a\nb\x1b[2Jc", [][2]int{{0, 1}}, "«a» b [2Jc"},
		{"paragraph breaks become one space", "calm.\n\nThen «tea»", nil, "calm. Then «tea»"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := highlight(tc.snippet, tc.marks, "«", "»"); got != tc.want {
				t.Errorf("highlight(%q, %v) = %q, want %q", tc.snippet, tc.marks, got, tc.want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"a long walk home", 8, "a long…"},
		{"Привіт, як справи", 7, "Привіт…"},
	} {
		if got := truncate(tc.s, tc.n); got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

func TestDefaultVaultPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tc := range []struct {
		name string
		env  map[string]string
		want string
	}{
		{"REWIRE_VAULT wins", map[string]string{"REWIRE_VAULT": "/v.db", "XDG_DATA_HOME": "/x", "HOME": "/h"}, "/v.db"},
		{"then XDG_DATA_HOME", map[string]string{"XDG_DATA_HOME": "/x", "HOME": "/h"}, "/x/rewire/vault.db"},
		{"then the home directory", map[string]string{"HOME": "/h"}, "/h/.local/share/rewire/vault.db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := defaultVaultPath(env(tc.env)); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}
