package crypto

import (
	"bytes"
	"errors"
	"testing"
)

type paddingVector struct {
	N         int
	PaddedLen int
}

func TestPaddedLenKnownAnswer(t *testing.T) {
	vs := loadVectors(t, "padding.json", func(t *testing.T) []paddingVector {
		var vs []paddingVector
		for _, n := range []int{0, 1, 100, 254, 255, 256, 257, 271, 272, 300, 511, 512, 1000, 1023, 1024, 1025,
			4095, 4096, 10000, 65535, 65536, 1<<20 - 1, 1 << 20, 12345678} {
			vs = append(vs, paddingVector{n, PaddedLen(n)})
		}
		return vs
	})
	for _, v := range vs {
		if got := PaddedLen(v.N); got != v.PaddedLen {
			t.Errorf("PaddedLen(%d) = %d, want %d", v.N, got, v.PaddedLen)
		}
		if got := len(Pad(make([]byte, v.N))); got != v.PaddedLen {
			t.Errorf("len(Pad(%d bytes)) = %d, want %d", v.N, got, v.PaddedLen)
		}
	}
}

func TestPaddedLenFollowsPadme(t *testing.T) {
	// Worked by hand from the paper's definition, independently of the
	// stored vectors: L = n+1; E = ⌊log₂ L⌋; S = ⌊log₂ E⌋+1; round L up to
	// a multiple of 2^(E−S).
	tests := []struct {
		name string
		n    int
		want int
	}{
		{"an empty record fills the minimum bucket", 0, 256},
		{"255 bytes and the marker fill exactly 256", 255, 256},
		{"256 bytes spill into the next bucket of 16", 256, 272},
		{"1000 bytes round up to a multiple of 32", 1000, 1024},
		{"1024 bytes spill into the next bucket of 64", 1024, 1088},
		{"a negative length is treated as empty", -5, 256},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PaddedLen(tt.n); got != tt.want {
				t.Errorf("PaddedLen(%d) = %d, want %d", tt.n, got, tt.want)
			}
		})
	}
}

func TestPaddingOverheadIsAtMostTwelvePercent(t *testing.T) {
	for n := minPaddedLen; n < 1<<22; n += 1 + n/97 {
		if over := float64(PaddedLen(n)-n) / float64(n); over > 0.12 {
			t.Fatalf("PaddedLen(%d) = %d, overhead %.1f%%", n, PaddedLen(n), over*100)
		}
	}
}

func TestPadRoundTrips(t *testing.T) {
	tests := []struct {
		name string
		p    []byte
	}{
		{"an empty plaintext", nil},
		{"a plaintext ending in zeros", []byte{'a', 0, 0, 0}},
		{"a plaintext ending in the marker byte", []byte{0x80, 0x80}},
		{"a plaintext that exactly fills its bucket", bytes.Repeat([]byte{'x'}, 255)},
		{"a plaintext one past its bucket", bytes.Repeat([]byte{0}, 256)},
	}
	for _, tt := range tests {
		t.Run(tt.name+" survives Pad and Unpad", func(t *testing.T) {
			got, err := Unpad(Pad(tt.p))
			if err != nil || !bytes.Equal(got, tt.p) {
				t.Errorf("Unpad(Pad(%x)) = %x, %v", tt.p, got, err)
			}
		})
	}
	for n := range 2000 {
		p := bytes.Repeat([]byte{0}, n)
		if got, err := Unpad(Pad(p)); err != nil || len(got) != n {
			t.Fatalf("%d zero bytes: got %d bytes, %v", n, len(got), err)
		}
	}
}

func TestUnpadRefusesBadPadding(t *testing.T) {
	nonCanonical := Pad([]byte("hi"))
	nonCanonical = append(nonCanonical, make([]byte, 16)...)
	noMarker := Pad([]byte("hi"))
	noMarker[2] = 0x81
	tests := []struct {
		name string
		p    []byte
	}{
		{"an empty buffer", nil},
		{"all zeros", make([]byte, 256)},
		{"a wrong marker byte", noMarker},
		{"a buffer longer than its bucket", nonCanonical},
		{"a buffer shorter than the minimum bucket", []byte("hi\x80")},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is damaged", func(t *testing.T) {
			if _, err := Unpad(tt.p); !errors.Is(err, ErrDamaged) {
				t.Errorf("err = %v, want ErrDamaged", err)
			}
		})
	}
}
