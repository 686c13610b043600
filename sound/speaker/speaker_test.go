package speaker

import (
	"bytes"
	"errors"
	"log"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/sound"
)

// TestOpenEitherPlaysOrSaysNoDevice runs on machines with and without
// sound: a build machine or Xvfb has none, and then Open must fail with
// sound.ErrNoDevice, quickly, instead of hanging or crashing.
func TestOpenEitherPlaysOrSaysNoDevice(t *testing.T) {
	t0 := time.Now()
	out, err := Open()
	took := time.Since(t0)
	switch {
	case err != nil && !errors.Is(err, sound.ErrNoDevice):
		t.Fatalf("Open: %v, want sound.ErrNoDevice", err)
	case err == nil:
		if err := out.Play(sound.PCM(sound.Hold), 0.01); err != nil {
			t.Fatalf("Play: %v", err)
		}
		t.Logf("opened a device in %v", took)
	default:
		t.Logf("no device (%v), found out in %v", err, took)
	}
	if took > openTimeout+time.Second {
		t.Errorf("Open took %v", took)
	}

	// oto allows one device per process, so a second Open fails; a
	// player over it is a player on a machine without sound: one log
	// line, nothing else, and Play never blocks.
	var logs bytes.Buffer
	log.SetOutput(&logs)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	p := sound.NewPlayer(Open)
	p.Play(sound.Bell)
	deadline := time.Now().Add(openTimeout + time.Second)
	for p.Available() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond) // waiting for a real device to fail
	}
	for range 100 {
		p.Play(sound.Chime)
	}
	if p.Available() {
		t.Fatal("a second device opened in one process")
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "bells and cues are shown only") {
		t.Errorf("log %q, want one line", lines)
	}
}
