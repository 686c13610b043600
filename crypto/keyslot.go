package crypto

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"

	"golang.org/x/crypto/chacha20poly1305"
)

// SlotKind tells what opens a key slot.
type SlotKind uint8

const (
	// SlotPassphrase is opened by a passphrase through Argon2id.
	SlotPassphrase SlotKind = 1
	// SlotRecovery is opened by the age identity in the recovery kit.
	SlotRecovery SlotKind = 2
)

func (k SlotKind) String() string {
	switch k {
	case SlotPassphrase:
		return "passphrase slot"
	case SlotRecovery:
		return "recovery slot"
	}
	return fmt.Sprintf("slot kind %d", uint8(k))
}

// slotVersion is the first byte of every slot.
const slotVersion byte = 1

// Passphrase slot layout; see the package doc.
const (
	slotMemOff     = 2
	slotTimeOff    = slotMemOff + 4
	slotThreadsOff = slotTimeOff + 4
	slotSaltOff    = slotThreadsOff + 1
	slotNonceOff   = slotSaltOff + SaltSize
	slotSealedOff  = slotNonceOff + chacha20poly1305.NonceSizeX
	// passphraseSlotSize is the only valid length: the wrapped key has a
	// fixed size, so any other length is damage, not a new format.
	passphraseSlotSize = slotSealedOff + KeySize + chacha20poly1305.Overhead
)

// slotAADPrefix separates slot AAD from every other use of the key.
const slotAADPrefix = "rewire slot v1"

// SlotKindOf reports the kind of slot. It returns [ErrDamaged] if slot is
// too short to say and [ErrUnknownFormat] for a version or kind this code
// does not know (written by a newer Rewire).
func SlotKindOf(slot []byte) (SlotKind, error) {
	if len(slot) < 2 {
		return 0, fmt.Errorf("%w: slot is %d bytes", ErrDamaged, len(slot))
	}
	if slot[0] != slotVersion {
		return 0, fmt.Errorf("%w: slot version %d", ErrUnknownFormat, slot[0])
	}
	switch k := SlotKind(slot[1]); k {
	case SlotPassphrase, SlotRecovery:
		return k, nil
	default:
		return 0, fmt.Errorf("%w: %v", ErrUnknownFormat, k)
	}
}

// SlotKDFParams parses the KDF parameters of a passphrase slot without
// checking them or deriving anything, so a caller can show what unlocking
// will cost or decide to re-wrap with stronger parameters.
func SlotKDFParams(slot []byte) (KDFParams, error) {
	if err := checkSlot(slot, SlotPassphrase); err != nil {
		return KDFParams{}, err
	}
	if len(slot) != passphraseSlotSize {
		return KDFParams{}, fmt.Errorf("%w: passphrase slot is %d bytes, want %d", ErrDamaged, len(slot), passphraseSlotSize)
	}
	return KDFParams{
		MemoryKiB: binary.BigEndian.Uint32(slot[slotMemOff:]),
		Time:      binary.BigEndian.Uint32(slot[slotTimeOff:]),
		Threads:   slot[slotThreadsOff],
	}, nil
}

// checkSlot returns an error unless slot is a known version of kind want.
func checkSlot(slot []byte, want SlotKind) error {
	k, err := SlotKindOf(slot)
	if err != nil {
		return err
	}
	if k != want {
		return fmt.Errorf("crypto: got a %v, want a %v", k, want)
	}
	return nil
}

// SealPassphraseSlot wraps dek under a key derived from passphrase with
// parameters p, for the vault vaultID. The caller still owns and wipes
// passphrase.
func SealPassphraseSlot(dek *DataKey, passphrase []byte, p KDFParams, vaultID []byte) ([]byte, error) {
	var salt [SaltSize]byte
	var nonce [chacha20poly1305.NonceSizeX]byte
	if _, err := rand.Read(salt[:]); err != nil {
		return nil, fmt.Errorf("seal passphrase slot: %w", err)
	}
	if _, err := rand.Read(nonce[:]); err != nil {
		return nil, fmt.Errorf("seal passphrase slot: %w", err)
	}
	return sealPassphraseSlot(dek, passphrase, p, vaultID, salt[:], nonce[:], DeriveKey)
}

// deriveFunc is [DeriveKey]'s signature. Slot code takes it as a parameter
// only so tests can flip every byte of a slot without paying for Argon2id
// each time; production code always passes DeriveKey.
type deriveFunc func(passphrase, salt []byte, p KDFParams) (*[KeySize]byte, error)

func sealPassphraseSlot(dek *DataKey, passphrase []byte, p KDFParams, vaultID, salt, nonce []byte, derive deriveFunc) ([]byte, error) {
	if dek == nil {
		return nil, fmt.Errorf("seal passphrase slot: nil data key")
	}
	if err := checkID("vault", vaultID); err != nil {
		return nil, fmt.Errorf("seal passphrase slot: %w", err)
	}
	if err := p.Check(); err != nil {
		return nil, err
	}
	slot := make([]byte, slotSealedOff, passphraseSlotSize)
	slot[0] = slotVersion
	slot[1] = byte(SlotPassphrase)
	binary.BigEndian.PutUint32(slot[slotMemOff:], p.MemoryKiB)
	binary.BigEndian.PutUint32(slot[slotTimeOff:], p.Time)
	slot[slotThreadsOff] = p.Threads
	copy(slot[slotSaltOff:], salt)
	copy(slot[slotNonceOff:], nonce)

	wrapKey, err := derive(passphrase, salt, p)
	if err != nil {
		return nil, fmt.Errorf("seal passphrase slot: %w", err)
	}
	defer Wipe(wrapKey[:])
	aead, err := chacha20poly1305.NewX(wrapKey[:])
	if err != nil {
		panic("crypto: " + err.Error()) // impossible: the key size is fixed
	}
	return aead.Seal(slot, nonce, dek[:], slotAAD(vaultID, slot)), nil
}

// slotAAD binds a slot to its vault and to its own header, so parameters,
// salt or kind cannot be swapped without failing authentication.
func slotAAD(vaultID, slot []byte) []byte {
	aad := make([]byte, 0, len(slotAADPrefix)+IDSize+slotNonceOff)
	aad = append(aad, slotAADPrefix...)
	aad = append(aad, vaultID...)
	return append(aad, slot[:slotNonceOff]...)
}

// OpenPassphraseSlot unwraps the data key from a passphrase slot. The KDF
// parameters are checked before deriving, so a tampered slot asking for
// absurd memory fails with [ErrKDFParams] without allocating it. It returns
// [ErrWrongPassphrase] if authentication fails, [ErrDamaged] for a
// malformed slot and [ErrUnknownFormat] for an unknown version.
//
// A wrong passphrase and a tampered salt, nonce or ciphertext are
// indistinguishable by design: both fail the same authentication check.
func OpenPassphraseSlot(slot, passphrase, vaultID []byte) (*DataKey, error) {
	return openPassphraseSlot(slot, passphrase, vaultID, DeriveKey)
}

func openPassphraseSlot(slot, passphrase, vaultID []byte, derive deriveFunc) (*DataKey, error) {
	if err := checkID("vault", vaultID); err != nil {
		return nil, fmt.Errorf("open passphrase slot: %w", err)
	}
	p, err := SlotKDFParams(slot)
	if err != nil {
		return nil, err
	}
	if err := p.Check(); err != nil {
		return nil, err
	}
	wrapKey, err := derive(passphrase, slot[slotSaltOff:slotNonceOff], p)
	if err != nil {
		return nil, fmt.Errorf("open passphrase slot: %w", err)
	}
	defer Wipe(wrapKey[:])
	aead, err := chacha20poly1305.NewX(wrapKey[:])
	if err != nil {
		panic("crypto: " + err.Error()) // impossible: the key size is fixed
	}
	dek := new(DataKey)
	if _, err := aead.Open(dek[:0], slot[slotNonceOff:slotSealedOff], slot[slotSealedOff:], slotAAD(vaultID, slot)); err != nil {
		dek.Wipe()
		return nil, ErrWrongPassphrase
	}
	return dek, nil
}

// checkID returns an error unless id is [IDSize] bytes. Fixed sizes keep
// the AAD concatenations unambiguous.
func checkID(what string, id []byte) error {
	if len(id) != IDSize {
		return fmt.Errorf("%s id is %d bytes, want %d", what, len(id), IDSize)
	}
	return nil
}
