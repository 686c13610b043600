package backup

import "errors"

// Errors callers act on. Their messages never contain record text or key
// material.
var (
	// ErrNotBackup: the file is not a Rewire backup at all.
	ErrNotBackup = errors.New("not a Rewire backup")
	// ErrDamaged: the backup fails authentication, is cut short, or does not
	// match its own manifest. Nothing from it was used.
	ErrDamaged = errors.New("backup is damaged or incomplete")
	// ErrChecksum is wrapped together with ErrDamaged when a part does not
	// match the SHA-256 its manifest gives.
	ErrChecksum = errors.New("a part does not match its checksum")
	// ErrUnsafePath: the archive holds a name that could write outside the
	// folder it is unpacked in (absolute, "..", a link). It was not made by
	// Rewire and nothing from it was used.
	ErrUnsafePath = errors.New("backup holds an unsafe file name")
	// ErrNewerFormat: a newer Rewire wrote the backup; update to restore it.
	ErrNewerFormat = errors.New("backup is from a newer version of Rewire")
	// ErrWrongPassphrase: the passphrase does not open this backup.
	ErrWrongPassphrase = errors.New("wrong passphrase for this backup")
	// ErrWrongRecoveryKit: the recovery kit is not the one this backup was
	// made for (it belongs to another vault, or is not a kit).
	ErrWrongRecoveryKit = errors.New("this recovery kit does not open this backup")
	// ErrNeedsPassphrase: the backup has its own passphrase; a recovery kit
	// cannot open it.
	ErrNeedsPassphrase = errors.New("this backup is protected by its own passphrase, not the recovery kit")
	// ErrNotOwnBackup: the open journal's own key ([VaultKey]) does not
	// open this backup: another journal made it, or it is older than
	// backups wrapped to the journal. The recovery kit opens it.
	ErrNotOwnBackup = errors.New("this journal's own key does not open this backup; it opens with the recovery kit")
	// ErrNeedsRecoveryKit: the backup opens with the recovery kit, not with
	// a passphrase.
	ErrNeedsRecoveryKit = errors.New("this backup opens with the recovery kit, not a passphrase")
)
