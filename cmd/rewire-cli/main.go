// Command rewire-cli is Rewire's command-line companion: it creates a vault,
// adds, lists, shows and searches records, changes or resets the passphrase,
// checks the vault for damage and fills it with demo data, for scripts and
// terminal users.
//
// Usage:
//
//	rewire-cli [--vault PATH] [--passphrase-file FILE] COMMAND [ARGS]
//
// The passphrase comes from --passphrase-file (its first line), else
// $REWIRE_PASSPHRASE, else a prompt on the terminal that does not echo. Every
// command takes --help. Exit status: 0 success, 1 failure (one line on
// stderr), 2 usage error.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
