package crypto

import (
	"bytes"
	"testing"
)

func TestNewDataKeyIsRandom(t *testing.T) {
	a, err := NewDataKey()
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewDataKey()
	if err != nil {
		t.Fatal(err)
	}
	if *a == *b {
		t.Error("two data keys are equal")
	}
	if *a == (DataKey{}) {
		t.Error("data key is all zeros")
	}
}

func TestWipeZeroes(t *testing.T) {
	t.Run("a data key is all zeros after Wipe", func(t *testing.T) {
		k := DataKey(*(*[KeySize]byte)(seq(1, KeySize)))
		k.Wipe()
		if k != (DataKey{}) {
			t.Errorf("key after Wipe = %x", k)
		}
	})
	t.Run("a nil data key can be wiped", func(t *testing.T) {
		var k *DataKey
		k.Wipe()
	})
	t.Run("a byte slice is all zeros after Wipe", func(t *testing.T) {
		b := seq(1, 100)
		Wipe(b)
		if !bytes.Equal(b, make([]byte, 100)) {
			t.Errorf("slice after Wipe = %x", b)
		}
	})
}
