package backup

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"filippo.io/age"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
)

// Vault is what a backup reads from: an unlocked [journal.Vault].
type Vault interface {
	ID() journal.ID
	List(journal.Filter) ([]journal.Record, error)
	RecoveryRecipient() (*age.X25519Recipient, error)
	// BackupKey is the vault's own backup key ([journal.Vault.BackupKey]);
	// the caller wipes it.
	BackupKey() (*[rwcrypto.KeySize]byte, error)
}

var _ Vault = (*journal.Vault)(nil)

// Options adjust [Automatic] and [Manual]. The zero value is usable.
type Options struct {
	// Clock names and dates the backup and drives rotation; nil means the
	// system clock. Rotation buckets days, weeks and months in the clock's
	// time zone.
	Clock journal.Clock
	// AppVersion goes in the manifest; "" means the running binary's.
	AppVersion string
	// Keep is the rotation of automatic backups; the zero value means
	// [DefaultKeep].
	Keep Keep
	// Progress, if not nil, is called from the backing-up goroutine with
	// the work done so far: encoding the records, then reading them back.
	Progress func(done, total int)
}

func (o Options) now() time.Time {
	if o.Clock != nil {
		return o.Clock.Now()
	}
	return time.Now()
}

// Result says what a backup wrote.
type Result struct {
	Path     string   // the verified backup file
	Manifest Manifest // its manifest
	Removed  []string // older automatic backups rotated away
}

// Automatic backs the vault up into dir (made 0700 if missing), encrypted
// to the vault's recovery kit and to the vault's own backup key (see
// [Recipient.AndVault]), then rotates the older automatic backups of this
// vault in dir according to o.Keep. See [WriteFile] for how the file is
// written and verified. If rotation fails, the new backup is still
// returned, with the error.
func Automatic(v Vault, dir string, o Options) (Result, error) {
	rr, err := v.RecoveryRecipient()
	if err != nil {
		return Result{}, fmt.Errorf("backup: the vault's recovery recipient: %w", err)
	}
	to, err := ToRecoveryKit(rr)
	if err != nil {
		return Result{}, err
	}
	key, err := v.BackupKey()
	if err != nil {
		return Result{}, fmt.Errorf("backup: the vault's backup key: %w", err)
	}
	defer rwcrypto.Wipe(key[:])
	if to, err = to.AndVault(v.ID(), key); err != nil {
		return Result{}, err
	}
	res, err := WriteFile(v, dir, to, o)
	if err != nil {
		return res, err
	}
	res.Removed, err = Rotate(dir, v.ID(), cmp.Or(o.Keep, DefaultKeep), o.now())
	return res, err
}

// Manual backs the vault up into dir with a passphrase of its own, for
// handing a copy to someone. It is never rotated away. The caller keeps
// ownership of passphrase.
func Manual(v Vault, dir string, passphrase []byte, o Options) (Result, error) {
	to, err := ToPassphrase(passphrase)
	if err != nil {
		return Result{}, err
	}
	return WriteFile(v, dir, to, o)
}

// WriteFile writes a backup of every record in v into dir, named for the
// vault and the time (see [Name]). The backup is written to a temporary
// file in dir and fsynced, then read back from disk and verified in full
// (with the file key kept from encryption, so no kit or passphrase is
// needed; a backup also wrapped to the vault is read back through its
// [VaultStanza], which checks that stanza too); only a backup that
// verifies is renamed to its name, and the folder is fsynced. So a crash
// or a failure at any point leaves no partial file under a backup's name,
// and older backups are never touched.
func WriteFile(v Vault, dir string, to Recipient, o Options) (res Result, err error) {
	created := o.now()
	recs, err := v.List(journal.Filter{})
	if err != nil {
		return res, fmt.Errorf("backup: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, fmt.Errorf("backup: %w", err)
	}
	vid := v.ID()
	removeStaleTemps(dir, vid)
	tmp, err := os.CreateTemp(dir, tempPrefix(vid)+"*"+tempSuffix)
	if err != nil {
		return res, fmt.Errorf("backup: %w", err)
	}
	defer func() {
		if tmp != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	// Two phases of progress: encoding n records, then reading n back.
	n := len(recs)
	var encode, verify func(done, total int)
	if o.Progress != nil {
		encode = func(done, _ int) { o.Progress(done, 2*n) }
		verify = func(done, _ int) { o.Progress(n+done, 2*n) }
	}
	bw := bufio.NewWriterSize(tmp, 256<<10)
	fileKey, m, err := write(bw, recs, to, Info{Vault: vid, Created: created, AppVersion: o.AppVersion}, encode)
	defer rwcrypto.Wipe(fileKey)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if err != nil {
		return res, fmt.Errorf("backup: write %s: %w", dir, err)
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return res, fmt.Errorf("backup: %w", err)
	}
	key := Key{id: age.NewInjectedFileKeyIdentity(fileKey), prot: to.prot}
	if to.vault != nil {
		key = Key{id: *to.vault, prot: to.prot, own: true}
	}
	got, err := read(bufio.NewReaderSize(tmp, 256<<10), key, verify, false)
	if err != nil {
		return res, fmt.Errorf("backup: the written file did not verify: %w", err)
	}
	if got.Manifest.Records != m.Records {
		return res, fmt.Errorf("backup: the written file holds %d records, not %d", got.Manifest.Records, m.Records)
	}
	if err := tmp.Close(); err != nil {
		return res, fmt.Errorf("backup: %w", err)
	}
	final, err := freeName(dir, Name(vid, m.Created, to.prot))
	if err != nil {
		return res, fmt.Errorf("backup: %w", err)
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return res, fmt.Errorf("backup: %w", err)
	}
	tmp = nil
	if err := syncDir(dir); err != nil {
		return res, fmt.Errorf("backup: %s written, but the folder could not be synced: %w", final, err)
	}
	return Result{Path: final, Manifest: *m}, nil
}

// syncDir makes a rename in dir durable. Windows cannot sync a folder and
// does not need to.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

const tempSuffix = ".tmp"

func tempPrefix(vault journal.ID) string { return ".rewire-" + shortID(vault) + "-" }

// removeStaleTemps removes temporary files an interrupted backup of this
// vault left in dir. Only one process has a vault open, so none is in use.
func removeStaleTemps(dir string, vault journal.ID) {
	names, _ := filepath.Glob(filepath.Join(dir, tempPrefix(vault)+"*"+tempSuffix))
	for _, n := range names {
		os.Remove(n)
	}
}

func shortID(id journal.ID) string { return id.String()[:8] }

// nameTime is the layout of the time in a backup's name: UTC, to the
// second, without characters that file systems refuse.
const nameTime = "20060102T150405Z"

// Name is the file name of a backup of vault made at t:
// rewire-<first 8 hex digits of the vault id>-<UTC time>.age for automatic
// backups and the same ending in -passphrase.age for manual ones.
func Name(vault journal.ID, t time.Time, p Protection) string {
	s := "rewire-" + shortID(vault) + "-" + t.UTC().Format(nameTime)
	if p == ByPassphrase {
		s += "-passphrase"
	}
	return s + ".age"
}

var nameRE = regexp.MustCompile(`^rewire-([0-9a-f]{8})-([0-9]{8}T[0-9]{6}Z)(?:-([0-9]{1,4}))?(-passphrase)?\.age$`)

// freeName returns dir/name, or with -2, -3… before the ending if a backup
// already has that name (two backups in one second).
func freeName(dir, name string) (string, error) {
	base, ext, _ := strings.Cut(name, ".age")
	ext += ".age"
	suffix := ""
	if b, ok := strings.CutSuffix(base, "-passphrase"); ok {
		base, suffix = b, "-passphrase"
	}
	for i := 1; i < 1000; i++ {
		n := base + suffix + ext
		if i > 1 {
			n = base + "-" + strconv.Itoa(i) + suffix + ext
		}
		p := filepath.Join(dir, n)
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			return p, nil
		} else if err != nil {
			return "", err
		}
	}
	return "", fmt.Errorf("too many backups named %s in one second", name)
}

// File is a backup found in a folder.
type File struct {
	Path       string
	Created    time.Time // from the name, UTC
	Protection Protection
	Size       int64
}

// List returns the backups of vault in dir, by their names, oldest first.
// Other files are ignored. A missing folder has no backups.
func List(dir string, vault journal.ID) ([]File, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	var out []File
	for _, e := range entries {
		f, ok := parseName(e.Name(), vault)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		if info, err := e.Info(); err == nil {
			f.Size = info.Size()
		}
		f.Path = filepath.Join(dir, e.Name())
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b File) int {
		return cmp.Or(a.Created.Compare(b.Created), cmp.Compare(a.Path, b.Path))
	})
	return out, nil
}

func parseName(name string, vault journal.ID) (File, bool) {
	m := nameRE.FindStringSubmatch(name)
	if m == nil || m[1] != shortID(vault) {
		return File{}, false
	}
	t, err := time.Parse(nameTime, m[2])
	if err != nil {
		return File{}, false
	}
	p := ByRecoveryKit
	if m[4] != "" {
		p = ByPassphrase
	}
	return File{Created: t, Protection: p}, true
}

// Latest returns the newest automatic backup of vault in dir; ok is false
// when there is none.
func Latest(dir string, vault journal.ID) (f File, ok bool, err error) {
	files, err := List(dir, vault)
	if err != nil {
		return File{}, false, err
	}
	for i := len(files) - 1; i >= 0; i-- {
		if files[i].Protection == ByRecoveryKit {
			return files[i], true, nil
		}
	}
	return File{}, false, nil
}

// DefaultEvery is how old the newest automatic backup may be before the
// app makes another after unlock.
const DefaultEvery = 24 * time.Hour

// Due reports whether an automatic backup of vault into dir is due at now:
// there is none, or the newest is every or more old. A newest backup dated
// more than a day in the future (a clock that was wrong) counts as due too.
func Due(dir string, vault journal.ID, now time.Time, every time.Duration) (bool, error) {
	f, ok, err := Latest(dir, vault)
	if err != nil || !ok {
		return err == nil, err
	}
	return now.Sub(f.Created) >= every || f.Created.Sub(now) > 24*time.Hour, nil
}
