package crypto

import (
	"bytes"
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestKDFParamsCheck(t *testing.T) {
	floor := MinKDFParams()
	with := func(f func(*KDFParams)) KDFParams {
		p := floor
		f(&p)
		return p
	}
	tests := []struct {
		name string
		p    KDFParams
		ok   bool
	}{
		{"the floor is accepted", floor, true},
		{"the ceilings are accepted", KDFParams{MemoryKiB: 4 << 20, Time: 16, Threads: 16}, true},
		{"a single thread is accepted", with(func(p *KDFParams) { p.Threads = 1 }), true},
		{"memory below 64 MiB is refused", with(func(p *KDFParams) { p.MemoryKiB = 64<<10 - 1 }), false},
		{"memory above 4 GiB is refused", with(func(p *KDFParams) { p.MemoryKiB = 4<<20 + 1 }), false},
		{"time below 3 is refused", with(func(p *KDFParams) { p.Time = 2 }), false},
		{"time above 16 is refused", with(func(p *KDFParams) { p.Time = 17 }), false},
		{"zero threads are refused", with(func(p *KDFParams) { p.Threads = 0 }), false},
		{"more than 16 threads are refused", with(func(p *KDFParams) { p.Threads = 17 }), false},
		{"all zeros are refused", KDFParams{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Check()
			if tt.ok && err != nil {
				t.Errorf("Check(%+v) = %v", tt.p, err)
			}
			if !tt.ok && !errors.Is(err, ErrKDFParams) {
				t.Errorf("Check(%+v) = %v, want ErrKDFParams", tt.p, err)
			}
		})
	}
}

type argon2Vector struct {
	Comment    string
	Passphrase string // NFC
	Salt       hexBytes
	Params     KDFParams
	Key        hexBytes
}

// mixedScriptPassphrase has characters that NFC composes ("Å", "ö") and Cyrillic,
// which users of Rewire type. It is written here composed.
const mixedScriptPassphrase = "\u00c5ngstr\u00f6m \u043a\u043b\u044e\u0447"

func TestDeriveKeyKnownAnswer(t *testing.T) {
	v := loadVectors(t, "argon2id.json", func(t *testing.T) argon2Vector {
		v := argon2Vector{
			Comment:    "Argon2id at MinKDFParams of the NFC passphrase",
			Passphrase: mixedScriptPassphrase,
			Salt:       seq(0x01, SaltSize),
			Params:     MinKDFParams(),
		}
		k, err := DeriveKey([]byte(v.Passphrase), v.Salt, v.Params)
		if err != nil {
			t.Fatal(err)
		}
		v.Key = k[:]
		return v
	})
	if !norm.NFC.IsNormalString(v.Passphrase) {
		t.Fatal("vector passphrase is not NFC")
	}
	nfd := norm.NFD.String(v.Passphrase)
	if nfd == v.Passphrase {
		t.Fatal("NFD spelling is the same as NFC: the vector tests nothing")
	}
	for _, tt := range []struct{ name, passphrase string }{
		{"the NFC spelling derives the stored key", v.Passphrase},
		{"the NFD spelling derives the stored key", nfd},
	} {
		t.Run(tt.name, func(t *testing.T) {
			k, err := DeriveKey([]byte(tt.passphrase), v.Salt, v.Params)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(k[:], v.Key) {
				t.Errorf("key = %x, want %x", k[:], []byte(v.Key))
			}
		})
	}
}

func TestNFCAndNFDPassphrasesDeriveTheSameKey(t *testing.T) {
	// Two derivations per case run side by side; keep the table short,
	// each costs Argon2id at the floor.
	tests := []struct{ name, composed string }{
		{"a Swedish and Ukrainian passphrase", mixedScriptPassphrase},
		{"a Korean passphrase decomposed into jamo", "\ud55c\uad6d\uc5b4 \ube44\ubc00"},
	}
	salt := seq(0x30, SaltSize)
	for _, tt := range tests {
		t.Run(tt.name+" derives one key however it is typed", func(t *testing.T) {
			decomposed := norm.NFD.String(tt.composed)
			if decomposed == tt.composed {
				t.Fatal("NFD and NFC spellings are equal")
			}
			var keys [2]*[KeySize]byte
			var errs [2]error
			var wg sync.WaitGroup
			for i, s := range []string{tt.composed, decomposed} {
				wg.Go(func() { keys[i], errs[i] = DeriveKey([]byte(s), salt, MinKDFParams()) })
			}
			wg.Wait()
			if err := errors.Join(errs[:]...); err != nil {
				t.Fatal(err)
			}
			if *keys[0] != *keys[1] {
				t.Error("NFC and NFD spellings derived different keys")
			}
		})
	}
}

func TestDeriveKeyLeavesThePassphraseAlone(t *testing.T) {
	// A cheap check that needs no Argon2id: bad params fail first, and the
	// caller's buffer is never normalised or wiped in place.
	pass := []byte(norm.NFD.String(mixedScriptPassphrase))
	before := bytes.Clone(pass)
	if _, err := DeriveKey(pass, seq(0, SaltSize), KDFParams{}); !errors.Is(err, ErrKDFParams) {
		t.Fatalf("err = %v, want ErrKDFParams", err)
	}
	if !bytes.Equal(pass, before) {
		t.Error("DeriveKey modified the caller's passphrase")
	}
}

func TestDeriveKeyRefusesAWrongSizeSalt(t *testing.T) {
	for _, n := range []int{0, SaltSize - 1, SaltSize + 1} {
		if _, err := DeriveKey([]byte("x"), make([]byte, n), MinKDFParams()); err == nil {
			t.Errorf("salt of %d bytes accepted", n)
		}
	}
}

func TestOutOfBoundsKDFParamsAreRefusedBeforeAllocation(t *testing.T) {
	huge := func(mem, time uint32, threads uint8) KDFParams {
		return KDFParams{MemoryKiB: mem, Time: time, Threads: threads}
	}
	slotWith := func(p KDFParams) []byte {
		slot, err := sealPassphraseSlot(testDEK, []byte("pw"), MinKDFParams(), testVaultID, seq(0, SaltSize), seq(0, 24), cheapDerive)
		if err != nil {
			t.Fatal(err)
		}
		putParams(slot, p)
		return slot
	}
	tests := []struct {
		name string
		p    KDFParams
	}{
		{"two TiB of memory", huge(1<<31, 3, 4)},
		{"the largest memory a slot can name", huge(^uint32(0), 3, 4)},
		{"a billion passes", huge(64<<10, 1<<30, 4)},
		{"255 threads", huge(64<<10, 3, 255)},
		{"memory below the floor", huge(1024, 3, 4)},
	}
	const budget = 1 << 20 // far below the 64 MiB floor, let alone the ask
	for _, tt := range tests {
		for _, via := range []struct {
			name string
			call func() error
		}{
			{"DeriveKey", func() error { _, err := DeriveKey([]byte("pw"), seq(0, SaltSize), tt.p); return err }},
			{"OpenPassphraseSlot", func() error {
				slot := slotWith(tt.p)
				runtime.GC()
				_, err := OpenPassphraseSlot(slot, []byte("pw"), testVaultID)
				return err
			}},
		} {
			t.Run(via.name+" refuses "+tt.name+" without allocating it", func(t *testing.T) {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				start := time.Now()
				err := via.call()
				elapsed := time.Since(start)
				runtime.ReadMemStats(&after)
				if !errors.Is(err, ErrKDFParams) {
					t.Fatalf("err = %v, want ErrKDFParams", err)
				}
				if n := after.TotalAlloc - before.TotalAlloc; n > budget {
					t.Errorf("allocated %d bytes before refusing", n)
				}
				// Not a timing test: a generous bound that Argon2id at
				// these params could never meet, even on a fast machine.
				if elapsed > 5*time.Second {
					t.Errorf("took %v to refuse", elapsed)
				}
			})
		}
	}
}

// fakeMachine models Argon2id cost as linear in memory × passes.
type fakeMachine struct {
	floorCost time.Duration // what MinKDFParams takes
	calls     int
}

func (m *fakeMachine) measure(p KDFParams) time.Duration {
	m.calls++
	floor := MinKDFParams()
	scale := float64(p.MemoryKiB) / float64(floor.MemoryKiB) * float64(p.Time) / float64(floor.Time)
	return time.Duration(float64(m.floorCost) * scale)
}

func TestCalibrate(t *testing.T) {
	const target = 700 * time.Millisecond
	inWindow := func(d time.Duration) bool { return d >= target*7/10 && d <= target*14/10 }
	tests := []struct {
		name      string
		floorCost time.Duration
		check     func(t *testing.T, p KDFParams, d time.Duration)
	}{
		{"a slow machine stays at the floor", 2 * time.Second, func(t *testing.T, p KDFParams, d time.Duration) {
			if p != MinKDFParams() {
				t.Errorf("params = %+v, want the floor", p)
			}
		}},
		{"a machine already on target stays at the floor", target, func(t *testing.T, p KDFParams, d time.Duration) {
			if p != MinKDFParams() {
				t.Errorf("params = %+v, want the floor", p)
			}
		}},
		{"a moderately fast machine gets more memory only", 100 * time.Millisecond, func(t *testing.T, p KDFParams, d time.Duration) {
			if !inWindow(d) || p.MemoryKiB <= MinKDFParams().MemoryKiB || p.Time != MinKDFParams().Time {
				t.Errorf("params = %+v taking %v", p, d)
			}
		}},
		{"a fast machine gets 1 GiB, then more passes", 10 * time.Millisecond, func(t *testing.T, p KDFParams, d time.Duration) {
			if !inWindow(d) || p.MemoryKiB != 1<<20 || p.Time <= MinKDFParams().Time {
				t.Errorf("params = %+v taking %v", p, d)
			}
		}},
		{"an absurdly fast machine stops at the limits", time.Microsecond, func(t *testing.T, p KDFParams, d time.Duration) {
			if p.MemoryKiB != 1<<20 || p.Time != 16 {
				t.Errorf("params = %+v, want 1 GiB and 16 passes", p)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &fakeMachine{floorCost: tt.floorCost}
			var progress []float64
			p, err := calibrate(m.measure, target, func(f float64) { progress = append(progress, f) })
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Check(); err != nil {
				t.Errorf("calibrated params fail Check: %v", err)
			}
			if m.calls > calibrationSteps {
				t.Errorf("measured %d times, limit is %d", m.calls, calibrationSteps)
			}
			checkProgress(t, progress)
			tt.check(t, p, m.measure(p))
		})
	}
}

func TestCalibrateSurvivesANoisyClock(t *testing.T) {
	// Wild swings between samples must still give params within bounds.
	noise := []time.Duration{time.Millisecond, 5 * time.Second, 0, 300 * time.Millisecond, -time.Second}
	i := 0
	measure := func(KDFParams) time.Duration { i++; return noise[i%len(noise)] }
	p, err := calibrate(measure, 700*time.Millisecond, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Check(); err != nil || p.MemoryKiB > 1<<20 {
		t.Errorf("params = %+v (%v)", p, err)
	}
}

func TestCalibrateRefusesANonPositiveTarget(t *testing.T) {
	for _, target := range []time.Duration{0, -time.Second} {
		if _, err := calibrate((&fakeMachine{floorCost: time.Second}).measure, target, nil); err == nil {
			t.Errorf("target %v accepted", target)
		}
	}
}

func TestCalibrateOnThisMachineNeverGoesBelowTheFloor(t *testing.T) {
	// One real Argon2id run: a 1 ms target is unreachable, so Calibrate
	// measures the floor once and keeps it.
	var progress []float64
	p, err := Calibrate(time.Millisecond, func(f float64) { progress = append(progress, f) })
	if err != nil {
		t.Fatal(err)
	}
	if p != MinKDFParams() {
		t.Errorf("params = %+v, want the floor", p)
	}
	checkProgress(t, progress)
}

func checkProgress(t *testing.T, progress []float64) {
	t.Helper()
	if len(progress) == 0 || progress[0] != 0 || progress[len(progress)-1] != 1 {
		t.Errorf("progress = %v, want 0 … 1", progress)
	}
	for i := 1; i < len(progress); i++ {
		if progress[i] < progress[i-1] {
			t.Errorf("progress went backwards: %v", progress)
		}
	}
}
