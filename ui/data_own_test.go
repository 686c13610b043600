package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/backup"
)

const ownNote = "one of this journal's own backups"

// asks says what the task asks for after a backup is opened.
func asks(tk *backupTask) string {
	switch {
	case tk.kit != nil:
		return "kit"
	case tk.pass != nil:
		return "passphrase"
	}
	return "nothing"
}

// The journal opens its own automatic backups without the recovery kit;
// every other backup asks for what opens it, as before.
func TestTheJournalChecksItsOwnBackupsWithoutTheKit(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, _ := dataTestApp(t, &off, entries(6, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	own, err := backup.Automatic(v.bj, filepath.Join(v.dir, "own"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	older := kitOnlyBackup(t, v.bj, filepath.Join(v.dir, "older")).Path
	other := newBackupJournal(t, "x")
	other.locked = false
	theirs, err := backup.Automatic(other, filepath.Join(v.dir, "theirs"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	handOff, err := backup.Manual(v.bj, filepath.Join(v.dir, "copy"), []byte("a copy for my sister"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := dataScreenOf(t, a)
	for _, tt := range []struct {
		name    string
		path    string
		restore bool
		asks    string // what the task asks for: "nothing", "kit" or "passphrase"
		says    string
	}{
		{"verifying its own backup", own.Path, false, "nothing", "This backup is sound: 7 records"},
		{"restoring its own backup", own.Path, true, "nothing", "Merging into this journal"},
		{"an older backup, to the kit alone", older, false, "kit", "opens with your recovery kit"},
		{"another journal's backup", theirs.Path, true, "kit", "opens with your recovery kit"},
		{"a copy with its own passphrase", handOff.Path, true, "passphrase", "a passphrase of its own"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			issued := len(v.bj.issued)
			s.task.open(tt.path, tt.restore)
			if got := asks(s.task); got != tt.asks {
				t.Fatalf("the task asks for %s, want %s", got, tt.asks)
			}
			if !showsText(a, tt.says) {
				t.Errorf("the screen does not say %q", tt.says)
			}
			if got, want := showsText(a, ownNote), tt.asks == "nothing"; got != want {
				t.Errorf("the screen says it is the journal's own backup: %v, want %v", got, want)
			}
			for _, k := range v.bj.issued[issued:] {
				if *k != [rwcrypto.KeySize]byte{} {
					t.Error("the journal's backup key was not wiped after reading")
				}
			}
			if tt.asks == "nothing" && len(v.bj.issued) == issued {
				t.Error("the journal's own key was not used")
			}
			if v.bj.merges != 0 {
				t.Error("merged before being asked")
			}
			s.task.reset()
		})
	}
}

// The case the journal's own key is for: an entry deleted today comes back
// from last night's automatic backup, without digging out the kit.
func TestADeletedEntryIsMergedBackFromTheJournalsOwnBackup(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	recs := entries(4, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))
	a, v, _ := dataTestApp(t, &off, recs...)
	res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.bj.Delete(recs[2].ID); err != nil {
		t.Fatal(err)
	}
	s := dataScreenOf(t, a)
	s.task.open(res.Path, true)
	if s.task.kit != nil || s.task.contents == nil {
		t.Fatalf("the own backup was not checked without the kit (asks for %s)", asks(s.task))
	}
	test.Tap(button(a, "Merge into this journal"))
	if _, ok := v.bj.records[recs[2].ID]; !ok || v.bj.merges != 1 {
		t.Fatalf("the deleted entry is not back (%d merges)", v.bj.merges)
	}
	if !showsText(a, "Restored. 1 records added") {
		t.Errorf("the outcome is not shown: %q", s.task.message.Text)
	}
}

// A backup whose rewire-vault stanza was changed is damaged: the screen
// says so, merges nothing, and offers the kit, which fails the same way
// because the header MAC covers the stanza.
func TestATamperedOwnBackupIsRefusedAndTheKitIsOffered(t *testing.T) {
	off := journal.Settings{BackupEveryHours: -1}
	a, v, _ := dataTestApp(t, &off, entries(3, time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC))...)
	res, err := backup.Automatic(v.bj, filepath.Join(v.dir, "b"), backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data := fileBytes(t, res.Path)
	line := []byte("-> " + backup.VaultStanza + " " + v.bj.ID().String() + "\n")
	i := bytes.Index(data, line)
	if i < 0 {
		t.Fatal("no rewire-vault stanza of this journal in its backup")
	}
	body := i + len(line)
	if data[body] == 'A' {
		data[body] = 'B'
	} else {
		data[body] = 'A'
	}
	path := filepath.Join(t.TempDir(), filepath.Base(res.Path))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}

	s := dataScreenOf(t, a)
	before := len(v.bj.records)
	s.task.open(path, true)
	if msg := s.task.message; msg == nil || !strings.Contains(msg.Text, "damaged or incomplete") || !strings.Contains(msg.Text, "rewire-vault stanza") {
		t.Fatalf("message %v", msg)
	}
	if s.task.contents != nil || len(v.bj.records) != before || v.bj.merges != 0 {
		t.Fatal("a tampered backup changed the journal")
	}
	useKit := button(a, "Open it with the recovery kit instead")
	if useKit == nil {
		t.Fatal("the kit is not offered")
	}
	test.Tap(useKit)
	if s.task.kit == nil {
		t.Fatal("no kit field after choosing the kit")
	}
	test.Type(s.task.kit, string(v.bj.kitText))
	s.task.check()
	if msg := s.task.message; !strings.Contains(msg.Text, "damaged or incomplete") || s.task.contents != nil || v.bj.merges != 0 {
		t.Fatalf("with the kit: %q", msg.Text)
	}
}
