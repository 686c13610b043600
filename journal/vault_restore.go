package journal

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"
)

// MergeReport says what [Vault.Merge] did, or what [Vault.PlanMerge] would
// do, with a set of records from a backup or an import.
type MergeReport struct {
	// Added counts records the vault did not have.
	Added int
	// Updated counts records whose newer edit came from the incoming set.
	Updated int
	// Unchanged counts incoming records the vault already holds, as they
	// are or as an earlier copy.
	Unchanged int
	// Copies counts conflicting older edits kept as copies under new ids,
	// from either side.
	Copies int
	// Replaced counts older edits of the one-per-vault records (settings,
	// crisis card) that gave way to a newer one: there cannot be two.
	Replaced int
}

// Writes is how many records the merge stores.
func (m MergeReport) Writes() int { return m.Added + m.Updated + m.Copies }

// singleton reports whether a vault keeps at most one record of kind k.
func singleton(k Kind) bool { return k == KindSettings || k == KindCrisis }

// PlanMerge reports what [Vault.Merge] would do with incoming, changing
// nothing. It is the preview a restore or import shows before it asks.
func (v *Vault) PlanMerge(incoming []Record) (MergeReport, error) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.dek == nil {
		return MergeReport{}, ErrLocked
	}
	p, err := v.planMerge(incoming)
	return p.report, err
}

// Merge stores incoming records by id in one transaction, keeping their own
// ids, dates and Created/Updated times; all are stored or none. This is how
// a backup is restored (into a new, empty vault or into this one) and how
// imported records are added.
//
// For a record the vault already has, the newer edit (by Updated) wins and
// the older one is kept as a copy under a new id, so nothing is lost; a copy
// whose content the vault already holds is not made again, so merging the
// same backup twice changes nothing the second time. The settings and the
// crisis card are one per vault, matched by kind rather than id: the newer
// replaces the older. Ties go to the vault.
//
// Every incoming record must validate and have a non-zero id, and none may
// come from a newer record version; otherwise nothing is stored and the
// error wraps [ErrInvalid].
//
// progress, if not nil, is called with the number of records sealed so far
// and the number to store; it reaches total just before the commit. It runs
// with the vault busy, so it must not call the vault.
func (v *Vault) Merge(incoming []Record, progress func(done, total int)) (MergeReport, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.dek == nil {
		return MergeReport{}, ErrLocked
	}
	p, err := v.planMerge(incoming)
	if err != nil {
		return MergeReport{}, err
	}
	report := newProgress(progress, len(p.put))
	items := make([]Item, len(p.put))
	for i, r := range p.put {
		it, err := v.sealRecord(r)
		if err != nil {
			return MergeReport{}, fmt.Errorf("merge: %w", err)
		}
		items[i] = it
		report(i + 1)
	}
	if len(items) > 0 {
		if err := v.store.Put(items...); err != nil {
			return MergeReport{}, fmt.Errorf("merge: %w", err)
		}
	}
	docs := make([]Doc, len(p.put))
	for i, r := range p.put {
		v.put(r)
		docs[i] = docOf(r)
	}
	if v.index != nil && len(docs) > 0 {
		if err := v.index.update(func(ix Index) error { return ix.Add(docs...) }); err != nil {
			return p.report, fmt.Errorf("merged, but search index update failed: %w", err)
		}
	}
	return p.report, nil
}

// newProgress returns a function that passes done to fn about a hundred
// times over total, and always at total, so a long run does not flood a
// progress bar with calls.
func newProgress(fn func(done, total int), total int) func(done int) {
	if fn == nil {
		return func(int) {}
	}
	step := max(1, total/100)
	return func(done int) {
		if done == total || done%step == 0 {
			fn(done, total)
		}
	}
}

// mergePlan is what a merge will store, decided under v.mu.
type mergePlan struct {
	put    []*Record
	report MergeReport
}

// planMerge decides, for each incoming record, whether it is added,
// replaces the vault's, is kept as a copy or is already there. v.mu must be
// held (for reading at least) and the vault unlocked.
func (v *Vault) planMerge(incoming []Record) (mergePlan, error) {
	var p mergePlan
	now := v.now()
	seen := make(map[ID]bool, len(incoming))
	staged := make([]*Record, 0, len(incoming))
	for i := range incoming {
		r := incoming[i].clone()
		switch {
		case r.ID.IsZero():
			return p, fmt.Errorf("%w: record %d of %d has no id", ErrInvalid, i+1, len(incoming))
		case seen[r.ID]:
			return p, fmt.Errorf("%w: record %s appears twice", ErrInvalid, r.ID)
		case r.Version > RecordVersion:
			return p, fmt.Errorf("%w: record %s is version %d; this Rewire reads up to %d", ErrInvalid, r.ID, r.Version, RecordVersion)
		}
		seen[r.ID] = true
		if err := r.Validate(); err != nil {
			return p, fmt.Errorf("record %s: %w", r.ID, err)
		}
		r.Version = RecordVersion
		if r.Created.IsZero() {
			r.Created = now
		}
		if r.Updated.IsZero() {
			r.Updated = r.Created
		}
		staged = append(staged, &r)
	}

	overlay := make(map[ID]*Record, len(staged))

	// The one-per-vault records are matched by kind.
	single := map[Kind]*Record{}
	for _, r := range v.records {
		if singleton(r.Kind) {
			if cur, ok := single[r.Kind]; !ok || r.Updated.After(cur.Updated) {
				single[r.Kind] = r
			}
		}
	}

	// How many records hold each content, counting the vault as this merge
	// leaves it; made only when a conflict needs it, so that no copy is
	// made of content the vault already has.
	current := func(id ID) *Record {
		if r, ok := overlay[id]; ok {
			return r
		}
		return v.records[id]
	}
	var have map[[32]byte]int
	holds := func(r *Record) bool {
		if have == nil {
			have = make(map[[32]byte]int, len(v.records)+len(staged))
			for id, x := range v.records {
				if _, ok := overlay[id]; !ok {
					have[contentKey(x)]++
				}
			}
			for _, x := range overlay {
				have[contentKey(x)]++
			}
		}
		return have[contentKey(r)] > 0
	}
	put := func(r *Record) {
		if have != nil {
			if prev := current(r.ID); prev != nil {
				have[contentKey(prev)]--
			}
			have[contentKey(r)]++
		}
		overlay[r.ID] = r
		p.put = append(p.put, r)
	}
	keepCopy := func(r *Record) {
		if holds(r) {
			p.report.Unchanged++
			return
		}
		c := r.clone()
		c.ID = NewID()
		put(&c)
		p.report.Copies++
	}

	for _, r := range staged {
		old := current(r.ID)
		ok := old != nil
		if !ok && singleton(r.Kind) {
			if cur := single[r.Kind]; cur != nil {
				// Another vault's settings: compare with this vault's under
				// this vault's id.
				r.ID, old, ok = cur.ID, current(cur.ID), true
			} else {
				single[r.Kind] = r
			}
		}
		switch {
		case !ok:
			put(r)
			p.report.Added++
		case contentKey(old) == contentKey(r):
			p.report.Unchanged++
		case r.Updated.After(old.Updated):
			put(r)
			p.report.Updated++
			if singleton(r.Kind) {
				p.report.Replaced++
			} else {
				keepCopy(old)
			}
		case singleton(r.Kind):
			p.report.Replaced++
		default:
			keepCopy(r)
		}
	}
	return p, nil
}

// contentKey hashes what a record says, leaving out its id, version and
// times, so an edit and its copy can be told apart from two equal texts.
func contentKey(r *Record) [32]byte {
	c := *r
	c.ID, c.Version, c.Created, c.Updated = ID{}, 0, time.Time{}, time.Time{}
	b, err := json.Marshal(&c)
	if err != nil {
		// Records hold only strings, numbers, bools and times, which
		// always encode.
		panic(fmt.Sprintf("journal: encode record for its content key: %v", err))
	}
	return sha256.Sum256(b)
}
