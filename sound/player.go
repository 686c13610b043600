package sound

import (
	"errors"
	"log"
	"math"
	"sync"
)

// Output is an audio device that can start playing float32 mono PCM at
// [SampleRate]. Play must return as soon as playback has started; sounds
// may overlap.
type Output interface {
	Play(pcm []byte, volume float64) error
}

// Opener opens the audio device. It may take a while and may fail (no
// device); [Player] calls it once, off the caller's goroutine.
type Opener func() (Output, error)

// ErrNoDevice is what an Opener returns when there is nothing to play on.
var ErrNoDevice = errors.New("no audio device")

// queueLength is how many sounds may wait; more are dropped, since a cue
// played late is worse than none.
const queueLength = 8

// state of the device.
const (
	stateUnknown = iota // not opened yet
	stateReady
	stateNone // no device: play nothing
)

// Player plays cues on a device it opens lazily. All its methods are safe
// for concurrent use and never block on the device.
type Player struct {
	open Opener
	logf func(format string, args ...any)

	mu     sync.Mutex
	state  int
	volume float64
	muted  bool
	queue  chan Cue
	start  sync.Once
	// played, if set, is called after each sound starts (tests,
	// measurements).
	played func(Cue)
}

// NewPlayer returns a player that opens its device with open when first
// needed. A nil open makes a player with no device.
func NewPlayer(open Opener) *Player {
	return &Player{open: open, logf: log.Printf, volume: 0.7, queue: make(chan Cue, queueLength)}
}

// Prepare opens the device in the background now, so the first bell is
// not delayed by it. Screens that may play call it when shown.
func (p *Player) Prepare() { p.start.Do(func() { go p.run() }) }

// Play queues c to play now at the player's volume and returns at once.
// Nothing plays for [None], an unknown cue, when muted or when there is
// no device.
func (p *Player) Play(c Cue) {
	if !Known(c) {
		return
	}
	p.mu.Lock()
	skip := p.muted || p.volume <= 0 || p.state == stateNone
	p.mu.Unlock()
	if skip {
		return
	}
	p.Prepare()
	select {
	case p.queue <- c:
	default: // full: drop it rather than block
	}
}

// Available reports whether sounds can be heard: false once the device
// failed to open, or while muted; true before the device is known.
func (p *Player) Available() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.state != stateNone
}

// SetVolume sets the volume, 0–1 (out-of-range values are clamped; NaN
// is 0).
func (p *Player) SetVolume(v float64) {
	if math.IsNaN(v) {
		v = 0
	}
	p.mu.Lock()
	p.volume = min(max(v, 0), 1)
	p.mu.Unlock()
}

// Volume returns the volume, 0–1.
func (p *Player) Volume() float64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.volume
}

// SetMuted mutes or unmutes every sound.
func (p *Player) SetMuted(m bool) {
	p.mu.Lock()
	p.muted = m
	p.mu.Unlock()
}

// Muted reports whether the player is muted.
func (p *Player) Muted() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.muted
}

// run opens the device and then plays what is queued, for the life of the
// process.
func (p *Player) run() {
	var out Output
	err := ErrNoDevice
	if p.open != nil {
		out, err = p.open()
	}
	if err != nil {
		// One line, and nothing about what the user is doing; written
		// before Available turns false, so whoever sees that sees it.
		p.logf("sound: no audio output (%v); bells and cues are shown only", err)
		p.mu.Lock()
		p.state = stateNone
		p.mu.Unlock()
		for range p.queue {
		}
		return
	}
	p.mu.Lock()
	p.state = stateReady
	p.mu.Unlock()
	for c := range p.queue {
		p.mu.Lock()
		vol, muted := p.volume, p.muted
		p.mu.Unlock()
		if muted || vol <= 0 {
			continue
		}
		if err := out.Play(PCM(c), vol); err != nil {
			p.logf("sound: audio output failed (%v); bells and cues are shown only", err)
			p.mu.Lock()
			p.state = stateNone
			p.mu.Unlock()
			for range p.queue {
			}
			return
		}
		if p.played != nil {
			p.played(c)
		}
	}
}
