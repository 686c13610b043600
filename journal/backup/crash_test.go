package backup

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/sqlite"
)

// The crash tests start this test binary again as a child that backs up or
// restores in a loop, and SIGKILL it at chosen points. TestMain runs the
// child's part.
func TestMain(m *testing.M) {
	switch os.Getenv("REWIRE_BACKUP_CHILD") {
	case "backup":
		os.Exit(crashChildBackup())
	case "restore":
		os.Exit(crashChildRestore())
	}
	os.Exit(m.Run())
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// crashKeep is the children's rotation: small, so rotation runs often.
var crashKeep = Keep{Daily: 3, Weekly: 2, Monthly: 2}

// crashChildBackup makes automatic backups forever, six fake hours apart,
// printing each one's path once Automatic has returned (written, verified,
// named, folder synced, rotated).
func crashChildBackup() int {
	dir := os.Getenv("REWIRE_CRASH_DIR")
	kitText, err := os.ReadFile(filepath.Join(dir, "..", "kit.txt"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	id, err := rwcrypto.ParseRecoveryKit(kitText)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	v := &fakeVault{id: crashVaultID, recs: records(40), recipient: id.Recipient()}
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	if f, ok, _ := Latest(dir, crashVaultID); ok {
		clock.t = f.Created
	}
	for {
		clock.t = clock.t.Add(6 * time.Hour)
		res, err := Automatic(v, dir, Options{Clock: clock, Keep: crashKeep})
		if err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 3
		}
		fmt.Println(res.Path)
	}
}

var crashVaultID = journal.ID{0xc4, 0xa5, 0x11}

// childDeadline is how long a child process of a test may run before it is
// taken to hang; each normally runs for well under a second.
const childDeadline = 2 * time.Minute

func startChild(t *testing.T, env ...string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// A child that hangs instead of working is killed, so the test fails
	// (the kill below finds it dead) rather than waiting for the
	// package's timeout.
	var hung atomic.Bool
	watchdog := time.AfterFunc(childDeadline, func() { hung.Store(true); cmd.Process.Kill() })
	t.Cleanup(func() {
		watchdog.Stop()
		if hung.Load() {
			t.Errorf("a child ran %v without finishing and was killed", childDeadline)
		}
	})
	t.Cleanup(func() {
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("child stderr: %s", stderr.String())
		}
	})
	return cmd, bufio.NewScanner(out)
}

func kill(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	cmd.Process.Signal(syscall.SIGKILL)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child did not die by SIGKILL: %v", err)
	}
}

func TestCrashWhileBackingUpLeavesNoHalfFileAndOlderBackupsIntact(t *testing.T) {
	kills := envInt("REWIRE_BACKUP_KILLS", 100)
	k := newKit(t)
	base := t.TempDir()
	dir := filepath.Join(base, "backups")
	if err := os.WriteFile(filepath.Join(base, "kit.txt"), k.text, 0o600); err != nil {
		t.Fatal(err)
	}
	key := k.key(t)
	rng := rand.New(rand.NewPCG(5, 6))
	committed := map[string]time.Time{} // every backup a child reported done
	verified := map[string]bool{}
	midWrite := 0 // kills that left a temporary file: they landed mid-backup
	for n := 0; n < kills; n++ {
		cmd, out := startChild(t, "REWIRE_BACKUP_CHILD=backup", "REWIRE_CRASH_DIR="+dir)
		// Kill after a chosen number of finished backups, so the kill
		// lands in the next one: encoding, writing, fsync, reading back,
		// renaming or rotating.
		for want := rng.IntN(4); want >= 0 && out.Scan(); want-- {
			f, ok := parseName(filepath.Base(out.Text()), crashVaultID)
			if !ok {
				t.Fatalf("child said %q", out.Text())
			}
			committed[out.Text()] = f.Created
		}
		kill(t, cmd)

		if tmps, _ := filepath.Glob(filepath.Join(dir, "*"+tempSuffix)); len(tmps) > 0 {
			midWrite++
		}
		// Every file under a backup's name is whole and verifies.
		files, err := List(dir, crashVaultID)
		if err != nil {
			t.Fatal(err)
		}
		present := map[string]bool{}
		for _, f := range files {
			present[f.Path] = true
			if verified[f.Path] {
				continue
			}
			if _, err := Verify(f.Path, key, nil); err != nil {
				t.Fatalf("kill %d: %s does not verify: %v", n, filepath.Base(f.Path), err)
			}
			verified[f.Path] = true
		}
		// Every finished backup is still there unless rotation, counting
		// any newer backup on disk, lets it go.
		var paths []string
		var times []time.Time
		for p, tm := range committed {
			paths, times = append(paths, p), append(times, tm)
		}
		for p := range present {
			if _, ok := committed[p]; !ok {
				f, _ := parseName(filepath.Base(p), crashVaultID)
				paths, times = append(paths, p), append(times, f.Created)
			}
		}
		for i, keep := range crashKeep.Select(times, time.UTC) {
			if keep && !present[paths[i]] {
				if _, ok := committed[paths[i]]; ok {
					t.Fatalf("kill %d: finished backup %s is gone", n, filepath.Base(paths[i]))
				}
			}
		}
	}
	if len(committed) < kills/2 {
		t.Fatalf("only %d backups finished in %d runs", len(committed), kills)
	}
	// The next backup clears what the killed ones left behind.
	v := &fakeVault{id: crashVaultID, recs: records(2), recipient: k.id.Recipient()}
	if _, err := Automatic(v, dir, Options{Keep: crashKeep}); err != nil {
		t.Fatal(err)
	}
	for _, n := range names(t, dir) {
		if strings.HasSuffix(n, tempSuffix) {
			t.Errorf("temporary file %s left after a successful backup", n)
		}
	}
	t.Logf("%d kills (%d mid-write), %d backups finished, %d files verified", kills, midWrite, len(committed), len(verified))
}

// crashChildRestore merges two backups of the same records, alternately,
// into the vault forever, each time as the newer edit, so every merge
// rewrites every record in one transaction. It prints each progress call
// and "merged" after each commit.
func crashChildRestore() int {
	path := os.Getenv("REWIRE_CRASH_VAULT")
	kitText, err := os.ReadFile(path + ".kit")
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	key, err := RecoveryKitKey(kitText)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	var variants [2][]journal.Record
	for i, name := range []string{"a.age", "b.age"} {
		c, err := ReadFile(filepath.Join(filepath.Dir(path), name), key, nil)
		if err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 3
		}
		variants[i] = c.Records
	}
	st, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	v, err := journal.Open(st, vaultOptions())
	if err == nil {
		err = v.UnlockWithRecoveryIdentity(kitText)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	w := bufio.NewWriter(os.Stdout)
	for i := 0; ; i++ {
		recs := variants[i%2]
		now := time.Now()
		for j := range recs {
			recs[j].Updated = now
		}
		if _, err := v.Merge(recs, func(done, total int) { fmt.Fprintf(w, "%d/%d\n", done, total); w.Flush() }); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 3
		}
		fmt.Fprintln(w, "merged")
		w.Flush()
	}
}

func TestCrashWhileRestoringLeavesTheVaultOpenable(t *testing.T) {
	kills := envInt("REWIRE_RESTORE_KILLS", 50)
	dir := t.TempDir()
	path := filepath.Join(dir, "vault.db")
	v, kitText := createVault(t, path)
	a := records(60)
	b := make([]journal.Record, len(a))
	bodies := map[journal.ID][2]string{}
	for i, r := range a {
		b[i] = r
		switch {
		case r.Entry != nil:
			e := *r.Entry
			e.Body += " (edited)"
			b[i].Entry = &e
		case r.CheckIn != nil:
			c := *r.CheckIn
			c.Note += " (edited)"
			b[i].CheckIn = &c
		}
		bodies[r.ID] = [2]string{mustJSON(t, payload(a[i])), mustJSON(t, payload(b[i]))}
	}
	if _, err := v.Merge(a, nil); err != nil {
		t.Fatal(err)
	}
	v.Close()
	id, err := rwcrypto.ParseRecoveryKit(kitText)
	if err != nil {
		t.Fatal(err)
	}
	rr, err := ToRecoveryKit(id.Recipient())
	if err != nil {
		t.Fatal(err)
	}
	for name, recs := range map[string][]journal.Record{"a.age": a, "b.age": b} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Write(f, recs, rr, Info{Vault: v.ID()}, nil); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	if err := os.WriteFile(path+".kit", kitText, 0o600); err != nil {
		t.Fatal(err)
	}

	rng := rand.New(rand.NewPCG(7, 8))
	merges := 0
	for n := 0; n < kills; n++ {
		cmd, out := startChild(t, "REWIRE_BACKUP_CHILD=restore", "REWIRE_CRASH_VAULT="+path)
		// About a hundred progress lines a merge, then the commit; kill
		// somewhere in the first three merges.
		for want := rng.IntN(300); want >= 0 && out.Scan(); want-- {
			if out.Text() == "merged" {
				merges++
			}
		}
		kill(t, cmd)

		v := openVaultWithKit(t, path, kitText)
		if d := v.Damaged(); len(d) > 0 {
			t.Fatalf("kill %d: damaged records %v", n, d)
		}
		for id, variants := range bodies {
			r, err := v.Get(id)
			if err != nil {
				t.Fatalf("kill %d: record %s: %v", n, id, err)
			}
			if got := mustJSON(t, payload(r)); got != variants[0] && got != variants[1] {
				t.Fatalf("kill %d: record %s is neither version: %s", n, id, got)
			}
		}
		v.Close()
	}
	if merges == 0 {
		t.Fatal("no merge finished before a kill")
	}
	t.Logf("%d kills, %d merges finished", kills, merges)
}

// payload is a record without its times, which every merge changes.
func payload(r journal.Record) journal.Record {
	r.Created, r.Updated = time.Time{}, time.Time{}
	return r
}
