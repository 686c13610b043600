package ui

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

func TestKitPNGIsAPrintableImage(t *testing.T) {
	data, err := kitPNG([]byte("# REWIRE RECOVERY KIT\n#\nAGE-SECRET-KEY-1QQQQ\n"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() < 300 || b.Dy() < 200 {
		t.Errorf("image is only %v", b)
	}
}

func TestWriteSecretFileIsOwnerOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kit.txt")
	if err := os.WriteFile(path, []byte("old, longer content"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeSecretFile(path, []byte("kit")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if got, _ := os.ReadFile(path); string(got) != "kit" {
		t.Errorf("content %q", got)
	}
}
