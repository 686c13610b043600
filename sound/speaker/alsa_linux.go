//go:build linux && !android

package speaker

// #cgo pkg-config: alsa
// #include <alsa/asoundlib.h>
//
// static void rewire_alsa_quiet(const char *file, int line, const char *fn, int err, const char *fmt, ...) {}
// static void rewire_alsa_silence(void) { snd_lib_error_set_handler(rewire_alsa_quiet); }
import "C"

// quietLibrary stops ALSA printing its own errors to stderr: on a machine
// without sound it would print a screenful while probing devices, and the
// app says it in one line instead.
func quietLibrary() { C.rewire_alsa_silence() }
