package sound

import (
	"encoding/binary"
	"math"
	"sync"
	"time"
)

// SampleRate is the rate of every sound, in samples per second (mono).
const SampleRate = 48000

// Cue names a sound. Meditation bells use [Bell], [Bowl] and [Chime] (and
// [None]); the breathing guide uses [In], [Hold] and [Out].
type Cue string

// The sounds Rewire plays.
const (
	Bell  Cue = "bell"  // a clear meditation bell, about 4 s
	Bowl  Cue = "bowl"  // a low singing bowl, about 6 s
	Chime Cue = "chime" // a light high chime, about 1.5 s
	In    Cue = "in"    // a soft rising tone: breathe in
	Hold  Cue = "hold"  // a soft short tick: hold
	Out   Cue = "out"   // a soft falling tone: breathe out
	// None plays nothing.
	None Cue = "none"
)

// Bells lists the meditation bells in the order the app offers them.
var Bells = []Cue{Bell, Bowl, Chime}

// partial is one sine component: a frequency ratio to the fundamental, an
// amplitude and a decay time constant in seconds.
type partial struct{ ratio, amp, decay float64 }

// voice describes how to synthesize a cue.
type voice struct {
	freq, glide float64 // fundamental in Hz; glide: frequency change over the length, as a ratio
	length      float64 // seconds
	attack      float64 // seconds of fade-in, so the start does not click
	partials    []partial
}

// Inharmonic partials of a struck bowl (ratios after Rossing's
// measurements of Tibetan bowls, rounded).
var bowlPartials = []partial{{1, 1, 2.2}, {2.71, 0.5, 1.4}, {5.15, 0.22, 0.8}, {8.4, 0.1, 0.45}}

var voices = map[Cue]voice{
	Bell:  {freq: 528, length: 4, attack: 0.004, partials: []partial{{1, 1, 1.5}, {2.0, 0.35, 0.9}, {2.76, 0.3, 0.7}, {5.4, 0.12, 0.35}}},
	Bowl:  {freq: 220, length: 6, attack: 0.01, partials: bowlPartials},
	Chime: {freq: 1046.5, length: 1.5, attack: 0.002, partials: []partial{{1, 1, 0.45}, {2.0, 0.25, 0.25}, {3.0, 0.1, 0.15}}},
	In:    {freq: 392, glide: 1.25, length: 0.35, attack: 0.06, partials: []partial{{1, 1, 0.3}, {2, 0.15, 0.2}}},
	Hold:  {freq: 660, length: 0.12, attack: 0.005, partials: []partial{{1, 1, 0.04}}},
	Out:   {freq: 490, glide: 0.8, length: 0.45, attack: 0.06, partials: []partial{{1, 1, 0.35}, {2, 0.15, 0.2}}},
}

// peak is the loudest sample at full volume: a little headroom.
const peak = 0.8

// synth renders v as float32 samples.
func synth(v voice) []float32 {
	n := int(v.length * SampleRate)
	out := make([]float32, n)
	var sum float64
	for _, p := range v.partials {
		sum += p.amp
	}
	phase := make([]float64, len(v.partials))
	release := 0.05 * SampleRate // fade out over the last 50 ms: no click at the end
	for i := range n {
		t := float64(i) / SampleRate
		f := v.freq
		if v.glide != 0 {
			f *= math.Pow(v.glide, t/v.length)
		}
		var s float64
		for j, p := range v.partials {
			phase[j] += 2 * math.Pi * f * p.ratio / SampleRate
			s += p.amp * math.Exp(-t/p.decay) * math.Sin(phase[j])
		}
		env := 1.0
		if t < v.attack {
			env = t / v.attack
		}
		if left := float64(n - i); left < release {
			env *= left / release
		}
		out[i] = float32(peak * env * s / sum)
	}
	return out
}

var (
	pcmMu    sync.Mutex
	pcmCache = map[Cue][]byte{}
)

// PCM returns c as 32-bit float little-endian mono samples at
// [SampleRate], made on first use and kept; nil for [None] or an unknown
// name. The slice is shared: do not change it.
func PCM(c Cue) []byte {
	pcmMu.Lock()
	defer pcmMu.Unlock()
	if b, ok := pcmCache[c]; ok {
		return b
	}
	v, ok := voices[c]
	if !ok {
		return nil
	}
	s := synth(v)
	b := make([]byte, 4*len(s))
	for i, x := range s {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
	}
	pcmCache[c] = b
	return b
}

// Length returns how long c plays.
func Length(c Cue) time.Duration {
	v, ok := voices[c]
	if !ok {
		return 0
	}
	return time.Duration(v.length * float64(time.Second))
}

// Known reports whether c is a sound this package makes ([None] is not).
func Known(c Cue) bool {
	_, ok := voices[c]
	return ok
}
