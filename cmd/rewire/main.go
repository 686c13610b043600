// Command rewire is Rewire's desktop app. It only wires things up: flags,
// the vault on disk (journal/sqlite) and the ui package.
//
//	rewire [--vault FILE] [--lang en|sv|uk]
//	rewire --screenshots DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2/app"

	"github.com/rewirejournal/rewire/assets"
	"github.com/rewirejournal/rewire/sound"
	"github.com/rewirejournal/rewire/sound/speaker"
	"github.com/rewirejournal/rewire/ui"
)

const appID = "io.github.rewirejournal.rewire"

func main() {
	vaultPath := flag.String("vault", defaultVaultPath(), "vault `file`")
	shots := flag.String("screenshots", "", "write screenshots of every screen to `dir` and exit")
	language := flag.String("lang", "", "language: en, sv or uk (default: the saved one, else the system's)")
	flag.Parse()

	if *shots != "" {
		if err := ui.Screenshots(*shots, func(path string) ui.Vaults { return newVaults(path) }); err != nil {
			fmt.Fprintln(os.Stderr, "rewire: screenshots:", err)
			os.Exit(1)
		}
		return
	}

	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	ui.New(a, newVaults(*vaultPath), ui.Options{Language: *language, Sound: sound.NewPlayer(speaker.Open)}).Show()
	a.Run()
}

// defaultVaultPath follows rewire-cli: $REWIRE_VAULT, else
// $XDG_DATA_HOME/rewire/vault.db, else ~/.local/share/rewire/vault.db.
func defaultVaultPath() string {
	if p := os.Getenv("REWIRE_VAULT"); p != "" {
		return p
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "rewire", "vault.db")
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".local", "share", "rewire", "vault.db")
}
