package backup

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/rewirejournal/rewire/journal"
)

// ageBinary finds the stock age tool. The interop tests skip only on a
// developer machine without it; in CI (CI set) a missing age fails them.
func ageBinary(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("age")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the age tool is required in CI: %v", err)
		}
		t.Skipf("the age tool is not installed: %v", err)
	}
	return p
}

// TestStockAgeAndTarOpenAutomaticBackupsWithTheKit is the promise in the
// recovery kit: `age -d -i recovery-kit.txt FILE | tar -x`. The backup
// also carries the vault's own rewire-vault stanza, which age does not
// know and must skip.
func TestStockAgeAndTarOpenAutomaticBackupsWithTheKit(t *testing.T) {
	age := ageBinary(t)
	k := newKit(t)
	v := newFakeVault(t, k, 50)
	dir := t.TempDir()
	res, err := Automatic(v, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if h, err := ReadHeader(res.Path); err != nil || !h.OpensWith(v.id) {
		t.Fatalf("the backup has no rewire-vault stanza of the vault: %+v, %v", h, err)
	}
	if _, err := Verify(res.Path, v.ownKey(t), nil); err != nil {
		t.Fatalf("the vault does not open the file age is given: %v", err)
	}
	kitPath := filepath.Join(dir, "recovery-kit.txt")
	if err := os.WriteFile(kitPath, k.text, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if err := os.Mkdir(out, 0o700); err != nil {
		t.Fatal(err)
	}
	sh := exec.Command("sh", "-c", `"$AGE" -d -i "$KIT" "$FILE" | tar -x -C "$OUT"`)
	sh.Env = append(os.Environ(), "AGE="+age, "KIT="+kitPath, "FILE="+res.Path, "OUT="+out)
	if b, err := sh.CombinedOutput(); err != nil {
		t.Fatalf("age | tar: %v\n%s", err, b)
	}
	checkUnpacked(t, out, v.recs)
}

// TestStockAgeOpensManualBackupsWithThePassphrase types the passphrase into
// age on a pseudo-terminal, as a person would, at the real work factor.
func TestStockAgeOpensManualBackupsWithThePassphrase(t *testing.T) {
	age := ageBinary(t)
	if scryptWorkFactor < 18 {
		t.Fatalf("scrypt work factor %d; manual backups must use at least 18", scryptWorkFactor)
	}
	k := newKit(t)
	v := newFakeVault(t, k, 5)
	pass := "tea on the balcony, ёлка"
	res, err := Manual(v, t.TempDir(), []byte(pass), Options{})
	if err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(t.TempDir(), "backup.tar")
	ptm, pts := openPTY(t)
	cmd := exec.Command(age, "-d", "-o", plain, res.Path)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pts, pts, pts
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	var screen bytes.Buffer
	done := make(chan struct{})
	go func() { io.Copy(&screen, ptm); close(done) }()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pts.Close()
	// A hang (age waiting for a passphrase that never came) fails here
	// with what age showed, not at the package's timeout.
	var hung atomic.Bool
	watchdog := time.AfterFunc(childDeadline, func() { hung.Store(true); cmd.Process.Kill() })
	// Typed ahead of the prompt; the terminal holds it until age reads.
	fmt.Fprintf(ptm, "%s\n", pass)
	werr := cmd.Wait()
	watchdog.Stop()
	ptm.Close()
	<-done
	if hung.Load() {
		t.Fatalf("age -d did not finish in %v; the terminal showed:\n%s", childDeadline, screen.String())
	}
	if werr != nil {
		t.Fatalf("age -d: %v\n%s", werr, screen.String())
	}
	out := t.TempDir()
	tar := exec.Command("tar", "-x", "-C", out, "-f", plain)
	if b, err := tar.CombinedOutput(); err != nil {
		t.Fatalf("tar -x: %v\n%s", err, b)
	}
	checkUnpacked(t, out, v.recs)
}

// checkUnpacked checks what tar unpacked: exactly the two parts, the
// manifest's checksum of the records, and every record.
func checkUnpacked(t *testing.T, dir string, want []journal.Record) {
	t.Helper()
	if got := names(t, dir); len(got) != 2 || got[0] != ManifestName || got[1] != RecordsName {
		t.Fatalf("unpacked %v", got)
	}
	var m Manifest
	mb, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(mb, &m); err != nil {
		t.Fatal(err)
	}
	rb, err := os.ReadFile(filepath.Join(dir, RecordsName))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(rb)
	if p := m.Parts[RecordsName]; p.SHA256 != hex.EncodeToString(sum[:]) || p.Size != int64(len(rb)) {
		t.Fatalf("manifest says %+v for records.jsonl, file has %x and %d bytes", p, sum, len(rb))
	}
	byID := map[journal.ID]string{}
	sc := bufio.NewScanner(bytes.NewReader(rb))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r journal.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		byID[r.ID] = mustJSON(t, r)
	}
	if len(byID) != len(want) || m.Records != len(want) {
		t.Fatalf("%d records unpacked, manifest says %d, want %d", len(byID), m.Records, len(want))
	}
	for _, r := range want {
		if byID[r.ID] != mustJSON(t, r) {
			t.Fatalf("record %s unpacked as %s", r.ID, byID[r.ID])
		}
	}
	if time.Since(m.Created) > time.Hour {
		t.Errorf("manifest created %v", m.Created)
	}
}

// openPTY opens a pseudo-terminal pair.
func openPTY(t *testing.T) (ptm, pts *os.File) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminals here: %v", err)
	}
	fd := int(ptm.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	pts, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return ptm, pts
}
