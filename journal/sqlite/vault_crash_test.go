package sqlite

import (
	"bufio"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// The crash tests start this test binary again as a child that works on a
// vault, and SIGKILL it at chosen points. TestMain runs the child's part.
func TestMain(m *testing.M) {
	switch os.Getenv("REWIRE_CRASH_CHILD") {
	case "save":
		os.Exit(crashChildSave())
	case "passwd":
		os.Exit(crashChildPasswd())
	}
	code := m.Run()
	cleanupBench()
	os.Exit(code)
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func childVault() (*journal.Vault, error) {
	path := os.Getenv("REWIRE_CRASH_VAULT")
	kit, err := os.ReadFile(path + ".kit")
	if err != nil {
		return nil, err
	}
	st, err := Open(path)
	if err != nil {
		return nil, err
	}
	v, err := journal.Open(st, vaultOpts())
	if err != nil {
		return nil, err
	}
	// The recovery identity opens the vault without Argon2id, so each of
	// the hundreds of children starts in milliseconds.
	return v, v.UnlockWithRecoveryIdentity(kit)
}

// crashChildSave saves entries forever, printing each id once Save returns,
// i.e. once the transaction is committed.
func crashChildSave() int {
	v, err := childVault()
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	for i := 0; ; i++ {
		r := entry("2026-11-25", "crash", fmt.Sprintf("body %d %s", i, strings.Repeat("x", i%3000)))
		if err := v.Save(r); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 3
		}
		fmt.Fprintf(os.Stdout, "%s %d\n", r.ID, i)
	}
}

// crashChildPasswd changes the passphrase back and forth between two,
// printing which one is committed after each change.
func crashChildPasswd() int {
	v, err := childVault()
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 3
	}
	fmt.Fprintln(os.Stdout, "ready")
	for i := 0; ; i++ {
		p := passwdPair[i%2]
		if err := v.ChangePassphrase([]byte(p), journal.MinKDFParams()); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 3
		}
		fmt.Fprintln(os.Stdout, p)
	}
}

var passwdPair = [2]string{"first passphrase of the pair", "second passphrase of the pair"}

func startChild(t *testing.T, mode, path string) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "REWIRE_CRASH_CHILD="+mode, "REWIRE_CRASH_VAULT="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
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

func integrityOK(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check = %q, %v", res, err)
	}
}

func TestCrashWhileSavingLosesNoCommittedRecord(t *testing.T) {
	kills := envInt("REWIRE_CRASH_KILLS", 200)
	v, path, kit := newVault(t, t.TempDir())
	v.Close()
	if err := os.WriteFile(path+".kit", kit, 0o600); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	committed := map[journal.ID]int{}
	for k := 0; k < kills; k++ {
		cmd, out := startChild(t, "save", path)
		// Kill after a chosen number of commits, so the kill lands during
		// the next save: its transaction, fsync or index update.
		want := rng.IntN(8)
		for n := 0; n <= want && out.Scan(); n++ {
			f := strings.Fields(out.Text())
			id, err := journal.ParseID(f[0])
			if err != nil {
				t.Fatalf("child said %q", out.Text())
			}
			committed[id], _ = strconv.Atoi(f[1])
		}
		kill(t, cmd)
	}
	integrityOK(t, path)
	v = openVault(t, path)
	defer v.Close()
	if err := v.UnlockWithRecoveryIdentity(kit); err != nil {
		t.Fatal(err)
	}
	if d := v.Damaged(); len(d) > 0 {
		t.Fatalf("damaged after crashes: %v", d)
	}
	for id, i := range committed {
		r, err := v.Get(id)
		if err != nil {
			t.Fatalf("record %v committed before a kill is missing: %v", id, err)
		}
		if !strings.HasPrefix(r.Entry.Body, fmt.Sprintf("body %d ", i)) {
			t.Fatalf("record %v has the wrong body", id)
		}
	}
	t.Logf("%d kills, %d committed records all present", kills, len(committed))
}

func TestCrashDuringPassphraseChangeLeavesOldOrNew(t *testing.T) {
	kills := envInt("REWIRE_PASSWD_KILLS", 100)
	dir := t.TempDir()
	v, path, kit := newVault(t, dir)
	if err := v.ChangePassphrase([]byte(passwdPair[1]), journal.MinKDFParams()); err != nil {
		t.Fatal(err)
	}
	v.Close()
	if err := os.WriteFile(path+".kit", kit, 0o600); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < kills; k++ {
		cmd, out := startChild(t, "passwd", path)
		if !out.Scan() || out.Text() != "ready" {
			kill(t, cmd)
			t.Fatalf("child did not start")
		}
		// A passphrase change is one Argon2id run (~0.2 s here) and a
		// short transaction; kill anywhere in the first two changes.
		time.Sleep(time.Duration(rng.IntN(500)) * time.Millisecond)
		kill(t, cmd)
		v := openVault(t, path)
		err := v.Unlock([]byte(passwdPair[0]))
		if errors.Is(err, journal.ErrWrongPassphrase) {
			err = v.Unlock([]byte(passwdPair[1]))
		}
		v.Close()
		if err != nil {
			t.Fatalf("kill %d: the vault opens with neither passphrase: %v", k, err)
		}
	}
	integrityOK(t, path)
	if _, err := os.Stat(filepath.Join(dir, "vault.db")); err != nil {
		t.Fatal(err)
	}
}
