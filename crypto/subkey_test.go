package crypto

import (
	"bytes"
	"errors"
	"testing"
)

type subkeyVector struct {
	DEK     hexBytes
	VaultID hexBytes
	Purpose string
	Key     hexBytes
}

func TestSubkeyKnownAnswer(t *testing.T) {
	vs := loadVectors(t, "subkey.json", func(t *testing.T) []subkeyVector {
		var vs []subkeyVector
		for _, purpose := range []string{"record v1", "header mac v1", "backup v1"} {
			vs = append(vs, subkeyVector{testDEK[:], testVaultID, purpose, Subkey(testDEK, testVaultID, purpose)[:]})
		}
		return vs
	})
	for _, v := range vs {
		t.Run("the "+v.Purpose+" subkey matches", func(t *testing.T) {
			if got := Subkey(v.DEK.dataKey(t), v.VaultID, v.Purpose); !bytes.Equal(got[:], v.Key) {
				t.Errorf("Subkey = %x, want %x", got[:], []byte(v.Key))
			}
		})
	}
}

func TestSubkeysAreIndependent(t *testing.T) {
	base := Subkey(testDEK, testVaultID, "backup v1")
	tests := []struct {
		name    string
		vaultID []byte
		purpose string
	}{
		{"another purpose gives another key", testVaultID, "backup v2"},
		{"another vault gives another key", otherVaultID, "backup v1"},
		{"the data key itself is never a subkey", testVaultID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := Subkey(testDEK, tt.vaultID, tt.purpose)
			if *k == *base || *k == [KeySize]byte(*testDEK) {
				t.Errorf("subkey %x collides", k[:])
			}
		})
	}
}

func TestHeaderMAC(t *testing.T) {
	header := []byte(`{"schema":3,"created":"2025-03-14"}`)
	mac := HeaderMAC(testDEK, testVaultID, header)
	if err := VerifyHeaderMAC(testDEK, testVaultID, header, mac); err != nil {
		t.Fatalf("genuine header: %v", err)
	}
	otherDEK := DataKey(*testDEK)
	otherDEK[0] ^= 1
	flipped := bytes.Clone(mac)
	flipped[0] ^= 1
	tests := []struct {
		name    string
		dek     *DataKey
		vaultID []byte
		header  []byte
		mac     []byte
	}{
		{"an edited header is damaged", testDEK, testVaultID, []byte(`{"schema":2,"created":"2025-03-14"}`), mac},
		{"a flipped MAC is damaged", testDEK, testVaultID, header, flipped},
		{"a truncated MAC is damaged", testDEK, testVaultID, header, mac[:16]},
		{"an empty MAC is damaged", testDEK, testVaultID, header, nil},
		{"a header from another vault is damaged", testDEK, otherVaultID, header, mac},
		{"a header under another data key is damaged", &otherDEK, testVaultID, header, mac},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := VerifyHeaderMAC(tt.dek, tt.vaultID, tt.header, tt.mac); !errors.Is(err, ErrDamaged) {
				t.Errorf("err = %v, want ErrDamaged", err)
			}
		})
	}
}
