package backup

import (
	"os"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
)

// BenchmarkBackupVerify measures an automatic backup as the app makes one
// after unlock: encode every record, encrypt, write and fsync, read the
// file back and verify all of it, rename, rotate. Sizes are journal
// entries, as in the vault benchmarks (10k entries are 34 802 records of
// every kind); the records come from memory, as an unlocked vault's do.
// "10k-records" is the issue's own size: 10 000 records of every kind.
func BenchmarkBackupVerify(b *testing.B) {
	for _, size := range []struct {
		name             string
		entries, records int // records 0: all those of the entries
	}{{"10k", 10_000, 0}, {"100k", 100_000, 0}, {"10k-records", 3_000, 10_000}} {
		b.Run(size.name, func(b *testing.B) {
			k := newKit(b)
			gen := demo.Generate(size.entries, 1, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC))
			if size.records > 0 {
				gen = gen[:size.records]
			}
			v := &fakeVault{id: journal.NewID(), recs: make([]journal.Record, len(gen)), recipient: k.id.Recipient()}
			for i, r := range gen {
				r.ID, r.Version, r.Updated = journal.NewID(), journal.RecordVersion, r.Created
				v.recs[i] = *r
			}
			dir := b.TempDir()
			var res Result
			b.ResetTimer()
			for range b.N {
				var err error
				if res, err = Automatic(v, dir, Options{Keep: Keep{Daily: 1}}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "backup-ms")
			b.ReportMetric(float64(len(v.recs)), "records")
			if fi, err := os.Stat(res.Path); err == nil {
				b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
			}
		})
	}
}
