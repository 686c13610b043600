package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/rewirejournal/rewire/journal"
)

// cli is one invocation: its streams, environment and global flags.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string

	vaultPath string
	passFile  string

	cmd *command // the command being run
}

// command is one subcommand.
type command struct {
	name     string
	synopsis string // what follows "rewire-cli NAME" in the usage line
	summary  string // one line for the command list
	about    string // a paragraph for --help
	run      func(c *cli, args []string) error
}

var commands = []*command{
	initCommand,
	addCommand,
	listCommand,
	showCommand,
	searchCommand,
	statsCommand,
	reportCommand,
	passwdCommand,
	recoverCommand,
	checkCommand,
	genCommand,
	backupCommand,
	verifyCommand,
	restoreCommand,
	exportCommand,
	importCommand,
}

const mainSynopsis = "rewire-cli [--vault PATH] [--passphrase-file FILE] COMMAND [ARGS]"

// errHelp means a command printed its help; the exit status is 0.
var errHelp = errors.New("help shown")

// usageError is a mistake on the command line: exit status 2, the message
// and the command's usage line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// run is the whole program, with its streams and environment injected so
// tests can drive it. It returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	fs := flag.NewFlagSet("rewire-cli", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.vaultPath, "vault", "", "")
	fs.StringVar(&c.passFile, "passphrase-file", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.mainHelp(stdout)
			return 0
		}
		fmt.Fprintf(stderr, "rewire-cli: %v\nusage: %s\n", err, mainSynopsis)
		return 2
	}
	rest := fs.Args()
	if len(rest) == 0 {
		fmt.Fprintf(stderr, "rewire-cli: no command given\nusage: %s\nRun 'rewire-cli --help' for the commands.\n", mainSynopsis)
		return 2
	}
	name, rest := rest[0], rest[1:]
	if name == "help" {
		if len(rest) == 0 {
			c.mainHelp(stdout)
			return 0
		}
		name, rest = rest[0], []string{"--help"}
	}
	for _, cmd := range commands {
		if cmd.name == name {
			c.cmd = cmd
		}
	}
	if c.cmd == nil {
		fmt.Fprintf(stderr, "rewire-cli: unknown command %q\nusage: %s\nRun 'rewire-cli --help' for the commands.\n", name, mainSynopsis)
		return 2
	}
	if c.vaultPath == "" {
		c.vaultPath = defaultVaultPath(getenv)
	}
	return c.exit(c.cmd.run(c, rest))
}

// exit reports err in one line and returns the exit status.
func (c *cli) exit(err error) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(c.stderr, "rewire-cli %s: %s\nusage: rewire-cli %s %s\n", c.cmd.name, oneLine(ue.msg), c.cmd.name, c.cmd.synopsis)
		return 2
	}
	fmt.Fprintf(c.stderr, "rewire-cli: %s\n", oneLine(c.friendly(err)))
	return 1
}

// friendly turns the errors people meet into sentences that say what to do.
func (c *cli) friendly(err error) string {
	var damaged *journal.DamagedError
	switch {
	case errors.Is(err, journal.ErrWrongPassphrase):
		return "wrong passphrase"
	case errors.Is(err, journal.ErrWrongRecoveryKit):
		return "that recovery kit does not open this vault"
	case errors.Is(err, journal.ErrNoVault):
		return fmt.Sprintf("no vault at %s; run rewire-cli init", c.vaultPath)
	case errors.Is(err, journal.ErrInUse):
		return fmt.Sprintf("the vault %s is open in another Rewire window or process; close it and try again", c.vaultPath)
	case errors.Is(err, journal.ErrNewerSchema):
		return fmt.Sprintf("the vault %s was written by a newer version of Rewire and was not touched; update rewire-cli", c.vaultPath)
	case errors.Is(err, journal.ErrNotVault):
		return fmt.Sprintf("%s is not a Rewire vault (%v); it was not touched. Check --vault or $REWIRE_VAULT", c.vaultPath, err)
	case errors.Is(err, journal.ErrExists):
		return fmt.Sprintf("a vault already exists at %s", c.vaultPath)
	case errors.As(err, &damaged):
		return damaged.Error()
	case errors.Is(err, journal.ErrDamaged):
		return fmt.Sprintf("the vault %s is damaged (%v); restore it from a backup", c.vaultPath, err)
	}
	return err.Error()
}

// defaultVaultPath is $REWIRE_VAULT, else $XDG_DATA_HOME/rewire/vault.db,
// else ~/.local/share/rewire/vault.db, as for the desktop app.
func defaultVaultPath(getenv func(string) string) string {
	if p := getenv("REWIRE_VAULT"); p != "" {
		return p
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "rewire", "vault.db")
	}
	home := getenv("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	return filepath.Join(home, ".local", "share", "rewire", "vault.db")
}

func (c *cli) mainHelp(w io.Writer) {
	fmt.Fprintf(w, "usage: %s\n\n", mainSynopsis)
	fmt.Fprint(w, "Rewire's command-line companion: the encrypted recovery journal from a terminal or a script.\n\ncommands:\n")
	for _, cmd := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", cmd.name, cmd.summary)
	}
	fmt.Fprint(w, `
global flags (before the command):
  --vault PATH             the vault file (default: $REWIRE_VAULT, else
                           $XDG_DATA_HOME/rewire/vault.db, else ~/.local/share/rewire/vault.db)
  --passphrase-file FILE   read the passphrase from the first line of FILE
                           (default: $REWIRE_PASSPHRASE, else a prompt on the terminal)

Run 'rewire-cli COMMAND --help' for a command's flags.
Exit status: 0 success, 1 failure, 2 usage error.
`)
}

// flags returns a flag set for the running command; parse handles its errors
// and --help.
func (c *cli) flags() *flag.FlagSet {
	fs := flag.NewFlagSet(c.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses args, allowing flags after positional arguments ("show ID
// --json"), and checks the number of positional arguments is within
// [minArgs, maxArgs] (maxArgs < 0 for no limit). --help prints the
// command's help on stdout and returns errHelp.
func (c *cli) parse(fs *flag.FlagSet, args []string, minArgs, maxArgs int) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				c.commandHelp(fs)
				return nil, errHelp
			}
			return nil, &usageError{err.Error()}
		}
		rest := fs.Args()
		if consumed := args[:len(args)-len(rest)]; len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	switch {
	case len(pos) < minArgs:
		return nil, usagef("missing argument")
	case maxArgs >= 0 && len(pos) > maxArgs:
		return nil, usagef("unexpected argument %q", pos[maxArgs])
	}
	return pos, nil
}

func (c *cli) commandHelp(fs *flag.FlagSet) {
	w := c.stdout
	fmt.Fprintf(w, "usage: rewire-cli %s %s\n\n%s\n", c.cmd.name, c.cmd.synopsis, c.cmd.about)
	first := true
	fs.VisitAll(func(f *flag.Flag) {
		if first {
			fmt.Fprint(w, "\nflags:\n")
			first = false
		}
		arg, usage := flag.UnquoteUsage(f)
		if arg != "" {
			arg = " " + arg
		}
		fmt.Fprintf(w, "  --%s%s\n        %s\n", f.Name, arg, usage)
	})
}

// isSet reports whether the flag name was given on the command line.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// isTerminal reports whether s is a terminal.
func isTerminal(s any) bool {
	f, ok := s.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// parseKinds parses a comma-separated list of kinds; "" means all.
func parseKinds(s string) ([]journal.Kind, error) {
	if s == "" {
		return nil, nil
	}
	var ks []journal.Kind
	for _, part := range strings.Split(s, ",") {
		k := journal.Kind(strings.TrimSpace(part))
		if !k.Valid() {
			names := make([]string, len(journal.Kinds))
			for i, k := range journal.Kinds {
				names[i] = string(k)
			}
			return nil, usagef("unknown kind %q (want %s)", part, strings.Join(names, ", "))
		}
		ks = append(ks, k)
	}
	return ks, nil
}

// checkDate checks that a --from, --to or --date value is YYYY-MM-DD.
func checkDate(flagName, s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(journal.DateLayout, s); err != nil {
		return usagef("--%s %q is not a date (want YYYY-MM-DD)", flagName, s)
	}
	return nil
}

// oneLine keeps a message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clean makes record text safe to print on one terminal line: control and
// bidirectional-override characters (which could rewrite the terminal or
// reorder the line) become spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return ' '
		}
		return r
	}, s)
}

// flat is clean with runs of spaces collapsed, for text that was several
// lines and is shown as one.
func flat(s string) string {
	s = clean(s)
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}

// truncate shortens s to at most n runes, ending in "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n-1 {
			return strings.TrimRight(s[:j], " ") + "…"
		}
		i++
	}
	return s
}
