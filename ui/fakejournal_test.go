package ui

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal"
)

// fakeJournal is an in-memory [Journal] for UI tests: no key derivation,
// no files. Screens' tests use it through newTestApp.
type fakeJournal struct {
	passphrase string
	kit        string
	locked     bool
	records    map[journal.ID]journal.Record
	clock      func() time.Time

	unlocks int // Unlock calls, right or wrong
}

var _ Journal = (*fakeJournal)(nil)

func newFakeJournal(passphrase string) *fakeJournal {
	return &fakeJournal{passphrase: passphrase, kit: "AGE-SECRET-KEY-1FAKE", locked: true,
		records: map[journal.ID]journal.Record{}, clock: time.Now}
}

func (f *fakeJournal) Locked() bool { return f.locked }

func (f *fakeJournal) Unlock(p []byte) error {
	f.unlocks++
	if !f.locked {
		return nil
	}
	if string(p) != f.passphrase {
		return journal.ErrWrongPassphrase
	}
	f.locked = false
	return nil
}

func (f *fakeJournal) UnlockWithRecoveryKit(kit, p []byte, _ journal.KDFParams) error {
	if !strings.Contains(string(kit), f.kit) {
		return journal.ErrWrongRecoveryKit
	}
	f.passphrase, f.locked = string(p), false
	return nil
}

func (f *fakeJournal) ChangePassphrase(p []byte, _ journal.KDFParams) error {
	if f.locked {
		return journal.ErrLocked
	}
	f.passphrase = string(p)
	return nil
}

func (f *fakeJournal) Lock() error { f.locked = true; return nil }

func (f *fakeJournal) Save(r *journal.Record) error {
	if f.locked {
		return journal.ErrLocked
	}
	if r.ID.IsZero() {
		r.ID = journal.NewID()
		r.Created = f.clock()
	}
	if r.Date == "" {
		r.Date = f.clock().Format(journal.DateLayout)
	}
	r.Updated = f.clock()
	if err := r.Validate(); err != nil {
		return err
	}
	f.records[r.ID] = *r
	return nil
}

func (f *fakeJournal) Delete(ids ...journal.ID) error {
	if f.locked {
		return journal.ErrLocked
	}
	for _, id := range ids {
		delete(f.records, id)
	}
	return nil
}

func (f *fakeJournal) Get(id journal.ID) (journal.Record, error) {
	if f.locked {
		return journal.Record{}, journal.ErrLocked
	}
	r, ok := f.records[id]
	if !ok {
		return journal.Record{}, journal.ErrNotFound
	}
	return r, nil
}

func (f *fakeJournal) List(flt journal.Filter) ([]journal.Record, error) {
	if f.locked {
		return nil, journal.ErrLocked
	}
	var out []journal.Record
	for _, r := range f.records {
		if len(flt.Kinds) > 0 && !slices.Contains(flt.Kinds, r.Kind) {
			continue
		}
		if flt.From != "" && r.Date < flt.From || flt.To != "" && r.Date > flt.To {
			continue
		}
		if flt.Tag != "" && !slices.Contains(r.Tags(), flt.Tag) {
			continue
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b journal.Record) int {
		return cmp.Or(strings.Compare(b.Date, a.Date), b.Created.Compare(a.Created))
	})
	return out, nil
}

// Search matches every word of q.Text case-insensitively in title or text.
func (f *fakeJournal) Search(q journal.Query) ([]journal.Hit, error) {
	recs, err := f.List(journal.Filter{Kinds: q.Kinds, Tag: q.Tag, From: q.From, To: q.To})
	if err != nil {
		return nil, err
	}
	var hits []journal.Hit
	for _, r := range recs {
		hay := strings.ToLower(r.Title() + "\n" + r.Text())
		ok := true
		for _, w := range strings.Fields(strings.ToLower(q.Text)) {
			ok = ok && strings.Contains(hay, strings.Trim(w, `"*`))
		}
		if ok {
			hits = append(hits, journal.Hit{ID: r.ID, Kind: r.Kind, Date: r.Date, Title: r.Title(), Snippet: r.Text()})
		}
	}
	return hits, nil
}

func (f *fakeJournal) Count() (map[journal.Kind]int, error) {
	if f.locked {
		return nil, journal.ErrLocked
	}
	n := map[journal.Kind]int{}
	for _, r := range f.records {
		n[r.Kind]++
	}
	return n, nil
}

// settings returns the stored settings record, if any.
func (f *fakeJournal) settings() (journal.Settings, int) {
	var s journal.Settings
	n := 0
	for _, r := range f.records {
		if r.Kind == journal.KindSettings {
			s, n = *r.Settings, n+1
		}
	}
	return s, n
}

// fakeVaults is a [Vaults] over one fakeJournal.
type fakeVaults struct {
	j       *fakeJournal // nil: no vault yet (first run)
	openErr error
	closed  bool
	created journal.KDFParams
}

var _ Vaults = (*fakeVaults)(nil)

func (v *fakeVaults) Path() string          { return "/home/someone/.local/share/rewire/vault.db" }
func (v *fakeVaults) Exists() (bool, error) { return v.j != nil || v.openErr != nil, nil }
func (v *fakeVaults) Close() error          { v.closed = true; return nil }

func (v *fakeVaults) Open() (Journal, error) {
	if v.openErr != nil {
		return nil, v.openErr
	}
	return v.j, nil
}

func (v *fakeVaults) Create(p []byte, kdf journal.KDFParams) (Journal, []byte, error) {
	if v.j != nil {
		return nil, nil, journal.ErrExists
	}
	v.j = newFakeJournal(string(p))
	v.j.locked = false
	v.created = kdf
	return v.j, []byte("# REWIRE RECOVERY KIT\n" + v.j.kit + "\n"), nil
}

// fakeClock is a settable clock.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time          { return c.now }
func (c *fakeClock) advance(d time.Duration) { c.now = c.now.Add(d) }

// testPassphrase is strong enough for the strength check.
const testPassphrase = "copper kettle sings at dawn"

// newTestApp builds the app on the test driver with inline work, a fake
// clock, instant calibration and no ticker, in English.
func newTestApp(t testing.TB, v *fakeVaults) (*App, *fakeClock) {
	t.Helper()
	fa := test.NewTempApp(t)
	SetLanguage("en")
	t.Cleanup(func() { SetLanguage("en") })
	clock := &fakeClock{now: time.Date(2026, 11, 25, 9, 30, 0, 0, time.Local)}
	if v.j != nil {
		v.j.clock = clock.Now
	}
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
	return a, clock
}

// unlockedTestApp returns an app already past the unlock screen.
func unlockedTestApp(t testing.TB) (*App, *fakeJournal, *fakeClock) {
	t.Helper()
	j := newFakeJournal(testPassphrase)
	a, clock := newTestApp(t, &fakeVaults{j: j})
	test.Type(a.unlockView.passphrase, testPassphrase)
	a.unlockView.submit()
	if a.shell == nil {
		t.Fatal("the app did not unlock")
	}
	return a, j, clock
}
