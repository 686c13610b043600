package backup

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
)

func TestTheVaultOpensItsOwnBackupsAndNoOthers(t *testing.T) {
	lowWorkFactor(t)
	k, otherKit := newKit(t), newKit(t)
	v := newFakeVault(t, k, 20)
	other := &fakeVault{id: journal.ID{0x0f, 0x0e}, recs: records(4), recipient: otherKit.id.Recipient()}
	pass, err := ToPassphrase([]byte("a copy for my sister"))
	if err != nil {
		t.Fatal(err)
	}
	own := encode(t, v.recs, v.to(t, k))
	old := encode(t, v.recs, k.to(t)) // as written before vault stanzas
	theirs := encode(t, other.recs, other.to(t, otherKit))
	copyWithPass := encode(t, v.recs, pass)

	for _, tc := range []struct {
		name string
		data []byte
		key  Key
		want int // records read, when err is nil
		err  error
	}{
		{"the vault opens its own backup", own, v.ownKey(t), len(v.recs), nil},
		{"the kit still opens it", own, k.key(t), len(v.recs), nil},
		{"a backup from before vault stanzas needs the kit", old, v.ownKey(t), 0, ErrNotOwnBackup},
		{"the kit opens that older backup as before", old, k.key(t), len(v.recs), nil},
		{"another vault's backup is not ours", theirs, v.ownKey(t), 0, ErrNotOwnBackup},
		{"nor does the other vault open ours", own, other.ownKey(t), 0, ErrNotOwnBackup},
		{"our kit does not open the other vault's backup", theirs, k.key(t), 0, ErrWrongRecoveryKit},
		{"a copy with its own passphrase needs that passphrase", copyWithPass, v.ownKey(t), 0, ErrNeedsPassphrase},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Read(bytes.NewReader(tc.data), tc.key, nil)
			if !errors.Is(err, tc.err) {
				t.Fatalf("Read = %v, want %v", err, tc.err)
			}
			if err != nil {
				if c != nil {
					t.Fatal("records returned with an error")
				}
				return
			}
			if len(c.Records) != tc.want || c.Manifest.Records != tc.want {
				t.Fatalf("read %d records (manifest %d), want %d", len(c.Records), c.Manifest.Records, tc.want)
			}
		})
	}
}

// tamper wraps the vault's recipient and changes its stanza before age
// writes the header, so the header MAC is over the changed stanza and only
// the stanza itself is wrong.
type tamper struct {
	vaultKey
	edit func(s *age.Stanza)
}

func (r tamper) Wrap(fileKey []byte) ([]*age.Stanza, error) {
	ss, err := r.vaultKey.Wrap(fileKey)
	if err == nil {
		r.edit(ss[0])
	}
	return ss, err
}

func TestATamperedVaultStanzaIsAClearError(t *testing.T) {
	k := newKit(t)
	v := newFakeVault(t, k, 3)
	key, err := v.BackupKey()
	if err != nil {
		t.Fatal(err)
	}
	otherID := journal.ID{0x99}
	wrongKey := [rwcrypto.KeySize]byte{1}
	for _, tc := range []struct {
		name string
		edit func(s *age.Stanza)
		err  error
	}{
		{"a flipped bit in the wrapped key", func(s *age.Stanza) { s.Body[len(s.Body)-1] ^= 1 }, ErrDamaged},
		{"a flipped bit in the nonce", func(s *age.Stanza) { s.Body[0] ^= 1 }, ErrDamaged},
		{"a body cut short", func(s *age.Stanza) { s.Body = s.Body[:len(s.Body)-1] }, ErrDamaged},
		{"an extra argument", func(s *age.Stanza) { s.Args = append(s.Args, "x") }, ErrDamaged},
		{"wrapped under another key", func(s *age.Stanza) {
			other, _ := vaultKey{vault: v.id, key: &wrongKey}.Wrap(make([]byte, 16))
			s.Body = other[0].Body
		}, ErrDamaged},
		{"another vault's id", func(s *age.Stanza) { s.Args[0] = otherID.String() }, ErrNotOwnBackup},
		{"another stanza type", func(s *age.Stanza) { s.Type = "rewire-vault2" }, ErrNotOwnBackup},
	} {
		t.Run(tc.name, func(t *testing.T) {
			to := k.to(t)
			to.rs = append(to.rs, tamper{vaultKey{vault: v.id, key: key}, tc.edit})
			data := encode(t, v.recs, to)
			c, err := Read(bytes.NewReader(data), v.ownKey(t), nil)
			if !errors.Is(err, tc.err) || c != nil {
				t.Fatalf("Read = %v, %v; want %v", c, err, tc.err)
			}
			if errors.Is(tc.err, ErrDamaged) && !strings.Contains(err.Error(), "rewire-vault stanza") {
				t.Errorf("the error does not say what is wrong: %v", err)
			}
			if strings.Contains(err.Error(), string(key[:4])) {
				t.Error("the error quotes the key")
			}
			// The kit's stanza is untouched and the header MAC is over
			// what was written, so the kit still opens it.
			if _, err := Read(bytes.NewReader(data), k.key(t), nil); err != nil {
				t.Errorf("the kit: %v", err)
			}
		})
	}
}

func TestAVaultStanzaChangedInTheFileFailsTheHeaderMAC(t *testing.T) {
	k := newKit(t)
	v := newFakeVault(t, k, 3)
	data := encode(t, v.recs, v.to(t, k))
	line := "-> " + VaultStanza + " " + v.id.String()
	if !bytes.Contains(data, []byte(line)) {
		t.Fatalf("no %q in the header:\n%s", line, data[:200])
	}
	for _, tc := range []struct {
		name    string
		replace string
		own     error // reading with the vault's key
	}{
		{"the id of another vault", "-> " + VaultStanza + " " + journal.ID{0x42}.String(), ErrNotOwnBackup},
		{"an unknown stanza type", "-> rewire-vaulX " + v.id.String(), ErrNotOwnBackup},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := bytes.Replace(data, []byte(line), []byte(tc.replace), 1)
			if _, err := Read(bytes.NewReader(b), v.ownKey(t), nil); !errors.Is(err, tc.own) {
				t.Errorf("with the vault's key: %v, want %v", err, tc.own)
			}
			_, err := Read(bytes.NewReader(b), k.key(t), nil)
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "header fails authentication") {
				t.Errorf("with the kit: %v, want the header MAC to fail", err)
			}
		})
	}
}

func TestOnlyBackupsToTheKitAreWrappedToTheVault(t *testing.T) {
	lowWorkFactor(t)
	k := newKit(t)
	v := newFakeVault(t, k, 0)
	key, _ := v.BackupKey()
	pass, err := ToPassphrase([]byte("words"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		to    Recipient
		vault journal.ID
		key   *[rwcrypto.KeySize]byte
	}{
		{"a copy with its own passphrase", pass, v.id, key},
		{"no recipient at all", Recipient{}, v.id, key},
		{"no key", k.to(t), v.id, nil},
		{"no vault id", k.to(t), journal.ID{}, key},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := tc.to.AndVault(tc.vault, tc.key); err == nil {
				t.Fatal("AndVault accepted it")
			}
		})
	}
	t.Run("age itself refuses a passphrase beside the vault", func(t *testing.T) {
		_, err := age.Encrypt(&bytes.Buffer{}, pass.rs[0], vaultKey{vault: v.id, key: key})
		if err == nil {
			t.Fatal("age mixed scrypt with the vault stanza")
		}
	})
	t.Run("VaultKey needs a key and an id", func(t *testing.T) {
		if _, err := VaultKey(v.id, nil); err == nil {
			t.Error("no key accepted")
		}
		if _, err := VaultKey(journal.ID{}, key); err == nil {
			t.Error("no id accepted")
		}
	})
}

// keyLog is a fakeVault that keeps every backup key it hands out, to see
// that the caller wiped it.
type keyLog struct {
	*fakeVault
	issued []*[rwcrypto.KeySize]byte
}

func (v *keyLog) BackupKey() (*[rwcrypto.KeySize]byte, error) {
	k, err := v.fakeVault.BackupKey()
	if err == nil {
		v.issued = append(v.issued, k)
	}
	return k, err
}

func TestAutomaticBackupOpensWithTheVaultAndWipesTheKey(t *testing.T) {
	k := newKit(t)
	v := &keyLog{fakeVault: newFakeVault(t, k, 12)}
	dir := t.TempDir()
	res, err := Automatic(v, dir, Options{Clock: &fakeClock{time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.issued) != 1 || *v.issued[0] != [rwcrypto.KeySize]byte{} {
		t.Errorf("backup keys handed out: %d, the first wiped: %v", len(v.issued), len(v.issued) > 0 && *v.issued[0] == [rwcrypto.KeySize]byte{})
	}
	h, err := ReadHeader(res.Path)
	if err != nil || h.Protection != ByRecoveryKit || !h.OpensWith(v.id) {
		t.Fatalf("ReadHeader = %+v, %v", h, err)
	}
	for name, key := range map[string]Key{"the vault's own key": v.ownKey(t), "the recovery kit": k.key(t)} {
		t.Run(name, func(t *testing.T) {
			m, err := Verify(res.Path, key, nil)
			if err != nil || m.Records != len(v.recs) || m.Vault != v.id {
				t.Fatalf("Verify = %+v, %v", m, err)
			}
		})
	}
	t.Run("a vault that gives no key makes no backup", func(t *testing.T) {
		locked := newFakeVault(t, k, 2)
		locked.noKey = true
		dir := t.TempDir()
		if _, err := Automatic(locked, dir, Options{}); !errors.Is(err, journal.ErrLocked) {
			t.Fatalf("Automatic = %v, want ErrLocked", err)
		}
		if got := names(t, dir); len(got) != 0 {
			t.Errorf("the folder holds %v", got)
		}
	})
}

// The vector testdata/v1-vault.age is an automatic backup with a
// rewire-vault stanza, for the vault vectorVault whose backup key is the
// fake one (a hash of its id). Every later Rewire must open it both ways.
const vectorVaultBackup = "testdata/v1-vault.age"

var vectorVault = journal.ID{0x7e, 0x57}

func TestVaultStanzaVectorStillReads(t *testing.T) {
	if *update {
		writeVaultVector(t)
	}
	kitText, err := os.ReadFile(vectorKit)
	if err != nil {
		t.Fatal(err)
	}
	kitKey, err := RecoveryKitKey(kitText)
	if err != nil {
		t.Fatal(err)
	}
	v := &fakeVault{id: vectorVault}
	want, err := os.ReadFile(vectorRecords)
	if err != nil {
		t.Fatal(err)
	}
	h, err := ReadHeader(vectorVaultBackup)
	if err != nil || !h.OpensWith(vectorVault) {
		t.Fatalf("ReadHeader = %+v, %v", h, err)
	}
	for name, key := range map[string]Key{"vault": v.ownKey(t), "kit": kitKey} {
		t.Run(name, func(t *testing.T) {
			c, err := ReadFile(vectorVaultBackup, key, nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := jsonl(t, c.Records); !bytes.Equal(got, want) {
				t.Errorf("records differ from %s", vectorRecords)
			}
		})
	}
}

func writeVaultVector(t *testing.T) {
	t.Helper()
	kitText, err := os.ReadFile(vectorKit)
	if err != nil {
		t.Fatal(err)
	}
	id, err := rwcrypto.ParseRecoveryKit(kitText)
	if err != nil {
		t.Fatal(err)
	}
	v := &fakeVault{id: vectorVault}
	k := kit{id: id, text: kitText}
	info := Info{Vault: vectorVault, Created: time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC), AppVersion: "v0.2.0"}
	var buf bytes.Buffer
	// The records of the format 1 vector, so both vectors hold the same.
	c, err := ReadFile(vectorKitBackup, k.key(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Write(&buf, c.Records, v.to(t, k), info, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Clean(vectorVaultBackup), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestOwnKeyOpensTheVaultsBackupAndItsWipeWipes(t *testing.T) {
	k := newKit(t)
	v := &keyLog{fakeVault: newFakeVault(t, k, 5)}
	res, err := Automatic(v, t.TempDir(), Options{Clock: &fakeClock{time.Date(2026, 11, 25, 9, 30, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		locked  bool
		wantErr error
	}{
		{"unlocked: opens, then wiped", false, nil},
		{"locked: no key", true, journal.ErrLocked},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v.noKey, v.issued = tc.locked, nil
			key, wipe, err := OwnKey(v)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("OwnKey: %v, want %v", err, tc.wantErr)
			}
			if err != nil {
				return
			}
			m, err := Verify(res.Path, key, nil)
			if err != nil || m.Records != len(v.recs) {
				t.Fatalf("Verify with the own key: %+v, %v", m, err)
			}
			if len(v.issued) != 1 || *v.issued[0] == ([rwcrypto.KeySize]byte{}) {
				t.Fatalf("%d keys issued, or wiped too early", len(v.issued))
			}
			wipe()
			if *v.issued[0] != ([rwcrypto.KeySize]byte{}) {
				t.Error("the backup key is not wiped")
			}
		})
	}
}
