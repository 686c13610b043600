package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/sqlite"
)

var initCommand = &command{
	name:     "init",
	synopsis: "[--recovery-kit FILE] [--kdf-memory MiB --kdf-time N]",
	summary:  "create a new vault",
	about: `Creates an empty vault protected by the passphrase (asked for twice on a
terminal). Key derivation is calibrated to take about 0.7 s on this machine
unless --kdf-memory and --kdf-time are given; nothing below 64 MiB and 3
passes is accepted.

It also makes the recovery kit, the only way back in if the passphrase is
forgotten. With --recovery-kit it is written to FILE (mode 0600, never over
an existing file); otherwise it is printed on stdout, once. Keep it offline.`,
	run: runInit,
}

const kitWarning = `Below is your recovery kit. It is the only way back into this vault if you
forget the passphrase, and anyone who has it can read your journal. Print it
or write it down, keep it somewhere safe and offline, and clear this screen.
It is not stored anywhere and will not be shown again.`

func runInit(c *cli, args []string) (err error) {
	fs := c.flags()
	kitPath := fs.String("recovery-kit", "", "write the recovery kit to `FILE` (mode 0600) instead of printing it")
	kdf := addKDFFlags(fs)
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if _, _, err := kdf.check(); err != nil {
		return err
	}
	existed := fileExists(c.vaultPath)

	// The kit file is claimed before the vault exists, so a kit can never
	// be lost to a path we cannot write.
	var kitFile *os.File
	if *kitPath != "" {
		if err := os.MkdirAll(filepath.Dir(*kitPath), 0o700); err != nil {
			return fmt.Errorf("recovery kit: %w", err)
		}
		kitFile, err = os.OpenFile(*kitPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return fmt.Errorf("recovery kit: %w", err)
		}
		defer func() {
			if kitFile != nil { // not written: the vault was not made
				kitFile.Close()
				os.Remove(*kitPath)
			}
		}()
	}

	pass, err := c.passphrase(true)
	if err != nil {
		return err
	}
	defer crypto.Wipe(pass)
	p, err := kdf.params(c.stderr)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.vaultPath), 0o700); err != nil {
		return fmt.Errorf("create vault: %w", err)
	}
	store, err := sqlite.Open(c.vaultPath)
	if err != nil {
		return err
	}
	v, kit, err := journal.Create(store, pass, p, vaultOptions)
	if err != nil {
		store.Close()
		if !existed && !errors.Is(err, journal.ErrExists) {
			removeVaultFiles(c.vaultPath)
		}
		return err
	}
	defer crypto.Wipe(kit)
	defer closeVault(v, &err)

	if kitFile != nil {
		werr := writeKit(kitFile, kit)
		kitFile = nil
		if werr != nil {
			// The vault exists now; the kit must not be lost.
			os.Remove(*kitPath)
			fmt.Fprintf(c.stderr, "Could not write the recovery kit to %s (%v).\n%s\n\n", *kitPath, werr, kitWarning)
			c.stdout.Write(kit)
			return fmt.Errorf("created vault %s, but the recovery kit could not be written to %s; it was printed instead", c.vaultPath, *kitPath)
		}
		fmt.Fprintf(c.stderr, "Recovery kit written to %s. Keep it offline, away from the vault.\n", *kitPath)
	} else {
		fmt.Fprintf(c.stderr, "%s\n\n", kitWarning)
		c.stdout.Write(kit)
	}
	fmt.Fprintf(c.stderr, "Created vault %s (%s).\n", c.vaultPath, describeKDF(p))
	return nil
}

func writeKit(f *os.File, kit []byte) error {
	_, err := f.Write(kit)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// removeVaultFiles removes a vault file init made but could not finish,
// with SQLite's side files.
func removeVaultFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
