// Package speaker is the audio device for [sound.Player]: it opens the
// system's default output through github.com/ebitengine/oto/v3 (ALSA on
// Linux, which needs cgo and libasound; CoreAudio on macOS; WASAPI on
// Windows).
package speaker

import (
	"bytes"
	"fmt"
	"sync"
	"time"

	"github.com/ebitengine/oto/v3"

	"github.com/rewirejournal/rewire/sound"
)

// bufferSize is the device buffer: small, so a bell starts within a few
// tens of milliseconds of being played, but not so small that a busy
// machine glitches.
const bufferSize = 40 * time.Millisecond

// openTimeout bounds the wait for a device that neither opens nor fails.
const openTimeout = 5 * time.Second

// Speaker plays sounds on the default audio output.
type Speaker struct {
	ctx *oto.Context

	mu      sync.Mutex
	playing []*oto.Player // kept until done, so they are not collected mid-sound
}

var _ sound.Output = (*Speaker)(nil)

// Open opens the default audio output. It fails when there is none (as
// on a build machine or under Xvfb). oto allows one context per process,
// so call it once; [sound.Player] does.
func Open() (sound.Output, error) {
	quietLibrary()
	ctx, ready, err := oto.NewContext(&oto.NewContextOptions{
		SampleRate:   sound.SampleRate,
		ChannelCount: 1,
		Format:       oto.FormatFloat32LE,
		BufferSize:   bufferSize,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", sound.ErrNoDevice, err)
	}
	select {
	case <-ready:
	case <-time.After(openTimeout):
		return nil, fmt.Errorf("%w: the device did not open in %v", sound.ErrNoDevice, openTimeout)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", sound.ErrNoDevice, err)
	}
	return &Speaker{ctx: ctx}, nil
}

// Play starts pcm at volume and returns.
func (s *Speaker) Play(pcm []byte, volume float64) error {
	if err := s.ctx.Err(); err != nil {
		return err
	}
	p := s.ctx.NewPlayer(bytes.NewReader(pcm))
	p.SetVolume(volume)
	p.Play()
	s.mu.Lock()
	kept := s.playing[:0]
	for _, q := range s.playing {
		if q.IsPlaying() {
			kept = append(kept, q)
		}
	}
	s.playing = append(kept, p)
	s.mu.Unlock()
	return nil
}
