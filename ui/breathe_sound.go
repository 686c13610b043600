package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/rewirejournal/rewire/sound"
)

// Sounder plays the practices' bells and breathing cues. [sound.Player]
// is the real one; every method must return at once, whatever the device
// does.
type Sounder interface {
	Play(c sound.Cue)
	// Prepare opens the device in the background, before the first bell.
	Prepare()
	// Available is false once it is known there is no audio device.
	Available() bool
	SetVolume(v float64)
	SetMuted(m bool)
}

var _ Sounder = (*sound.Player)(nil)

// silence is the Sounder of an app given none.
type silence struct{}

func (silence) Play(sound.Cue)    {}
func (silence) Prepare()          {}
func (silence) Available() bool   { return false }
func (silence) SetVolume(float64) {}
func (silence) SetMuted(bool)     {}

// Ticker calls f on the UI goroutine about every d until stop is called.
// The practices draw and ring from it; tests pass one they fire by hand.
type Ticker func(d time.Duration, f func()) (stop func())

// realTicker is a time.Ticker whose ticks hop onto the UI goroutine.
func realTicker(d time.Duration, f func()) func() {
	t := time.NewTicker(d)
	done := make(chan struct{})
	go func() {
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fyne.Do(func() {
					select {
					case <-done: // stopped while this tick waited
					default:
						f()
					}
				})
			}
		}
	}()
	stopped := false
	return func() {
		if !stopped {
			stopped = true
			close(done)
		}
	}
}

func noTicker(time.Duration, func()) func() { return func() {} }

// ticker returns the app's ticker.
func (a *App) ticker() Ticker {
	switch {
	case a.opts.Ticker != nil:
		return a.opts.Ticker
	case a.opts.TickEvery < 0:
		return noTicker
	}
	return realTicker
}

// sounder returns the app's sound player with the saved volume applied.
func (a *App) sounder() Sounder {
	if a.opts.Sound == nil {
		return silence{}
	}
	p := a.fyne.Preferences()
	a.opts.Sound.SetVolume(p.FloatWithFallback(prefSoundVolume, defaultVolume))
	a.opts.Sound.SetMuted(p.Bool(prefSoundMuted))
	return a.opts.Sound
}

// Sound preferences. Volume and mute are not private and are needed on
// the unlock screen too, so they live in the plaintext preferences.
const (
	prefSoundVolume = "soundVolume"
	prefSoundMuted  = "soundMuted"
	prefBreathCues  = "breathCues" // a sound at each breathing phase
	defaultVolume   = 0.7
)

// soundControls is the row every practice shows: sound on or off, the
// volume, a bell to try it, and a note when there is no audio device.
// recheck shows or hides that note again: the device is opened in the
// background, so whether there is one is known only a moment later.
func (a *App) soundControls() (obj fyne.CanvasObject, recheck func()) {
	p := a.fyne.Preferences()
	snd := a.sounder()
	snd.Prepare()
	on := widget.NewCheck(lang.X("breathe.sound.on", "Sound"), nil)
	on.SetChecked(!p.Bool(prefSoundMuted))
	vol := widget.NewSlider(0, 1)
	vol.Step = 0.05
	vol.SetValue(p.FloatWithFallback(prefSoundVolume, defaultVolume))
	vol.OnChangeEnded = func(v float64) {
		p.SetFloat(prefSoundVolume, v)
		snd.SetVolume(v)
	}
	try := widget.NewButtonWithIcon(lang.X("breathe.sound.try", "Try"), theme.VolumeUpIcon(), func() {
		a.Touch()
		snd.Play(sound.Bell)
	})
	on.OnChanged = func(v bool) {
		p.SetBool(prefSoundMuted, !v)
		snd.SetMuted(!v)
		if v {
			vol.Enable()
			try.Enable()
		} else {
			vol.Disable()
			try.Disable()
		}
	}
	on.OnChanged(on.Checked)
	note := wrapped(lang.X("breathe.sound.none", "No sound on this computer: cues are shown on screen."))
	note.SizeName = theme.SizeNameCaptionText
	note.Importance = widget.LowImportance
	recheck = func() {
		if a.sounder().Available() {
			note.Hide()
		} else {
			note.Show()
		}
	}
	recheck()
	return container.NewVBox(container.NewBorder(nil, nil, on, nil, vol), container.NewHBox(try), note), recheck
}

// numText writes a number of seconds or minutes the way the language
// does: 5.5 in English, 5,5 in Swedish and Ukrainian.
func numText(x float64) string {
	t := strconv.FormatFloat(x, 'f', -1, 64)
	if CurrentLanguage() != "en" {
		t = strings.Replace(t, ".", ",", 1)
	}
	return t
}
