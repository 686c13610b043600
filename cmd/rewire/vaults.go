package main

import (
	"errors"
	"io/fs"
	"os"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/sqlite"
	"github.com/rewirejournal/rewire/ui"
)

var vaultOptions = journal.Options{
	NewIndex: func() (journal.Index, error) { return sqlite.NewIndex() },
}

// vaults adapts journal/sqlite to [ui.Vaults]: one vault file, opened once
// and held (with its lock) until Close.
type vaults struct {
	path  string
	store *sqlite.Store
	vault *journal.Vault
}

var _ ui.Vaults = (*vaults)(nil)

func newVaults(path string) *vaults { return &vaults{path: path} }

func (v *vaults) Path() string { return v.path }

func (v *vaults) openStore() error {
	if v.store != nil {
		return nil
	}
	s, err := sqlite.Open(v.path)
	if err != nil {
		return err
	}
	v.store = s
	return nil
}

// Exists is false for a missing file and for an empty one (a first run
// that stopped before the vault was made).
func (v *vaults) Exists() (bool, error) {
	if _, err := os.Stat(v.path); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err := v.openStore(); err != nil {
		return false, err
	}
	if _, err := v.store.Header(); errors.Is(err, journal.ErrNoVault) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return true, nil
}

func (v *vaults) Open() (ui.Journal, error) {
	if err := v.openStore(); err != nil {
		return nil, err
	}
	vault, err := journal.Open(v.store, vaultOptions)
	if err != nil {
		return nil, err
	}
	v.vault = vault
	return vault, nil
}

func (v *vaults) Create(passphrase []byte, kdf journal.KDFParams) (ui.Journal, []byte, error) {
	if err := v.openStore(); err != nil {
		return nil, nil, err
	}
	vault, kit, err := journal.Create(v.store, passphrase, kdf, vaultOptions)
	if err != nil {
		return nil, nil, err
	}
	v.vault = vault
	return vault, kit, nil
}

func (v *vaults) Close() error {
	var err error
	switch {
	case v.vault != nil:
		err = v.vault.Close()
	case v.store != nil:
		err = v.store.Close()
	}
	v.vault, v.store = nil, nil
	return err
}
