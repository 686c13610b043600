package crypto

import (
	"crypto/rand"
	"fmt"
	"runtime"
)

// DataKey is the random key that encrypts a vault. It never leaves memory
// unwrapped: key slots store it encrypted under a passphrase or the
// recovery kit, so changing a passphrase never re-encrypts records.
type DataKey [KeySize]byte

// NewDataKey returns a fresh random data key from crypto/rand.
func NewDataKey() (*DataKey, error) {
	k := new(DataKey)
	if _, err := rand.Read(k[:]); err != nil {
		return nil, fmt.Errorf("new data key: %w", err)
	}
	return k, nil
}

// Wipe zeroes the key. Call it when the vault locks.
func (k *DataKey) Wipe() {
	if k == nil {
		return
	}
	Wipe(k[:])
}

// Wipe zeroes b.
//
// This is best effort. Go gives no way to pin or lock memory: the garbage
// collector may already have copied the bytes elsewhere, the stack may have
// been grown (and copied), strings and library internals keep their own
// copies, and the page may have been swapped out. Wiping still shortens the
// window in which a key or passphrase sits in a heap dump, which is the
// point.
func Wipe(b []byte) {
	clear(b)
	// Keep the compiler from proving the stores dead and dropping them.
	runtime.KeepAlive(b)
}
