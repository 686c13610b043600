package crypto

import (
	"testing"
)

func BenchmarkSeal1K(b *testing.B) {
	s := newTestSealer(b, testDEK, testVaultID, 1)
	p := make([]byte, 1024)
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		if _, err := s.Seal(testRecordID, p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen1K(b *testing.B) {
	s := newTestSealer(b, testDEK, testVaultID, 1)
	p := make([]byte, 1024)
	blob, err := s.Seal(testRecordID, p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(p)))
	for b.Loop() {
		if _, err := s.Open(testRecordID, blob); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeriveKeyFloor is the least an unlock can cost, and the
// cheapest a guess at a passphrase can be for an attacker on this machine.
func BenchmarkDeriveKeyFloor(b *testing.B) {
	salt := seq(0, SaltSize)
	for b.Loop() {
		if _, err := DeriveKey([]byte("correct horse battery staple"), salt, MinKDFParams()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/derive")
}
