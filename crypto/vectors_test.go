package crypto

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "regenerate the known-answer vectors in testdata/ from the current code")

// loadVectors returns the vectors stored in testdata/name. With -update it
// first regenerates them with gen (if not nil) and writes them there. The tests then
// recompute every output from the stored inputs, so a vector file is a
// known-answer test that does not trust the code that wrote it.
func loadVectors[T any](t *testing.T, name string, gen func(t *testing.T) T) T {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update && gen != nil {
		data, err := json.MarshalIndent(gen(t), "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

// hexBytes is a byte string stored as hex in vector files.
type hexBytes []byte

func (h hexBytes) MarshalText() ([]byte, error) { return []byte(hex.EncodeToString(h)), nil }

func (h *hexBytes) UnmarshalText(b []byte) error {
	d, err := hex.DecodeString(string(b))
	*h = d
	return err
}

func (h hexBytes) dataKey(t *testing.T) *DataKey {
	t.Helper()
	if len(h) != KeySize {
		t.Fatalf("key is %d bytes", len(h))
	}
	return (*DataKey)(h)
}

// seq returns n bytes counting up from start: readable, fixed test input.
func seq(start byte, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = start + byte(i)
	}
	return b
}

// cheapDerive stands in for DeriveKey where a test needs thousands of
// derivations (byte flips, fuzzing). Like DeriveKey it checks params and
// salt and depends on every input; it just costs a hash, not Argon2id.
func cheapDerive(passphrase, salt []byte, p KDFParams) (*[KeySize]byte, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	if len(salt) != SaltSize {
		return nil, fmt.Errorf("salt is %d bytes", len(salt))
	}
	h := sha256.New()
	h.Write([]byte("cheap derive for tests"))
	h.Write(binary.BigEndian.AppendUint32(nil, uint32(len(passphrase))))
	h.Write(passphrase)
	h.Write(salt)
	h.Write(binary.BigEndian.AppendUint32(nil, p.MemoryKiB))
	h.Write(binary.BigEndian.AppendUint32(nil, p.Time))
	h.Write([]byte{p.Threads})
	k := new([KeySize]byte)
	h.Sum(k[:0])
	return k, nil
}

// Fixed inputs shared by tests.
var (
	testVaultID  = seq(0xa0, IDSize)
	otherVaultID = seq(0xb0, IDSize)
	testRecordID = seq(0x10, IDSize)
	testDEK      = (*DataKey)(seq(0x40, KeySize))
)
