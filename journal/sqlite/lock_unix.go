//go:build unix

package sqlite

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/rewirejournal/rewire/journal"
)

// lockFile takes an exclusive, non-blocking flock on path. flock locks
// belong to the open file description, so a second open of the same vault
// fails even inside one process (fcntl locks would not), and the kernel
// drops the lock when the process dies, so a crash never leaves the vault
// locked.
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock file: %w", err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, journal.ErrInUse
		}
		return nil, fmt.Errorf("lock file: %w", err)
	}
	return f, nil
}

// unlockFile releases the lock taken by lockFile. The lock file itself is
// left in place: removing it would let a process that opened the old file
// and one that creates a new one both believe they hold the lock.
func unlockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
