package main

import (
	"bytes"
	"crypto/subtle"
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"

	"github.com/rewirejournal/rewire/crypto"
)

// Passphrases are []byte from the moment they are read, and callers wipe
// them with crypto.Wipe when done. $REWIRE_PASSPHRASE is the exception the
// user chose: the environment is a string we cannot wipe.

// passphrase returns the vault's passphrase: the first line of
// --passphrase-file, else $REWIRE_PASSPHRASE, else a no-echo prompt when
// stdin is a terminal. confirm asks twice at a prompt (for a new vault).
func (c *cli) passphrase(confirm bool) ([]byte, error) {
	if c.passFile != "" {
		return readPassphraseFile(c.passFile)
	}
	if p := c.getenv("REWIRE_PASSPHRASE"); p != "" {
		return []byte(p), nil
	}
	if !isTerminal(c.stdin) {
		return nil, errors.New("no passphrase: stdin is not a terminal; give --passphrase-file FILE or set REWIRE_PASSPHRASE")
	}
	return c.prompt("Passphrase", confirm)
}

// newPassphrase returns a new passphrase from file, or asks twice on the
// terminal when file is "".
func (c *cli) newPassphrase(file string) ([]byte, error) {
	if file != "" {
		return readPassphraseFile(file)
	}
	if !isTerminal(c.stdin) {
		return nil, usagef("give --new-passphrase-file FILE (stdin is not a terminal, so no prompt)")
	}
	return c.prompt("New passphrase", true)
}

// readPassphraseFile returns the first line of path, without its line
// ending. The rest of the file is ignored and the buffer wiped.
func readPassphraseFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read passphrase file: %w", err)
	}
	defer crypto.Wipe(data)
	line, _, _ := bytes.Cut(data, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) == 0 {
		return nil, fmt.Errorf("passphrase file %s: the first line is empty", path)
	}
	return bytes.Clone(line), nil
}

// prompt reads a passphrase from the terminal on stdin without echo,
// twice if confirm.
func (c *cli) prompt(what string, confirm bool) ([]byte, error) {
	fd := int(c.stdin.(*os.File).Fd())
	read := func(label string) ([]byte, error) {
		fmt.Fprintf(c.stderr, "%s: ", label)
		p, err := term.ReadPassword(fd)
		fmt.Fprintln(c.stderr)
		if err != nil {
			crypto.Wipe(p)
			return nil, fmt.Errorf("read passphrase: %w", err)
		}
		if len(p) == 0 {
			return nil, errors.New("empty passphrase")
		}
		return p, nil
	}
	p, err := read(what)
	if err != nil || !confirm {
		return p, err
	}
	again, err := read(what + " again")
	if err != nil {
		crypto.Wipe(p)
		return nil, err
	}
	defer crypto.Wipe(again)
	if subtle.ConstantTimeCompare(p, again) != 1 {
		crypto.Wipe(p)
		return nil, errors.New("the passphrases do not match; nothing was changed")
	}
	return p, nil
}
