package journal

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Errors callers act on.
var (
	// ErrWrongPassphrase: the passphrase does not open this vault. Nothing
	// was changed.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrWrongRecoveryKit: the recovery kit belongs to another vault or is
	// not a recovery kit.
	ErrWrongRecoveryKit = errors.New("recovery kit does not open this vault")
	// ErrLocked: the vault must be unlocked first.
	ErrLocked = errors.New("vault is locked")
	// ErrDamaged: some data failed authentication. Returned wrapped in a
	// [*DamagedError] that names the records, when it is about records.
	ErrDamaged = errors.New("damaged data")
	// ErrNewerSchema: the vault was written by a newer Rewire. It was not
	// touched.
	ErrNewerSchema = errors.New("vault is from a newer version of Rewire")
	// ErrInUse: another Rewire process has the vault open.
	ErrInUse = errors.New("vault is open in another Rewire window or process")
	// ErrNotVault: the file is not a Rewire vault (not an SQLite database,
	// or another program's). It was not touched.
	ErrNotVault = errors.New("not a Rewire vault")
	// ErrNoVault: there is no vault at that place yet.
	ErrNoVault = errors.New("no vault here yet")
	// ErrExists: a vault already exists where one was to be created.
	ErrExists = errors.New("a vault already exists here")
	// ErrNotFound: no record has that id.
	ErrNotFound = errors.New("no such record")
	// ErrWeakKDF: key-derivation parameters below the safe floor.
	ErrWeakKDF = errors.New("key derivation parameters below the safe minimum (64 MiB, 3 passes, 4 lanes)")
)

// DamagedError names the records that failed to open. It matches
// [ErrDamaged] with errors.Is.
type DamagedError struct {
	IDs []ID
}

func (e *DamagedError) Error() string {
	ids := make([]string, len(e.IDs))
	for i, id := range e.IDs {
		ids[i] = id.String()
	}
	return fmt.Sprintf("%d damaged record(s): %s", len(e.IDs), strings.Join(ids, ", "))
}

// Is makes errors.Is(err, ErrDamaged) true.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// Header is what a vault keeps in clear beside its records: enough to find
// the key slots and encrypt automatic backups, nothing about the content.
type Header struct {
	VaultID           [16]byte
	Format            uint8  // vault format; see [VaultFormat]
	RecoveryRecipient string // age X25519 recipient ("age1…") of the recovery kit
	MAC               []byte // HMAC over the fields above, keyed from the data key
}

// Slot is a stored key slot: the data key wrapped by a passphrase or by the
// recovery identity. Data is opaque to the store.
type Slot struct {
	Name string // "passphrase" or "recovery"
	Data []byte
}

// Item is one stored record: its id and sealed blob.
type Item struct {
	ID   ID
	Blob []byte
}

// Store is the persistence a [Vault] needs: sealed blobs by id, key slots and
// the header. Implementations keep nothing else and never see plaintext.
// journal/sqlite implements it; every method is one transaction.
type Store interface {
	// Header returns the header, or ErrNoVault when the store is empty.
	Header() (Header, error)
	// Init writes the header and slots of a new vault; ErrExists if the
	// store already has a header.
	Init(h Header, slots []Slot) error
	// Slots returns every key slot.
	Slots() ([]Slot, error)
	// ReplaceSlot replaces the slot with s.Name atomically; the old bytes
	// are securely deleted from the file.
	ReplaceSlot(s Slot) error
	// Items calls fn for every stored record, in no particular order. The
	// blob is fn's to keep: the store does not reuse it.
	Items(fn func(id ID, blob []byte) error) error
	// Item returns one record's blob, or ErrNotFound.
	Item(id ID) ([]byte, error)
	// Put inserts or replaces records, all in one transaction.
	Put(items ...Item) error
	// Delete removes records in one transaction; missing ids are ignored.
	Delete(ids ...ID) error
	// Checkpoint truncates the write-ahead log, called on lock.
	Checkpoint() error
	// Close checkpoints and closes; the store is unusable afterwards.
	Close() error
}

// Doc is what the search index holds for one record: decrypted text, in
// memory only.
type Doc struct {
	ID    ID
	Kind  Kind
	Date  string
	Tags  []string
	Mood  int
	Title string
	Text  string
}

// Query is a search. Text uses simple syntax: words (all must match),
// "quoted phrases", and prefix* words; the rest are filters.
type Query struct {
	Text  string
	Kinds []Kind // empty for all
	Tag   string // empty for any
	From  string // YYYY-MM-DD inclusive, empty for open
	To    string // YYYY-MM-DD inclusive, empty for open
	Limit int    // 0 for a default of 50
}

// Hit is one search result, best first.
type Hit struct {
	ID    ID
	Kind  Kind
	Date  string
	Title string
	// Snippet is a short excerpt around the match; Marks are the byte
	// ranges [start, end) in Snippet of the matched words.
	Snippet string
	Marks   [][2]int
	Rank    float64 // lower is better (bm25; only the order is meant)
}

// Index is the in-memory full-text index built at unlock and dropped at lock.
// journal/sqlite implements it with an in-memory FTS5 database.
type Index interface {
	// Add indexes docs, replacing any with the same id.
	Add(docs ...Doc) error
	// Remove drops docs by id.
	Remove(ids ...ID) error
	// Search runs q, best matches first.
	Search(q Query) ([]Hit, error)
	// Close frees the index; its memory holds plaintext, so callers close it
	// as soon as the vault locks.
	Close() error
}

// Clock is the source of time; tests inject a fake.
type Clock interface {
	Now() time.Time
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

// SystemClock is the real clock.
var SystemClock Clock = systemClock{}
