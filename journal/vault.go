package journal

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"filippo.io/age"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
)

// VaultFormat is the vault format this code writes and reads.
const VaultFormat = 1

// keyVersion is the data-key version records are sealed under. Key rotation
// would add a version; there is only one today.
const keyVersion = 1

// Slot names.
const (
	slotPassphrase = "passphrase"
	slotRecovery   = "recovery"
)

// KDFParams are the Argon2id parameters of a passphrase slot.
type KDFParams = rwcrypto.KDFParams

// MinKDFParams is the floor: 64 MiB, 3 passes, 4 lanes (RFC 9106).
func MinKDFParams() KDFParams { return rwcrypto.MinKDFParams() }

// Options configure a [Vault]. The zero value is usable except for NewIndex.
type Options struct {
	// NewIndex makes the in-memory search index at unlock.
	NewIndex func() (Index, error)
	// Clock stamps records; nil means the system clock.
	Clock Clock
	// Workers decrypt records in parallel at unlock; 0 means GOMAXPROCS.
	Workers int
}

// Vault is an encrypted journal. It starts locked (see [Open]) or unlocked
// (see [Create]); while unlocked it holds the decrypted records in memory and
// a search index over them. A Vault is safe for concurrent use.
type Vault struct {
	store Store
	opts  Options

	mu      sync.RWMutex
	header  Header
	dek     *rwcrypto.DataKey
	sealer  *rwcrypto.Sealer
	records map[ID]*Record
	byKind  map[Kind][]*Record // each kind's records in List's order; see put
	index   *indexer           // nil without Options.NewIndex
	damaged []ID
}

// Create makes a new vault in an empty store, protected by passphrase, and
// returns it unlocked together with the recovery kit text (shown to the user
// once; it is not stored anywhere). kdf must be at or above [MinKDFParams].
// The caller keeps ownership of passphrase and should wipe it.
func Create(store Store, passphrase []byte, kdf KDFParams, opts Options) (*Vault, []byte, error) {
	if err := checkKDF(kdf); err != nil {
		return nil, nil, err
	}
	if _, err := store.Header(); err == nil {
		return nil, nil, ErrExists
	} else if !errors.Is(err, ErrNoVault) {
		return nil, nil, fmt.Errorf("create vault: %w", err)
	}
	v := &Vault{store: store, opts: opts}
	dek, err := rwcrypto.NewDataKey()
	if err != nil {
		return nil, nil, fmt.Errorf("create vault: %w", err)
	}
	identity, err := rwcrypto.NewRecoveryIdentity()
	if err != nil {
		return nil, nil, fmt.Errorf("create vault: %w", err)
	}
	h := Header{VaultID: NewID(), Format: VaultFormat, RecoveryRecipient: identity.Recipient().String()}
	h.MAC = rwcrypto.HeaderMAC(dek, h.VaultID[:], headerBytes(h))
	pslot, err := rwcrypto.SealPassphraseSlot(dek, passphrase, kdf, h.VaultID[:])
	if err != nil {
		return nil, nil, fmt.Errorf("create vault: %w", err)
	}
	rslot, err := rwcrypto.SealRecoverySlot(dek, identity.Recipient(), h.VaultID[:])
	if err != nil {
		return nil, nil, fmt.Errorf("create vault: %w", err)
	}
	if err := store.Init(h, []Slot{{Name: slotPassphrase, Data: pslot}, {Name: slotRecovery, Data: rslot}}); err != nil {
		return nil, nil, fmt.Errorf("create vault: %w", err)
	}
	kit := rwcrypto.FormatRecoveryKit(identity, h.VaultID[:], v.now())
	v.mu.Lock()
	defer v.mu.Unlock()
	v.header = h
	if err := v.load(dek); err != nil {
		return nil, nil, err
	}
	return v, kit, nil
}

// Open returns the vault in store, locked. It fails with ErrNoVault if the
// store holds none.
func Open(store Store, opts Options) (*Vault, error) {
	h, err := store.Header()
	if err != nil {
		return nil, err
	}
	if h.Format > VaultFormat {
		return nil, ErrNewerSchema
	}
	return &Vault{store: store, opts: opts, header: h}, nil
}

func checkKDF(p KDFParams) error {
	min := MinKDFParams()
	if p.MemoryKiB < min.MemoryKiB || p.Time < min.Time || p.Threads < min.Threads {
		return ErrWeakKDF
	}
	if err := p.Check(); err != nil {
		return fmt.Errorf("key derivation: %w", err)
	}
	return nil
}

func (v *Vault) now() time.Time {
	if v.opts.Clock != nil {
		return v.opts.Clock.Now()
	}
	return time.Now()
}

// headerBytes is the canonical encoding the header MAC covers.
func headerBytes(h Header) []byte {
	var b bytes.Buffer
	b.WriteString("rewire header v1\x00")
	b.Write(h.VaultID[:])
	b.WriteByte(h.Format)
	binary.Write(&b, binary.BigEndian, uint32(len(h.RecoveryRecipient)))
	b.WriteString(h.RecoveryRecipient)
	return b.Bytes()
}

func (v *Vault) slot(name string) ([]byte, error) {
	slots, err := v.store.Slots()
	if err != nil {
		return nil, fmt.Errorf("read key slots: %w", err)
	}
	for _, s := range slots {
		if s.Name == name {
			return s.Data, nil
		}
	}
	return nil, fmt.Errorf("%w: the %s key slot is missing", ErrDamaged, name)
}

// mapCryptoErr turns crypto's sentinels into the journal's.
func mapCryptoErr(err error) error {
	switch {
	case errors.Is(err, rwcrypto.ErrWrongPassphrase):
		return ErrWrongPassphrase
	case errors.Is(err, rwcrypto.ErrWrongRecoveryKit), errors.Is(err, rwcrypto.ErrRecoveryKit):
		return ErrWrongRecoveryKit
	case errors.Is(err, rwcrypto.ErrUnknownFormat):
		return fmt.Errorf("%w: %v", ErrNewerSchema, err)
	case errors.Is(err, rwcrypto.ErrDamaged), errors.Is(err, rwcrypto.ErrKDFParams):
		return fmt.Errorf("%w: key slot: %v", ErrDamaged, err)
	}
	return err
}

// Unlock opens the vault with passphrase. A wrong passphrase gives
// ErrWrongPassphrase and changes nothing. Records that fail to open do not
// stop the unlock: they are listed by [Vault.Damaged]. The caller keeps
// ownership of passphrase and should wipe it.
func (v *Vault) Unlock(passphrase []byte) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.dek != nil {
		return nil
	}
	slot, err := v.slot(slotPassphrase)
	if err != nil {
		return err
	}
	dek, err := rwcrypto.OpenPassphraseSlot(slot, passphrase, v.header.VaultID[:])
	if err != nil {
		return mapCryptoErr(err)
	}
	return v.load(dek)
}

// UnlockWithRecoveryKit opens the vault with the recovery kit text and sets
// newPassphrase (derived with kdf) in place of the forgotten one.
func (v *Vault) UnlockWithRecoveryKit(kit, newPassphrase []byte, kdf KDFParams) error {
	if err := checkKDF(kdf); err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.lock(); err != nil {
		return err
	}
	dek, err := v.recoveryKey(kit)
	if err != nil {
		return err
	}
	// Check the header before the new slot is written: a kit must not set
	// a passphrase on a vault whose header was tampered with.
	if err := rwcrypto.VerifyHeaderMAC(dek, v.header.VaultID[:], headerBytes(v.header), v.header.MAC); err != nil {
		dek.Wipe()
		return fmt.Errorf("%w: vault header", ErrDamaged)
	}
	if err := v.rewrap(dek, newPassphrase, kdf); err != nil {
		dek.Wipe()
		return err
	}
	return v.load(dek)
}

// UnlockWithRecoveryIdentity opens the vault with a recovery identity without
// changing the passphrase. It is for tools and tests that hold the kit; the
// app's "forgot passphrase" flow uses [Vault.UnlockWithRecoveryKit].
func (v *Vault) UnlockWithRecoveryIdentity(kit []byte) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.dek != nil {
		return nil
	}
	dek, err := v.recoveryKey(kit)
	if err != nil {
		return err
	}
	return v.load(dek)
}

// recoveryKey opens the recovery slot with the kit. v.mu must be held.
func (v *Vault) recoveryKey(kit []byte) (*rwcrypto.DataKey, error) {
	identity, err := rwcrypto.ParseRecoveryKit(kit)
	if err != nil {
		return nil, ErrWrongRecoveryKit
	}
	slot, err := v.slot(slotRecovery)
	if err != nil {
		return nil, err
	}
	dek, err := rwcrypto.OpenRecoverySlot(slot, identity, v.header.VaultID[:])
	if err != nil {
		return nil, mapCryptoErr(err)
	}
	return dek, nil
}

// ChangePassphrase rewraps the data key under newPassphrase in one
// transaction; no record is re-encrypted. The old slot's bytes are securely
// deleted by the store.
func (v *Vault) ChangePassphrase(newPassphrase []byte, kdf KDFParams) error {
	if err := checkKDF(kdf); err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.dek == nil {
		return ErrLocked
	}
	return v.rewrap(v.dek, newPassphrase, kdf)
}

func (v *Vault) rewrap(dek *rwcrypto.DataKey, passphrase []byte, kdf KDFParams) error {
	slot, err := rwcrypto.SealPassphraseSlot(dek, passphrase, kdf, v.header.VaultID[:])
	if err != nil {
		return fmt.Errorf("change passphrase: %w", err)
	}
	if err := v.store.ReplaceSlot(Slot{Name: slotPassphrase, Data: slot}); err != nil {
		return fmt.Errorf("change passphrase: %w", err)
	}
	return nil
}

// load verifies the header, decrypts every record in parallel and builds the
// index. It takes ownership of dek. v.mu must be held.
func (v *Vault) load(dek *rwcrypto.DataKey) error {
	fail := func(err error) error {
		dek.Wipe()
		return err
	}
	if err := rwcrypto.VerifyHeaderMAC(dek, v.header.VaultID[:], headerBytes(v.header), v.header.MAC); err != nil {
		return fail(fmt.Errorf("%w: vault header", ErrDamaged))
	}
	sealer, err := rwcrypto.NewSealer(dek, v.header.VaultID[:], keyVersion)
	if err != nil {
		return fail(fmt.Errorf("unlock: %w", err))
	}
	recs, damaged, err := openAll(sealer, v.store, v.opts.Workers)
	if err != nil {
		sealer.Wipe()
		return fail(fmt.Errorf("unlock: read records: %w", err))
	}
	var index *indexer
	if v.opts.NewIndex != nil {
		ix, err := v.opts.NewIndex()
		if err != nil {
			sealer.Wipe()
			return fail(fmt.Errorf("unlock: search index: %w", err))
		}
		docs := make([]Doc, 0, len(recs))
		for _, r := range recs {
			docs = append(docs, docOf(r))
		}
		index = startIndexer(ix, docs)
	}
	v.dek, v.sealer, v.index, v.damaged = dek, sealer, index, damaged
	v.records = make(map[ID]*Record, len(recs))
	v.byKind = make(map[Kind][]*Record)
	for _, r := range recs {
		v.records[r.ID] = r
		v.byKind[r.Kind] = append(v.byKind[r.Kind], r)
	}
	for _, list := range v.byKind {
		slices.SortFunc(list, listOrder)
	}
	return nil
}

// openAll reads every record from the store and decrypts and decodes them
// on several goroutines while the store is still being read, in batches so
// the hand-over costs little. Records that fail are returned as damaged
// ids, sorted.
func openAll(s *rwcrypto.Sealer, store Store, workers int) ([]*Record, []ID, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const batchSize = 256
	type result struct {
		recs    []*Record
		damaged []ID
	}
	batches := make(chan []Item, 2*workers)
	results := make([]result, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			res := &results[w]
			for batch := range batches {
				for _, it := range batch {
					if r := openRecord(s, it); r != nil {
						res.recs = append(res.recs, r)
					} else {
						res.damaged = append(res.damaged, it.ID)
					}
				}
			}
		})
	}
	batch := make([]Item, 0, batchSize)
	err := store.Items(func(id ID, blob []byte) error {
		batch = append(batch, Item{ID: id, Blob: blob})
		if len(batch) == batchSize {
			batches <- batch
			batch = make([]Item, 0, batchSize)
		}
		return nil
	})
	if len(batch) > 0 {
		batches <- batch
	}
	close(batches)
	wg.Wait()
	if err != nil {
		return nil, nil, err
	}
	var recs []*Record
	var damaged []ID
	for _, res := range results {
		recs = append(recs, res.recs...)
		damaged = append(damaged, res.damaged...)
	}
	slices.SortFunc(damaged, func(a, b ID) int { return bytes.Compare(a[:], b[:]) })
	return recs, damaged, nil
}

// openRecord returns nil if the blob does not open or decode to a record
// with the id it is stored under.
func openRecord(s *rwcrypto.Sealer, it Item) *Record {
	plain, err := s.Open(it.ID[:], it.Blob)
	if err != nil {
		return nil
	}
	defer rwcrypto.Wipe(plain)
	r := new(Record)
	if err := decodeRecord(plain, r); err != nil || r.ID != it.ID {
		return nil
	}
	return r
}

// sealRecord encodes and seals r under its id. v.mu must be held and the
// vault unlocked.
func (v *Vault) sealRecord(r *Record) (Item, error) {
	plain, err := encodeRecord(r)
	if err != nil {
		return Item{}, err
	}
	blob, err := v.sealer.Seal(r.ID[:], plain)
	rwcrypto.Wipe(plain)
	if err != nil {
		return Item{}, err
	}
	return Item{ID: r.ID, Blob: blob}, nil
}

func docOf(r *Record) Doc {
	return Doc{ID: r.ID, Kind: r.Kind, Date: r.Date, Tags: r.Tags(), Mood: r.Mood(), Title: r.Title(), Text: r.Text()}
}

// Lock drops the data key, the decrypted records and the index, and
// truncates the write-ahead log. Locking a locked vault does nothing.
func (v *Vault) Lock() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.lock()
}

func (v *Vault) lock() error {
	if v.dek == nil {
		return nil
	}
	var err error
	if v.index != nil {
		err = v.index.close()
		v.index = nil
	}
	v.sealer.Wipe()
	v.dek.Wipe()
	v.dek, v.sealer, v.records, v.byKind, v.damaged = nil, nil, nil, nil, nil
	// Let the collector take the plaintext now rather than later.
	runtime.GC()
	if cerr := v.store.Checkpoint(); err == nil {
		err = cerr
	}
	return err
}

// Close locks the vault and closes its store.
func (v *Vault) Close() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	err := v.lock()
	if cerr := v.store.Close(); err == nil {
		err = cerr
	}
	return err
}

// Locked reports whether the vault is locked.
func (v *Vault) Locked() bool {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return v.dek == nil
}

// ID returns the vault's random id.
func (v *Vault) ID() ID {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return v.header.VaultID
}

// RecoveryRecipient returns the age recipient of the recovery kit, to which
// automatic backups are encrypted.
func (v *Vault) RecoveryRecipient() (*age.X25519Recipient, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return age.ParseX25519Recipient(v.header.RecoveryRecipient)
}

// BackupKeyPurpose is the [rwcrypto.Subkey] purpose of the vault's backup
// key: automatic backups wrap their file key to it as well as to the
// recovery kit, so the unlocked vault opens its own backups without the kit.
const BackupKeyPurpose = "backup v1"

// BackupKey returns the vault's backup key, HKDF-SHA256 of the data key
// with the vault id as salt and [BackupKeyPurpose]. It fails with
// [ErrLocked] while the vault is locked. The caller wipes the key.
func (v *Vault) BackupKey() (*[rwcrypto.KeySize]byte, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.dek == nil {
		return nil, ErrLocked
	}
	return rwcrypto.Subkey(v.dek, v.header.VaultID[:], BackupKeyPurpose), nil
}

// Damaged lists the records that failed to open at the last unlock.
func (v *Vault) Damaged() []ID {
	v.mu.RLock()
	defer v.mu.RUnlock()
	return slices.Clone(v.damaged)
}

// Save stores r: a new record (zero ID) gets an id and a creation time; an
// existing one replaces its previous version in one transaction. Date
// defaults to today. On success r holds the saved values.
func (v *Vault) Save(r *Record) error {
	return v.SaveAll([]*Record{r})
}

// SaveAll stores several records in one transaction: all or none.
func (v *Vault) SaveAll(rs []*Record) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.dek == nil {
		return ErrLocked
	}
	now := v.now()
	staged := make([]Record, len(rs))
	items := make([]Item, len(rs))
	for i, r := range rs {
		s := r.clone()
		if s.ID.IsZero() {
			s.ID = NewID()
		}
		if old, ok := v.records[s.ID]; ok {
			s.Created = old.Created
		} else if s.Created.IsZero() {
			s.Created = now
		}
		s.Updated = now
		if s.Date == "" {
			s.Date = now.Format(DateLayout)
		}
		s.Version = RecordVersion
		if err := s.Validate(); err != nil {
			return err
		}
		it, err := v.sealRecord(&s)
		if err != nil {
			return fmt.Errorf("save: %w", err)
		}
		staged[i], items[i] = s, it
	}
	if err := v.store.Put(items...); err != nil {
		return fmt.Errorf("save: %w", err)
	}
	docs := make([]Doc, len(staged))
	for i := range staged {
		s := staged[i]
		v.put(&s)
		docs[i] = docOf(&s)
		*rs[i] = s.clone()
	}
	if v.index != nil {
		if err := v.index.update(func(ix Index) error { return ix.Add(docs...) }); err != nil {
			return fmt.Errorf("saved, but search index update failed: %w", err)
		}
	}
	return nil
}

// Delete removes records by id.
func (v *Vault) Delete(ids ...ID) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.dek == nil {
		return ErrLocked
	}
	if err := v.store.Delete(ids...); err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	for _, id := range ids {
		v.remove(id)
	}
	if v.index != nil {
		if err := v.index.update(func(ix Index) error { return ix.Remove(ids...) }); err != nil {
			return fmt.Errorf("deleted, but search index update failed: %w", err)
		}
	}
	return nil
}

// Get returns a copy of one record.
func (v *Vault) Get(id ID) (Record, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.dek == nil {
		return Record{}, ErrLocked
	}
	r, ok := v.records[id]
	if !ok {
		return Record{}, ErrNotFound
	}
	return r.clone(), nil
}

// Resolve finds the record whose id starts with the hex prefix, for
// commands that show short ids. The prefix must match exactly one record.
func (v *Vault) Resolve(prefix string) (ID, error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if id, err := ParseID(prefix); err == nil {
		return id, nil
	}
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.dek == nil {
		return ID{}, ErrLocked
	}
	if len(prefix) < 4 {
		return ID{}, fmt.Errorf("%w: give at least 4 hex digits", ErrBadID)
	}
	var found []ID
	for id := range v.records {
		if strings.HasPrefix(id.String(), prefix) {
			found = append(found, id)
		}
	}
	switch len(found) {
	case 0:
		return ID{}, ErrNotFound
	case 1:
		return found[0], nil
	}
	return ID{}, fmt.Errorf("%w: %d records start with %s", ErrBadID, len(found), prefix)
}

// Filter selects records for [Vault.List].
type Filter struct {
	Kinds []Kind // empty for all
	From  string // YYYY-MM-DD inclusive, empty for open
	To    string // YYYY-MM-DD inclusive, empty for open
	Tag   string // empty for any
}

func (f Filter) match(r *Record) bool {
	if len(f.Kinds) > 0 && !slices.Contains(f.Kinds, r.Kind) {
		return false
	}
	if f.From != "" && r.Date < f.From || f.To != "" && r.Date > f.To {
		return false
	}
	return f.Tag == "" || slices.ContainsFunc(r.Tags(), func(t string) bool { return strings.EqualFold(t, f.Tag) })
}

// List returns copies of the records f selects, newest day first and, within
// a day, newest first. It reads only the kinds asked for, and within each
// only the dates asked for.
func (v *Vault) List(f Filter) ([]Record, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.dek == nil {
		return nil, ErrLocked
	}
	kinds := f.Kinds
	if len(kinds) == 0 {
		kinds = Kinds
	}
	var out []Record
	for _, k := range kinds {
		list := v.byKind[k]
		// Newest day first: the records on or before To start at lo, the
		// ones before From at hi.
		lo, hi := 0, len(list)
		if f.To != "" {
			lo, _ = slices.BinarySearchFunc(list, f.To, func(r *Record, day string) int { return -cmp.Compare(r.Date, day) })
		}
		if f.From != "" {
			hi = sort.Search(len(list), func(i int) bool { return list[i].Date < f.From })
		}
		for _, r := range list[lo:max(lo, hi)] {
			if f.match(r) {
				out = append(out, r.clone())
			}
		}
	}
	if len(kinds) > 1 {
		slices.SortFunc(out, func(a, b Record) int { return listOrder(&a, &b) })
	}
	return out, nil
}

// listOrder is List's order: newest day first, then newest created, then
// by id so that the order is total.
func listOrder(a, b *Record) int {
	if c := cmp.Compare(b.Date, a.Date); c != 0 {
		return c
	}
	if c := b.Created.Compare(a.Created); c != 0 {
		return c
	}
	return bytes.Compare(a.ID[:], b.ID[:])
}

// put adds r to the unlocked vault's records, replacing the record with its
// id; every change to the records goes through put and remove, which keep
// byKind in order. v.mu must be held for writing.
func (v *Vault) put(r *Record) {
	if old, ok := v.records[r.ID]; ok {
		v.dropFromKind(old)
	}
	v.records[r.ID] = r
	list := v.byKind[r.Kind]
	i, _ := slices.BinarySearchFunc(list, r, listOrder)
	v.byKind[r.Kind] = slices.Insert(list, i, r)
}

// remove drops the record with id, if there is one. v.mu must be held for
// writing.
func (v *Vault) remove(id ID) {
	if old, ok := v.records[id]; ok {
		v.dropFromKind(old)
		delete(v.records, id)
	}
}

func (v *Vault) dropFromKind(r *Record) {
	list := v.byKind[r.Kind]
	if i, ok := slices.BinarySearchFunc(list, r, listOrder); ok && list[i] == r {
		v.byKind[r.Kind] = slices.Delete(list, i, i+1)
	}
}

// Count returns how many records the vault holds, by kind.
func (v *Vault) Count() (map[Kind]int, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.dek == nil {
		return nil, ErrLocked
	}
	n := make(map[Kind]int)
	for _, r := range v.records {
		n[r.Kind]++
	}
	return n, nil
}

// Search runs q over the in-memory index. Right after unlock it waits for
// the index to finish loading (see [Vault.WaitIndexed]).
func (v *Vault) Search(q Query) ([]Hit, error) {
	v.mu.RLock()
	locked, x := v.dek == nil, v.index
	v.mu.RUnlock()
	if locked {
		return nil, ErrLocked
	}
	if x == nil {
		return nil, errors.New("search is not available")
	}
	hits, err := x.search(q)
	if err != nil && v.Locked() {
		return nil, ErrLocked // locked while waiting
	}
	return hits, err
}

// WaitIndexed blocks until the search index built at unlock is complete.
// The vault is usable before that; only search waits.
func (v *Vault) WaitIndexed() error {
	v.mu.RLock()
	locked, x := v.dek == nil, v.index
	v.mu.RUnlock()
	if locked {
		return ErrLocked
	}
	if x == nil {
		return nil
	}
	return x.wait()
}

// Check reads every record back from the store and decrypts it. It returns
// nil when all open, a [*DamagedError] naming the ones that do not, or
// another error if the store cannot be read.
// Snapshot writes a consistent copy of the vault file to path, for a
// safety copy before a restore merges into it. The copy is the file as it
// is, records still sealed. Stores that keep no file return
// [errors.ErrUnsupported].
func (v *Vault) Snapshot(path string) error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	s, ok := v.store.(interface{ Snapshot(path string) error })
	if !ok {
		return fmt.Errorf("snapshot: %w", errors.ErrUnsupported)
	}
	return s.Snapshot(path)
}

func (v *Vault) Check() error {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.dek == nil {
		return ErrLocked
	}
	_, damaged, err := openAll(v.sealer, v.store, v.opts.Workers)
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	if len(damaged) > 0 {
		return &DamagedError{IDs: damaged}
	}
	return nil
}

// clone returns a deep copy, so callers never share memory with the vault.
func (r *Record) clone() Record {
	c := *r
	if r.Entry != nil {
		e := *r.Entry
		e.Tags = slices.Clone(e.Tags)
		c.Entry = &e
	}
	if r.Gratitude != nil {
		g := *r.Gratitude
		g.Items = slices.Clone(g.Items)
		c.Gratitude = &g
	}
	if r.CheckIn != nil {
		x := *r.CheckIn
		c.CheckIn = &x
	}
	if r.Urge != nil {
		u := *r.Urge
		u.Samples = slices.Clone(u.Samples)
		u.Triggers = slices.Clone(u.Triggers)
		u.HALT = slices.Clone(u.HALT)
		u.Pauses = slices.Clone(u.Pauses)
		c.Urge = &u
	}
	if r.Session != nil {
		s := *r.Session
		if s.DistressBefore != nil {
			d := *s.DistressBefore
			s.DistressBefore = &d
		}
		if s.DistressAfter != nil {
			d := *s.DistressAfter
			s.DistressAfter = &d
		}
		c.Session = &s
	}
	if r.Pattern != nil {
		p := *r.Pattern
		c.Pattern = &p
	}
	if r.Settings != nil {
		s := *r.Settings
		c.Settings = &s
	}
	if r.Crisis != nil {
		k := *r.Crisis
		k.Reasons = slices.Clone(k.Reasons)
		k.WarningSigns = slices.Clone(k.WarningSigns)
		k.Helps = slices.Clone(k.Helps)
		k.People = slices.Clone(k.People)
		k.Lines = slices.Clone(k.Lines)
		c.Crisis = &k
	}
	if r.MedPreset != nil {
		m := *r.MedPreset
		c.MedPreset = &m
	}
	return c
}

// Calibrate picks Argon2id parameters that take about target on this
// machine, never below [MinKDFParams]. progress (may be nil) gets 0..1.
func Calibrate(target time.Duration, progress func(float64)) (KDFParams, error) {
	return rwcrypto.Calibrate(target, progress)
}
