package backup

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

var update = flag.Bool("update", false, "rewrite the test vectors in testdata")

// The vectors in testdata are backups written by format 1. Every later
// Rewire must keep reading them: a backup is only worth something if it
// can still be restored years on.
const (
	vectorKit        = "testdata/v1-kit.txt"
	vectorKitBackup  = "testdata/v1-kit.age"
	vectorPassBackup = "testdata/v1-passphrase.age"
	vectorRecords    = "testdata/v1-records.jsonl"
	vectorPassphrase = "rewire test vector, åäö ёж"
)

func vectorRecordsList() []journal.Record {
	recs := records(0)
	// Fixed times, so the vector does not depend on the demo generator.
	for i := range recs {
		recs[i].Created = time.Date(2026, 11, 20+i%5, 8+i, 30, 0, 0, time.FixedZone("", 3600))
		recs[i].Updated = recs[i].Created.Add(time.Minute)
	}
	return recs
}

func TestFormat1VectorsStillRead(t *testing.T) {
	if *update {
		writeVectors(t)
	}
	kitText, err := os.ReadFile(vectorKit)
	if err != nil {
		t.Fatal(err)
	}
	kitKey, err := RecoveryKitKey(kitText)
	if err != nil {
		t.Fatal(err)
	}
	passKey, err := PassphraseKey([]byte(vectorPassphrase))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(vectorRecords)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file string
		key  Key
	}{{vectorKitBackup, kitKey}, {vectorPassBackup, passKey}} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			c, err := ReadFile(tc.file, tc.key, nil)
			if err != nil {
				t.Fatal(err)
			}
			if c.Manifest.Format != 1 || c.Manifest.Records != len(c.Records) {
				t.Errorf("manifest %+v", c.Manifest)
			}
			if got := jsonl(t, c.Records); !bytes.Equal(got, want) {
				t.Errorf("records differ from %s:\n%s", vectorRecords, got)
			}
		})
	}
}

func writeVectors(t *testing.T) {
	t.Helper()
	lowWorkFactor(t)
	k := newKit(t)
	recs := vectorRecordsList()
	info := Info{Vault: journal.ID{0x7e, 0x57}, Created: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC), AppVersion: "v0.1.0"}
	passTo, err := ToPassphrase([]byte(vectorPassphrase))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{vectorKit: k.text}
	for name, to := range map[string]Recipient{vectorKitBackup: k.to(t), vectorPassBackup: passTo} {
		var buf bytes.Buffer
		if _, err := Write(&buf, recs, to, info, nil); err != nil {
			t.Fatal(err)
		}
		files[name] = buf.Bytes()
	}
	c, err := Read(bytes.NewReader(files[vectorKitBackup]), k.key(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	files[vectorRecords] = jsonl(t, c.Records)
	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
