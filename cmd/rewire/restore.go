package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/sqlite"
	"github.com/rewirejournal/rewire/ui"
)

var _ ui.VaultReplacer = (*vaults)(nil)

// ReplaceWith restores a checked backup into a new vault in place of the
// open one, in steps that each leave a vault that opens:
//
//  1. the new vault is made beside the old one (<path>.restoring), the
//     records merged into it in one transaction, and checked;
//  2. the old vault is closed and linked as <path>.bak (or .2.bak …), and
//     the new one renamed over path, so path always names a whole vault,
//     the old or the new, even if the process dies in between; where
//     links are not possible the old file is renamed instead;
//  3. the new vault is opened and unlocked from path and checked again:
//     every record opens and there are as many as were restored.
//
// If step 3 fails the old vault is put back under path. The .bak file is
// kept: it is the user's previous journal, and only they may decide it is
// not needed.
func (v *vaults) ReplaceWith(recs []journal.Record, passphrase []byte, kdf journal.KDFParams, progress func(done, total int)) (ui.Journal, []byte, string, error) {
	old := v.vault
	tmp := v.path + ".restoring"
	removeVaultFiles(tmp)
	kit, n, err := buildVault(tmp, recs, passphrase, kdf, progress)
	if err != nil {
		removeVaultFiles(tmp)
		return old, nil, "", err
	}

	if err := v.Close(); err != nil {
		removeVaultFiles(tmp)
		return v.reopen(fmt.Errorf("close the current journal: %w", err))
	}
	bak, err := freeBakName(v.path)
	linked := false
	if err == nil {
		if err = os.Link(v.path, bak); err == nil {
			linked = true
		} else {
			err = os.Rename(v.path, bak)
		}
	}
	if err != nil {
		removeVaultFiles(tmp)
		return v.reopen(fmt.Errorf("keep the current journal as a .bak file: %w", err))
	}
	if err := os.Rename(tmp, v.path); err != nil {
		if linked {
			os.Remove(bak)
		} else if uerr := os.Rename(bak, v.path); uerr != nil {
			return nil, nil, "", fmt.Errorf("put the restored journal in place: %w; and the previous journal is at %s: %w", err, bak, uerr)
		}
		removeVaultFiles(tmp)
		return v.reopen(fmt.Errorf("put the restored journal in place: %w", err))
	}
	os.Remove(tmp + ".lock")
	syncDir(filepath.Dir(v.path))

	// Step 3: the file under the vault's name is what was checked.
	j, err := v.Open()
	if err == nil {
		err = j.Unlock(passphrase)
	}
	if err == nil {
		err = checkRestored(v.vault, n)
	}
	if err != nil {
		v.Close()
		// The old vault goes back over the new one in one rename.
		if rerr := os.Rename(bak, v.path); rerr != nil {
			return nil, nil, "", fmt.Errorf("the restored journal did not check out (%w), and the previous journal is at %s: %w", err, bak, rerr)
		}
		syncDir(filepath.Dir(v.path))
		return v.reopen(fmt.Errorf("the restored journal did not check out: %w", err))
	}
	return j, kit, bak, nil
}

// checkRestored checks the restored vault once it is in place: every
// record opens and there are n. Tests replace it to fail on purpose.
var checkRestored = func(v *journal.Vault, n int) error {
	if err := v.Check(); err != nil {
		return err
	}
	got, err := v.Count()
	if err == nil && total(got) != n {
		err = fmt.Errorf("the restored journal holds %d records, not %d", total(got), n)
	}
	return err
}

// buildVault makes the vault at path from recs and checks it, returning
// its recovery kit and how many records it holds.
func buildVault(path string, recs []journal.Record, passphrase []byte, kdf journal.KDFParams, progress func(done, total int)) ([]byte, int, error) {
	st, err := sqlite.Open(path)
	if err != nil {
		return nil, 0, err
	}
	nv, kit, err := journal.Create(st, passphrase, kdf, journal.Options{})
	if err != nil {
		st.Close()
		return nil, 0, err
	}
	n := 0
	rep, err := nv.Merge(recs, progress)
	if err == nil {
		err = nv.Check()
	}
	if err == nil {
		var got map[journal.Kind]int
		if got, err = nv.Count(); err == nil {
			n = total(got)
			if n != rep.Writes() {
				err = fmt.Errorf("the new journal holds %d records, %d were stored", n, rep.Writes())
			}
		}
	}
	if cerr := nv.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return nil, 0, fmt.Errorf("make the restored journal: %w", err)
	}
	return kit, n, nil
}

// reopen opens the vault at v.path again, locked, after a failed replace.
func (v *vaults) reopen(err error) (ui.Journal, []byte, string, error) {
	j, oerr := v.Open()
	if oerr != nil {
		return nil, nil, "", fmt.Errorf("%w; and the journal could not be opened again: %w", err, oerr)
	}
	return j, nil, "", err
}

func total(counts map[journal.Kind]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// freeBakName is path.bak, or path.2.bak, path.3.bak … if taken.
func freeBakName(path string) (string, error) {
	for i := 1; i < 1000; i++ {
		name := path + ".bak"
		if i > 1 {
			name = path + "." + strconv.Itoa(i) + ".bak"
		}
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		} else if err != nil {
			return "", err
		}
	}
	return "", errors.New("too many .bak files")
}

// removeVaultFiles removes a vault file and SQLite's and the lock's files
// beside it.
func removeVaultFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
		os.Remove(path + suffix)
	}
}

// syncDir makes renames in dir durable (not possible, nor needed, on
// Windows).
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
