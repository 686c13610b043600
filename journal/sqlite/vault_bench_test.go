package sqlite

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/chacha20poly1305"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
)

// The vault benchmarks run at 1k, 10k and 100k journal entries of ~1.2 KB
// from the demo generator (the one behind `rewire-cli gen`). Each size is
// built once per run, in a temp dir removed at the end.

var benchSizes = []int{1_000, 10_000, 100_000}

type benchVault struct {
	path  string
	kit   []byte
	plain [][]byte // the records' plaintexts, for the raw-AEAD baseline
}

var (
	benchMu     sync.Mutex
	benchVaults = map[int]*benchVault{}
	benchRoot   string
)

func benchEnd() time.Time { return time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC) }

// entries returns n journal entries from the demo generator.
func entries(n int) []*journal.Record {
	var out []*journal.Record
	for _, r := range demo.Generate(n, 1, benchEnd()) {
		if r.Kind == journal.KindEntry && len(out) < n {
			out = append(out, r)
		}
	}
	return out
}

func getBenchVault(b testing.TB, n int) *benchVault {
	benchMu.Lock()
	defer benchMu.Unlock()
	if bv, ok := benchVaults[n]; ok {
		return bv
	}
	if benchRoot == "" {
		var err error
		if benchRoot, err = os.MkdirTemp("", "rewire-bench-"); err != nil {
			b.Fatal(err)
		}
	}
	dir := filepath.Join(benchRoot, fmt.Sprint(n))
	os.MkdirAll(dir, 0o700)
	v, path, kit := newVault(b, dir)
	recs := entries(n)
	if len(recs) != n {
		b.Fatalf("generator gave %d entries, want %d", len(recs), n)
	}
	for lo := 0; lo < n; lo += 5000 {
		if err := v.SaveAll(recs[lo:min(lo+5000, n)]); err != nil {
			b.Fatal(err)
		}
	}
	bv := &benchVault{path: path, kit: kit}
	for _, r := range recs {
		p, _ := json.Marshal(r)
		bv.plain = append(bv.plain, p)
	}
	v.Close()
	benchVaults[n] = bv
	return bv
}

func cleanupBench() {
	if benchRoot != "" {
		os.RemoveAll(benchRoot)
	}
}

func sizeName(n int) string {
	if n >= 1000 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

// peakHeap samples the live heap every millisecond while fn runs. It
// collects garbage before fn, so fn should start its own clock.
func peakHeap(fn func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	runtime.GC()
	peak := read()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				peak = max(peak, read())
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	return max(peak, read())
}

// rawOpenAll is the baseline: the same plaintexts sealed with bare
// XChaCha20-Poly1305 and opened on as many goroutines as unlock uses.
func rawOpenAll(b *testing.B, plain [][]byte) time.Duration {
	key := make([]byte, chacha20poly1305.KeySize)
	rand.Read(key)
	aead, _ := chacha20poly1305.NewX(key)
	sealed := make([][]byte, len(plain))
	for i, p := range plain {
		nonce := make([]byte, aead.NonceSize())
		rand.Read(nonce)
		sealed[i] = aead.Seal(nonce, nonce, p, nil)
	}
	workers := runtime.GOMAXPROCS(0)
	start := time.Now()
	var wg sync.WaitGroup
	chunk := (len(sealed) + workers - 1) / workers
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			for _, s := range sealed[lo:hi] {
				if _, err := aead.Open(nil, s[:24], s[24:], nil); err != nil {
					panic(err)
				}
			}
		}(min(w*chunk, len(sealed)), min((w+1)*chunk, len(sealed)))
	}
	wg.Wait()
	return time.Since(start)
}

// BenchmarkUnlock measures unlock without the KDF: read, decrypt and decode
// every record in parallel (unlock-ms: the vault is usable), then the
// search index built in the background (indexed-ms: search is ready). It
// reports the raw-AEAD baseline for the same bytes and the ratio of the
// whole (indexed) time to it.
func BenchmarkUnlock(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(sizeName(n), func(b *testing.B) {
			bv := getBenchVault(b, n)
			v := openVault(b, bv.path)
			defer v.Close()
			var usable, indexed time.Duration
			var peak uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v.Lock()
				var start time.Time
				peak = max(peak, peakHeap(func() {
					start = time.Now()
					if err := v.UnlockWithRecoveryIdentity(bv.kit); err != nil {
						b.Fatal(err)
					}
					usable += time.Since(start)
					if err := v.WaitIndexed(); err != nil {
						b.Fatal(err)
					}
				}))
				indexed += time.Since(start)
			}
			b.StopTimer()
			raw := rawOpenAll(b, bv.plain)
			per := func(d time.Duration) time.Duration { return d / time.Duration(b.N) }
			b.ReportMetric(float64(per(usable).Microseconds())/1000, "unlock-ms")
			b.ReportMetric(float64(per(indexed).Microseconds())/1000, "indexed-ms")
			b.ReportMetric(float64(raw.Microseconds())/1000, "rawaead-ms")
			b.ReportMetric(float64(per(indexed))/float64(raw), "ratio")
			b.ReportMetric(float64(peak)/(1<<20), "peakheap-MB")
		})
	}
}

func p50(d []time.Duration) float64 {
	slices.Sort(d)
	return float64(d[len(d)/2].Microseconds()) / 1000
}

// searchQueries are the queries BenchmarkSearch and BenchmarkSearchFirst
// time: a common word, a phrase and a prefix.
var searchQueries = []struct{ name, q string }{
	{"word", "craving"},
	{"phrase", `"one day at a time"`},
	{"prefix", "medit*"},
}

// BenchmarkSearch reports the median latency of a common word, a phrase and
// a prefix query, each asked again and again of the same unlocked vault;
// BenchmarkSearchFirst times each as the first query after an unlock.
func BenchmarkSearch(b *testing.B) {
	queries := searchQueries
	for _, n := range benchSizes {
		bv := getBenchVault(b, n)
		v := openVault(b, bv.path)
		if err := v.UnlockWithRecoveryIdentity(bv.kit); err != nil {
			b.Fatal(err)
		}
		for _, q := range queries {
			b.Run(sizeName(n)+"/"+q.name, func(b *testing.B) {
				times := make([]time.Duration, 0, b.N)
				hits := 0
				for i := 0; i < b.N; i++ {
					start := time.Now()
					h, err := v.Search(journal.Query{Text: q.q})
					times = append(times, time.Since(start))
					if err != nil {
						b.Fatal(err)
					}
					hits = len(h)
				}
				if hits == 0 {
					b.Fatalf("%s found nothing", q.q)
				}
				b.ReportMetric(p50(times), "p50-ms")
			})
		}
		v.Close()
	}
}

// BenchmarkSearchFirst reports the median latency of each query of
// BenchmarkSearch asked first after an unlock, so that nothing a query
// leaves behind (SQLite's caches, memory) helps it. Every iteration locks
// and unlocks the vault, and ns/op counts that too, so that a time-based
// -benchtime runs few of them; p50-ms is the query alone. Use -benchtime Nx
// for N first searches.
func BenchmarkSearchFirst(b *testing.B) {
	for _, n := range benchSizes {
		bv := getBenchVault(b, n)
		v := openVault(b, bv.path)
		for _, q := range searchQueries {
			b.Run(sizeName(n)+"/"+q.name, func(b *testing.B) {
				times := make([]time.Duration, 0, b.N)
				for i := 0; i < b.N; i++ {
					v.Lock()
					if err := v.UnlockWithRecoveryIdentity(bv.kit); err != nil {
						b.Fatal(err)
					}
					if err := v.WaitIndexed(); err != nil {
						b.Fatal(err)
					}
					start := time.Now()
					h, err := v.Search(journal.Query{Text: q.q})
					times = append(times, time.Since(start))
					if err != nil {
						b.Fatal(err)
					}
					if len(h) == 0 {
						b.Fatalf("%s found nothing", q.q)
					}
				}
				b.ReportMetric(p50(times), "p50-ms")
			})
		}
		v.Close()
	}
}

// BenchmarkSave reports the median time to save one new ~1.2 KB entry with
// synchronous=FULL, index update included.
func BenchmarkSave(b *testing.B) {
	for _, n := range benchSizes[:2] {
		b.Run(sizeName(n), func(b *testing.B) {
			bv := getBenchVault(b, n)
			v := openVault(b, bv.path)
			defer v.Close()
			if err := v.UnlockWithRecoveryIdentity(bv.kit); err != nil {
				b.Fatal(err)
			}
			src := entries(200)
			times := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				r := *src[i%len(src)]
				e := *r.Entry
				r.Entry, r.ID = &e, journal.ID{}
				start := time.Now()
				if err := v.Save(&r); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			b.ReportMetric(p50(times), "p50-ms")
		})
	}
}
