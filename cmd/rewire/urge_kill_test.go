package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/ui"
)

// urgeKillEnv names the vault when the test binary is re-executed as the
// child that surfs an urge and is then killed.
const urgeKillEnv = "REWIRE_URGE_KILL_VAULT"

// TestUrgeSessionSurvivesAKill runs urge surfing in a child process on a
// real SQLite vault, kills it with SIGKILL after two ratings (no lock, no
// close, no Leave), then opens the vault in a new app: the unlock offers to
// resume, and the session goes on as the same record with both ratings.
func TestUrgeSessionSurvivesAKill(t *testing.T) {
	if path := os.Getenv(urgeKillEnv); path != "" {
		urgeKillChild(path) // never returns
	}
	path := filepath.Join(t.TempDir(), "vault.db")
	v := newVaults(path)
	if _, _, err := v.Create([]byte(perfPassphrase), journal.MinKDFParams()); err != nil {
		t.Fatal(err)
	}
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestUrgeSessionSurvivesAKill$")
	cmd.Env = append(os.Environ(), urgeKillEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), "URGE "); ok {
				ready <- line
				return
			}
		}
		ready <- "no report"
	}()
	select {
	case msg := <-ready:
		if msg != "rated" {
			cmd.Process.Kill()
			t.Fatalf("child: %s", msg)
		}
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		t.Fatal("the child did not report")
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	fa := test.NewTempApp(t)
	v = newVaults(path)
	a := ui.New(fa, v, ui.Options{Run: ui.InlineRunner, TickEvery: -1, Language: "en"})
	a.Show()
	t.Cleanup(func() {
		a.Lock()
		v.Close()
	})
	c := a.Window().Canvas()
	test.Type(c.Focused(), perfPassphrase)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.Records() == nil {
		t.Fatal("the vault did not unlock after the kill")
	}
	resume := findButton(c.Overlays().Top(), "Resume surfing")
	if resume == nil {
		t.Fatal("no offer to resume the killed session")
	}
	test.Tap(resume)
	three := findButton(c.Content(), "3")
	if three == nil {
		t.Fatal("the resumed session shows no rating buttons")
	}
	test.Tap(three)
	recs, err := v.vault.List(journal.Filter{Kinds: []journal.Kind{journal.KindUrge}})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("%d urge records, want the one session", len(recs))
	}
	var got []int
	for _, s := range recs[0].Urge.Samples {
		got = append(got, s.Rating)
	}
	if !slices.Equal(got, []int{7, 9, 3}) || recs[0].Urge.Finished {
		t.Errorf("after the kill and resume: ratings %v, finished %v; want [7 9 3], open", got, recs[0].Urge.Finished)
	}
}

// urgeKillChild opens the vault, starts urge surfing, gives two ratings,
// says so on stdout and waits to be killed.
func urgeKillChild(path string) {
	// Fyne's test driver runs fyne.Do inline only off the main goroutine.
	done := make(chan error)
	go func() { done <- urgeKillRun(path) }()
	if err := <-done; err != nil {
		fmt.Printf("URGE %v\n", err)
		os.Exit(1)
	}
	fmt.Println("URGE rated")
	select {} // killed here
}

func urgeKillRun(path string) error {
	fa := test.NewApp()
	v := newVaults(path)
	a := ui.New(fa, v, ui.Options{Run: ui.InlineRunner, TickEvery: -1, Language: "en"})
	a.Show()
	c := a.Window().Canvas()
	if c.Focused() == nil {
		return errors.New("no unlock screen")
	}
	test.Type(c.Focused(), perfPassphrase)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.Records() == nil {
		return errors.New("did not unlock")
	}
	a.StartUrge()
	for _, r := range []string{"7", "9"} {
		b := findButton(c.Content(), r)
		if b == nil {
			return fmt.Errorf("no rating button %s", r)
		}
		test.Tap(b)
	}
	return nil
}

// findButton returns the visible button labelled text under o.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	if o == nil {
		return nil
	}
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}
