package crypto_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/rewirejournal/rewire/crypto"
)

func ExampleSealer() {
	dek, err := crypto.NewDataKey()
	if err != nil {
		log.Fatal(err)
	}
	defer dek.Wipe()
	vaultID := make([]byte, crypto.IDSize)  // random in real use
	recordID := make([]byte, crypto.IDSize) // likewise

	s, err := crypto.NewSealer(dek, vaultID, 1)
	if err != nil {
		log.Fatal(err)
	}
	defer s.Wipe()

	blob, err := s.Seal(recordID, []byte("Dear diary, today I rewired."))
	if err != nil {
		log.Fatal(err)
	}
	// 1 format byte, 4 of key version, 24 of nonce, a 256-byte padded
	// bucket and a 16-byte tag: short entries all look the same.
	fmt.Println(len(blob))

	plaintext, err := s.Open(recordID, blob)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(plaintext))
	// Output:
	// 301
	// Dear diary, today I rewired.
}

func ExampleSealPassphraseSlot() {
	dek, err := crypto.NewDataKey()
	if err != nil {
		log.Fatal(err)
	}
	defer dek.Wipe()
	vaultID := make([]byte, crypto.IDSize)

	// Real callers use crypto.Calibrate once, when creating the vault.
	slot, err := crypto.SealPassphraseSlot(dek, []byte("correct horse battery staple"), crypto.MinKDFParams(), vaultID)
	if err != nil {
		log.Fatal(err)
	}

	_, err = crypto.OpenPassphraseSlot(slot, []byte("Tr0ub4dor&3"), vaultID)
	fmt.Println(errors.Is(err, crypto.ErrWrongPassphrase))

	unlocked, err := crypto.OpenPassphraseSlot(slot, []byte("correct horse battery staple"), vaultID)
	if err != nil {
		log.Fatal(err)
	}
	defer unlocked.Wipe()
	fmt.Println(*unlocked == *dek)
	// Output:
	// true
	// true
}

func ExamplePaddedLen() {
	for _, n := range []int{0, 200, 256, 1000, 100000} {
		fmt.Println(n, "->", crypto.PaddedLen(n))
	}
	// Output:
	// 0 -> 256
	// 200 -> 256
	// 256 -> 272
	// 1000 -> 1024
	// 100000 -> 100352
}
