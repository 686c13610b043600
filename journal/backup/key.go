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
	"github.com/rewirejournal/rewire/journal"
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
	rs    []age.Recipient // the first is the kit's or the passphrase's
	vault *vaultKey       // the vault's own backup key, if also wrapped to it
	prot  Protection
}

// ToRecoveryKit encrypts to a vault's recovery recipient ("age1…"), as
// automatic backups are: the recovery kit opens them, and so does
// `age -d -i recovery-kit.txt`.
func ToRecoveryKit(r *age.X25519Recipient) (Recipient, error) {
	if r == nil {
		return Recipient{}, errors.New("backup: no recovery recipient")
	}
	return Recipient{rs: []age.Recipient{r}, prot: ByRecoveryKit}, nil
}

// AndVault also wraps the backup's file key to a vault's own backup key
// ([journal.Vault.BackupKey]) in a [VaultStanza], so that vault, unlocked,
// opens the backup without the kit ([VaultKey]). Only a backup to the
// recovery kit takes it: a copy with its own passphrase opens with that
// passphrase alone (age would refuse the mix anyway). key stays the
// caller's, who wipes it once the backup is written.
func (r Recipient) AndVault(vault journal.ID, key *[rwcrypto.KeySize]byte) (Recipient, error) {
	switch {
	case r.prot != ByRecoveryKit || len(r.rs) == 0:
		return Recipient{}, errors.New("backup: only a backup to the recovery kit is also wrapped to the vault")
	case key == nil || vault.IsZero():
		return Recipient{}, errors.New("backup: no vault key")
	}
	vk := &vaultKey{vault: vault, key: key}
	r.rs = append(slices.Clip(r.rs), vk)
	r.vault = vk
	return r, nil
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
	return Recipient{rs: []age.Recipient{r}, prot: ByPassphrase}, nil
}

// Protection says what will open the backup.
func (r Recipient) Protection() Protection { return r.prot }

// Key opens a backup: the recovery kit for automatic backups, the backup's
// own passphrase for manual ones, or the unlocked vault's own key for the
// automatic backups it made.
type Key struct {
	id   age.Identity
	prot Protection
	own  bool // the vault's own key ([VaultKey])
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

// VaultKey opens the automatic backups the vault vault made with its
// backup key key ([journal.Vault.BackupKey]): those with its [VaultStanza].
// Older backups, other vaults' and copies with their own passphrase it
// does not open ([ErrNotOwnBackup], [ErrNeedsPassphrase]); [ReadHeader]
// tells beforehand. key stays the caller's, who wipes it after reading.
func VaultKey(vault journal.ID, key *[rwcrypto.KeySize]byte) (Key, error) {
	if key == nil || vault.IsZero() {
		return Key{}, errors.New("backup: no vault key")
	}
	return Key{id: vaultKey{vault: vault, key: key}, prot: ByRecoveryKit, own: true}, nil
}

// OwnKey is [VaultKey] for the unlocked vault v, with the function that
// wipes its backup key; call it once the backup is read.
func OwnKey(v interface {
	ID() journal.ID
	BackupKey() (*[rwcrypto.KeySize]byte, error)
}) (Key, func(), error) {
	raw, err := v.BackupKey()
	if err != nil {
		return Key{}, nil, err
	}
	wipe := func() { rwcrypto.Wipe(raw[:]) }
	k, err := VaultKey(v.ID(), raw)
	if err != nil {
		wipe()
		return Key{}, nil, err
	}
	return k, wipe, nil
}

// keyMismatch turns age's "no identity matched" into the error that tells
// the user what to do, from the kind of key given and the stanzas found.
func keyMismatch(k Key, stanzaTypes []string) error {
	scrypt := slices.Contains(stanzaTypes, "scrypt")
	switch {
	case k.own && scrypt:
		return ErrNeedsPassphrase
	case k.own:
		return ErrNotOwnBackup
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
	h, err := ReadHeader(path)
	return h.Protection, err
}

// Header is what a backup's age header says about who opens it. Nothing in
// it is authenticated until the backup is read with a key.
type Header struct {
	Protection Protection
	// Vaults are the vaults whose own key opens the backup (its
	// [VaultStanza]s): none for copies with their own passphrase and for
	// backups made before Rewire wrapped them to the vault.
	Vaults []journal.ID
}

// OpensWith reports whether the header has vault's [VaultStanza], so the
// unlocked vault can open the backup with [VaultKey].
func (h Header) OpensWith(vault journal.ID) bool {
	return !vault.IsZero() && slices.Contains(h.Vaults, vault)
}

// ReadHeader reads the age header of the backup at path; see [Header].
func ReadHeader(path string) (Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return Header{}, err
	}
	defer f.Close()
	return inspect(f)
}

func inspect(r io.Reader) (Header, error) {
	br := bufio.NewReader(io.LimitReader(r, 64<<10))
	first, err := br.ReadString('\n')
	if !strings.HasPrefix(first, ageMagic) {
		if len(first) == 0 && err == io.EOF {
			return Header{}, fmt.Errorf("%w: the file is empty", ErrDamaged)
		}
		return Header{}, ErrNotBackup
	}
	var h Header
	for {
		// Stanza bodies are base64, so no body line starts with "-".
		line, err := br.ReadString('\n')
		switch {
		case strings.HasPrefix(line, "-> scrypt "):
			h.Protection = ByPassphrase
		case strings.HasPrefix(line, "-> X25519 ") && h.Protection == 0:
			h.Protection = ByRecoveryKit
		case strings.HasPrefix(line, "-> "+VaultStanza+" "):
			args := strings.Fields(strings.TrimPrefix(line, "-> "+VaultStanza+" "))
			if len(args) == 1 {
				if id, err := journal.ParseID(args[0]); err == nil && id.String() == args[0] {
					h.Vaults = append(h.Vaults, id)
				}
			}
		}
		if strings.HasPrefix(line, "---") || err != nil {
			break
		}
	}
	if h.Protection == ByPassphrase {
		// age opens a passphrase file only if the scrypt stanza is alone.
		h.Vaults = nil
	}
	if h.Protection == 0 {
		return Header{}, fmt.Errorf("%w: no recovery kit or passphrase stanza in the header", ErrDamaged)
	}
	return h, nil
}
