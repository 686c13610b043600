// Package crypto holds every cryptographic decision Rewire makes: the
// Argon2id passphrase KDF and its calibration, key slots that wrap the
// random data key (one per passphrase, one for the recovery kit), the
// sealing of journal records, length padding, the age-based recovery kit,
// and purpose-bound subkeys.
//
// # Formats
//
// A sealed record is
//
//	RecordFormat(1) | keyVersion(4, BE) | nonce(24) | XChaCha20-Poly1305(Pad(plaintext))
//
// authenticated together with the vault id, the record id and the key
// version, so a blob cannot be moved between records or vaults unnoticed.
//
// A passphrase slot is
//
//	version(1)=1 | kind(1)=1 | memKiB(4, BE) | time(4, BE) | threads(1) | salt(16) | nonce(24) | XChaCha20-Poly1305(dek)
//
// with the header bound as associated data, so KDF parameters cannot be
// lowered by whoever can write the slot. A recovery slot is
//
//	version(1)=1 | kind(1)=2 | age(X25519, vaultID(16) | dek(32))
//
// # What must not live here
//
// No I/O beyond crypto/rand, no cgo (the package builds with
// CGO_ENABLED=0), and no imports of other Rewire packages: everything else
// depends on this package, never the other way round. Note that the package
// name shadows the standard library's crypto; import it with an alias where
// both are needed.
package crypto

import "errors"

const (
	// KeySize is the size of the data key and of every subkey.
	KeySize = 32
	// IDSize is the size of vault and record ids.
	IDSize = 16
	// RecordFormat is the first byte of every sealed record blob.
	RecordFormat byte = 1
)

// Sentinel errors. Their messages, and the details wrapped around them,
// never contain secrets or plaintext: callers show them to users and write
// them to logs.
var (
	ErrWrongPassphrase  = errors.New("wrong passphrase")
	ErrWrongRecoveryKit = errors.New("recovery kit does not match this vault")
	// ErrDamaged means a record or slot failed authentication or is
	// malformed. The two are deliberately not told apart.
	ErrDamaged       = errors.New("damaged or tampered data")
	ErrKDFParams     = errors.New("key derivation parameters out of bounds")
	ErrUnknownFormat = errors.New("unknown format version")
	ErrRecoveryKit   = errors.New("not a valid recovery kit")
)
