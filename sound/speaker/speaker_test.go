package speaker

import (
	"errors"
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
}
