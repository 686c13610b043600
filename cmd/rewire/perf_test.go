package main

// The performance figures for the desktop app, as a benchmark:
//
//	go test -tags sqlite_fts5 -run '^$' -bench UnlockToToday -benchtime 3x ./cmd/rewire/
//
// BenchmarkUnlockToToday builds two demo vaults once per process: one of
// 10 000 records (the size: 2 893 days of daily use, so 2 893
// journal entries with the check-ins, gratitude, sessions and urge episodes
// such days bring), and one of 10 000 journal entries (34 802 records), and
// per iteration opens each in the real app on Fyne's test driver
// (software painter, no display), types the passphrase, presses Enter and
// stops the clock when the Today screen has been built and rendered once.
// It reports:
//
//	enter-to-today-ms  Enter pressed → Today built and rendered (the KDF included)
//	kdf-ms             one passphrase-slot attempt with a wrong passphrase (one Argon2id run)
//	excl-kdf-ms        the difference: the target is ≤ 300
//	render-ms          of which: the first render of the Today screen (Capture)
//	vault-unlock-ms    journal.Vault.Unlock alone (KDF + decrypting every record), for reference
//	vmhwm-MiB          this process's peak RSS after the first unlock (includes building the vault)
//	child-vmhwm-MiB    peak RSS of a clean process that opens the vault, unlocks, draws
//	                   Today, waits for the search index and scrolls the journal list
//	child-rssfile-MiB  of its resident set at Today, the part that is the binary's
//	                   file mapped in (the rest is anonymous memory)
//	child-list-rows    journal list length in that process (one per entry)
//	child-row-widgets  row widgets the list built for it (a screenful)

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/backup"
	"github.com/rewirejournal/rewire/journal/demo"
	"github.com/rewirejournal/rewire/ui"
)

const (
	perfPassphrase = "quiet river morning lantern"
	// perfChildEnv names the prepared vault when the test binary is
	// re-executed as the clean child process that measures peak RSS.
	perfChildEnv = "REWIRE_PERF_CHILD_VAULT"
	// perfScreenJournal is the journal's index in the shell's screens.
	perfScreenJournal = 1
)

var perfSize = fyne.NewSize(1000, 700)

func TestMain(m *testing.M) {
	// A diagnostic knob: REWIRE_PERF_NOINDEX=1 opens vaults without the
	// search index, to see what its background build costs the unlock.
	if os.Getenv("REWIRE_PERF_NOINDEX") != "" {
		vaultOptions.NewIndex = nil
	}
	if path := os.Getenv(perfChildEnv); path != "" {
		os.Exit(perfChild(path))
	}
	code := m.Run()
	if perfDir != "" {
		os.RemoveAll(perfDir)
	}
	os.Exit(code)
}

// perfSizes are the demo vaults, by journal entries.
var perfSizes = []struct {
	name    string
	entries int
}{
	{"10k-records", 2893},
	{"10k-entries", 10000},
}

var (
	perfMu     sync.Mutex
	perfDir    string
	perfVaults = map[int]string{} // entries → path
)

// perfVault creates the demo vault of n entries once per process.
func perfVault(b *testing.B, entries int) string {
	perfMu.Lock()
	defer perfMu.Unlock()
	if path, ok := perfVaults[entries]; ok {
		return path
	}
	start := time.Now()
	if perfDir == "" {
		dir, err := os.MkdirTemp("", "rewire-perf-")
		if err != nil {
			b.Fatal(err)
		}
		perfDir = dir
	}
	path := filepath.Join(perfDir, fmt.Sprintf("vault-%d.db", entries))
	v := newVaults(path)
	if _, _, err := v.Create([]byte(perfPassphrase), journal.MinKDFParams()); err != nil {
		b.Fatal(err)
	}
	recs := demo.Generate(entries, 1, time.Now().AddDate(0, 0, 1))
	total := len(recs)
	for len(recs) > 0 {
		n := min(len(recs), 2000)
		if err := v.vault.SaveAll(recs[:n]); err != nil {
			b.Fatal(err)
		}
		recs = recs[n:]
	}
	// A backup made now is not due at the measured unlocks, so they pay
	// only for listing the backup folder, as a daily user's unlocks do.
	if _, err := backup.Automatic(v.vault, filepath.Join(perfDir, "backups"), backup.Options{}); err != nil {
		b.Fatal(err)
	}
	if err := v.Close(); err != nil {
		b.Fatal(err)
	}
	b.Logf("built a vault of %d records (%d entries) in %v", total, entries, time.Since(start).Round(time.Millisecond))
	perfVaults[entries] = path
	return path
}

// perfRun is one open → Enter → Today run of the real app.
type perfRun struct {
	app    *ui.App
	vaults *vaults
	kdf    time.Duration // a wrong-passphrase attempt
	total  time.Duration // Enter → Today built and rendered
	render time.Duration // the first render alone
	// hwmShown is the peak RSS once the unlock screen is shown
	hwmShown float64
}

// openApp shows the app on fa for the vault at path: the unlock screen,
// with the passphrase typed but not yet submitted. It also times one
// wrong-passphrase attempt (one KDF run).
func openApp(fa fyne.App, path string) (*perfRun, error) {
	v := newVaults(path)
	a := ui.New(fa, v, ui.Options{Run: ui.InlineRunner, TickEvery: -1, Language: "en"})
	a.Show()
	a.Window().Resize(perfSize)
	if v.vault == nil {
		return nil, errors.New("the vault was not opened (no unlock screen)")
	}
	r := &perfRun{app: a, vaults: v, hwmShown: vmHWM()}
	t0 := time.Now()
	err := v.vault.Unlock([]byte("not my passphrase"))
	r.kdf = time.Since(t0)
	if !errors.Is(err, journal.ErrWrongPassphrase) {
		return nil, fmt.Errorf("wrong passphrase: got %v", err)
	}
	c := a.Window().Canvas()
	// The passphrase field is an entry (of ui's own type: it passes the
	// crisis card's shortcut on).
	if _, ok := c.Focused().(interface{ SetText(string) }); !ok {
		return nil, fmt.Errorf("unlock screen: focus is on %T, not the passphrase", c.Focused())
	}
	c.Capture() // the unlock screen, as the user sees it before Enter
	test.Type(c.Focused(), perfPassphrase)
	return r, nil
}

// enter presses Enter and waits for the Today screen to be drawn.
func (r *perfRun) enter() error {
	c := r.app.Window().Canvas()
	t0 := time.Now()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	t1 := time.Now()
	c.Capture()
	r.total, r.render = time.Since(t0), time.Since(t1)
	if r.app.Records() == nil {
		return errors.New("Enter did not unlock the vault")
	}
	return nil
}

func (r *perfRun) close() {
	r.app.Lock()
	r.vaults.Close()
	r.app.Window().Close()
}

func BenchmarkUnlockToToday(b *testing.B) {
	for _, size := range perfSizes {
		b.Run(size.name, func(b *testing.B) { benchUnlockToToday(b, perfVault(b, size.entries)) })
	}
}

func benchUnlockToToday(b *testing.B, path string) {
	fa := test.NewApp()
	defer test.NewApp() // leave a fresh app behind, not ours

	var total, kdf, render, vaultUnlock time.Duration
	var hwm float64
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		r, err := openApp(fa, path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := r.enter(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		total += r.total
		kdf += r.kdf
		render += r.render
		if i == 0 {
			hwm = vmHWM()
		}
		// For reference: the vault's own unlock (KDF + decrypting every
		// record), without the app.
		if err := r.vaults.vault.WaitIndexed(); err != nil {
			b.Fatal(err)
		}
		if err := r.vaults.vault.Lock(); err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if err := r.vaults.vault.Unlock([]byte(perfPassphrase)); err != nil {
			b.Fatal(err)
		}
		vaultUnlock += time.Since(t0)
		if err := r.vaults.vault.WaitIndexed(); err != nil {
			b.Fatal(err)
		}
		r.close()
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) / float64(b.N) }
	b.ReportMetric(ms(total), "enter-to-today-ms")
	b.ReportMetric(ms(kdf), "kdf-ms")
	b.ReportMetric(ms(total-kdf), "excl-kdf-ms")
	b.ReportMetric(ms(render), "render-ms")
	b.ReportMetric(ms(vaultUnlock), "vault-unlock-ms")
	b.ReportMetric(hwm, "vmhwm-MiB")

	child, err := perfChildOnce(path)
	if err != nil {
		b.Fatal("child process:", err)
	}
	b.ReportMetric(child.HWM, "child-vmhwm-MiB")
	b.ReportMetric(child.FileToday, "child-rssfile-MiB")
	b.ReportMetric(float64(child.ListRows), "child-list-rows")
	b.ReportMetric(float64(child.RowWidgets), "child-row-widgets")
	b.Logf("child: %+v", child)
}

// childReport is what the clean child process prints, as one JSON line.
type childReport struct {
	HWMStart   float64 // VmHWM MiB when the child starts
	HWMShown   float64 // … once the unlock screen is shown, before any KDF
	HWMUnlock  float64 // VmHWM MiB on the unlock screen, after one KDF run
	HWMToday   float64 // VmHWM MiB once Today is drawn
	HeapToday  float64 // Go heap in use (MiB) then
	SysToday   float64 // memory the Go runtime holds from the OS (MiB) then
	HWMIndexed float64 // … and the search index is built
	HWM        float64 // … and the journal list was shown and scrolled
	// FileToday is the part of the resident set at Today that is the
	// program's own file mapped in (RssFile: the test binary, which this
	// kernel maps in large folios, so nearly all of it), the rest being
	// anonymous memory (heap, stacks, SQLite's index).
	FileToday  float64
	TodayMS    float64 // Enter → Today drawn in the child (cold process)
	KDFMS      float64
	ListRows   int // the journal list's length
	RowWidgets int // entry row widgets the list built
	Err        string
}

var (
	childMu      sync.Mutex
	childResults = map[string]childReport{}
)

// perfChildOnce measures the vault at path in a clean child process, once.
func perfChildOnce(path string) (childReport, error) {
	childMu.Lock()
	defer childMu.Unlock()
	if rep, ok := childResults[path]; ok {
		return rep, nil
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), perfChildEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return childReport{}, err
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		if line, ok := strings.CutPrefix(sc.Text(), "PERF "); ok {
			var rep childReport
			if err := json.Unmarshal([]byte(line), &rep); err != nil {
				return rep, err
			}
			if rep.Err != "" {
				return rep, errors.New(rep.Err)
			}
			childResults[path] = rep
			return rep, nil
		}
	}
	return childReport{}, fmt.Errorf("no report in %q", out)
}

// perfChild runs in the re-executed test binary: it opens the vault,
// unlocks it through the app, draws Today, then the journal list, and
// prints its peak RSS.
func perfChild(path string) int {
	// Fyne's test driver runs fyne.Do inline only off the main goroutine.
	done := make(chan childReport)
	go func() {
		var rep childReport
		if err := perfChildRun(path, &rep); err != nil {
			rep.Err = err.Error()
		}
		done <- rep
	}()
	rep := <-done
	line, _ := json.Marshal(rep)
	fmt.Printf("PERF %s\n", line)
	if rep.Err != "" {
		return 1
	}
	return 0
}

func perfChildRun(path string, rep *childReport) error {
	rep.HWMStart = vmHWM()
	fa := test.NewApp()
	r, err := openApp(fa, path)
	if err != nil {
		return err
	}
	rep.HWMShown, rep.HWMUnlock = r.hwmShown, vmHWM()
	if err := r.enter(); err != nil {
		return err
	}
	rep.TodayMS = float64(r.total) / float64(time.Millisecond)
	rep.KDFMS = float64(r.kdf) / float64(time.Millisecond)
	rep.HWMToday, rep.FileToday = vmHWM(), procStatus("RssFile:")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rep.HeapToday, rep.SysToday = float64(ms.HeapInuse)/(1<<20), float64(ms.Sys)/(1<<20)
	if err := r.vaults.vault.WaitIndexed(); err != nil {
		return err
	}
	rep.HWMIndexed = vmHWM()

	r.app.ShowScreen(perfScreenJournal)
	c := r.app.Window().Canvas()
	c.Capture()
	var list *widget.List
	for _, o := range test.LaidOutObjects(c.Content()) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	}
	if list == nil {
		return errors.New("no journal list on the journal screen")
	}
	rep.ListRows = list.Length()
	for _, id := range []widget.ListItemID{rep.ListRows / 4, rep.ListRows / 2, rep.ListRows - 1} {
		list.ScrollTo(id)
		c.Capture()
	}
	list.ScrollToBottom()
	c.Capture()
	for _, o := range test.LaidOutObjects(c.Content()) {
		if fmt.Sprintf("%T", o) == "*ui.entryItem" {
			rep.RowWidgets++
		}
	}
	rep.HWM = vmHWM()
	r.close()
	return nil
}

// vmHWM is this process's peak resident set size in MiB (Linux), or -1.
func vmHWM() float64 { return procStatus("VmHWM:") }

// procStatus is a kB field of /proc/self/status in MiB, or -1.
func procStatus(field string) float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			if err != nil {
				return -1
			}
			return kb / 1024
		}
	}
	return -1
}
