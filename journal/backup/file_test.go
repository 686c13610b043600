package backup

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

func newFakeVault(t testing.TB, k kit, n int) *fakeVault {
	t.Helper()
	return &fakeVault{id: journal.ID{0xab, 0xcd, 0xef, 0x01, 9}, recs: records(n), recipient: k.id.Recipient()}
}

// names lists the files in dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestAutomaticBackupIsVerifiedAndNamed(t *testing.T) {
	k := newKit(t)
	v := newFakeVault(t, k, 30)
	dir := filepath.Join(t.TempDir(), "usb", "backups")
	clock := &fakeClock{t: time.Date(2026, 11, 25, 9, 30, 15, 0, time.UTC)}
	var calls [][2]int
	res, err := Automatic(v, dir, Options{Clock: clock, AppVersion: "1.2.3", Progress: func(d, n int) { calls = append(calls, [2]int{d, n}) }})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "rewire-abcdef01-20261125T093015Z.age"); res.Path != want {
		t.Errorf("path %s, want %s", res.Path, want)
	}
	if got := names(t, dir); !slices.Equal(got, []string{filepath.Base(res.Path)}) {
		t.Errorf("folder holds %v", got)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700 | os.ModeDir, res.Path: 0o600} {
		if fi, err := os.Stat(path); err != nil || fi.Mode() != want {
			t.Errorf("%s: mode %v, %v; want %v", path, fi.Mode(), err, want)
		}
	}
	m, err := Verify(res.Path, k.key(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.Records != len(v.recs) || m.AppVersion != "1.2.3" || m.Vault != v.id || res.Manifest.Records != m.Records {
		t.Errorf("manifest %+v", m)
	}
	if p, err := Inspect(res.Path); p != ByRecoveryKit || err != nil {
		t.Errorf("Inspect = %v, %v", p, err)
	}
	n := len(v.recs)
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{2 * n, 2 * n} {
		t.Errorf("progress ended at %v, want %d of %d", calls[len(calls)-1:], 2*n, 2*n)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] || calls[i][1] != 2*n {
			t.Fatalf("progress went %v then %v", calls[i-1], calls[i])
		}
	}
}

func TestManualBackupHasItsOwnPassphraseAndIsNotRotated(t *testing.T) {
	lowWorkFactor(t)
	k := newKit(t)
	v := newFakeVault(t, k, 3)
	dir := t.TempDir()
	clock := &fakeClock{t: time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)}
	res, err := Manual(v, dir, []byte("hand this to Sam"), Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(res.Path, "-20260101T120000Z-passphrase.age") {
		t.Errorf("path %s", res.Path)
	}
	key, err := PassphraseKey([]byte("hand this to Sam"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(res.Path, key, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(res.Path, k.key(t), nil); !errors.Is(err, ErrNeedsPassphrase) {
		t.Errorf("the kit on a manual backup: %v", err)
	}
	for range 40 {
		clock.t = clock.t.AddDate(0, 0, 5)
		if _, err := Automatic(v, dir, Options{Clock: clock, Keep: Keep{Daily: 1}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(res.Path); err != nil {
		t.Fatalf("rotation removed the manual backup: %v", err)
	}
	if got := len(names(t, dir)); got != 2 {
		t.Errorf("%d files, want the manual and the newest automatic", got)
	}
	if f, ok, err := Latest(dir, v.id); err != nil || !ok || f.Protection != ByRecoveryKit || !f.Created.Equal(clock.t) {
		t.Errorf("Latest = %+v, %v, %v", f, ok, err)
	}
}

func TestTwoBackupsInOneSecondGetTwoNames(t *testing.T) {
	k := newKit(t)
	v := newFakeVault(t, k, 2)
	dir := t.TempDir()
	clock := &fakeClock{t: time.Date(2026, 5, 5, 5, 5, 5, 0, time.UTC)}
	var paths []string
	for range 3 {
		res, err := WriteFile(v, dir, k.to(t), Options{Clock: clock})
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Base(res.Path))
	}
	want := []string{"rewire-abcdef01-20260505T050505Z.age", "rewire-abcdef01-20260505T050505Z-2.age", "rewire-abcdef01-20260505T050505Z-3.age"}
	if !slices.Equal(paths, want) {
		t.Fatalf("names %v, want %v", paths, want)
	}
	files, err := List(dir, v.id)
	if err != nil || len(files) != 3 {
		t.Fatalf("List = %v, %v", files, err)
	}
}

func TestABackupThatDoesNotVerifyIsNeverNamed(t *testing.T) {
	k := newKit(t)
	dir := t.TempDir()
	older := filepath.Join(dir, "rewire-abcdef01-20200101T000000Z.age")
	touch(t, older)
	for _, tc := range []struct {
		name string
		bad  journal.Record
	}{
		{"a record without an id fails to write", journal.Record{Kind: journal.KindEntry, Date: "2026-01-01", Entry: &journal.Entry{Body: "x"}}},
		{"a record that does not validate fails to write", journal.Record{ID: journal.ID{7}, Kind: "diary", Date: "2026-01-01", Entry: &journal.Entry{Body: "x"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := newFakeVault(t, k, 2)
			v.recs = append(v.recs, tc.bad)
			if _, err := Automatic(v, dir, Options{}); err == nil {
				t.Fatal("backup succeeded")
			}
			if got := names(t, dir); !slices.Equal(got, []string{filepath.Base(older)}) {
				t.Fatalf("folder holds %v", got)
			}
		})
	}
}

func TestStaleTemporaryFilesOfThisVaultAreCleared(t *testing.T) {
	k := newKit(t)
	v := newFakeVault(t, k, 2)
	dir := t.TempDir()
	mine := filepath.Join(dir, ".rewire-abcdef01-12345.tmp")
	theirs := filepath.Join(dir, ".rewire-01020304-12345.tmp")
	touch(t, mine)
	touch(t, theirs)
	if _, err := Automatic(v, dir, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mine); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("this vault's stale temporary file is still there: %v", err)
	}
	if _, err := os.Stat(theirs); err != nil {
		t.Errorf("another vault's temporary file was removed: %v", err)
	}
}

func TestDue(t *testing.T) {
	vid := journal.ID{0xab, 0xcd, 0xef, 0x01}
	last := time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name  string
		files []string
		now   time.Time
		want  bool
	}{
		{"no backup yet is due", nil, last, true},
		{"a backup an hour old is not due", []string{Name(vid, last, ByRecoveryKit)}, last.Add(time.Hour), false},
		{"a backup a day old is due", []string{Name(vid, last, ByRecoveryKit)}, last.Add(24 * time.Hour), true},
		{"a manual backup does not count", []string{Name(vid, last, ByPassphrase)}, last.Add(time.Hour), true},
		{"another vault's backup does not count", []string{Name(journal.ID{9}, last, ByRecoveryKit)}, last.Add(time.Hour), true},
		{"a backup dated days ahead (a wrong clock) is due", []string{Name(vid, last.AddDate(0, 0, 3), ByRecoveryKit)}, last, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tc.files {
				touch(t, filepath.Join(dir, f))
			}
			if got, err := Due(dir, vid, tc.now, DefaultEvery); got != tc.want || err != nil {
				t.Fatalf("Due = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
	t.Run("a missing folder is due", func(t *testing.T) {
		if got, err := Due(filepath.Join(t.TempDir(), "nope"), vid, last, DefaultEvery); !got || err != nil {
			t.Fatalf("Due = %v, %v", got, err)
		}
	})
}
