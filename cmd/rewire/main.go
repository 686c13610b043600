// Command rewire is Rewire's desktop app. It only wires things up: flags,
// the vault on disk (journal/sqlite), one instance per vault and the ui
// package.
//
//	rewire [--vault FILE] [--lang en|sv|uk]
//	rewire --demo          open a throwaway demo journal (deleted on quit)
//	rewire --screenshots DIR
//	rewire --version
//
// Starting rewire again on a vault that is already open brings the
// running window to the front and exits 0.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/rewirejournal/rewire/assets"
	"github.com/rewirejournal/rewire/internal/instance"
	"github.com/rewirejournal/rewire/internal/x11place"
	"github.com/rewirejournal/rewire/sound"
	"github.com/rewirejournal/rewire/sound/speaker"
	"github.com/rewirejournal/rewire/ui"
)

// The app's identity, as in FyneApp.toml (which only `fyne package`
// reads). version and commit are stamped by `make build` and `make package`
// with -ldflags -X.
const (
	appID   = "io.github.rewirejournal.rewire"
	appName = "Rewire"
)

var (
	version = "0.1.0"
	commit  = "dev"
	build   = "1"
)

func main() {
	vaultPath := flag.String("vault", defaultVaultPath(), "vault `file`")
	shots := flag.String("screenshots", "", "write screenshots of every screen to `dir` and exit")
	language := flag.String("lang", "", "language: en, sv or uk (default: the saved one, else the system's)")
	demo := flag.Bool("demo", false, "open a throwaway demo journal with made-up entries, deleted on quit")
	showVersion := flag.Bool("version", false, "print the version and exit")
	flag.Parse()

	if *showVersion {
		fmt.Printf("%s %s (%s)\n", appName, version, commit)
		return
	}
	if *shots != "" {
		if err := ui.Screenshots(*shots, func(path string) ui.Vaults { return newVaults(path) }); err != nil {
			fmt.Fprintln(os.Stderr, "rewire: screenshots:", err)
			os.Exit(1)
		}
		return
	}
	os.Exit(run(*vaultPath, *language, *demo))
}

func run(vaultPath, language string, demo bool) int {
	if demo {
		dir, err := os.MkdirTemp("", "rewire-demo-")
		if err != nil {
			fmt.Fprintln(os.Stderr, "rewire: demo:", err)
			return 1
		}
		defer os.RemoveAll(dir)
		vaultPath = filepath.Join(dir, "demo.db")
	}
	if abs, err := filepath.Abs(vaultPath); err == nil {
		vaultPath = abs
	}

	// One app per vault: a second start shows the first and leaves.
	inst, err := claimInstance(vaultPath)
	if errors.Is(err, instance.ErrRunning) {
		fmt.Fprintln(os.Stderr, "rewire: already running; brought its window to the front")
		return 0
	}
	if err != nil {
		// Not fatal: the vault's own lock still stops two writers.
		fmt.Fprintln(os.Stderr, "rewire:", err)
	}

	app.SetMetadata(fyne.AppMetadata{ID: appID, Name: appName, Version: version, Build: buildNumber(), Icon: assets.Icon, Release: commit != "dev"})
	a := app.NewWithID(appID)
	a.SetIcon(assets.Icon)
	opts := ui.Options{Language: language, Sound: sound.NewPlayer(speaker.Open)}
	if x11place.Available() {
		opts.Place = x11place.Placer{}
	}
	var rw *ui.App
	if demo {
		rw, err = ui.NewDemo(a, newVaults(vaultPath), opts)
		if err != nil {
			fmt.Fprintln(os.Stderr, "rewire: demo:", err)
			return 1
		}
	} else {
		rw = ui.New(a, newVaults(vaultPath), opts)
	}
	rw.Show()
	if inst != nil {
		defer inst.Close()
		go inst.Serve(func() { fyne.DoAndWait(rw.ShowWindow) })
	}
	a.Run()
	return 0
}

func buildNumber() int {
	n, _ := strconv.Atoi(build)
	return n
}

func claimInstance(vaultPath string) (*instance.Instance, error) {
	sock, err := instance.SocketPath(vaultPath)
	if err != nil {
		return nil, err
	}
	return instance.Claim(sock)
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
