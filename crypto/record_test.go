package crypto

import (
	"bytes"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

func newTestSealer(t testing.TB, dek *DataKey, vaultID []byte, keyVersion uint32) *Sealer {
	t.Helper()
	s, err := NewSealer(dek, vaultID, keyVersion)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type recordVector struct {
	Name       string
	DEK        hexBytes
	VaultID    hexBytes
	RecordID   hexBytes
	KeyVersion uint32
	Nonce      hexBytes
	Plaintext  hexBytes
	Blob       hexBytes
}

func TestRecordKnownAnswer(t *testing.T) {
	vs := loadVectors(t, "records.json", func(t *testing.T) []recordVector {
		var vs []recordVector
		for _, v := range []recordVector{
			{Name: "an empty record", KeyVersion: 1, Plaintext: []byte{}},
			{Name: "a short entry", KeyVersion: 1, Plaintext: []byte("Dear diary, today I rewired.")},
			{Name: "an entry past the minimum bucket under key version 7", KeyVersion: 7,
				Plaintext: []byte(strings.Repeat("Сьогодні був добрий день. ", 12))},
		} {
			v.DEK, v.VaultID, v.RecordID, v.Nonce = testDEK[:], testVaultID, testRecordID, seq(0xc0, 24)
			blob, err := newTestSealer(t, testDEK, v.VaultID, v.KeyVersion).sealWithNonce(v.RecordID, v.Plaintext, v.Nonce)
			if err != nil {
				t.Fatal(err)
			}
			v.Blob = blob
			vs = append(vs, v)
		}
		return vs
	})
	for _, v := range vs {
		s := newTestSealer(t, v.DEK.dataKey(t), v.VaultID, v.KeyVersion)
		t.Run(v.Name+" seals to the stored blob", func(t *testing.T) {
			blob, err := s.sealWithNonce(v.RecordID, v.Plaintext, v.Nonce)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(blob, v.Blob) {
				t.Errorf("blob = %x\nwant   %x", blob, []byte(v.Blob))
			}
		})
		t.Run(v.Name+" opens from the stored blob", func(t *testing.T) {
			got, err := s.Open(v.RecordID, v.Blob)
			if err != nil || !bytes.Equal(got, v.Plaintext) {
				t.Errorf("Open = %q, %v; want %q", got, err, []byte(v.Plaintext))
			}
		})
	}
}

func TestSealerRoundTrips(t *testing.T) {
	s := newTestSealer(t, testDEK, testVaultID, 1)
	tests := []struct {
		name string
		p    []byte
	}{
		{"an empty record", nil},
		{"one byte", []byte{0}},
		{"a record ending in zeros", []byte("abc\x00\x00")},
		{"a record ending in the padding marker", []byte("abc\x80")},
		{"a Ukrainian entry", []byte("Я вдячна за цей ранок.")},
		{"a 255-byte record that fills the first bucket", bytes.Repeat([]byte{'a'}, 255)},
		{"a 100 KiB record", bytes.Repeat([]byte("0123456789abcdef"), 6400)},
	}
	for _, tt := range tests {
		t.Run(tt.name+" opens to what was sealed", func(t *testing.T) {
			blob, err := s.Seal(testRecordID, tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if want := 1 + 4 + 24 + PaddedLen(len(tt.p)) + 16; len(blob) != want {
				t.Errorf("blob is %d bytes, want %d", len(blob), want)
			}
			if v, err := RecordKeyVersion(blob); v != 1 || err != nil {
				t.Errorf("RecordKeyVersion = %d, %v", v, err)
			}
			got, err := s.Open(testRecordID, blob)
			if err != nil || !bytes.Equal(got, tt.p) {
				t.Errorf("Open = %q, %v", got, err)
			}
		})
	}
}

func TestEveryFlippedByteInRecordBlobIsDetected(t *testing.T) {
	s := newTestSealer(t, testDEK, testVaultID, 1)
	secret := []byte("the plaintext that must not come back")
	blob, err := s.Seal(testRecordID, secret)
	if err != nil {
		t.Fatal(err)
	}
	for _, mask := range []byte{0x01, 0x80, 0xff} {
		for i := range blob {
			bad := bytes.Clone(blob)
			bad[i] ^= mask
			got, err := s.Open(testRecordID, bad)
			if err == nil || got != nil {
				t.Errorf("flipping byte %d with %#02x went unnoticed", i, mask)
			}
			if i > 0 && !errors.Is(err, ErrDamaged) {
				t.Errorf("flipping byte %d: err = %v, want ErrDamaged", i, err)
			}
		}
	}
	for n := range len(blob) {
		if got, err := s.Open(testRecordID, blob[:n]); err == nil || got != nil {
			t.Errorf("blob cut to %d bytes opened", n)
		}
	}
	if got, err := s.Open(testRecordID, append(bytes.Clone(blob), 0)); !errors.Is(err, ErrDamaged) || got != nil {
		t.Errorf("blob with a byte appended: %v", err)
	}
}

func TestBlobMovedToAnotherRecordIDFails(t *testing.T) {
	s := newTestSealer(t, testDEK, testVaultID, 1)
	blob, err := s.Seal(testRecordID, []byte("Monday"))
	if err != nil {
		t.Fatal(err)
	}
	other := bytes.Clone(testRecordID)
	other[IDSize-1] ^= 1
	if got, err := s.Open(other, blob); !errors.Is(err, ErrDamaged) || got != nil {
		t.Errorf("Open under another record id = %q, %v; want ErrDamaged", got, err)
	}
}

func TestBlobMovedToAnotherVaultFails(t *testing.T) {
	blob, err := newTestSealer(t, testDEK, testVaultID, 1).Seal(testRecordID, []byte("Monday"))
	if err != nil {
		t.Fatal(err)
	}
	otherDEK := DataKey(*testDEK)
	otherDEK[31] ^= 1
	tests := []struct {
		name    string
		dek     *DataKey
		vaultID []byte
	}{
		{"a vault with the same data key but another id", testDEK, otherVaultID},
		{"a vault with the same id but another data key", &otherDEK, testVaultID},
	}
	for _, tt := range tests {
		t.Run(tt.name+" cannot open the blob", func(t *testing.T) {
			got, err := newTestSealer(t, tt.dek, tt.vaultID, 1).Open(testRecordID, blob)
			if !errors.Is(err, ErrDamaged) || got != nil {
				t.Errorf("Open = %q, %v; want ErrDamaged", got, err)
			}
		})
	}
}

func TestBlobUnderAnotherKeyVersionFails(t *testing.T) {
	blob, err := newTestSealer(t, testDEK, testVaultID, 1).Seal(testRecordID, []byte("Monday"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := newTestSealer(t, testDEK, testVaultID, 2).Open(testRecordID, blob); !errors.Is(err, ErrDamaged) || got != nil {
		t.Errorf("Open = %q, %v; want ErrDamaged", got, err)
	}
}

func TestOpenReportsUnknownFormat(t *testing.T) {
	s := newTestSealer(t, testDEK, testVaultID, 1)
	blob, err := s.Seal(testRecordID, []byte("Monday"))
	if err != nil {
		t.Fatal(err)
	}
	blob[0] = RecordFormat + 1
	if _, err := s.Open(testRecordID, blob); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("Open = %v, want ErrUnknownFormat", err)
	}
	if _, err := RecordKeyVersion(blob); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("RecordKeyVersion = %v, want ErrUnknownFormat", err)
	}
}

func TestSealerRefusesWrongSizeIDs(t *testing.T) {
	if _, err := NewSealer(testDEK, []byte("short"), 1); err == nil {
		t.Error("NewSealer accepted a 5-byte vault id")
	}
	s := newTestSealer(t, testDEK, testVaultID, 1)
	if _, err := s.Seal([]byte("short"), nil); err == nil {
		t.Error("Seal accepted a 5-byte record id")
	}
	if _, err := s.Open(nil, nil); err == nil {
		t.Error("Open accepted a nil record id")
	}
}

func TestNonceUniquenessOverAMillionSeals(t *testing.T) {
	const total = 1_000_000
	s := newTestSealer(t, testDEK, testVaultID, 1)
	workers := runtime.GOMAXPROCS(0)
	nonces := make([][24]byte, total)
	var wg sync.WaitGroup
	errs := make([]error, workers)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < total; i += workers {
				blob, err := s.Seal(testRecordID, nil)
				if err != nil {
					errs[w] = err
					return
				}
				nonces[i] = [24]byte(blob[recordNonceOff:recordSealedOff])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(nonces, func(a, b [24]byte) int { return bytes.Compare(a[:], b[:]) })
	for i := 1; i < total; i++ {
		if nonces[i] == nonces[i-1] {
			t.Fatalf("nonce %x repeated", nonces[i])
		}
	}
}

func TestSealerIsSafeForConcurrentUse(t *testing.T) {
	s := newTestSealer(t, testDEK, testVaultID, 1)
	blob, err := s.Seal(testRecordID, []byte("shared"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if _, err := s.Open(testRecordID, blob); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.Seal(testRecordID, []byte("mine")); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestWipedSealerRefusesToWork(t *testing.T) {
	s := newTestSealer(t, testDEK, testVaultID, 1)
	blob, err := s.Seal(testRecordID, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	s.Wipe()
	if _, err := s.Seal(testRecordID, []byte("x")); err == nil {
		t.Error("Seal worked after Wipe")
	}
	if got, err := s.Open(testRecordID, blob); err == nil || got != nil {
		t.Error("Open worked after Wipe")
	}
}
