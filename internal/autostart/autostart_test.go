package autostart

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestEnableDisable(t *testing.T) {
	tests := []struct {
		name     string
		exe      string
		wantExec string
	}{
		{"a plain path is written as it is", "/home/ana/.local/bin/rewire", "Exec=/home/ana/.local/bin/rewire"},
		{"a path with a space is quoted", "/home/ana/My Apps/rewire", `Exec="/home/ana/My Apps/rewire"`},
		{"quotes, dollars and percent signs are escaped", `/opt/a"b$c%d/rewire`, `Exec="/opt/a\\"b\\$c%%d/rewire"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "autostart")
			if Enabled(dir) {
				t.Fatal("enabled before Enable")
			}
			if err := Enable(dir, tt.exe); err != nil {
				t.Fatal(err)
			}
			if !Enabled(dir) {
				t.Fatal("not enabled after Enable")
			}
			data, err := os.ReadFile(filepath.Join(dir, FileName))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), "\n"+tt.wantExec+"\n") {
				t.Fatalf("entry lacks %q:\n%s", tt.wantExec, data)
			}
			if out, err := exec.Command("desktop-file-validate", filepath.Join(dir, FileName)).CombinedOutput(); err != nil || len(out) > 0 {
				t.Fatalf("desktop-file-validate: %v\n%s", err, out)
			}
			if err := Disable(dir); err != nil {
				t.Fatal(err)
			}
			if Enabled(dir) {
				t.Fatal("still enabled after Disable")
			}
			if err := Disable(dir); err != nil {
				t.Fatalf("second Disable: %v", err)
			}
			left, _ := os.ReadDir(dir)
			if len(left) != 0 {
				t.Fatalf("left behind: %v", left)
			}
		})
	}
}

func TestEnableRefusesABadPath(t *testing.T) {
	for _, exe := range []string{"", "/tmp/a\nb"} {
		if err := Enable(t.TempDir(), exe); err == nil {
			t.Errorf("Enable(%q) succeeded", exe)
		}
	}
}

func TestDir(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/x/config")
	if d, _ := Dir(); d != "/x/config/autostart" {
		t.Errorf("Dir() = %s with XDG_CONFIG_HOME", d)
	}
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("HOME", "/home/ana")
	if d, _ := Dir(); d != "/home/ana/.config/autostart" {
		t.Errorf("Dir() = %s without XDG_CONFIG_HOME", d)
	}
}
