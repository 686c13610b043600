package crypto

import (
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"fmt"
)

// Subkey derives a key bound to one purpose, such as "header mac v1" or
// "backup v1", with HKDF-SHA256(dek, salt=vaultID, info="rewire "+purpose).
// Every use of key material goes through a distinct purpose, so no two
// algorithms ever share a key and a version bump in the purpose string
// retires old keys cleanly. The caller wipes the result.
func Subkey(dek *DataKey, vaultID []byte, purpose string) *[KeySize]byte {
	out, err := hkdf.Key(sha256.New, dek[:], vaultID, "rewire "+purpose, KeySize)
	if err != nil {
		// Impossible: hkdf only fails for outputs longer than 255 hashes.
		panic(fmt.Sprintf("crypto: hkdf: %v", err))
	}
	k := new([KeySize]byte)
	copy(k[:], out)
	Wipe(out)
	return k
}

// headerMACPurpose keys HeaderMAC.
const headerMACPurpose = "header mac v1"

// HeaderMAC returns HMAC-SHA256 over header, keyed with the vault's
// "header mac v1" subkey. It authenticates plaintext metadata that must be
// readable before unlock but must not be silently changed afterwards.
func HeaderMAC(dek *DataKey, vaultID, header []byte) []byte {
	k := Subkey(dek, vaultID, headerMACPurpose)
	defer Wipe(k[:])
	m := hmac.New(sha256.New, k[:])
	m.Write(header)
	return m.Sum(nil)
}

// VerifyHeaderMAC checks mac against [HeaderMAC] in constant time and
// returns [ErrDamaged] on mismatch.
func VerifyHeaderMAC(dek *DataKey, vaultID, header, mac []byte) error {
	if !hmac.Equal(HeaderMAC(dek, vaultID, header), mac) {
		return fmt.Errorf("%w: header authentication failed", ErrDamaged)
	}
	return nil
}
