package crypto

import (
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/text/unicode/norm"
)

// SaltSize is the size of the Argon2id salt stored in a passphrase slot.
const SaltSize = 16

// Bounds on KDF parameters. The floor is RFC 9106's second recommended
// option (64 MiB, t=3, p=4); nothing weaker is ever written or accepted.
// The ceilings exist because parameters are read from disk: a tampered or
// corrupted slot must not be able to make us allocate terabytes or spin for
// hours before authentication has a chance to fail.
const (
	minMemoryKiB = 64 << 10 // 64 MiB
	minTime      = 3
	minThreads   = 4
	maxMemoryKiB = 4 << 20 // 4 GiB
	maxTime      = 16
	maxThreads   = 16

	// maxCalibratedMemoryKiB caps what Calibrate picks: beyond 1 GiB a
	// journal would fail to unlock on a smaller machine restoring a backup,
	// so extra cost goes into time instead.
	maxCalibratedMemoryKiB = 1 << 20
)

// KDFParams are Argon2id cost parameters. They are stored in each
// passphrase slot so they can grow over time without breaking old slots.
type KDFParams struct {
	MemoryKiB uint32
	Time      uint32
	Threads   uint8
}

// MinKDFParams returns the weakest parameters Rewire accepts: 64 MiB, t=3,
// p=4, the second recommended option of RFC 9106.
func MinKDFParams() KDFParams {
	return KDFParams{MemoryKiB: minMemoryKiB, Time: minTime, Threads: minThreads}
}

// Check returns an error wrapping [ErrKDFParams] if p is below the floor of
// [MinKDFParams] in memory or time, or above the ceilings (4 GiB, t=16,
// 16 threads). Threads may be fewer than the floor's 4: parallelism changes
// the output, not the attacker's cost per guess, and a slot written on a
// small machine must still open. Check allocates nothing, so it is safe to
// call on parameters read from untrusted bytes before deriving anything.
func (p KDFParams) Check() error {
	switch {
	case p.MemoryKiB < minMemoryKiB:
		return fmt.Errorf("%w: memory %d KiB is below %d KiB", ErrKDFParams, p.MemoryKiB, minMemoryKiB)
	case p.MemoryKiB > maxMemoryKiB:
		return fmt.Errorf("%w: memory %d KiB is above %d KiB", ErrKDFParams, p.MemoryKiB, maxMemoryKiB)
	case p.Time < minTime:
		return fmt.Errorf("%w: time %d is below %d", ErrKDFParams, p.Time, minTime)
	case p.Time > maxTime:
		return fmt.Errorf("%w: time %d is above %d", ErrKDFParams, p.Time, maxTime)
	case p.Threads == 0:
		return fmt.Errorf("%w: zero threads", ErrKDFParams)
	case p.Threads > maxThreads:
		return fmt.Errorf("%w: %d threads is above %d", ErrKDFParams, p.Threads, maxThreads)
	}
	return nil
}

// DeriveKey derives a key from passphrase with Argon2id.
//
// The passphrase is normalised to Unicode NFC first, because the same
// passphrase typed on different keyboards or systems can arrive composed
// ("Å") or decomposed ("A" + ring): without normalisation a user could be
// locked out of their own journal. The normalised copy is wiped before
// returning; the caller still owns and wipes passphrase. salt must be
// [SaltSize] bytes. p is checked before any memory is allocated.
func DeriveKey(passphrase, salt []byte, p KDFParams) (*[KeySize]byte, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	if len(salt) != SaltSize {
		return nil, fmt.Errorf("derive key: salt is %d bytes, want %d", len(salt), SaltSize)
	}
	// NFC can expand a string at most threefold; reserving that up front
	// keeps Append from reallocating and leaving an unwiped partial copy
	// behind.
	buf := make([]byte, 0, 3*len(passphrase)+8)
	normalised := norm.NFC.Append(buf, passphrase...)
	makeRoomForKDF()
	out := argon2.IDKey(normalised, salt, p.Time, p.MemoryKiB, p.Threads, KeySize)
	Wipe(normalised)
	Wipe(buf[:cap(buf)])
	releaseKDFMemory()

	key := new([KeySize]byte)
	copy(key[:], out)
	Wipe(out)
	return key, nil
}

// Calibrate picks KDF parameters that take about target (700 ms is a good
// unlock time) on this machine, never below [MinKDFParams]. It starts at
// the floor, measures, and grows memory up to 1 GiB, then time, until one
// derivation lands within [0.7·target, 1.4·target] or the limits are
// reached. progress, if not nil, is called with values from 0 to 1; it runs
// on the calling goroutine, so UI callers must hop to their UI thread.
//
// Calibrate runs Argon2id several times and takes seconds; never call it on
// a UI goroutine.
func Calibrate(target time.Duration, progress func(float64)) (KDFParams, error) {
	return calibrate(measureArgon2id, target, progress)
}

func measureArgon2id(p KDFParams) time.Duration {
	var salt [SaltSize]byte
	start := time.Now()
	argon2.IDKey([]byte("rewire calibration"), salt[:], p.Time, p.MemoryKiB, p.Threads, KeySize)
	d := time.Since(start)
	releaseKDFMemory()
	return d
}

// releaseKDFMemory hands Argon2id's memory (64 MiB or more, garbage once
// IDKey returns) back to the operating system at once. Left to the
// collector, it stays in the heap until the heap doubles again: the records
// decrypted right after an unlock would be laid on top of it, and a second
// attempt after a typo would take a second block, so the app's peak memory
// would hold two or three KDF blocks. It also means the block, which held
// values derived from the passphrase, is unmapped rather than left lying
// in the heap. It costs one collection of a small heap: a few ms against
// the KDF's 150 ms or more.
func releaseKDFMemory() { debug.FreeOSMemory() }

// makeRoomForKDF returns the heap's garbage and free pages to the operating
// system just before Argon2id takes its block, so the process's peak memory
// is what it needs plus the block, not that plus whatever garbage the
// screens left since the last collection (about 10 MB on the unlock
// screen). Same cost as releaseKDFMemory.
func makeRoomForKDF() { debug.FreeOSMemory() }

// calibrationSteps bounds the number of measurements. Each one costs up to
// 1.4·target, so this also bounds how long Calibrate can take.
const calibrationSteps = 10

// calibrate is Calibrate with the clock injected, so tests can drive it
// with a model of a fast or slow machine.
func calibrate(measure func(KDFParams) time.Duration, target time.Duration, progress func(float64)) (KDFParams, error) {
	if target <= 0 {
		return KDFParams{}, errors.New("calibrate: target must be positive")
	}
	report := func(f float64) {
		if progress != nil {
			progress(f)
		}
	}
	floor := MinKDFParams()
	lo, hi := target*7/10, target*14/10

	p := floor
	// best is the costliest measured setting that was not too slow; it is
	// what we fall back on if the steps run out while overshooting.
	best, bestD := floor, time.Duration(0)
	for step := 0; step < calibrationSteps; step++ {
		report(float64(step) / calibrationSteps)
		d := max(measure(p), time.Nanosecond)
		if d <= hi && d > bestD {
			best, bestD = p, d
		}
		if d >= lo && d <= hi {
			break
		}
		next := p
		ratio := float64(target) / float64(d)
		if d < lo {
			// One sample is noisy; never jump more than 4x on it.
			ratio = min(ratio, 4)
			if p.MemoryKiB < maxCalibratedMemoryKiB {
				next.MemoryKiB = roundMiB(float64(p.MemoryKiB)*ratio, p.MemoryKiB, maxCalibratedMemoryKiB)
			} else if p.Time < maxTime {
				t := uint32(math.Round(float64(p.Time) * ratio))
				next.Time = min(max(t, p.Time+1), maxTime)
			}
		} else {
			// Too slow. Back off, time first, never below the floor.
			if p.Time > floor.Time {
				t := uint32(math.Round(float64(p.Time) * ratio))
				next.Time = max(min(t, p.Time-1), floor.Time)
			} else if p.MemoryKiB > floor.MemoryKiB {
				next.MemoryKiB = roundMiB(float64(p.MemoryKiB)*ratio, floor.MemoryKiB, p.MemoryKiB)
			}
		}
		if next == p {
			break // at a limit: nothing left to grow or shrink
		}
		p = next
	}
	report(1)
	if err := best.Check(); err != nil {
		// Impossible: every candidate is clamped between floor and ceilings.
		panic("crypto: calibrate produced " + err.Error())
	}
	return best, nil
}

// roundMiB rounds kib to whole MiB and clamps it to [lo, hi].
func roundMiB(kib float64, lo, hi uint32) uint32 {
	m := uint32(math.Round(kib/1024)) * 1024
	return min(max(m, lo), hi)
}
