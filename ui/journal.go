package ui

import (
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// Locker is the key side of a vault: what the unlock, lock, recovery and
// change-passphrase flows need.
type Locker interface {
	Locked() bool
	Unlock(passphrase []byte) error
	UnlockWithRecoveryKit(kit, newPassphrase []byte, kdf journal.KDFParams) error
	ChangePassphrase(newPassphrase []byte, kdf journal.KDFParams) error
	Lock() error
}

// Records is what the screens need of an unlocked vault. Every method
// returns [journal.ErrLocked] once the vault is locked.
type Records interface {
	Save(r *journal.Record) error
	Delete(ids ...journal.ID) error
	Get(id journal.ID) (journal.Record, error)
	List(f journal.Filter) ([]journal.Record, error)
	Search(q journal.Query) ([]journal.Hit, error)
	Count() (map[journal.Kind]int, error)
}

// Journal is an opened vault: locked or unlocked.
type Journal interface {
	Locker
	Records
}

// Vaults finds, opens and creates the vault the app works on. cmd/rewire
// adapts journal/sqlite to it; tests pass a fake.
type Vaults interface {
	// Path is where the vault lives, shown in settings.
	Path() string
	// Exists reports whether there is a vault to open (false means first run).
	Exists() (bool, error)
	// Open returns the existing vault, locked. It may fail with
	// journal.ErrInUse, journal.ErrNewerSchema or journal.ErrDamaged.
	Open() (Journal, error)
	// Create makes a new vault protected by passphrase, derived with kdf,
	// and returns it unlocked together with its recovery kit text.
	Create(passphrase []byte, kdf journal.KDFParams) (Journal, []byte, error)
	// Close releases the vault file; called once when the app quits.
	Close() error
}

// Calibrator picks key-derivation parameters taking about target on this
// machine, reporting progress 0..1. [journal.Calibrate] is the real one.
type Calibrator func(target time.Duration, progress func(float64)) (journal.KDFParams, error)

var (
	_ Journal    = (*journal.Vault)(nil)
	_ Calibrator = journal.Calibrate
)
