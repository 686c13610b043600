// Package autostart turns "start Rewire when I log in" on and off with an
// XDG autostart entry: a .desktop file in $XDG_CONFIG_HOME/autostart
// (freedesktop.org's Desktop Application Autostart Specification), which
// GNOME, KDE, Xfce and most other Linux desktops read. Off means no file.
package autostart

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// FileName is the autostart entry's name: the app ID, as for the
// application's own .desktop file.
const FileName = "io.github.rewirejournal.rewire.desktop"

// Dir returns the autostart directory: $XDG_CONFIG_HOME/autostart, else
// ~/.config/autostart.
func Dir() (string, error) {
	if d := os.Getenv("XDG_CONFIG_HOME"); d != "" {
		return filepath.Join(d, "autostart"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("autostart: %w", err)
	}
	return filepath.Join(home, ".config", "autostart"), nil
}

// Enabled reports whether dir holds Rewire's autostart entry.
func Enabled(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, FileName))
	return err == nil
}

// Enable writes the autostart entry that runs exe.
func Enable(dir, exe string) error {
	if exe == "" || strings.ContainsAny(exe, "\n\r") {
		return errors.New("autostart: no usable path to the program")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	entry := "[Desktop Entry]\n" +
		"Type=Application\n" +
		"Name=Rewire\n" +
		"Comment=Private recovery journal\n" +
		"Exec=" + quoteExec(exe) + "\n" +
		"Icon=io.github.rewirejournal.rewire\n" +
		"Terminal=false\n" +
		"X-GNOME-Autostart-enabled=true\n"
	tmp := filepath.Join(dir, "."+FileName+".tmp")
	if err := os.WriteFile(tmp, []byte(entry), 0o644); err != nil {
		return fmt.Errorf("autostart: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, FileName)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("autostart: %w", err)
	}
	return nil
}

// Disable removes the autostart entry; no entry is not an error.
func Disable(dir string) error {
	err := os.Remove(filepath.Join(dir, FileName))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("autostart: %w", err)
	}
	return nil
}

// quoteExec quotes a path for a desktop entry's Exec key, as the Desktop
// Entry Specification asks: in double quotes, with ", `, $ and \ escaped
// (and backslashes doubled once more for the string-value escaping).
func quoteExec(path string) string {
	if !strings.ContainsAny(path, " \t\"'`$\\><~|&;*?#()%") {
		return path
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range path {
		switch r {
		case '"', '`', '$':
			b.WriteString(`\\`)
			b.WriteRune(r)
		case '\\':
			b.WriteString(`\\\\`)
		case '%':
			b.WriteString("%%")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
