// Package sound makes and plays Rewire's bells and breathing cues.
//
// The sounds are synthesized here, once, on first use (see [PCM]): a bell
// is a few inharmonic partials with exponential decay, a breathing cue a
// short soft tone. Nothing is shipped as a recording, so there is no
// licence to track and no binary asset to trust, and tests can check the
// waveforms themselves.
//
// [Player] plays them through an [Output] it opens in the background the
// first time it is needed, so nothing here ever blocks the caller: Play
// only queues. When there is no audio device the Player says so once in
// the log, reports [Player.Available] false and drops every sound; the UI
// shows its visual cues in any case. The real Output (ALSA, CoreAudio or
// WASAPI, through github.com/ebitengine/oto/v3) lives in the
// [github.com/rewirejournal/rewire/sound/speaker] package, which is the
// only one that needs cgo; this package is pure Go.
package sound
