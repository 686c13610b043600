package crypto

import (
	"fmt"
	"math/bits"
)

// minPaddedLen is the smallest bucket. Most journal entries are short, and
// below 256 bytes their exact length says a lot (a "yes", a name, a date);
// one bucket for all of them hides that at a cost nobody notices.
const minPaddedLen = 256

// PaddedLen returns the length [Pad] produces for n bytes of plaintext.
//
// Buckets follow Padmé (Nikitin et al., "Reducing Metadata Leakage from
// Encrypted Files and Communication with PURBs", PETS 2019): a length L is
// rounded up so that only its top ⌊log₂ E⌋+1 bits can be non-zero, where
// E = ⌊log₂ L⌋. A padded length then reveals O(log log n) bits about the
// plaintext length instead of O(log n), while the overhead stays below
// about 12% (unlike powers of two, which can nearly double a record).
// Rewire pads n+1 bytes, for the mandatory 0x80 marker, with a minimum
// bucket of 256 bytes.
func PaddedLen(n int) int {
	n = max(n, 0)
	return max(padme(n+1), minPaddedLen)
}

// padme rounds l up to the next Padmé bucket.
func padme(l int) int {
	if l < 2 {
		return l
	}
	e := bits.Len(uint(l)) - 1 // ⌊log₂ l⌋
	s := bits.Len(uint(e))     // ⌊log₂ e⌋ + 1
	mask := 1<<(e-s) - 1
	return (l + mask) &^ mask
}

// Pad returns a new slice holding p followed by 0x80 and zeros up to
// [PaddedLen](len(p)) bytes. The 0x80 marker (ISO/IEC 7816-4) makes the
// padding unambiguous: plaintext may itself end in zeros.
func Pad(p []byte) []byte {
	out := make([]byte, PaddedLen(len(p)))
	copy(out, p)
	out[len(p)] = 0x80
	return out
}

// Unpad reverses [Pad], returning a subslice of p. It returns [ErrDamaged]
// unless p is exactly what Pad would have produced: the marker is present
// and the length is the canonical bucket for the content. Being strict
// means there is one padded form per plaintext.
func Unpad(p []byte) ([]byte, error) {
	i := len(p) - 1
	for i >= 0 && p[i] == 0 {
		i--
	}
	if i < 0 || p[i] != 0x80 {
		return nil, fmt.Errorf("%w: missing padding marker", ErrDamaged)
	}
	if PaddedLen(i) != len(p) {
		return nil, fmt.Errorf("%w: padded length %d is not the bucket for %d bytes", ErrDamaged, len(p), i)
	}
	return p[:i], nil
}
