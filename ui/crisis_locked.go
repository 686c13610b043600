package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/rewirejournal/rewire/journal"
)

// The crisis card lives encrypted in the vault like everything else. The
// unlock screen cannot read the vault, so the part of the card the user
// ticked as safe to show while locked is copied, and only that part, into
// a small plain JSON file beside the vault. It is rewritten from the vault
// on every save and at every unlock, so unticking a field (or tampering
// with the file) is undone at once; with nothing ticked the file is
// removed. The UI says plainly that this copy is not encrypted.

// lockedCardSuffix is appended to the vault's path to name the copy.
const lockedCardSuffix = ".crisis-card.json"

// lockedCardVersion is the format of the file; readers refuse newer ones.
const lockedCardVersion = 1

// lockedCardMax bounds how much of the file is read: a card is small, and
// a huge file there is not ours.
const lockedCardMax = 256 << 10

// errLockedCardFormat is returned for a file that is not a card copy.
var errLockedCardFormat = errors.New("the crisis card copy is not in a format Rewire knows")

// lockedCard is what the unlock screen may show.
type lockedCard struct {
	Version int             `json:"version"`
	Reasons []string        `json:"reasons,omitempty"`
	Helps   []string        `json:"helps,omitempty"`
	People  []lockedContact `json:"people,omitempty"`
	Lines   []lockedContact `json:"lines,omitempty"`
}

// lockedContact is a person or line without its "show while locked" tick.
type lockedContact struct {
	Name  string `json:"name"`
	Phone string `json:"phone,omitempty"`
	Note  string `json:"note,omitempty"`
}

// lockedPart returns only what c marks as safe to show while locked:
// the reasons and what helps when the card's own tick is set, and each
// person or line with its tick set. Warning signs never leave the vault.
func lockedPart(c journal.CrisisCard) lockedCard {
	l := lockedCard{Version: lockedCardVersion}
	if c.ShowLocked {
		l.Reasons = nonEmpty(c.Reasons)
		l.Helps = nonEmpty(c.Helps)
	}
	pick := func(cs []journal.Contact) []lockedContact {
		var out []lockedContact
		for _, x := range cs {
			if x.ShowLocked && strings.TrimSpace(x.Name+x.Phone) != "" {
				out = append(out, lockedContact{Name: x.Name, Phone: x.Phone, Note: x.Note})
			}
		}
		return out
	}
	l.People = pick(c.People)
	l.Lines = pick(c.Lines)
	return l
}

// empty reports whether there is nothing to show.
func (l lockedCard) empty() bool {
	return len(l.Reasons) == 0 && len(l.Helps) == 0 && len(l.People) == 0 && len(l.Lines) == 0
}

// lockedCardPath is where the copy of the vault at vaultPath lives; "" when
// the vault has no path.
func lockedCardPath(vaultPath string) string {
	if vaultPath == "" {
		return ""
	}
	return vaultPath + lockedCardSuffix
}

// writeLockedCard makes the file at path hold exactly l: it removes the
// file when l is empty, leaves it alone when it already holds l, and
// otherwise replaces it atomically (temporary file, fsync, rename, fsync of
// the directory), readable by the user only.
func writeLockedCard(path string, l lockedCard) error {
	if l.empty() {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("remove crisis card copy: %w", err)
		}
		return nil
	}
	l.Version = lockedCardVersion
	data, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return fmt.Errorf("crisis card copy: %w", err)
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".crisis-card-*.tmp")
	if err != nil {
		return fmt.Errorf("write crisis card copy: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write crisis card copy: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write crisis card copy: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write crisis card copy: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write crisis card copy: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write crisis card copy: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: not every system can sync a directory
		d.Close()
	}
	return nil
}

// readLockedCard reads the copy at path. A missing file is an empty card;
// a file Rewire did not write is an error, and nothing of it is shown.
func readLockedCard(path string) (lockedCard, error) {
	if path == "" {
		return lockedCard{}, nil
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return lockedCard{}, nil
	}
	if err != nil {
		return lockedCard{}, fmt.Errorf("read crisis card copy: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, lockedCardMax+1))
	if err != nil {
		return lockedCard{}, fmt.Errorf("read crisis card copy: %w", err)
	}
	if len(data) > lockedCardMax {
		return lockedCard{}, errLockedCardFormat
	}
	var l lockedCard
	if err := json.Unmarshal(data, &l); err != nil || l.Version < 1 || l.Version > lockedCardVersion {
		return lockedCard{}, errLockedCardFormat
	}
	return l, nil
}

// nonEmpty returns the items of xs that are not blank, trimmed.
func nonEmpty(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
