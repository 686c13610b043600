package backup

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"filippo.io/age"
	"golang.org/x/text/unicode/norm"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
)

// Protection says what opens a backup.
type Protection int

const (
	// ByRecoveryKit: an automatic backup, encrypted to the recovery kit.
	ByRecoveryKit Protection = iota + 1
	// ByPassphrase: a manual backup with a passphrase of its own.
	ByPassphrase
)

func (p Protection) String() string {
	switch p {
	case ByRecoveryKit:
		return "recovery kit"
	case ByPassphrase:
		return "passphrase"
	}
	return "unknown"
}

// scryptWorkFactor is log2 of scrypt's cost for manual backups: 18 is age's
// own default (about a second). Tests lower it; one interop test keeps 18.
var scryptWorkFactor = 18

// maxScryptWorkFactor bounds what a backup may ask of the reader, so a
// crafted file cannot make opening it take minutes.
const maxScryptWorkFactor = 22

// Recipient says who can open a backup being written.
type Recipient struct {
	r    age.Recipient
	prot Protection
}

// ToRecoveryKit encrypts to a vault's recovery recipient ("age1…"), as
// automatic backups are: the recovery kit opens them, and so does
// `age -d -i recovery-kit.txt`.
func ToRecoveryKit(r *age.X25519Recipient) (Recipient, error) {
	if r == nil {
		return Recipient{}, errors.New("backup: no recovery recipient")
	}
	return Recipient{r: r, prot: ByRecoveryKit}, nil
}

// ToPassphrase encrypts to a passphrase (NFC-normalised, as the vault's
// are), as manual backups are. `age -d` opens them with the same words.
func ToPassphrase(passphrase []byte) (Recipient, error) {
	p := norm.NFC.Bytes(passphrase)
	defer rwcrypto.Wipe(p)
	if len(bytes.TrimSpace(p)) == 0 {
		return Recipient{}, errors.New("backup: the passphrase is empty")
	}
	// age keeps its own copy as a string, which cannot be wiped.
	r, err := age.NewScryptRecipient(string(p))
	if err != nil {
		return Recipient{}, fmt.Errorf("backup: %w", err)
	}
	r.SetWorkFactor(scryptWorkFactor)
	return Recipient{r: r, prot: ByPassphrase}, nil
}

// Protection says what will open the backup.
func (r Recipient) Protection() Protection { return r.prot }

// Key opens a backup: the recovery kit for automatic backups, the backup's
// own passphrase for manual ones.
type Key struct {
	id   age.Identity
	prot Protection
}

// RecoveryKitKey reads the recovery kit file's text (or the bare
// AGE-SECRET-KEY-1 line). It fails with [ErrWrongRecoveryKit] if the text
// is not a kit.
func RecoveryKitKey(kit []byte) (Key, error) {
	id, err := rwcrypto.ParseRecoveryKit(kit)
	if err != nil {
		return Key{}, fmt.Errorf("%w (%w)", ErrWrongRecoveryKit, err)
	}
	return Key{id: id, prot: ByRecoveryKit}, nil
}

// PassphraseKey is the passphrase of a manual backup. The caller keeps
// ownership of passphrase and may wipe it.
func PassphraseKey(passphrase []byte) (Key, error) {
	p := norm.NFC.Bytes(passphrase)
	defer rwcrypto.Wipe(p)
	if len(p) == 0 {
		return Key{}, errors.New("backup: the passphrase is empty")
	}
	id, err := age.NewScryptIdentity(string(p))
	if err != nil {
		return Key{}, fmt.Errorf("backup: %w", err)
	}
	id.SetMaxWorkFactor(maxScryptWorkFactor)
	return Key{id: id, prot: ByPassphrase}, nil
}

// keyMismatch turns age's "no identity matched" into the error that tells
// the user what to do, from the kind of key given and the stanzas found.
func keyMismatch(k Key, stanzaTypes []string) error {
	scrypt := slices.Contains(stanzaTypes, "scrypt")
	switch {
	case k.prot == ByPassphrase && !scrypt:
		return ErrNeedsRecoveryKit
	case k.prot == ByPassphrase:
		return ErrWrongPassphrase
	case scrypt:
		return ErrNeedsPassphrase
	}
	return ErrWrongRecoveryKit
}

// ageMagic starts every binary age file.
const ageMagic = "age-encryption.org/"

// Inspect reads a backup's age header and says what opens it, so a caller
// knows whether to ask for the recovery kit or a passphrase. It decrypts
// nothing.
func Inspect(path string) (Protection, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return inspect(f)
}

func inspect(r io.Reader) (Protection, error) {
	br := bufio.NewReader(io.LimitReader(r, 64<<10))
	first, err := br.ReadString('\n')
	if !strings.HasPrefix(first, ageMagic) {
		if len(first) == 0 && err == io.EOF {
			return 0, fmt.Errorf("%w: the file is empty", ErrDamaged)
		}
		return 0, ErrNotBackup
	}
	for {
		line, err := br.ReadString('\n')
		if strings.HasPrefix(line, "-> scrypt ") {
			return ByPassphrase, nil
		}
		if strings.HasPrefix(line, "-> X25519 ") {
			return ByRecoveryKit, nil
		}
		if strings.HasPrefix(line, "---") || err != nil {
			return 0, fmt.Errorf("%w: no recovery kit or passphrase stanza in the header", ErrDamaged)
		}
	}
}
