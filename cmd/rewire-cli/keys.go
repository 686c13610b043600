package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
)

// calibrationTarget is how long one key derivation should take on this
// machine when no parameters are given.
const calibrationTarget = 700 * time.Millisecond

// kdfFlags are --kdf-memory and --kdf-time, shared by init, passwd and
// recover.
type kdfFlags struct {
	fs           *flag.FlagSet
	memMiB, time uint
}

func addKDFFlags(fs *flag.FlagSet) *kdfFlags {
	k := &kdfFlags{fs: fs}
	fs.UintVar(&k.memMiB, "kdf-memory", 0, "Argon2id memory in `MiB`, at least 64 (default: calibrated so unlocking takes about 0.7 s here)")
	fs.UintVar(&k.time, "kdf-time", 0, "Argon2id passes, at least 3 (default: calibrated)")
	return k
}

// check validates explicit parameters, before anything slow happens. It
// returns ok false when none were given and they are to be calibrated.
func (k *kdfFlags) check() (p journal.KDFParams, ok bool, err error) {
	p = journal.MinKDFParams()
	floor := p
	mem, tm := isSet(k.fs, "kdf-memory"), isSet(k.fs, "kdf-time")
	if !mem && !tm {
		return p, false, nil
	}
	if mem {
		if k.memMiB < uint(floor.MemoryKiB/1024) {
			return p, false, usagef("--kdf-memory %d is below the safe minimum of %d MiB", k.memMiB, floor.MemoryKiB/1024)
		}
		if k.memMiB > 4096 {
			return p, false, usagef("--kdf-memory %d is above the maximum of 4096 MiB", k.memMiB)
		}
		p.MemoryKiB = uint32(k.memMiB * 1024)
	}
	if tm {
		if k.time < uint(floor.Time) {
			return p, false, usagef("--kdf-time %d is below the safe minimum of %d passes", k.time, floor.Time)
		}
		if k.time > 16 {
			return p, false, usagef("--kdf-time %d is above the maximum of 16 passes", k.time)
		}
		p.Time = uint32(k.time)
	}
	if err := p.Check(); err != nil {
		return p, false, usagef("%v", err)
	}
	return p, true, nil
}

// params returns the explicit parameters, or calibrates them.
func (k *kdfFlags) params(stderr io.Writer) (journal.KDFParams, error) {
	p, ok, err := k.check()
	if ok || err != nil {
		return p, err
	}
	fmt.Fprintln(stderr, "Measuring this machine to choose the key-derivation cost (a few seconds)…")
	p, err = crypto.Calibrate(calibrationTarget, nil)
	if err != nil {
		return p, fmt.Errorf("calibrate key derivation: %w", err)
	}
	return p, nil
}

func describeKDF(p journal.KDFParams) string {
	return fmt.Sprintf("Argon2id, %d MiB, %d passes, %d lanes", p.MemoryKiB/1024, p.Time, p.Threads)
}

var passwdCommand = &command{
	name:     "passwd",
	synopsis: "[--new-passphrase-file FILE] [--kdf-memory MiB --kdf-time N]",
	summary:  "change the passphrase",
	about: `Unlocks the vault with the current passphrase and wraps its key under a new
one, in one transaction: no record is re-encrypted and the old key slot is
securely deleted. The new passphrase is the first line of
--new-passphrase-file, or is asked for twice on the terminal.`,
	run: runPasswd,
}

func runPasswd(c *cli, args []string) (err error) {
	fs := c.flags()
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from the first line of `FILE`")
	kdf := addKDFFlags(fs)
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if _, _, err := kdf.check(); err != nil {
		return err
	}
	if *newFile == "" && !isTerminal(c.stdin) {
		return usagef("give --new-passphrase-file FILE (stdin is not a terminal, so no prompt)")
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	newPass, p, err := c.newPassphraseAndKDF(*newFile, kdf)
	if err != nil {
		return err
	}
	defer crypto.Wipe(newPass)
	if err := v.ChangePassphrase(newPass, p); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "passphrase changed (%s)\n", describeKDF(p))
	return nil
}

var recoverCommand = &command{
	name:     "recover",
	synopsis: "--recovery-kit FILE [--new-passphrase-file FILE] [--kdf-memory MiB --kdf-time N]",
	summary:  "set a new passphrase with the recovery kit",
	about: `For a forgotten passphrase: opens the vault with the recovery kit made by
init and sets a new passphrase, the first line of --new-passphrase-file or
asked for twice on the terminal. The old passphrase is not needed and stops
working. The recovery kit keeps working.`,
	run: runRecover,
}

func runRecover(c *cli, args []string) (err error) {
	fs := c.flags()
	kitFile := fs.String("recovery-kit", "", "the recovery kit `FILE` written by init")
	newFile := fs.String("new-passphrase-file", "", "read the new passphrase from the first line of `FILE`")
	kdf := addKDFFlags(fs)
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *kitFile == "" {
		return usagef("give --recovery-kit FILE")
	}
	if _, _, err := kdf.check(); err != nil {
		return err
	}
	if *newFile == "" && !isTerminal(c.stdin) {
		return usagef("give --new-passphrase-file FILE (stdin is not a terminal, so no prompt)")
	}
	kit, err := readSecretFile(*kitFile, 64<<10)
	if err != nil {
		return fmt.Errorf("read recovery kit: %w", err)
	}
	defer crypto.Wipe(kit)
	v, err := c.openVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	newPass, p, err := c.newPassphraseAndKDF(*newFile, kdf)
	if err != nil {
		return err
	}
	defer crypto.Wipe(newPass)
	if err := v.UnlockWithRecoveryKit(kit, newPass, p); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "new passphrase set with the recovery kit (%s); the old passphrase no longer works\n", describeKDF(p))
	return nil
}

// newPassphraseAndKDF reads the new passphrase (from file, or asked twice)
// and picks the KDF parameters for it (given by flags, or calibrated).
func (c *cli) newPassphraseAndKDF(file string, kdf *kdfFlags) ([]byte, journal.KDFParams, error) {
	pass, err := c.newPassphrase(file)
	if err != nil {
		return nil, journal.KDFParams{}, err
	}
	p, err := kdf.params(c.stderr)
	if err != nil {
		crypto.Wipe(pass)
		return nil, journal.KDFParams{}, err
	}
	return pass, p, nil
}

// readSecretFile reads a small file that holds a secret into one buffer
// (so no stray copies are left to wipe), refusing one larger than limit (a
// recovery kit is a few hundred bytes).
func readSecretFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	b := make([]byte, st.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		crypto.Wipe(b)
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return b, nil
}
