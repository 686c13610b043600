package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/backup"
	"github.com/rewirejournal/rewire/journal/sqlite"
)

var backupCommand = &command{
	name:     "backup",
	synopsis: "[--to DIR] [--passphrase-protect [--backup-passphrase-file FILE]]",
	summary:  "back the vault up to an encrypted file, verified",
	about: `Writes an encrypted backup of every record into DIR (default: $REWIRE_BACKUP_DIR,
else a "backups" folder beside the vault) and prints its path. The backup is
written under a temporary name, synced, read back and verified in full, and
only then given its name.

By default the backup is encrypted to the vault's recovery kit, like the app's
automatic backups: no passphrase is needed to make it, the recovery kit opens
it (also with the plain tools: age -d -i recovery-kit.txt FILE | tar -x), so
does this vault, unlocked (its file key is also wrapped to the vault's own
key), and older automatic backups in DIR are rotated (7 daily, 4 weekly, 12
monthly).

With --passphrase-protect the backup gets a passphrase of its own (asked for
twice, or the first line of --backup-passphrase-file), for handing a copy to
someone; it is never rotated away. age -d FILE opens it with that passphrase.`,
	run: runBackup,
}

// backupDir is --to, else $REWIRE_BACKUP_DIR, else "backups" beside the
// vault.
func (c *cli) backupDir(to string) string {
	if to != "" {
		return to
	}
	if d := c.getenv("REWIRE_BACKUP_DIR"); d != "" {
		return d
	}
	return filepath.Join(filepath.Dir(c.vaultPath), "backups")
}

func runBackup(c *cli, args []string) (err error) {
	fs := c.flags()
	to := fs.String("to", "", "the backup `folder` (default: $REWIRE_BACKUP_DIR, else backups/ beside the vault)")
	protect := fs.Bool("passphrase-protect", false, "protect the backup with a passphrase of its own instead of the recovery kit")
	passFile := fs.String("backup-passphrase-file", "", "read the backup's own passphrase from the first line of `FILE`")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *passFile != "" && !*protect {
		return usagef("--backup-passphrase-file is for --passphrase-protect")
	}
	if *protect && *passFile == "" && !isTerminal(c.stdin) {
		return usagef("give --backup-passphrase-file FILE (stdin is not a terminal, so no prompt)")
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	dir := c.backupDir(*to)
	opts := backup.Options{Progress: c.progress("backup")}
	var res backup.Result
	if *protect {
		pass, err := c.secret(*passFile, "Backup passphrase", true)
		if err != nil {
			return err
		}
		defer crypto.Wipe(pass)
		res, err = backup.Manual(v, dir, pass, opts)
		if err != nil {
			return err
		}
	} else {
		res, err = backup.Automatic(v, dir, opts)
		if err != nil && res.Path == "" {
			return err
		}
		if err != nil {
			// The backup is written and verified; only rotation failed.
			fmt.Fprintf(c.stderr, "rewire-cli: warning: %s\n", oneLine(err.Error()))
		}
	}
	c.endProgress()
	size := int64(0)
	if info, err := os.Stat(res.Path); err == nil {
		size = info.Size()
	}
	fmt.Fprintln(c.stdout, res.Path)
	fmt.Fprintf(c.stderr, "Backup verified: %s, %s.\n", describeCounts(res.Manifest.Records, res.Manifest.Counts), describeSize(size))
	if *protect {
		fmt.Fprintln(c.stderr, "It opens with its own passphrase: rewire-cli verify FILE, or age -d FILE | tar -x")
	} else {
		fmt.Fprintln(c.stderr, "It opens with your recovery kit: rewire-cli verify FILE --recovery-kit KIT, or age -d -i KIT FILE | tar -x;")
		fmt.Fprintln(c.stderr, "this vault opens it too, with its passphrase: rewire-cli verify FILE")
	}
	if len(res.Removed) > 0 {
		fmt.Fprintf(c.stderr, "Rotated away %d older automatic backup(s).\n", len(res.Removed))
	}
	return nil
}

// secret returns a secret that is not the vault's passphrase: the first
// line of file, else asked for on the terminal (twice if confirm).
func (c *cli) secret(file, what string, confirm bool) ([]byte, error) {
	if file != "" {
		return readPassphraseFile(file)
	}
	if !isTerminal(c.stdin) {
		return nil, usagef("give --backup-passphrase-file FILE (stdin is not a terminal, so no prompt)")
	}
	return c.prompt(what, confirm)
}

// describeCounts says "34802 records (12000 entry, 9000 gratitude, …)".
func describeCounts(total int, counts map[journal.Kind]int) string {
	var parts []string
	for _, k := range journal.Kinds {
		if n := counts[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, k))
		}
	}
	// Kinds a newer version wrote, which this one does not name.
	for _, k := range slices.Sorted(maps.Keys(counts)) {
		if !k.Valid() && counts[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[k], clean(string(k))))
		}
	}
	s := fmt.Sprintf("%d records", total)
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

func describeSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// progress returns a progress callback that draws "what: done/total" on a
// terminal's stderr, or nil when stderr is not a terminal.
func (c *cli) progress(what string) func(done, total int) {
	if !isTerminal(c.stderr) {
		return nil
	}
	return func(done, total int) {
		fmt.Fprintf(c.stderr, "\r%s: %d%%", what, done*100/max(total, 1))
	}
}

// endProgress ends a progress line drawn by progress.
func (c *cli) endProgress() {
	if isTerminal(c.stderr) {
		fmt.Fprint(c.stderr, "\r\033[K")
	}
}

var verifyCommand = &command{
	name:     "verify",
	synopsis: "FILE [--recovery-kit FILE | --backup-passphrase-file FILE]",
	summary:  "check that a backup opens and is whole",
	about: `Decrypts a backup and checks all of it: every byte's authentication, the
manifest, the checksum of every part, and every record. Prints what it holds.
The vault is not changed.

A backup made automatically (or by backup without --passphrase-protect) opens
with the recovery kit: give --recovery-kit FILE. Without it, one of the
vault's own such backups opens with the vault itself, unlocked with its
passphrase (as for every command), since backups are also wrapped to the
vault's own key; older backups and other vaults' need the kit. One made with
--passphrase-protect opens with its own passphrase: the first line of
--backup-passphrase-file, or asked for on the terminal.`,
	run: runVerify,
}

// keyFlags are the flags that open a backup, shared by verify and restore.
type keyFlags struct {
	kit, passFile string
}

func addKeyFlags(fs interface {
	StringVar(p *string, name, value, usage string)
}) *keyFlags {
	k := &keyFlags{}
	fs.StringVar(&k.kit, "recovery-kit", "", "the recovery kit `FILE`, for a backup made without --passphrase-protect")
	fs.StringVar(&k.passFile, "backup-passphrase-file", "", "read the backup's own passphrase from the first line of `FILE`")
	return k
}

// ownBackupKey opens one of the vault's own automatic backups without the
// kit: when no key is given, the vault at --vault exists and the backup's
// rewire-vault stanza names it, the vault is unlocked with its passphrase
// and returned with the key that opens the backup. v is nil when that is
// not so, and the caller falls back to backupKey. The caller calls wipe
// once the backup is read, and closes v.
func (c *cli) ownBackupKey(path string, k *keyFlags) (v *journal.Vault, key backup.Key, wipe func(), err error) {
	wipe = func() {}
	if k.kit != "" || k.passFile != "" || !fileExists(c.vaultPath) {
		return nil, key, wipe, nil
	}
	h, err := backup.ReadHeader(path)
	if err != nil {
		return nil, key, wipe, nil // backupKey says what is wrong
	}
	v, err = c.openVault()
	if err != nil || !h.OpensWith(v.ID()) {
		if v != nil {
			v.Close()
		}
		return nil, key, wipe, nil
	}
	pass, err := c.passphrase(false)
	if err == nil {
		err = v.Unlock(pass)
		crypto.Wipe(pass)
	}
	var bk *[crypto.KeySize]byte
	if err == nil {
		bk, err = v.BackupKey()
	}
	if err == nil {
		wipe = func() { crypto.Wipe(bk[:]) }
		key, err = backup.VaultKey(v.ID(), bk)
	}
	if err != nil {
		wipe()
		v.Close()
		return nil, backup.Key{}, func() {}, err
	}
	fmt.Fprintln(c.stderr, "This is one of the vault's own backups: it opens with the vault, without the recovery kit.")
	return v, key, wipe, nil
}

// key reads what opens the backup at path, after looking at its header to
// know which is needed.
func (c *cli) backupKey(path string, k *keyFlags) (backup.Key, error) {
	prot, err := backup.Inspect(path)
	if err != nil {
		return backup.Key{}, err
	}
	switch prot {
	case backup.ByRecoveryKit:
		if k.kit == "" {
			return backup.Key{}, usagef("%s opens with the recovery kit: give --recovery-kit FILE", path)
		}
		kit, err := readSecretFile(k.kit, 64<<10)
		if err != nil {
			return backup.Key{}, fmt.Errorf("read recovery kit: %w", err)
		}
		defer crypto.Wipe(kit)
		return backup.RecoveryKitKey(kit)
	default:
		if k.kit != "" && k.passFile == "" {
			return backup.Key{}, backup.ErrNeedsPassphrase
		}
		pass, err := c.secret(k.passFile, "Backup passphrase", false)
		if err != nil {
			return backup.Key{}, err
		}
		defer crypto.Wipe(pass)
		return backup.PassphraseKey(pass)
	}
}

func runVerify(c *cli, args []string) (err error) {
	fs := c.flags()
	k := addKeyFlags(fs)
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	v, key, wipe, err := c.ownBackupKey(pos[0], k)
	if err != nil {
		return err
	}
	defer wipe()
	if v != nil {
		defer closeVault(v, &err)
	} else if key, err = c.backupKey(pos[0], k); err != nil {
		return err
	}
	m, err := backup.Verify(pos[0], key, c.progress("verify"))
	c.endProgress()
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	describeManifest(c.stdout, m)
	return nil
}

func describeManifest(w io.Writer, m *backup.Manifest) {
	fmt.Fprintf(w, "ok: %s\n", describeCounts(m.Records, m.Counts))
	fmt.Fprintf(w, "made:    %s by Rewire %s\n", m.Created.UTC().Format("2006-01-02 15:04:05 UTC"), clean(m.AppVersion))
	fmt.Fprintf(w, "vault:   %s\n", m.Vault)
	fmt.Fprintf(w, "format:  %d (records version %d)\n", m.Format, m.Schema)
}

var restoreCommand = &command{
	name:     "restore",
	synopsis: "FILE (--into NEWVAULT | --merge [--yes]) [--recovery-kit FILE | --backup-passphrase-file FILE]",
	summary:  "restore a backup into a new vault or merge it into this one",
	about: `Verifies the whole backup first; nothing is written unless all of it checks.

--into NEWVAULT makes a new vault there (the path must not exist) with the
passphrase given as for init (--passphrase-file, $REWIRE_PASSPHRASE, or asked
twice) and a new recovery kit (written to --new-recovery-kit FILE, else
printed once), and stores every record of the backup in it. If anything
fails, the new vault is removed.

--merge adds the backup to the vault at --vault in one transaction: records
it does not have are added; for a record it has, the newer edit wins and the
older one is kept as a copy, so nothing is lost; restoring the same backup
twice changes nothing. It shows what it will do and asks first (--yes skips
the question). The vault file is copied to VAULT.bak before the merge and
the copy removed once the merged vault has been read back and checked.

The backup opens with --recovery-kit or its own passphrase, as for verify;
with --merge and neither given, one of the vault's own backups opens with
the vault, unlocked with its passphrase.`,
	run: runRestore,
}

func runRestore(c *cli, args []string) (err error) {
	fs := c.flags()
	k := addKeyFlags(fs)
	into := fs.String("into", "", "make a new vault at `NEWVAULT` from the backup")
	merge := fs.Bool("merge", false, "merge the backup into the vault at --vault")
	yes := fs.Bool("yes", false, "merge without asking")
	newKit := fs.String("new-recovery-kit", "", "with --into: write the new vault's recovery kit to `FILE` (mode 0600) instead of printing it")
	kdf := addKDFFlags(fs)
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	switch {
	case (*into == "") == !*merge:
		return usagef("give either --into NEWVAULT or --merge")
	case *merge && (*newKit != "" || isSet(fs, "kdf-memory") || isSet(fs, "kdf-time")):
		return usagef("--new-recovery-kit and --kdf-* are for --into")
	case *into != "" && *yes:
		return usagef("--yes is for --merge")
	case *merge && !*yes && !isTerminal(c.stdin):
		return usagef("give --yes to merge without asking (stdin is not a terminal)")
	}
	if _, _, err := kdf.check(); err != nil {
		return err
	}
	file := pos[0]
	if *into != "" && fileExists(*into) {
		return fmt.Errorf("%s already exists; --into makes a new vault", *into)
	}
	if *merge && !fileExists(c.vaultPath) {
		return journal.ErrNoVault // before the backup is read, which takes a while
	}
	// Merging one of the vault's own backups needs no kit: the vault,
	// unlocked, opens it. (--into takes the new vault's passphrase, so it
	// is not tried there.)
	var v *journal.Vault
	var key backup.Key
	wipe := func() {}
	if *merge {
		if v, key, wipe, err = c.ownBackupKey(file, k); err != nil {
			return err
		}
		if v != nil {
			defer closeVault(v, &err)
		}
	}
	defer wipe()
	if v == nil {
		if key, err = c.backupKey(file, k); err != nil {
			return err
		}
	}
	contents, err := backup.ReadFile(file, key, c.progress("verify"))
	c.endProgress()
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	fmt.Fprintf(c.stderr, "Backup verified: %s, made %s.\n", describeCounts(contents.Manifest.Records, contents.Manifest.Counts),
		contents.Manifest.Created.UTC().Format("2006-01-02 15:04 UTC"))
	if *into != "" {
		return c.restoreInto(*into, contents, kdf, *newKit)
	}
	return c.restoreMerge(v, contents, *yes)
}

// restoreInto makes a new vault at path holding the backup's records.
func (c *cli) restoreInto(path string, contents *backup.Contents, kdf *kdfFlags, kitPath string) (err error) {
	var kitFile *os.File
	if kitPath != "" {
		if kitFile, err = os.OpenFile(kitPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600); err != nil {
			return fmt.Errorf("recovery kit: %w", err)
		}
		defer func() {
			if kitFile != nil {
				kitFile.Close()
				os.Remove(kitPath)
			}
		}()
	}
	pass, err := c.passphrase(true)
	if err != nil {
		return err
	}
	defer crypto.Wipe(pass)
	p, err := kdf.params(c.stderr)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create vault: %w", err)
	}
	store, err := sqlite.Open(path)
	if err != nil {
		return err
	}
	v, kit, err := journal.Create(store, pass, p, vaultOptions)
	if err != nil {
		store.Close()
		removeVaultFiles(path)
		return err
	}
	defer crypto.Wipe(kit)
	fail := func(err error) error {
		v.Close()
		removeVaultFiles(path)
		return fmt.Errorf("restore into %s: %w; the new vault was removed", path, err)
	}
	rep, err := v.Merge(contents.Records, c.progress("restore"))
	c.endProgress()
	if err != nil {
		return fail(err)
	}
	if err := verifyRestored(v, contents); err != nil {
		return fail(err)
	}
	if err := v.Close(); err != nil {
		return fail(err)
	}
	if kitFile != nil {
		werr := writeKit(kitFile, kit)
		kitFile = nil
		if werr != nil {
			os.Remove(kitPath)
			fmt.Fprintf(c.stderr, "Could not write the recovery kit to %s (%v).\n%s\n\n", kitPath, werr, kitWarning)
			c.stdout.Write(kit)
		} else {
			fmt.Fprintf(c.stderr, "Recovery kit of the new vault written to %s. Keep it offline, away from the vault.\n", kitPath)
		}
	} else {
		fmt.Fprintf(c.stderr, "%s\n\n", kitWarning)
		c.stdout.Write(kit)
	}
	fmt.Fprintf(c.stderr, "Restored %d records into the new vault %s (%s).\n", rep.Added, path, describeKDF(p))
	return nil
}

// verifyRestored reads every record of v back from its file and checks
// that each record of the backup is there.
func verifyRestored(v *journal.Vault, contents *backup.Contents) error {
	if err := v.Check(); err != nil {
		return err
	}
	for _, r := range contents.Records {
		if r.Kind == journal.KindSettings || r.Kind == journal.KindCrisis {
			continue // one per vault: merged by kind, maybe under another id
		}
		if _, err := v.Get(r.ID); err != nil {
			return fmt.Errorf("record %s is missing after the restore: %w", r.ID, err)
		}
	}
	return nil
}

// restoreMerge merges the backup into the vault at --vault.
// restoreMerge merges contents into v, or, when v is nil, into the vault
// at --vault, unlocked here.
func (c *cli) restoreMerge(v *journal.Vault, contents *backup.Contents, yes bool) (err error) {
	if v == nil {
		if v, err = c.unlockVault(); err != nil {
			return err
		}
		defer closeVault(v, &err)
	}
	plan, err := v.PlanMerge(contents.Records)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "merge into %s:\n", c.vaultPath)
	describeMerge(c.stdout, plan)
	if plan.Writes() == 0 {
		fmt.Fprintln(c.stdout, "The vault already holds everything in this backup; nothing to do.")
		return nil
	}
	if !yes {
		ok, err := c.confirm(fmt.Sprintf("Merge %d records into the vault?", plan.Writes()))
		if err != nil || !ok {
			return cmpErr(err, errors.New("merge cancelled; nothing was changed"))
		}
	}
	bak := c.vaultPath + ".bak"
	if err := copyVaultFile(c.vaultPath, bak); err != nil {
		return fmt.Errorf("copy the vault to %s before merging: %w; nothing was changed", bak, err)
	}
	rep, err := v.Merge(contents.Records, c.progress("merge"))
	c.endProgress()
	if err != nil {
		return fmt.Errorf("merge: %w; the vault is unchanged, and a copy is at %s", err, bak)
	}
	if err := verifyRestored(v, contents); err != nil {
		return fmt.Errorf("the merged vault did not check out (%w); the vault as it was before is at %s", err, bak)
	}
	removeVaultFiles(bak)
	fmt.Fprintf(c.stdout, "merged: %d added, %d updated, %d kept as copies, %d unchanged\n", rep.Added, rep.Updated, rep.Copies, rep.Unchanged)
	return nil
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func describeMerge(w io.Writer, m journal.MergeReport) {
	fmt.Fprintf(w, "  new records:                 %d\n", m.Added)
	fmt.Fprintf(w, "  updated from a newer edit:   %d\n", m.Updated)
	fmt.Fprintf(w, "  older edits kept as copies:  %d\n", m.Copies)
	fmt.Fprintf(w, "  already in the vault:        %d\n", m.Unchanged)
	if m.Replaced > 0 {
		fmt.Fprintf(w, "  settings or crisis card replaced by a newer one: %d\n", m.Replaced)
	}
}

// copyVaultFile copies the vault file and its write-ahead log, if any, to
// dst (and dst-wal), synced. The vault is open and unlocked by this
// process, which holds its lock, and nothing has written to it since it
// was opened, so the copy is consistent.
func copyVaultFile(src, dst string) error {
	removeVaultFiles(dst)
	for _, suffix := range []string{"", "-wal"} {
		in, err := os.Open(src + suffix)
		if errors.Is(err, os.ErrNotExist) && suffix != "" {
			continue
		}
		if err != nil {
			return err
		}
		out, err := os.OpenFile(dst+suffix, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			in.Close()
			return err
		}
		_, err = io.Copy(out, in)
		in.Close()
		if err == nil {
			err = out.Sync()
		}
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			removeVaultFiles(dst)
			return err
		}
	}
	return nil
}
