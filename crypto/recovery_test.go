package crypto

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"filippo.io/age"
)

var kitCreated = time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)

func newTestIdentity(t testing.TB) *age.X25519Identity {
	t.Helper()
	id, err := NewRecoveryIdentity()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestRecoveryKitUnlocksRecoverySlot(t *testing.T) {
	id := newTestIdentity(t)
	slot, err := SealRecoverySlot(testDEK, id.Recipient(), testVaultID)
	if err != nil {
		t.Fatal(err)
	}
	if k, err := SlotKindOf(slot); k != SlotRecovery || err != nil {
		t.Fatalf("SlotKindOf = %v, %v", k, err)
	}
	kit := FormatRecoveryKit(id, testVaultID, kitCreated)
	parsed, err := ParseRecoveryKit(kit)
	if err != nil {
		t.Fatal(err)
	}
	dek, err := OpenRecoverySlot(slot, parsed, testVaultID)
	if err != nil {
		t.Fatal(err)
	}
	if *dek != *testDEK {
		t.Errorf("dek = %x, want %x", dek[:], testDEK[:])
	}
}

func TestRecoveryKitFromAnotherVaultIsRefused(t *testing.T) {
	id := newTestIdentity(t)
	slot, err := SealRecoverySlot(testDEK, id.Recipient(), testVaultID)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		id      *age.X25519Identity
		vaultID []byte
	}{
		{"a kit made for another vault is the wrong kit", newTestIdentity(t), testVaultID},
		{"the right kit on a slot copied from another vault is the wrong kit", id, otherVaultID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dek, err := OpenRecoverySlot(slot, tt.id, tt.vaultID)
			if !errors.Is(err, ErrWrongRecoveryKit) || dek != nil {
				t.Errorf("OpenRecoverySlot = %v, %v; want ErrWrongRecoveryKit", dek, err)
			}
		})
	}
}

func TestEveryFlippedByteInRecoverySlotIsDetected(t *testing.T) {
	id := newTestIdentity(t)
	slot, err := SealRecoverySlot(testDEK, id.Recipient(), testVaultID)
	if err != nil {
		t.Fatal(err)
	}
	for _, mask := range []byte{0x01, 0xff} {
		for i := range slot {
			bad := bytes.Clone(slot)
			bad[i] ^= mask
			if dek, err := OpenRecoverySlot(bad, id, testVaultID); err == nil || dek != nil {
				t.Errorf("flipping byte %d with %#02x went unnoticed", i, mask)
			}
		}
	}
	for n := range len(slot) {
		if dek, err := OpenRecoverySlot(slot[:n], id, testVaultID); err == nil || dek != nil {
			t.Errorf("slot cut to %d bytes opened", n)
		}
	}
}

func TestRecoverySlotWithExtraPlaintextIsDamaged(t *testing.T) {
	// A slot whose age payload is not exactly vaultID | dek was not
	// written by SealRecoverySlot, whoever encrypted it.
	id := newTestIdentity(t)
	for _, n := range []int{0, IDSize, recoveryPlaintextSize - 1, recoveryPlaintextSize + 1} {
		var buf bytes.Buffer
		buf.Write([]byte{slotVersion, byte(SlotRecovery)})
		w, err := age.Encrypt(&buf, id.Recipient())
		if err != nil {
			t.Fatal(err)
		}
		pt := make([]byte, n)
		copy(pt, testVaultID)
		w.Write(pt)
		w.Close()
		if _, err := OpenRecoverySlot(buf.Bytes(), id, testVaultID); !errors.Is(err, ErrDamaged) {
			t.Errorf("%d-byte payload: err = %v, want ErrDamaged", n, err)
		}
	}
}

func TestRecoveryKitIsAnAgeIdentityFile(t *testing.T) {
	id := newTestIdentity(t)
	kit := FormatRecoveryKit(id, testVaultID, kitCreated)

	ids, err := age.ParseIdentities(bytes.NewReader(kit))
	if err != nil {
		t.Fatalf("age does not accept the kit: %v", err)
	}
	if len(ids) != 1 {
		t.Fatalf("kit holds %d identities, want 1", len(ids))
	}

	t.Run("age decrypts a backup with the parsed kit", func(t *testing.T) {
		var backup bytes.Buffer
		w, err := age.Encrypt(&backup, id.Recipient())
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "tar archive")
		w.Close()
		r, err := age.Decrypt(&backup, ids...)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(r); string(got) != "tar archive" {
			t.Errorf("decrypted %q", got)
		}
	})

	text := string(kit)
	for _, want := range []string{
		hex.EncodeToString(testVaultID),
		"2025-03-14",
		"age -d -i recovery-kit.txt backup.age | tar -x",
		"offline",
		"every automatic backup",
	} {
		t.Run("the kit mentions "+want, func(t *testing.T) {
			if !strings.Contains(text, want) {
				t.Errorf("kit lacks %q:\n%s", want, text)
			}
		})
	}
	t.Run("every line but the key is a comment", func(t *testing.T) {
		lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
		for _, l := range lines[:len(lines)-1] {
			if !strings.HasPrefix(l, "#") {
				t.Errorf("line %q is not a comment", l)
			}
		}
		if last := lines[len(lines)-1]; last != id.String() {
			t.Error("the last line is not the key")
		}
	})
}

func TestParseRecoveryKit(t *testing.T) {
	id := newTestIdentity(t)
	key := id.String()
	kit := string(FormatRecoveryKit(id, testVaultID, kitCreated))
	other := newTestIdentity(t).String()

	accepted := []struct{ name, data string }{
		{"the kit file", kit},
		{"the kit file with CRLF line endings", strings.ReplaceAll(kit, "\n", "\r\n")},
		{"a bare key", key},
		{"a bare key with spaces and a newline", "  " + key + " \r\n"},
		{"a bare key typed in lower case", strings.ToLower(key)},
		{"the kit file indented", strings.ReplaceAll(kit, "\n", "\n\t")},
	}
	for _, tt := range accepted {
		t.Run(tt.name+" is accepted", func(t *testing.T) {
			got, err := ParseRecoveryKit([]byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != key {
				t.Error("parsed a different key")
			}
		})
	}

	refused := []struct{ name, data string }{
		{"an empty file", ""},
		{"a file of comments", "# just a comment\n#\n"},
		{"two keys", key + "\n" + other},
		{"a public key", id.Recipient().String()},
		{"a key with a typo", typo(key, 20)},
		{"a truncated key", key[:len(key)-3]},
		{"a key with words after it", key + " please"},
		{"a huge file", strings.Repeat("#\n", recoveryKitMaxSize)},
		{"binary junk", "\x00\xff\xfe"},
	}
	for _, tt := range refused {
		t.Run(tt.name+" is not a recovery kit", func(t *testing.T) {
			got, err := ParseRecoveryKit([]byte(tt.data))
			if !errors.Is(err, ErrRecoveryKit) || got != nil {
				t.Fatalf("ParseRecoveryKit = %v, %v; want ErrRecoveryKit", got, err)
			}
			checkRecoveryKitError(t, err)
		})
	}
}

// recoveryKitErrors are all the messages ParseRecoveryKit may return. Being
// a fixed set, none of them can echo the input, which may be most of a key.
var recoveryKitErrors = map[string]bool{
	"not a valid recovery kit: file is too large":             true,
	"not a valid recovery kit: more than one key":             true,
	"not a valid recovery kit: no key found":                  true,
	"not a valid recovery kit: no AGE-SECRET-KEY-1 key found": true,
	"not a valid recovery kit: malformed key":                 true,
}

func checkRecoveryKitError(t *testing.T, err error) {
	t.Helper()
	if !recoveryKitErrors[err.Error()] {
		t.Errorf("unexpected error message %q", err)
	}
}

// typo replaces the character at i with another valid bech32 character, so
// only the checksum can catch it.
func typo(s string, i int) string {
	c := byte('Q')
	if s[i] == c {
		c = 'P'
	}
	return s[:i] + string(c) + s[i+1:]
}
