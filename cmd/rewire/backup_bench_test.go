package main

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/rewirejournal/rewire/journal/backup"
)

// BenchmarkBackUpNow is "Back up now" on the Backup & data screen of the
// real app over the 10k-record demo vault: every record read, encrypted to
// the recovery kit, written, synced, read back and verified, named, and
// the folder rotated. It reports backup-ms per backup and the file's size.
//
//	go test -tags sqlite_fts5 -run '^$' -bench BackUpNow -benchtime 3x ./cmd/rewire/
func BenchmarkBackUpNow(b *testing.B) {
	path := perfVault(b, perfSizes[0].entries)
	fa := test.NewApp()
	defer test.NewApp()
	r, err := openApp(fa, path)
	if err != nil {
		b.Fatal(err)
	}
	if err := r.enter(); err != nil {
		b.Fatal(err)
	}
	defer r.close()
	dir := filepath.Join(filepath.Dir(path), "backups")
	id := r.vaults.vault.ID()
	var total time.Duration
	var size int64
	b.ResetTimer()
	for range b.N {
		before, _, _ := backup.Latest(dir, id)
		t0 := time.Now()
		r.app.BackUpNow() // inline: the benchmark's runner does the work at once
		total += time.Since(t0)
		after, ok, err := backup.Latest(dir, id)
		if err != nil || !ok || after.Path == before.Path {
			b.Fatalf("no new backup (%v)", err)
		}
		size = after.Size
	}
	b.ReportMetric(float64(total)/float64(time.Millisecond)/float64(b.N), "backup-ms")
	b.ReportMetric(float64(size)/(1<<20), "file-MiB")
}
