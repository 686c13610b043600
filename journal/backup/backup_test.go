package backup

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/rewirejournal/rewire/journal"
)

func TestRoundTripKeepsEveryRecordAndDescribesThem(t *testing.T) {
	k := newKit(t)
	recs := records(200)
	data := encode(t, recs, k.to(t))

	var last [2]int
	c, err := Read(bytes.NewReader(data), k.key(t), func(done, total int) { last = [2]int{done, total} })
	if err != nil {
		t.Fatal(err)
	}
	if last != [2]int{len(recs), len(recs)} {
		t.Errorf("progress ended at %v, want %d of %d", last, len(recs), len(recs))
	}
	byID := map[journal.ID]journal.Record{}
	for _, r := range c.Records {
		byID[r.ID] = r
	}
	if len(byID) != len(recs) {
		t.Fatalf("%d records back, want %d", len(byID), len(recs))
	}
	counts := map[journal.Kind]int{}
	for _, r := range recs {
		counts[r.Kind]++
		if got := mustJSON(t, byID[r.ID]); got != mustJSON(t, r) {
			t.Fatalf("record %s came back as\n%s\nwant\n%s", r.ID, got, mustJSON(t, r))
		}
	}
	m := c.Manifest
	if m.Format != FormatVersion || m.App != "Rewire" || m.AppVersion != "test" || m.Schema != journal.RecordVersion ||
		m.Vault != (journal.ID{1, 2, 3, 4}) || !m.Created.Equal(demoEnd) || m.Records != len(recs) {
		t.Errorf("manifest %+v", m)
	}
	if mustJSON(t, m.Counts) != mustJSON(t, counts) {
		t.Errorf("counts %v, want %v", m.Counts, counts)
	}
	for i := 1; i < len(c.Records); i++ {
		if c.Records[i-1].Date > c.Records[i].Date {
			t.Fatalf("records are not oldest day first at %d", i)
		}
	}
}

func TestEmptyVaultBacksUp(t *testing.T) {
	k := newKit(t)
	c, err := Read(bytes.NewReader(encode(t, nil, k.to(t))), k.key(t), nil)
	if err != nil || len(c.Records) != 0 || c.Manifest.Records != 0 {
		t.Fatalf("empty backup: %+v, %v", c, err)
	}
}

func TestPassphraseBackupOpensWithTheSameWordsInAnyNormalForm(t *testing.T) {
	lowWorkFactor(t)
	pass := []byte("Fjällräven och åkrar, ёжик")
	to, err := ToPassphrase(norm.NFD.Bytes(pass))
	if err != nil {
		t.Fatal(err)
	}
	data := encode(t, records(5), to)
	if h, err := inspect(bytes.NewReader(data)); err != nil || h.Protection != ByPassphrase || len(h.Vaults) != 0 {
		t.Fatalf("inspect = %+v, %v", h, err)
	}
	key, err := PassphraseKey(norm.NFC.Bytes(pass))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(bytes.NewReader(data), key, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := ToPassphrase([]byte("  ")); err == nil {
		t.Error("a blank passphrase was accepted")
	}
}

// badBackup is a file that must be refused, and the key tried on it.
type badBackup struct {
	name string
	data []byte
	key  Key
	want []error // every one must match
}

// badBackups builds the files every reader and every restore must refuse.
func badBackups(t testing.TB) []badBackup {
	t.Helper()
	lowWorkFactor(t)
	k, other := newKit(t), newKit(t)
	recs := records(60)
	good := encode(t, recs, k.to(t))
	if len(good) < 3*4096 {
		t.Fatalf("test backup is only %d bytes", len(good))
	}
	passTo, err := ToPassphrase([]byte("our own words"))
	if err != nil {
		t.Fatal(err)
	}
	passData := encode(t, recs[:3], passTo)
	wrongPass, err := PassphraseKey([]byte("other words"))
	if err != nil {
		t.Fatal(err)
	}
	flip := func(data []byte, at int) []byte {
		b := bytes.Clone(data)
		b[at] ^= 0x01
		return b
	}
	headerEnd := bytes.Index(good, []byte("\n--- ")) + 1
	macAt := headerEnd + 8 // inside the header MAC
	body := jsonl(t, recs[:4])
	archive := func(parts ...part) []byte { return seal(t, tarOf(t, parts...), k.to(t)) }
	manifest := func(edit func(map[string]any)) part {
		return part{name: ManifestName, body: manifestFor(t, recs[:4], body, edit)}
	}
	records := part{name: RecordsName, body: body}
	dup := jsonl(t, []journal.Record{recs[0], recs[1], recs[2], recs[0]})

	bads := []badBackup{
		{"an empty file", nil, k.key(t), []error{ErrDamaged}},
		{"a file that is not an age file", []byte("PK\x03\x04 this is a zip, not a backup"), k.key(t), []error{ErrNotBackup}},
		{"an age file of something else", seal(t, []byte("just some text\n"), k.to(t)), k.key(t), []error{ErrNotBackup}},
		{"a flipped byte in the header", flip(good, macAt), k.key(t), []error{ErrDamaged}},
		{"a flipped byte in the payload", flip(good, len(good)/2), k.key(t), []error{ErrDamaged}},
		{"a flipped byte in the last byte", flip(good, len(good)-1), k.key(t), []error{ErrDamaged}},
		{"extra bytes after the end", append(bytes.Clone(good), 0), k.key(t), []error{ErrDamaged}},
		{"the wrong recovery kit", good, other.key(t), []error{ErrWrongRecoveryKit}},
		{"a recovery kit on a passphrase backup", passData, k.key(t), []error{ErrNeedsPassphrase}},
		{"a passphrase on a recovery-kit backup", good, wrongPass, []error{ErrNeedsRecoveryKit}},
		{"the wrong passphrase", passData, wrongPass, []error{ErrWrongPassphrase}},
		{"a manifest whose checksum does not match", archive(manifest(func(m map[string]any) {
			m["parts"] = map[string]any{RecordsName: map[string]any{"sha256": strings.Repeat("ab", 32), "size": len(body)}}
		}), records), k.key(t), []error{ErrDamaged, ErrChecksum}},
		{"a manifest whose size does not match", archive(manifest(func(m map[string]any) {
			sum := sha256.Sum256(body)
			m["parts"] = map[string]any{RecordsName: map[string]any{"sha256": hex.EncodeToString(sum[:]), "size": len(body) + 1}}
		}), records), k.key(t), []error{ErrDamaged, ErrChecksum}},
		{"a manifest that miscounts the records", archive(manifest(func(m map[string]any) { m["records"] = 5 }), records), k.key(t), []error{ErrDamaged}},
		{"a manifest that miscounts a kind", archive(manifest(func(m map[string]any) { m["counts"] = map[string]int{"entry": 4} }), records), k.key(t), []error{ErrDamaged}},
		{"a record twice", archive(part{name: ManifestName, body: manifestFor(t, []journal.Record{recs[0], recs[1], recs[2], recs[0]}, dup, nil)},
			part{name: RecordsName, body: dup}), k.key(t), []error{ErrDamaged}},
		{"an invalid record", archive(manifest(nil), part{name: RecordsName, body: bytes.Replace(body, []byte(`"kind":"`), []byte(`"kind":"x`), 1)}), k.key(t), []error{ErrDamaged}},
		{"records missing", archive(manifest(nil)), k.key(t), []error{ErrDamaged}},
		{"records first", archive(records, manifest(nil)), k.key(t), []error{ErrNotBackup}},
		{"a part the manifest does not list", archive(manifest(nil), records, part{name: "notes.txt", body: []byte("hi")}), k.key(t), []error{ErrDamaged}},
		{"a path with ../", archive(manifest(nil), part{name: "../x", body: body}), k.key(t), []error{ErrUnsafePath}},
		{"a path with ../ first", archive(part{name: "../../etc/cron.d/x", body: body}), k.key(t), []error{ErrUnsafePath}},
		{"an absolute path", archive(manifest(nil), part{name: "/tmp/x", body: body}), k.key(t), []error{ErrUnsafePath}},
		{"a path inside a folder with ..", archive(manifest(nil), part{name: "a/../../x", body: body}), k.key(t), []error{ErrUnsafePath}},
		{"a symbolic link", archive(manifest(nil), part{name: "records.jsonl", typeflag: tar.TypeSymlink, linkname: "/etc/passwd"}), k.key(t), []error{ErrUnsafePath}},
		{"a folder", archive(manifest(nil), part{name: "dir", typeflag: tar.TypeDir}), k.key(t), []error{ErrDamaged}},
		{"a backup from a newer format", archive(manifest(func(m map[string]any) { m["format"] = FormatVersion + 1; m["parts"] = "a new layout" }), records), k.key(t), []error{ErrNewerFormat}},
		{"a backup with newer records", archive(manifest(func(m map[string]any) { m["schema"] = journal.RecordVersion + 1 }), records), k.key(t), []error{ErrNewerFormat}},
	}
	for cut := 4096; cut < len(good); cut += 4096 {
		bads = append(bads, badBackup{fmt.Sprintf("a file cut at %d KiB", cut/1024), good[:cut], k.key(t), []error{ErrDamaged}})
	}
	return bads
}

func TestBadBackupsAreRefusedWithAClearError(t *testing.T) {
	for _, b := range badBackups(t) {
		t.Run(b.name+" is refused", func(t *testing.T) {
			c, err := Read(bytes.NewReader(b.data), b.key, nil)
			if err == nil {
				t.Fatalf("read %d records", len(c.Records))
			}
			for _, want := range b.want {
				if !errors.Is(err, want) {
					t.Errorf("err = %v, want %v", err, want)
				}
			}
			if c != nil {
				t.Error("contents returned with an error")
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || strings.Contains(msg, "Tacksam") {
				t.Errorf("message %q is not one clean line", msg)
			}
		})
	}
}

func TestEveryFlippedByteIsRefused(t *testing.T) {
	k := newKit(t)
	recs := records(0)
	good := encode(t, recs[len(recs)-3:], k.to(t))
	key := k.key(t)
	for i := range good {
		b := bytes.Clone(good)
		b[i] ^= 0x80
		if _, err := Read(bytes.NewReader(b), key, nil); err == nil {
			t.Fatalf("a flipped byte at %d of %d was not noticed", i, len(good))
		}
	}
}

func TestInspectTellsWhatOpensABackup(t *testing.T) {
	k := newKit(t)
	v := newFakeVault(t, k, 0)
	vid := v.id.String()
	for _, tc := range []struct {
		name   string
		data   []byte
		want   Protection
		vaults []journal.ID
		err    error
	}{
		{"an automatic backup from before vault stanzas", encode(t, nil, k.to(t)), ByRecoveryKit, nil, nil},
		{"an automatic backup the vault opens too", encode(t, nil, v.to(t, k)), ByRecoveryKit, []journal.ID{v.id}, nil},
		{"a vault stanza with an upper-case id is not the vault's", []byte("age-encryption.org/v1\n-> X25519 abc\nAAAA\n-> rewire-vault " + strings.ToUpper(vid) + "\nAAAA\n--- abc\n"), ByRecoveryKit, nil, nil},
		{"a vault stanza with two arguments is not the vault's", []byte("age-encryption.org/v1\n-> X25519 abc\nAAAA\n-> rewire-vault " + vid + " x\nAAAA\n--- abc\n"), ByRecoveryKit, nil, nil},
		{"a vault stanza beside scrypt does not count", []byte("age-encryption.org/v1\n-> scrypt abc 18\nAAAA\n-> rewire-vault " + vid + "\nAAAA\n--- abc\n"), ByPassphrase, nil, nil},
		{"a vault stanza alone is not a backup Rewire writes", []byte("age-encryption.org/v1\n-> rewire-vault " + vid + "\nAAAA\n--- abc\n"), 0, nil, ErrDamaged},
		{"not an age file", []byte("hello"), 0, nil, ErrNotBackup},
		{"an empty file", nil, 0, nil, ErrDamaged},
		{"a header without stanzas", []byte("age-encryption.org/v1\n--- abc\n"), 0, nil, ErrDamaged},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := inspect(bytes.NewReader(tc.data))
			if h.Protection != tc.want || !slices.Equal(h.Vaults, tc.vaults) || !errors.Is(err, tc.err) {
				t.Fatalf("inspect = %+v, %v; want %v %v, %v", h, err, tc.want, tc.vaults, tc.err)
			}
			if got, want := h.OpensWith(v.id), len(tc.vaults) > 0; got != want {
				t.Errorf("OpensWith(the vault) = %v", got)
			}
			if h.OpensWith(journal.ID{}) {
				t.Error("OpensWith(the zero id) = true")
			}
		})
	}
}

func TestRecoveryKitKeyRefusesWhatIsNotAKit(t *testing.T) {
	for _, text := range []string{"", "# only comments\n", "AGE-SECRET-KEY-1NOTREALLY", "hello"} {
		if _, err := RecoveryKitKey([]byte(text)); !errors.Is(err, ErrWrongRecoveryKit) {
			t.Errorf("RecoveryKitKey(%q) = %v, want ErrWrongRecoveryKit", text, err)
		}
	}
}
