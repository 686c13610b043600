package crypto

import (
	"bytes"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"filippo.io/age"
)

// recoveryPlaintextSize is vaultID | dek, the content of a recovery slot.
const recoveryPlaintextSize = IDSize + KeySize

// NewRecoveryIdentity returns a fresh age X25519 identity for a recovery
// kit. Its recipient is what [SealRecoverySlot] and backups encrypt to.
func NewRecoveryIdentity() (*age.X25519Identity, error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("new recovery identity: %w", err)
	}
	return id, nil
}

// SealRecoverySlot wraps dek for the recovery kit's identity. The vault id
// goes inside the age ciphertext so that a kit from another vault, which
// could never decrypt it anyway, and a slot copied into another vault are
// both recognised on open.
func SealRecoverySlot(dek *DataKey, recipient *age.X25519Recipient, vaultID []byte) ([]byte, error) {
	if dek == nil || recipient == nil {
		return nil, errors.New("seal recovery slot: nil key or recipient")
	}
	if err := checkID("vault", vaultID); err != nil {
		return nil, fmt.Errorf("seal recovery slot: %w", err)
	}
	var buf bytes.Buffer
	buf.WriteByte(slotVersion)
	buf.WriteByte(byte(SlotRecovery))
	w, err := age.Encrypt(&buf, recipient)
	if err != nil {
		return nil, fmt.Errorf("seal recovery slot: %w", err)
	}
	var pt [recoveryPlaintextSize]byte
	copy(pt[:], vaultID)
	copy(pt[IDSize:], dek[:])
	_, err = w.Write(pt[:])
	Wipe(pt[:])
	if err != nil {
		return nil, fmt.Errorf("seal recovery slot: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("seal recovery slot: %w", err)
	}
	return buf.Bytes(), nil
}

// OpenRecoverySlot unwraps the data key with the recovery kit's identity.
// It returns [ErrWrongRecoveryKit] if the identity does not match the slot
// or the slot belongs to another vault, [ErrDamaged] if the slot is
// malformed or fails authentication, and [ErrUnknownFormat] for an unknown
// version.
func OpenRecoverySlot(slot []byte, id *age.X25519Identity, vaultID []byte) (*DataKey, error) {
	if id == nil {
		return nil, errors.New("open recovery slot: nil identity")
	}
	if err := checkID("vault", vaultID); err != nil {
		return nil, fmt.Errorf("open recovery slot: %w", err)
	}
	if err := checkSlot(slot, SlotRecovery); err != nil {
		return nil, err
	}
	r, err := age.Decrypt(bytes.NewReader(slot[2:]), id)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			return nil, ErrWrongRecoveryKit
		}
		return nil, ErrDamaged
	}
	// Read one byte more than expected to notice trailing plaintext.
	var pt [recoveryPlaintextSize + 1]byte
	defer Wipe(pt[:])
	n, err := io.ReadFull(r, pt[:])
	if err != io.ErrUnexpectedEOF || n != recoveryPlaintextSize {
		// Includes age's authentication failures on the payload.
		return nil, ErrDamaged
	}
	if subtle.ConstantTimeCompare(pt[:IDSize], vaultID) != 1 {
		return nil, ErrWrongRecoveryKit
	}
	dek := new(DataKey)
	copy(dek[:], pt[IDSize:recoveryPlaintextSize])
	return dek, nil
}

// recoveryKitMaxSize bounds what ParseRecoveryKit reads; a real kit is
// well under 2 KiB.
const recoveryKitMaxSize = 64 << 10

const recoveryKeyPrefix = "AGE-SECRET-KEY-1"

// FormatRecoveryKit renders the recovery kit file: plain instructions as
// '#' comment lines, then the secret key. It is a valid age identity file,
// so the kit keeps working without Rewire: `age -d -i recovery-kit.txt`.
//
// The secret passes through a Go string here (age offers no other
// encoding), which cannot be wiped; the kit is shown or saved once, when
// the vault is created, so the exposure is brief.
func FormatRecoveryKit(id *age.X25519Identity, vaultID []byte, created time.Time) []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString("# " + s + "\n") }
	b.WriteString("# REWIRE RECOVERY KIT\n")
	b.WriteString("#\n")
	line("This file is the spare key to your Rewire journal. It opens the journal")
	line("and every automatic backup of it, even if you forget your passphrase.")
	line("Anyone who has this file can read everything you wrote, so:")
	line("  - print it or keep it on a USB stick, offline, somewhere safe;")
	line("  - do not keep it on the same computer or in the same cloud as the journal.")
	line("If you lose both your passphrase and this kit, your journal cannot be")
	line("recovered by anyone, including the people who made Rewire.")
	b.WriteString("#\n")
	line("To recover, choose \"Use recovery kit\" when unlocking Rewire.")
	line("Backups are standard age files, so they open without Rewire too:")
	line("  age -d -i recovery-kit.txt backup.age | tar -x")
	b.WriteString("#\n")
	line("Vault:   " + hex.EncodeToString(vaultID))
	line("Created: " + created.UTC().Format("2006-01-02"))
	b.WriteString("#\n")
	b.WriteString(id.String())
	b.WriteString("\n")
	return []byte(b.String())
}

// ParseRecoveryKit reads the identity from a recovery kit file as written
// by [FormatRecoveryKit], or from a bare AGE-SECRET-KEY-1 line as a user
// might type or paste it. It tolerates CRLF line endings and surrounding
// spaces. Anything else, including a file with more than one key, returns
// [ErrRecoveryKit]; the input is never echoed in the error, since it may be
// most of a secret key.
func ParseRecoveryKit(data []byte) (*age.X25519Identity, error) {
	if len(data) > recoveryKitMaxSize {
		return nil, fmt.Errorf("%w: file is too large", ErrRecoveryKit)
	}
	var key string
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if key != "" {
			return nil, fmt.Errorf("%w: more than one key", ErrRecoveryKit)
		}
		key = line
	}
	if key == "" {
		return nil, fmt.Errorf("%w: no key found", ErrRecoveryKit)
	}
	// Users copying by hand may type the key in lower case; bech32 is
	// case-insensitive but age only accepts one case.
	key = strings.ToUpper(key)
	if !strings.HasPrefix(key, recoveryKeyPrefix) {
		return nil, fmt.Errorf("%w: no %s key found", ErrRecoveryKit, recoveryKeyPrefix)
	}
	id, err := age.ParseX25519Identity(key)
	if err != nil {
		// age's message can quote the key: drop it.
		return nil, fmt.Errorf("%w: malformed key", ErrRecoveryKit)
	}
	return id, nil
}
