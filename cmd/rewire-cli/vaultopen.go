package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/sqlite"
)

var vaultOptions = journal.Options{
	NewIndex: func() (journal.Index, error) { return sqlite.NewIndex() },
}

// openVault opens the vault at --vault, locked. A missing file is
// ErrNoVault: only init creates one, so a mistyped path makes no stray
// database.
func (c *cli) openVault() (*journal.Vault, error) {
	if _, err := os.Stat(c.vaultPath); errors.Is(err, fs.ErrNotExist) {
		return nil, journal.ErrNoVault
	}
	store, err := sqlite.Open(c.vaultPath) // its errors name the path
	if err != nil {
		return nil, err
	}
	v, err := journal.Open(store, vaultOptions)
	if err != nil {
		store.Close()
		return nil, err
	}
	return v, nil
}

// unlockVault opens the vault and unlocks it with the passphrase. The
// caller closes it with closeVault.
func (c *cli) unlockVault() (*journal.Vault, error) {
	v, err := c.openVault()
	if err != nil {
		return nil, err
	}
	pass, err := c.passphrase(false)
	if err != nil {
		v.Close()
		return nil, err
	}
	defer crypto.Wipe(pass)
	if err := v.Unlock(pass); err != nil {
		v.Close()
		return nil, err
	}
	return v, nil
}

// closeVault locks and closes v, reporting a failure through *err unless
// the command already failed.
func closeVault(v *journal.Vault, err *error) {
	if cerr := v.Close(); cerr != nil && *err == nil {
		*err = fmt.Errorf("close vault: %w", cerr)
	}
}
