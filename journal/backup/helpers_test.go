package backup

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"
	"time"

	"filippo.io/age"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
)

// fakeVault is the part of a journal.Vault a backup reads.
type fakeVault struct {
	id        journal.ID
	recs      []journal.Record
	recipient *age.X25519Recipient
	noKey     bool // BackupKey fails, as a locked vault's does
}

func (v *fakeVault) ID() journal.ID { return v.id }
func (v *fakeVault) List(journal.Filter) ([]journal.Record, error) {
	out := make([]journal.Record, len(v.recs))
	copy(out, v.recs)
	return out, nil
}
func (v *fakeVault) RecoveryRecipient() (*age.X25519Recipient, error) { return v.recipient, nil }

// BackupKey returns a fresh copy of the vault's backup key, as the real
// one does: here a hash of the id, where the real one is a subkey of the
// data key.
func (v *fakeVault) BackupKey() (*[rwcrypto.KeySize]byte, error) {
	if v.noKey {
		return nil, journal.ErrLocked
	}
	k := [rwcrypto.KeySize]byte(sha256.Sum256(append([]byte("backup key of "), v.id[:]...)))
	return &k, nil
}

// to is what v's automatic backups are encrypted to: the kit k and v's
// own backup key.
func (v *fakeVault) to(t testing.TB, k kit) Recipient {
	t.Helper()
	key, err := v.BackupKey()
	if err != nil {
		t.Fatal(err)
	}
	r, err := k.to(t).AndVault(v.id, key)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// ownKey is the key with which v opens its own backups.
func (v *fakeVault) ownKey(t testing.TB) Key {
	t.Helper()
	k, err := v.BackupKey()
	if err != nil {
		t.Fatal(err)
	}
	key, err := VaultKey(v.id, k)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time { return c.t }

// kit is a recovery identity and its kit file's text.
type kit struct {
	id   *age.X25519Identity
	text []byte
}

func newKit(t testing.TB) kit {
	t.Helper()
	id, err := rwcrypto.NewRecoveryIdentity()
	if err != nil {
		t.Fatal(err)
	}
	return kit{id: id, text: rwcrypto.FormatRecoveryKit(id, make([]byte, 16), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))}
}

func (k kit) key(t testing.TB) Key {
	t.Helper()
	key, err := RecoveryKitKey(k.text)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

func (k kit) to(t testing.TB) Recipient {
	t.Helper()
	r, err := ToRecoveryKit(k.id.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var demoEnd = time.Date(2026, 11, 25, 21, 0, 0, 0, time.FixedZone("CET", 3600))

// records returns n demo entries and the other kinds around them, stamped
// as a vault stores them, with a few unusual texts.
func records(n int) []journal.Record {
	gen := demo.Generate(n, 42, demoEnd)
	out := make([]journal.Record, 0, len(gen)+3)
	for i, r := range gen {
		r.ID = journal.ID{byte(i >> 16), byte(i >> 8), byte(i), 0xaa}
		r.Version = journal.RecordVersion
		r.Updated = r.Created.Add(time.Duration(i%5) * time.Minute)
		out = append(out, *r)
	}
	for i, body := range []string{
		"Tacksam för all kärlek i dag. Promenaden längs ån hjälpte.",
		"Сьогодні було важко, але я подзвонив другові.\nІ це допомогло.",
		"Tabs\tquotes \" backslashes \\ and a line that looks like JSON: {\"id\": 1}\r\nand </script>",
	} {
		out = append(out, journal.Record{
			ID: journal.ID{0xee, byte(i)}, Kind: journal.KindEntry, Version: journal.RecordVersion, Date: "2026-11-25",
			Created: demoEnd, Updated: demoEnd, Entry: &journal.Entry{Title: "Ünïcödé ✓", Body: body, Tags: []string{"språk", "мова"}, Mood: 2},
		})
	}
	return out
}

func mustJSON(t testing.TB, x any) string {
	t.Helper()
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lowWorkFactor makes passphrase backups cheap for the test.
func lowWorkFactor(t testing.TB) {
	old := scryptWorkFactor
	scryptWorkFactor = 10
	t.Cleanup(func() { scryptWorkFactor = old })
}

// encode writes a backup of recs to a buffer.
func encode(t testing.TB, recs []journal.Record, to Recipient) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Write(&buf, recs, to, Info{Vault: journal.ID{1, 2, 3, 4}, Created: demoEnd, AppVersion: "test"}, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// part is one member of a hand-made archive.
type part struct {
	name     string
	body     []byte
	typeflag byte // 0 for a regular file
	linkname string
}

// tarOf makes a tar archive of parts, as a hostile or broken writer might.
func tarOf(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, p := range parts {
		hdr := &tar.Header{Name: p.name, Mode: 0o600, Size: int64(len(p.body)), Typeflag: p.typeflag, Linkname: p.linkname, Format: tar.FormatPAX}
		if hdr.Typeflag == 0 {
			hdr.Typeflag = tar.TypeReg
		}
		if hdr.Typeflag != tar.TypeReg {
			hdr.Size = 0
		}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if hdr.Size > 0 {
			if _, err := tw.Write(p.body); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// seal encrypts plain to to as an age file.
func seal(t testing.TB, plain []byte, to Recipient) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, to.rs...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(plain); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// jsonl renders records as records.jsonl does.
func jsonl(t testing.TB, recs []journal.Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	for i := range recs {
		b, err := json.Marshal(&recs[i])
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// manifestFor is a correct manifest for a records.jsonl body; edit
// changes it before it is encoded.
func manifestFor(t testing.TB, recs []journal.Record, body []byte, edit func(m map[string]any)) []byte {
	t.Helper()
	counts := map[string]int{}
	for _, r := range recs {
		counts[string(r.Kind)]++
	}
	sum := sha256.Sum256(body)
	m := map[string]any{
		"format": FormatVersion, "app": "Rewire", "appVersion": "test", "schema": journal.RecordVersion,
		"vault": journal.ID{1}.String(), "created": demoEnd, "records": len(recs), "counts": counts,
		"parts": map[string]any{RecordsName: map[string]any{"sha256": hex.EncodeToString(sum[:]), "size": len(body)}},
	}
	if edit != nil {
		edit(m)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
