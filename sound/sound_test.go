package sound

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func samples(b []byte) []float32 {
	out := make([]float32, len(b)/4)
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}

func TestEveryCueIsAQuietCleanSound(t *testing.T) {
	for _, c := range []Cue{Bell, Bowl, Chime, In, Hold, Out} {
		t.Run(string(c), func(t *testing.T) {
			s := samples(PCM(c))
			if want := int(Length(c).Seconds() * SampleRate); len(s) != want {
				t.Fatalf("%d samples, want %d", len(s), want)
			}
			var top float64
			for _, x := range s {
				if math.IsNaN(float64(x)) {
					t.Fatal("NaN sample")
				}
				top = max(top, math.Abs(float64(x)))
			}
			if top > peak+1e-6 || top < 0.05 {
				t.Errorf("peak %.3f, want audible and at most %.1f", top, peak)
			}
			// Fades in and out: no click at either end.
			if a, z := math.Abs(float64(s[0])), math.Abs(float64(s[len(s)-1])); a > 0.01 || z > 0.01 {
				t.Errorf("first sample %.4f, last %.4f: want near silence", a, z)
			}
		})
	}
}

func TestNoneAndUnknownCuesAreSilent(t *testing.T) {
	for _, c := range []Cue{None, "", "gong"} {
		if PCM(c) != nil || Known(c) || Length(c) != 0 {
			t.Errorf("%q makes a sound", c)
		}
	}
}

func TestPCMIsMadeOnce(t *testing.T) {
	a, b := PCM(Chime), PCM(Chime)
	if &a[0] != &b[0] {
		t.Error("PCM synthesized the chime twice")
	}
}

// fakeOutput records what it plays.
type fakeOutput struct {
	mu   sync.Mutex
	vols []float64
	err  error
}

func (f *fakeOutput) Play(pcm []byte, vol float64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.vols = append(f.vols, vol)
	return f.err
}

func newTestPlayer(open Opener) (*Player, chan string, chan Cue) {
	p := NewPlayer(open)
	logs := make(chan string, 10)
	played := make(chan Cue, 10)
	p.logf = func(format string, args ...any) { logs <- fmt.Sprintf(format, args...) }
	p.played = func(c Cue) { played <- c }
	return p, logs, played
}

func TestPlayerPlaysAtItsVolume(t *testing.T) {
	out := &fakeOutput{}
	p, _, played := newTestPlayer(func() (Output, error) { return out, nil })
	p.SetVolume(0.25)
	p.Play(Bell)
	p.Play(None) // nothing
	p.Play(In)
	if got := []Cue{<-played, <-played}; got[0] != Bell || got[1] != In {
		t.Fatalf("played %v", got)
	}
	out.mu.Lock()
	defer out.mu.Unlock()
	if len(out.vols) != 2 || out.vols[0] != 0.25 {
		t.Errorf("volumes %v, want two at 0.25", out.vols)
	}
	if !p.Available() {
		t.Error("a working device is not available")
	}
}

func TestPlayerWithoutADeviceLogsOnceAndNeverBlocks(t *testing.T) {
	p, logs, played := newTestPlayer(func() (Output, error) { return nil, ErrNoDevice })
	p.Play(Bell)
	line := <-logs
	for p.Available() { // the state turns just after the line is written
		runtime.Gosched()
	}
	for range 1000 { // far more than the queue holds: must not block
		p.Play(Chime)
	}
	if p.Available() {
		t.Error("available without a device")
	}
	select {
	case l := <-logs:
		t.Errorf("a second log line: %q", l)
	case c := <-played:
		t.Errorf("played %q without a device", c)
	default:
	}
	if line == "" {
		t.Error("no log line")
	}
}

func TestPlayerGivesUpWhenTheDeviceFails(t *testing.T) {
	out := &fakeOutput{err: errors.New("device unplugged")}
	p, logs, _ := newTestPlayer(func() (Output, error) { return out, nil })
	p.Play(Bell)
	if line := <-logs; !strings.Contains(line, "failed") {
		t.Errorf("log %q", line)
	}
	for p.Available() { // turns false just after the line; must not hang
		runtime.Gosched()
	}
}

func TestMutedAndSilentPlayNothing(t *testing.T) {
	tests := []struct {
		name string
		set  func(p *Player)
	}{
		{"muted", func(p *Player) { p.SetMuted(true) }},
		{"volume zero", func(p *Player) { p.SetVolume(0) }},
		{"volume NaN", func(p *Player) { p.SetVolume(math.NaN()) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opened := false
			p, _, _ := newTestPlayer(func() (Output, error) { opened = true; return &fakeOutput{}, nil })
			tt.set(p)
			p.Play(Bell)
			if len(p.queue) != 0 || opened {
				t.Error("a silent player queued a sound or opened the device")
			}
		})
	}
}

func TestVolumeIsClamped(t *testing.T) {
	p := NewPlayer(nil)
	for _, tt := range []struct{ in, want float64 }{{-1, 0}, {0.5, 0.5}, {3, 1}} {
		p.SetVolume(tt.in)
		if got := p.Volume(); got != tt.want {
			t.Errorf("SetVolume(%v): %v, want %v", tt.in, got, tt.want)
		}
	}
}

// BenchmarkPlayLatency measures the part of a bell's delay that is ours:
// from Play (called on the UI goroutine when a bell is due) to the device
// being told to start. The device's own buffer (40 ms, see
// sound/speaker) comes on top.
func BenchmarkPlayLatency(b *testing.B) {
	out := &fakeOutput{}
	p := NewPlayer(func() (Output, error) { return out, nil })
	started := make(chan time.Time, 1)
	p.played = func(Cue) { started <- time.Now() }
	PCM(Bell)
	p.Prepare()
	var worst, total time.Duration
	for b.Loop() {
		t0 := time.Now()
		p.Play(Bell)
		d := (<-started).Sub(t0)
		total += d
		worst = max(worst, d)
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs/start")
	b.ReportMetric(float64(worst.Microseconds()), "µs-worst")
}
