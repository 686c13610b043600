package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/rewirejournal/rewire/journal"
)

func TestVaultsLifecycle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rewire", "vault.db")
	v := newVaults(path)
	if ok, err := v.Exists(); ok || err != nil {
		t.Fatalf("Exists on a missing file = %v, %v", ok, err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("Exists created a file")
	}
	pass := []byte("copper kettle sings at dawn")
	j, kit, err := v.Create(pass, journal.MinKDFParams())
	if err != nil {
		t.Fatal(err)
	}
	if len(kit) == 0 || j.Locked() {
		t.Fatal("Create returned no kit or a locked vault")
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}

	v = newVaults(path)
	if ok, err := v.Exists(); !ok || err != nil {
		t.Fatalf("Exists on a vault = %v, %v", ok, err)
	}
	j, err = v.Open()
	if err != nil {
		t.Fatal(err)
	}
	if !j.Locked() {
		t.Error("Open returned an unlocked vault")
	}
	if _, err := newVaults(path).Exists(); !errors.Is(err, journal.ErrInUse) {
		t.Errorf("a second opener got %v, want ErrInUse", err)
	}
	if err := j.Unlock(pass); err != nil {
		t.Fatal(err)
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestExistsIsFalseForAnEmptyFile(t *testing.T) {
	// A first run that stopped before the vault was made leaves an empty
	// database; setup starts again rather than asking for a passphrase.
	path := filepath.Join(t.TempDir(), "vault.db")
	v := newVaults(path)
	if _, _, err := v.Create([]byte("x"), journal.KDFParams{}); err == nil {
		t.Fatal("weak parameters were accepted")
	}
	v.Close()
	v = newVaults(path)
	defer v.Close()
	if ok, err := v.Exists(); ok || err != nil {
		t.Fatalf("Exists on an empty database = %v, %v", ok, err)
	}
}
