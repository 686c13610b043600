package instance

import (
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sockPath returns a socket path short enough for sun_path (108 bytes).
func sockPath(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "ri")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return filepath.Join(dir, "sub", "i.sock")
}

// serve claims path and serves it, counting show requests on a channel.
func serve(t *testing.T, path string) (*Instance, chan struct{}) {
	t.Helper()
	in, err := Claim(path)
	if err != nil {
		t.Fatalf("first Claim: %v", err)
	}
	shown := make(chan struct{}, 10)
	stopped := make(chan struct{})
	go func() {
		in.Serve(func() { shown <- struct{}{} })
		close(stopped)
	}()
	t.Cleanup(func() {
		in.Close()
		<-stopped
	})
	return in, shown
}

func TestClaim(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string) (shown chan struct{})
		wantErr error
		shows   int
	}{
		{
			name:    "the first instance claims a fresh path",
			prepare: func(*testing.T, string) chan struct{} { return nil },
		},
		{
			name: "a second instance is told the first runs, and the first is asked to show",
			prepare: func(t *testing.T, path string) chan struct{} {
				_, shown := serve(t, path)
				return shown
			},
			wantErr: ErrRunning,
			shows:   1,
		},
		{
			name: "a socket left by a crashed instance is taken over",
			prepare: func(t *testing.T, path string) chan struct{} {
				if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
					t.Fatal(err)
				}
				ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
				if err != nil {
					t.Fatal(err)
				}
				ln.SetUnlinkOnClose(false) // as if the process had died
				ln.Close()
				if _, err := os.Stat(path); err != nil {
					t.Fatalf("stale socket missing: %v", err)
				}
				return nil
			},
		},
		{
			name: "a path released by Close is claimed again",
			prepare: func(t *testing.T, path string) chan struct{} {
				in, err := Claim(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := in.Close(); err != nil {
					t.Fatal(err)
				}
				return nil
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := sockPath(t)
			shown := tt.prepare(t, path)
			in, err := Claim(path)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Claim = %v, want %v", err, tt.wantErr)
			}
			if err == nil {
				defer in.Close()
				if in.Path() != path {
					t.Fatalf("Path() = %q", in.Path())
				}
				fi, err := os.Stat(filepath.Dir(path))
				if err != nil || fi.Mode().Perm() != 0o700 {
					t.Fatalf("socket directory mode = %v, %v; want 0700", fi.Mode(), err)
				}
			}
			// The ack is written after show ran, so a show request has
			// already reached the channel when Claim returns.
			if got := len(shown); got != tt.shows {
				t.Fatalf("shown %d times, want %d", got, tt.shows)
			}
		})
	}
}

func TestEveryLaterStartShowsTheFirst(t *testing.T) {
	path := sockPath(t)
	_, shown := serve(t, path)
	for i := range 3 {
		if _, err := Claim(path); !errors.Is(err, ErrRunning) {
			t.Fatalf("start %d: Claim = %v, want ErrRunning", i+2, err)
		}
	}
	if len(shown) != 3 {
		t.Fatalf("shown %d times, want 3", len(shown))
	}
}

func TestGarbageIsIgnored(t *testing.T) {
	path := sockPath(t)
	_, shown := serve(t, path)
	c, err := net.Dial("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("open the journal\n"))
	buf := make([]byte, 8)
	n, _ := c.Read(buf) // the server hangs up without an answer
	c.Close()
	if n != 0 {
		t.Fatalf("got answer %q to garbage", buf[:n])
	}
	if _, err := Claim(path); !errors.Is(err, ErrRunning) {
		t.Fatalf("Claim after garbage = %v, want ErrRunning", err)
	}
	if len(shown) != 1 {
		t.Fatalf("shown %d times, want 1 (garbage must not show)", len(shown))
	}
}

func TestSocketPath(t *testing.T) {
	t.Setenv("XDG_RUNTIME_DIR", "/run/user/1000")
	a, err := SocketPath("/home/a/vault.db")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := SocketPath("/home/a/other.db")
	if a == b {
		t.Fatalf("two vaults share the socket %s", a)
	}
	if !strings.HasPrefix(a, "/run/user/1000/rewire/instance-") || !strings.HasSuffix(a, ".sock") {
		t.Fatalf("SocketPath = %s", a)
	}
	if strings.Contains(a, "vault") {
		t.Fatalf("SocketPath %s shows the vault's name", a)
	}
}

// TestSecondProcess runs the test binary again as a second process, which
// must find the first, make it show, and learn ErrRunning.
func TestSecondProcess(t *testing.T) {
	if path := os.Getenv("REWIRE_INSTANCE_CHILD"); path != "" {
		_, err := Claim(path)
		if errors.Is(err, ErrRunning) {
			os.Exit(0)
		}
		os.Stderr.WriteString("child: Claim = " + errString(err) + "\n")
		os.Exit(3)
	}
	path := sockPath(t)
	_, shown := serve(t, path)
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondProcess$")
	cmd.Env = append(os.Environ(), "REWIRE_INSTANCE_CHILD="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("second process: %v\n%s", err, out)
	}
	if len(shown) != 1 {
		t.Fatalf("shown %d times, want 1", len(shown))
	}
}

func errString(err error) string {
	if err == nil {
		return "nil"
	}
	return err.Error()
}
