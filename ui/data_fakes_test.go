package ui

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"filippo.io/age"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/backup"
)

// backupJournal is a fakeJournal with what backups need: an id, a
// recovery recipient (with the kit that opens its backups) and a merge
// that adds records by id, the newer edit winning.
type backupJournal struct {
	*fakeJournal
	id        journal.ID
	identity  *age.X25519Identity
	kitText   []byte
	merges    int
	mergeFail error
	checkFail error
	// snapshots are the safety copies made, with how many merges had
	// happened when each was made; snapshotFail fails the next one.
	snapshots    []snapshotMade
	snapshotFail error
	issued       []*[rwcrypto.KeySize]byte // backup keys handed out
}

type snapshotMade struct {
	path   string
	merges int
}

// Snapshot writes a stand-in file, never over an existing one, as the
// real store does.
func (b *backupJournal) Snapshot(path string) error {
	if b.snapshotFail != nil {
		return b.snapshotFail
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "a copy of %d records\n", len(b.records))
	b.snapshots = append(b.snapshots, snapshotMade{path, b.merges})
	return f.Close()
}

func (b *backupJournal) Check() error {
	if b.locked {
		return journal.ErrLocked
	}
	return b.checkFail
}

var _ BackupVault = (*backupJournal)(nil)

func newBackupJournal(t *testing.T, passphrase string) *backupJournal {
	t.Helper()
	id, err := rwcrypto.NewRecoveryIdentity()
	if err != nil {
		t.Fatal(err)
	}
	vid := journal.NewID()
	return &backupJournal{
		fakeJournal: newFakeJournal(passphrase),
		id:          vid,
		identity:    id,
		kitText:     rwcrypto.FormatRecoveryKit(id, vid[:], time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)),
	}
}

func (b *backupJournal) ID() journal.ID { return b.id }

// BackupKey is the journal's own backup key, which a real vault derives
// from its data key; here a hash of its id. Each call hands out a copy,
// kept in issued to check that the caller wiped it.
func (b *backupJournal) BackupKey() (*[rwcrypto.KeySize]byte, error) {
	if b.locked {
		return nil, journal.ErrLocked
	}
	k := [rwcrypto.KeySize]byte(sha256.Sum256(append([]byte("backup key of "), b.id[:]...)))
	b.issued = append(b.issued, &k)
	return &k, nil
}

func (b *backupJournal) RecoveryRecipient() (*age.X25519Recipient, error) {
	if b.locked {
		return nil, journal.ErrLocked
	}
	return b.identity.Recipient(), nil
}

func (b *backupJournal) plan(in []journal.Record) (rep journal.MergeReport, put []journal.Record) {
	for _, r := range in {
		old, ok := b.records[r.ID]
		switch {
		case !ok:
			rep.Added++
			put = append(put, r)
		case r.Updated.After(old.Updated):
			rep.Updated++
			put = append(put, r)
		default:
			rep.Unchanged++
		}
	}
	return rep, put
}

func (b *backupJournal) PlanMerge(in []journal.Record) (journal.MergeReport, error) {
	if b.locked {
		return journal.MergeReport{}, journal.ErrLocked
	}
	rep, _ := b.plan(in)
	return rep, nil
}

func (b *backupJournal) Merge(in []journal.Record, progress func(done, total int)) (journal.MergeReport, error) {
	if b.locked {
		return journal.MergeReport{}, journal.ErrLocked
	}
	if b.mergeFail != nil {
		return journal.MergeReport{}, b.mergeFail
	}
	b.merges++
	rep, put := b.plan(in)
	for i, r := range put {
		b.records[r.ID] = r
		if progress != nil {
			progress(i+1, len(put))
		}
	}
	return rep, nil
}

// dataVaults is a [Vaults] over one backupJournal whose file would live in
// a temporary folder, so automatic backups go to dir/backups. It can
// replace the journal, as the real one does.
type dataVaults struct {
	fakeVaults
	bj   *backupJournal
	dir  string
	bak  int // replacements
	fail error
}

var _ VaultReplacer = (*dataVaults)(nil)

func (v *dataVaults) Path() string           { return filepath.Join(v.dir, "vault.db") }
func (v *dataVaults) Open() (Journal, error) { return v.bj, nil }

func (v *dataVaults) ReplaceWith(recs []journal.Record, pass []byte, _ journal.KDFParams, progress func(done, total int)) (Journal, []byte, string, error) {
	if v.fail != nil {
		return v.bj, nil, "", v.fail
	}
	old := v.bj
	nj := &backupJournal{fakeJournal: newFakeJournal(string(pass)), id: journal.NewID(), identity: old.identity, kitText: []byte("# NEW KIT\nAGE-SECRET-KEY-1NEW\n")}
	nj.clock = old.clock
	nj.locked = false
	for i, r := range recs {
		nj.records[r.ID] = r
		progress(i+1, len(recs))
	}
	old.locked = true
	v.bj, v.j = nj, nj.fakeJournal
	v.bak++
	return nj, bytes.Clone(nj.kitText), v.Path() + ".bak", nil
}

// dataTestApp is an unlocked app over a backupJournal holding recs, on a
// fake clock. settings, if not nil, is stored before the unlock.
func dataTestApp(t *testing.T, settings *journal.Settings, recs ...journal.Record) (*App, *dataVaults, *fakeClock) {
	t.Helper()
	bj := newBackupJournal(t, testPassphrase)
	v := &dataVaults{bj: bj, dir: t.TempDir()}
	v.j = bj.fakeJournal
	clock := &fakeClock{now: time.Date(2026, 11, 25, 9, 30, 0, 0, time.Local)}
	bj.clock = clock.Now
	for _, r := range recs {
		bj.records[r.ID] = r
	}
	if settings != nil {
		s := *settings
		id := journal.NewID()
		bj.records[id] = journal.Record{ID: id, Kind: journal.KindSettings, Date: "2026-11-01", Settings: &s,
			Created: clock.now.Add(-time.Hour), Updated: clock.now.Add(-time.Hour)}
	}
	fa := test.NewTempApp(t)
	SetLanguage("en")
	t.Cleanup(func() { SetLanguage("en") })
	a := New(fa, v, Options{
		Run:       InlineRunner,
		Clock:     clock.Now,
		TickEvery: -1,
		Calibrate: func(time.Duration, func(float64)) (journal.KDFParams, error) {
			return journal.MinKDFParams(), nil
		},
	})
	a.build()
	a.win.Resize(screenshotSize)
	test.Type(a.unlockView.passphrase, testPassphrase)
	a.unlockView.submit()
	if a.shell == nil {
		t.Fatal("the app did not unlock")
	}
	return a, v, clock
}

// dataScreenOf shows Backup & data and returns it.
func dataScreenOf(t *testing.T, a *App) *dataScreen {
	t.Helper()
	a.ShowScreen(screenData)
	s, ok := a.shell.screens[screenData].(*dataScreen)
	if !ok {
		t.Fatalf("screen %d is %T", screenData, a.shell.screens[screenData])
	}
	return s
}

// entries returns n journal entries dated from 2026-11-01.
func entries(n int, at time.Time) []journal.Record {
	out := make([]journal.Record, n)
	for i := range out {
		out[i] = journal.Record{ID: journal.NewID(), Kind: journal.KindEntry, Version: journal.RecordVersion,
			Date:    time.Date(2026, 11, 1+i%25, 0, 0, 0, 0, time.UTC).Format(journal.DateLayout),
			Created: at, Updated: at,
			Entry: &journal.Entry{Title: "Day", Body: "Walked by the river, écoute, вдячність."}}
	}
	return out
}

// newerFormatBackup is an age file to recipient holding a manifest of a
// backup format after this one.
func newerFormatBackup(t *testing.T, to age.Recipient) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, to)
	if err != nil {
		t.Fatal(err)
	}
	tw := tar.NewWriter(w)
	m := []byte(`{"format": 99, "app": "Rewire"}`)
	if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: "manifest.json", Mode: 0o600, Size: int64(len(m))}); err != nil {
		t.Fatal(err)
	}
	tw.Write(m)
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkBox returns the window's check box labelled text.
func checkBox(a *App, text string) *widget.Check {
	for _, o := range objects(a) {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			return c
		}
	}
	return nil
}

// kitOnlyBackup writes a backup of bj into dir encrypted to its recovery
// kit alone, as Rewire wrote automatic backups before they were also
// wrapped to the journal's own key.
func kitOnlyBackup(t *testing.T, bj *backupJournal, dir string) backup.Result {
	t.Helper()
	to, err := backup.ToRecoveryKit(bj.identity.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	res, err := backup.WriteFile(bj, dir, to, backup.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
