package crypto

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"
)

// putParams overwrites the KDF parameters in a passphrase slot's header.
func putParams(slot []byte, p KDFParams) {
	binary.BigEndian.PutUint32(slot[slotMemOff:], p.MemoryKiB)
	binary.BigEndian.PutUint32(slot[slotTimeOff:], p.Time)
	slot[slotThreadsOff] = p.Threads
}

type slotVector struct {
	Comment    string
	DEK        hexBytes
	VaultID    hexBytes
	Passphrase string
	Salt       hexBytes
	Nonce      hexBytes
	Params     KDFParams
	WrapKey    hexBytes // Argon2id(Passphrase, Salt, Params)
	Slot       hexBytes
}

func loadSlotVector(t *testing.T) slotVector {
	return loadVectors(t, "passphrase_slot.json", func(t *testing.T) slotVector {
		v := slotVector{
			Comment:    "passphrase slot with fixed salt and nonce",
			DEK:        testDEK[:],
			VaultID:    testVaultID,
			Passphrase: "correct horse battery staple",
			Salt:       seq(0x60, SaltSize),
			Nonce:      seq(0x70, 24),
			Params:     MinKDFParams(),
		}
		k, err := DeriveKey([]byte(v.Passphrase), v.Salt, v.Params)
		if err != nil {
			t.Fatal(err)
		}
		v.WrapKey = k[:]
		v.Slot, err = sealPassphraseSlot(testDEK, []byte(v.Passphrase), v.Params, v.VaultID, v.Salt, v.Nonce, DeriveKey)
		if err != nil {
			t.Fatal(err)
		}
		return v
	})
}

// knownKey is a deriveFunc that returns key, after checking it is asked
// for the expected inputs: it lets a test seal with Argon2id's answer
// without paying for Argon2id again.
func knownKey(t *testing.T, v slotVector) deriveFunc {
	return func(passphrase, salt []byte, p KDFParams) (*[KeySize]byte, error) {
		if string(passphrase) != v.Passphrase || !bytes.Equal(salt, v.Salt) || p != v.Params {
			t.Fatalf("derive called with unexpected inputs")
		}
		return (*[KeySize]byte)(bytes.Clone(v.WrapKey)), nil
	}
}

func TestPassphraseSlotKnownAnswer(t *testing.T) {
	v := loadSlotVector(t)
	t.Run("sealing with the stored salt and nonce gives the stored slot", func(t *testing.T) {
		slot, err := sealPassphraseSlot(v.DEK.dataKey(t), []byte(v.Passphrase), v.Params, v.VaultID, v.Salt, v.Nonce, knownKey(t, v))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(slot, v.Slot) {
			t.Errorf("slot = %x\nwant   %x", slot, []byte(v.Slot))
		}
	})
	t.Run("the stored slot opens with the known passphrase", func(t *testing.T) {
		dek, err := OpenPassphraseSlot(v.Slot, []byte(v.Passphrase), v.VaultID)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(dek[:], v.DEK) {
			t.Errorf("dek = %x, want %x", dek[:], []byte(v.DEK))
		}
	})
	t.Run("the stored slot names its parameters", func(t *testing.T) {
		p, err := SlotKDFParams(v.Slot)
		if err != nil || p != v.Params {
			t.Errorf("SlotKDFParams = %+v, %v; want %+v", p, err, v.Params)
		}
	})
}

func TestWrongPassphraseGivesErrWrongPassphrase(t *testing.T) {
	v := loadSlotVector(t)
	for _, tt := range []struct{ name, passphrase string }{
		{"another passphrase", "Tr0ub4dor&3"},
		{"the right passphrase with a trailing space", v.Passphrase + " "},
	} {
		t.Run(tt.name+" is a wrong passphrase", func(t *testing.T) {
			t.Parallel()
			dek, err := OpenPassphraseSlot(v.Slot, []byte(tt.passphrase), v.VaultID)
			if !errors.Is(err, ErrWrongPassphrase) || dek != nil {
				t.Errorf("OpenPassphraseSlot = %v, %v; want ErrWrongPassphrase", dek, err)
			}
		})
	}
}

func TestPassphraseSlotIsBoundToItsVault(t *testing.T) {
	slot, err := sealPassphraseSlot(testDEK, []byte("pw"), MinKDFParams(), testVaultID, seq(0, SaltSize), seq(0, 24), cheapDerive)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := openPassphraseSlot(slot, []byte("pw"), testVaultID, cheapDerive); err != nil {
		t.Fatalf("slot does not open in its own vault: %v", err)
	}
	if dek, err := openPassphraseSlot(slot, []byte("pw"), otherVaultID, cheapDerive); err == nil || dek != nil {
		t.Errorf("slot opened in another vault")
	}
}

func TestEveryFlippedByteInPassphraseSlotIsDetected(t *testing.T) {
	// Flipping all of a slot's ~100 bytes with Argon2id would take a
	// minute, so the flips go through cheapDerive, which checks params and
	// depends on every input just as DeriveKey does. The slot logic under
	// test (parsing, Check, AAD binding, authentication) is the real one;
	// two flips below also go through the real DeriveKey.
	pass := []byte("pw")
	slot, err := sealPassphraseSlot(testDEK, pass, MinKDFParams(), testVaultID, seq(0, SaltSize), seq(0, 24), cheapDerive)
	if err != nil {
		t.Fatal(err)
	}
	for _, mask := range []byte{0x01, 0x80, 0xff} {
		for i := range slot {
			bad := bytes.Clone(slot)
			bad[i] ^= mask
			if dek, err := openPassphraseSlot(bad, pass, testVaultID, cheapDerive); err == nil || dek != nil {
				t.Errorf("flipping byte %d with %#02x went unnoticed", i, mask)
			}
		}
	}
	for n := range len(slot) {
		if _, err := openPassphraseSlot(slot[:n], pass, testVaultID, cheapDerive); !errors.Is(err, ErrDamaged) {
			t.Errorf("slot cut to %d bytes: err = %v, want ErrDamaged", n, err)
		}
	}
	if _, err := openPassphraseSlot(append(bytes.Clone(slot), 0), pass, testVaultID, cheapDerive); !errors.Is(err, ErrDamaged) {
		t.Errorf("slot with a byte appended: err = %v, want ErrDamaged", err)
	}

	t.Run("with Argon2id, a flipped salt or ciphertext byte fails to open", func(t *testing.T) {
		v := loadSlotVector(t)
		for _, i := range []int{slotSaltOff, len(v.Slot) - 1} {
			t.Run("", func(t *testing.T) {
				t.Parallel()
				bad := bytes.Clone(v.Slot)
				bad[i] ^= 1
				if dek, err := OpenPassphraseSlot(bad, []byte(v.Passphrase), v.VaultID); !errors.Is(err, ErrWrongPassphrase) || dek != nil {
					t.Errorf("flipping byte %d: %v, %v", i, dek, err)
				}
			})
		}
	})
}

func TestSlotKindOf(t *testing.T) {
	tests := []struct {
		name string
		slot []byte
		want SlotKind
		err  error
	}{
		{"a passphrase slot is a passphrase slot", []byte{1, 1}, SlotPassphrase, nil},
		{"a recovery slot is a recovery slot", []byte{1, 2, 'x'}, SlotRecovery, nil},
		{"an empty slot is damaged", nil, 0, ErrDamaged},
		{"a one-byte slot is damaged", []byte{1}, 0, ErrDamaged},
		{"a newer slot version is an unknown format", []byte{2, 1}, 0, ErrUnknownFormat},
		{"a newer slot kind is an unknown format", []byte{1, 3}, 0, ErrUnknownFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := SlotKindOf(tt.slot)
			if k != tt.want || !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
				t.Errorf("SlotKindOf = %v, %v; want %v, %v", k, err, tt.want, tt.err)
			}
		})
	}
}

func TestSlotKDFParamsRefusesOtherSlots(t *testing.T) {
	tests := []struct {
		name string
		slot []byte
	}{
		{"a recovery slot", []byte{1, 2, 0, 0}},
		{"a short passphrase slot", []byte{1, 1, 0, 1, 0, 0}},
		{"an empty slot", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name+" has no KDF params", func(t *testing.T) {
			if _, err := SlotKDFParams(tt.slot); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestSealPassphraseSlotRefusesWeakParams(t *testing.T) {
	weak := MinKDFParams()
	weak.Time = 1
	if _, err := SealPassphraseSlot(testDEK, []byte("pw"), weak, testVaultID); !errors.Is(err, ErrKDFParams) {
		t.Errorf("err = %v, want ErrKDFParams", err)
	}
}

func TestSlotsRefuseAWrongSizeVaultID(t *testing.T) {
	if _, err := SealPassphraseSlot(testDEK, []byte("pw"), MinKDFParams(), []byte("short")); err == nil {
		t.Error("SealPassphraseSlot accepted a 5-byte vault id")
	}
	if _, err := OpenPassphraseSlot([]byte{1, 1}, []byte("pw"), nil); err == nil {
		t.Error("OpenPassphraseSlot accepted a nil vault id")
	}
}
