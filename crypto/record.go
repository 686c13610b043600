package crypto

import (
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/crypto/chacha20poly1305"
)

// recordPurpose keys record sealing; see [Subkey].
const recordPurpose = "record v1"

const (
	recordVersionOff = 1
	recordNonceOff   = recordVersionOff + 4
	recordSealedOff  = recordNonceOff + chacha20poly1305.NonceSizeX
	recordAADSize    = 1 + IDSize + IDSize + 4
)

// errSealerWiped is returned after [Sealer.Wipe]: a programming error, not
// a condition callers act on.
var errSealerWiped = errors.New("crypto: sealer used after Wipe")

// Sealer seals and opens the records of one vault under one key version.
// Records use XChaCha20-Poly1305: its 24-byte nonces are safe to pick at
// random for as many records as a journal will ever hold, so there is no
// counter to keep consistent across devices or restored backups.
//
// A Sealer is safe for concurrent use; unlocking opens records in parallel.
type Sealer struct {
	// mu guards aead against Wipe, not Seal and Open against each other:
	// the AEAD is stateless after construction.
	mu         sync.RWMutex
	aead       cipher.AEAD
	vaultID    [IDSize]byte
	keyVersion uint32
}

// NewSealer returns a Sealer for vaultID using the record subkey of dek.
// keyVersion is stored in every blob so that records sealed before a key
// rotation can be told apart; see [RecordKeyVersion].
func NewSealer(dek *DataKey, vaultID []byte, keyVersion uint32) (*Sealer, error) {
	if dek == nil {
		return nil, errors.New("new sealer: nil data key")
	}
	if err := checkID("vault", vaultID); err != nil {
		return nil, fmt.Errorf("new sealer: %w", err)
	}
	k := Subkey(dek, vaultID, recordPurpose)
	defer Wipe(k[:])
	aead, err := chacha20poly1305.NewX(k[:])
	if err != nil {
		panic("crypto: " + err.Error()) // impossible: the key size is fixed
	}
	s := &Sealer{aead: aead, keyVersion: keyVersion}
	copy(s.vaultID[:], vaultID)
	return s, nil
}

// KeyVersion returns the key version this Sealer writes and accepts.
func (s *Sealer) KeyVersion() uint32 { return s.keyVersion }

// Wipe drops the Sealer's key; Seal and Open fail afterwards. The AEAD
// keeps a private copy of its key that Go gives us no way to zero, so this
// only drops the reference and lets the garbage collector have it.
func (s *Sealer) Wipe() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.aead = nil
}

// Seal pads plaintext and seals it for recordID (an [IDSize]-byte id) with
// a fresh random nonce.
func (s *Sealer) Seal(recordID, plaintext []byte) ([]byte, error) {
	var nonce [chacha20poly1305.NonceSizeX]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return nil, fmt.Errorf("seal record: %w", err)
	}
	return s.sealWithNonce(recordID, plaintext, nonce[:])
}

// sealWithNonce is Seal with the nonce supplied, for known-answer tests.
// Production code must never reuse a nonce, so only Seal calls it.
func (s *Sealer) sealWithNonce(recordID, plaintext, nonce []byte) ([]byte, error) {
	if err := checkID("record", recordID); err != nil {
		return nil, fmt.Errorf("seal record: %w", err)
	}
	padded := Pad(plaintext)
	defer Wipe(padded)

	blob := make([]byte, recordSealedOff, recordSealedOff+len(padded)+chacha20poly1305.Overhead)
	blob[0] = RecordFormat
	binary.BigEndian.PutUint32(blob[recordVersionOff:], s.keyVersion)
	copy(blob[recordNonceOff:], nonce)

	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.aead == nil {
		return nil, errSealerWiped
	}
	var aad [recordAADSize]byte
	return s.aead.Seal(blob, nonce, padded, s.aad(&aad, recordID)), nil
}

// aad fills buf with RecordFormat | vaultID | recordID | keyVersion. The
// fields have fixed sizes, so the concatenation is unambiguous.
func (s *Sealer) aad(buf *[recordAADSize]byte, recordID []byte) []byte {
	buf[0] = RecordFormat
	copy(buf[1:], s.vaultID[:])
	copy(buf[1+IDSize:], recordID)
	binary.BigEndian.PutUint32(buf[1+2*IDSize:], s.keyVersion)
	return buf[:]
}

// Open authenticates and decrypts a blob made by [Sealer.Seal] for
// recordID, and removes the padding. It returns [ErrUnknownFormat] if the
// blob starts with a format byte this code does not know, and
// [ErrDamaged] for anything short, malformed, sealed for another record,
// vault or key version, or tampered with.
func (s *Sealer) Open(recordID, blob []byte) ([]byte, error) {
	if err := checkID("record", recordID); err != nil {
		return nil, fmt.Errorf("open record: %w", err)
	}
	if len(blob) == 0 {
		return nil, fmt.Errorf("%w: empty record", ErrDamaged)
	}
	if blob[0] != RecordFormat {
		return nil, fmt.Errorf("%w: record format %d", ErrUnknownFormat, blob[0])
	}
	if len(blob) < recordSealedOff+minPaddedLen+chacha20poly1305.Overhead {
		return nil, fmt.Errorf("%w: record is %d bytes", ErrDamaged, len(blob))
	}
	if v := binary.BigEndian.Uint32(blob[recordVersionOff:]); v != s.keyVersion {
		return nil, fmt.Errorf("%w: record has key version %d, sealer has %d", ErrDamaged, v, s.keyVersion)
	}

	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.aead == nil {
		return nil, errSealerWiped
	}
	var aad [recordAADSize]byte
	padded, err := s.aead.Open(nil, blob[recordNonceOff:recordSealedOff], blob[recordSealedOff:], s.aad(&aad, recordID))
	if err != nil {
		return nil, fmt.Errorf("%w: record authentication failed", ErrDamaged)
	}
	p, err := Unpad(padded)
	if err != nil {
		// Authentic but badly padded: only a buggy writer gets here.
		Wipe(padded)
		return nil, err
	}
	return p, nil
}

// RecordKeyVersion returns the key version a sealed record was written
// with, so that after a key rotation the caller can pick the right
// [Sealer]. It does not authenticate anything.
func RecordKeyVersion(blob []byte) (uint32, error) {
	if len(blob) == 0 {
		return 0, fmt.Errorf("%w: empty record", ErrDamaged)
	}
	if blob[0] != RecordFormat {
		return 0, fmt.Errorf("%w: record format %d", ErrUnknownFormat, blob[0])
	}
	if len(blob) < recordSealedOff {
		return 0, fmt.Errorf("%w: record is %d bytes", ErrDamaged, len(blob))
	}
	return binary.BigEndian.Uint32(blob[recordVersionOff:]), nil
}
