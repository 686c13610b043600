package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rewirejournal/rewire/journal"
)

func TestDescribeCounts(t *testing.T) {
	for _, tc := range []struct {
		name   string
		total  int
		counts map[journal.Kind]int
		want   string
	}{
		{"nothing", 0, nil, "0 records"},
		{"kinds in the app's order", 3, map[journal.Kind]int{journal.KindCheckIn: 1, journal.KindEntry: 2}, "3 records (2 entry, 1 checkin)"},
		{"a kind from a newer version, cleaned", 1, map[journal.Kind]int{"dream\x1b[2J": 1}, "1 records (1 dream [2J)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := describeCounts(tc.total, tc.counts); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDescribeSize(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{512, "512 bytes"}, {2048, "2.0 KB"}, {23 << 20, "23.0 MB"}} {
		if got := describeSize(tc.n); got != tc.want {
			t.Errorf("describeSize(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestConfirmTakesOnlyYes(t *testing.T) {
	for _, tc := range []struct {
		answer string
		want   bool
	}{
		{"y\n", true}, {"YES\n", true}, {" yes \n", true}, {"yes", true},
		{"n\n", false}, {"\n", false}, {"", false}, {"yep\n", false}, {"ja\n", false},
	} {
		var stderr bytes.Buffer
		c := &cli{stdin: strings.NewReader(tc.answer), stderr: &stderr}
		got, err := c.confirm("Import 3 records?")
		if err != nil || got != tc.want {
			t.Errorf("answer %q: got %v, %v; want %v", tc.answer, got, err, tc.want)
		}
		if !strings.HasPrefix(stderr.String(), "Import 3 records? [y/N] ") {
			t.Errorf("asked %q", stderr.String())
		}
	}
}

func TestCopyVaultFileCopiesTheLogToo(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "vault.db"), filepath.Join(dir, "vault.db.bak")
	for suffix, content := range map[string]string{"": "main", "-wal": "log"} {
		if err := os.WriteFile(src+suffix, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// A stale copy from an earlier merge is replaced.
	if err := os.WriteFile(dst+"-wal", []byte("stale"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := copyVaultFile(src, dst); err != nil {
		t.Fatal(err)
	}
	for suffix, want := range map[string]string{"": "main", "-wal": "log"} {
		got, err := os.ReadFile(dst + suffix)
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v", dst+suffix, got, err)
		}
		if info, _ := os.Stat(dst + suffix); info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v", dst+suffix, info.Mode())
		}
	}
	os.Remove(src + "-wal")
	os.Remove(dst + "-wal")
	if err := copyVaultFile(src, filepath.Join(dir, "second.bak")); err != nil {
		t.Fatalf("a vault without a log: %v", err)
	}
}
