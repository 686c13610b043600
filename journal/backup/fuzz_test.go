package backup

import (
	"bytes"
	"errors"
	"os"
	"testing"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
)

// FuzzReadBackup feeds the reader arbitrary files. With encrypt set, the
// input is first encrypted to the test kit, so the fuzzer reaches the tar,
// manifest and record parsing behind age's authentication; without it, the
// input is read as a file from disk would be. Either way the reader must
// refuse with one of its sentinel errors or return records that validate
// and match their manifest, and never panic. Files from disk are also read
// with the vector vault's own key, and their header inspected.
//
// Inputs are kilobytes of age file, so give the minimizer little time:
//
//	go test -tags sqlite_fts5 -run '^$' -fuzz FuzzReadBackup -fuzzminimizetime 1s ./journal/backup/
func FuzzReadBackup(f *testing.F) {
	kitText, err := os.ReadFile(vectorKit)
	if err != nil {
		f.Fatal(err)
	}
	key, err := RecoveryKitKey(kitText)
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{vectorKitBackup, vectorPassBackup, vectorVaultBackup} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
		f.Add(data[:len(data)/2], false)
	}
	recs := vectorRecordsList()
	body := jsonl(f, recs)
	f.Add(tarOf(f, part{name: ManifestName, body: manifestFor(f, recs, body, nil)}, part{name: RecordsName, body: body}), true)
	f.Add(tarOf(f, part{name: ManifestName, body: manifestFor(f, recs[:1], body[:bytes.IndexByte(body, '\n')+1], nil)},
		part{name: RecordsName, body: body[:bytes.IndexByte(body, '\n')+1]}), true)
	f.Add(tarOf(f, part{name: ManifestName, body: []byte(`{"format":1,"app":"Rewire","parts":{}}`)}), true)
	f.Add(tarOf(f, part{name: "../x", body: []byte("x")}), true)
	f.Add([]byte("age-encryption.org/v1\n-> X25519 abc\nxyz\n--- abc\n"), false)
	f.Add([]byte{}, true)

	sentinels := []error{ErrNotBackup, ErrDamaged, ErrUnsafePath, ErrNewerFormat, ErrWrongPassphrase,
		ErrWrongRecoveryKit, ErrNeedsPassphrase, ErrNeedsRecoveryKit, ErrNotOwnBackup}
	ownKey := (&fakeVault{id: vectorVault}).ownKey(f)
	id, err := rwcrypto.ParseRecoveryKit(kitText)
	if err != nil {
		f.Fatal(err)
	}
	to, err := ToRecoveryKit(id.Recipient())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, encrypt bool) {
		if encrypt {
			data = seal(t, data, to)
		}
		keys := []Key{key}
		if !encrypt {
			keys = append(keys, ownKey)
			inspect(bytes.NewReader(data))
		}
		for _, key := range keys {
			check(t, data, key, sentinels)
		}
	})
}

// check reads data with key: it must be refused with one of sentinels, or
// give records that validate and match their manifest.
func check(t *testing.T, data []byte, key Key, sentinels []error) {
	t.Helper()
	c, err := Read(bytes.NewReader(data), key, nil)
	if err != nil {
		for _, s := range sentinels {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("error without a sentinel: %v", err)
	}
	if len(c.Records) != c.Manifest.Records {
		t.Fatalf("%d records, manifest says %d", len(c.Records), c.Manifest.Records)
	}
	for i := range c.Records {
		if err := c.Records[i].Validate(); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
	}
}
