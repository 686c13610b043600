package crypto

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"filippo.io/age"
)

func FuzzOpen(f *testing.F) {
	s := newTestSealer(f, testDEK, testVaultID, 1)
	// made holds every blob this Sealer produced: Open may succeed on
	// those and on nothing else. Nonces are fixed because each fuzzing
	// worker runs this setup again and must make the same blobs.
	made := map[string]bool{}
	for i, p := range []string{"", "Dear diary", strings.Repeat("x", 300)} {
		blob, err := s.sealWithNonce(testRecordID, []byte(p), seq(byte(i), 24))
		if err != nil {
			f.Fatal(err)
		}
		made[string(blob)] = true
		f.Add(testRecordID, blob)
		f.Add(testRecordID, blob[:len(blob)-1])
		flipped := bytes.Clone(blob)
		flipped[len(flipped)/2] ^= 1
		f.Add(testRecordID, flipped)
		f.Add(otherVaultID, blob)
	}
	f.Add(testRecordID, []byte{})
	f.Add(testRecordID, []byte{RecordFormat})
	f.Add(testRecordID, []byte{2, 0, 0, 0, 1})
	f.Add([]byte("short"), []byte{RecordFormat})

	f.Fuzz(func(t *testing.T, recordID, blob []byte) {
		got, err := s.Open(recordID, blob)
		if err != nil {
			if got != nil {
				t.Fatal("Open returned plaintext with an error")
			}
			return
		}
		if !made[string(blob)] || !bytes.Equal(recordID, testRecordID) {
			t.Fatalf("Open accepted a blob it did not make: %x", blob)
		}
	})
}

func FuzzUnwrapSlot(f *testing.F) {
	// Passphrase slots go through cheapDerive: the fuzzer would otherwise
	// spend 0.2 s of Argon2id on every input whose params pass Check, and
	// find nothing, since DeriveKey is reached only after parsing and
	// Check, which are what is being fuzzed.
	pass := []byte("pw")
	pslot, err := sealPassphraseSlot(testDEK, pass, MinKDFParams(), testVaultID, seq(0, SaltSize), seq(0, 24), cheapDerive)
	if err != nil {
		f.Fatal(err)
	}
	id, err := age.ParseX25519Identity("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")
	if err != nil {
		f.Fatal(err)
	}
	rslot, err := SealRecoverySlot(testDEK, id.Recipient(), testVaultID)
	if err != nil {
		f.Fatal(err)
	}

	f.Add(pslot, pass)
	f.Add(pslot, []byte("wrong"))
	f.Add(rslot, pass)
	absurd := bytes.Clone(pslot)
	putParams(absurd, KDFParams{MemoryKiB: 1 << 31, Time: 1 << 30, Threads: 255})
	f.Add(absurd, pass)
	f.Add(pslot[:40], pass)
	f.Add(rslot[:len(rslot)/2], pass)
	f.Add([]byte{1, 2}, pass)
	f.Add([]byte{1, 2, 'a', 'g', 'e'}, pass)
	f.Add([]byte{9, 9, 9}, pass)
	f.Add([]byte{}, pass)

	f.Fuzz(func(t *testing.T, slot, passphrase []byte) {
		kind, kindErr := SlotKindOf(slot)
		p, pErr := SlotKDFParams(slot)
		if pErr == nil && (kindErr != nil || kind != SlotPassphrase) {
			t.Fatalf("SlotKDFParams parsed %+v from a non-passphrase slot", p)
		}
		dek, err := openPassphraseSlot(slot, passphrase, testVaultID, cheapDerive)
		if err == nil && (!bytes.Equal(slot, pslot) || *dek != *testDEK) {
			t.Fatalf("opened a passphrase slot it did not make: %x", slot)
		}
		if err == nil && p.Check() != nil {
			t.Fatalf("opened a slot with params %+v that fail Check", p)
		}
		// Anyone holding the recipient can make a recovery slot (and age
		// slots are randomised, so each fuzzing worker's seed differs),
		// so the property is only that what opens is the key sealed.
		dek, err = OpenRecoverySlot(slot, id, testVaultID)
		if err == nil && *dek != *testDEK {
			t.Fatalf("a recovery slot opened to another key: %x", slot)
		}
		if err != nil && dek != nil {
			t.Fatal("OpenRecoverySlot returned a key with an error")
		}
	})
}

func FuzzUnpad(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0x80})
	f.Add(Pad(nil))
	f.Add(Pad([]byte("hello\x00\x80")))
	f.Add(make([]byte, 256))
	f.Add(append(Pad([]byte("x")), 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, err := Unpad(Pad(data)); err != nil || !bytes.Equal(got, data) {
			t.Fatalf("Unpad(Pad(x)) = %x, %v", got, err)
		}
		got, err := Unpad(data)
		if err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("err = %v, want ErrDamaged", err)
			}
			return
		}
		// There is exactly one padded form of each plaintext.
		if !bytes.Equal(Pad(got), data) {
			t.Fatalf("Unpad accepted a non-canonical padding of %x", got)
		}
	})
}

func FuzzParseRecoveryKit(f *testing.F) {
	id, err := age.ParseX25519Identity("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")
	if err != nil {
		f.Fatal(err)
	}
	kit := FormatRecoveryKit(id, testVaultID, kitCreated)
	f.Add(kit)
	f.Add(bytes.ReplaceAll(kit, []byte("\n"), []byte("\r\n")))
	f.Add([]byte(id.String()))
	f.Add([]byte(strings.ToLower(id.String())))
	f.Add([]byte(id.Recipient().String()))
	f.Add([]byte("# nothing here\n"))
	f.Add([]byte("AGE-SECRET-KEY-1\nAGE-SECRET-KEY-1"))
	f.Add([]byte("AGE-SECRET-KEY-PQ-1XYZ"))
	f.Add([]byte{0xff, 0xfe, '\n'})
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ParseRecoveryKit(data)
		if err != nil {
			if got != nil || !errors.Is(err, ErrRecoveryKit) {
				t.Fatalf("ParseRecoveryKit = %v, %v", got, err)
			}
			checkRecoveryKitError(t, err)
			return
		}
		again, err := ParseRecoveryKit(FormatRecoveryKit(got, testVaultID, kitCreated))
		if err != nil || again.String() != got.String() {
			t.Fatalf("a parsed kit does not survive formatting: %v", err)
		}
	})
}
