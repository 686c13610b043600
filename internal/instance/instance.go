// Package instance keeps Rewire to one running app per vault: the first
// process listens on a unix socket in the user's runtime directory, and a
// second one started on the same vault asks it to bring its window to the
// front and then exits.
//
// The socket lives in $XDG_RUNTIME_DIR (a directory only the user can
// enter) or, without one, in the user's cache directory, so other users
// can neither reach nor squat it. Only one fixed word crosses it; nothing
// from the journal does. Pure Go: unix sockets also work on Windows 10 and
// macOS.
package instance

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// ErrRunning is returned by [Claim] when another process holds the
// instance; that process has been asked to show its window.
var ErrRunning = errors.New("instance: Rewire is already running")

// message is what a second instance sends; ack is the answer.
const (
	message = "show\n"
	ack     = "ok\n"
)

// answerTimeout bounds how long either side waits for the other.
const answerTimeout = 3 * time.Second

// Instance is the claim of the running app; Close releases it.
type Instance struct {
	ln   *net.UnixListener
	path string
	once sync.Once
	done chan struct{}
}

// SocketPath returns the socket of the instance for key (the vault's
// absolute path): a short hash of key in the user's runtime directory.
func SocketPath(key string) (string, error) {
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			return "", fmt.Errorf("instance: no runtime or cache directory: %w", err)
		}
		dir = cache
	}
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(dir, "rewire", "instance-"+hex.EncodeToString(sum[:8])+".sock"), nil
}

// Claim makes this process the instance at path. If another process
// already is, Claim asks it to show its window and returns [ErrRunning].
// A socket left behind by a process that died is removed and claimed.
func Claim(path string) (*Instance, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("instance: %w", err)
	}
	for attempt := 0; ; attempt++ {
		ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
		if err == nil {
			ln.SetUnlinkOnClose(true)
			return &Instance{ln: ln, path: path, done: make(chan struct{})}, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) || attempt > 0 {
			return nil, fmt.Errorf("instance: %w", err)
		}
		switch err := signal(path); {
		case err == nil:
			return nil, ErrRunning
		case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, os.ErrNotExist):
			// Nobody listens: a crashed instance left its socket.
			if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("instance: remove stale socket: %w", err)
			}
		default:
			return nil, fmt.Errorf("instance: %w", err)
		}
	}
}

// signal asks the instance at path to show itself and waits for its answer.
func signal(path string) error {
	c, err := net.DialTimeout("unix", path, answerTimeout)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(answerTimeout))
	if _, err := c.Write([]byte(message)); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return fmt.Errorf("no answer from the running instance: %w", err)
	}
	if line != ack {
		return fmt.Errorf("unexpected answer %q from the running instance", strings.TrimSpace(line))
	}
	return nil
}

// Serve calls show, on Serve's goroutine, each time another process asks
// this one to come to the front. It returns when the instance is closed.
func (i *Instance) Serve(show func()) {
	for {
		c, err := i.ln.Accept()
		if err != nil {
			select {
			case <-i.done:
				return
			default:
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return
		}
		i.answer(c, show)
	}
}

func (i *Instance) answer(c net.Conn, show func()) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(answerTimeout))
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil || line != message {
		return
	}
	show()
	c.Write([]byte(ack))
}

// Path returns the socket's path.
func (i *Instance) Path() string { return i.path }

// Close releases the instance and removes its socket.
func (i *Instance) Close() error {
	var err error
	i.once.Do(func() {
		close(i.done)
		err = i.ln.Close()
	})
	return err
}
