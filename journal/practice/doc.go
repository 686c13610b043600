// Package practice holds Rewire's guided practices as plain state machines:
// urge surfing ([UrgeSession]), breathing ([BreathingGuide] and its
// [Pattern]s) and meditation ([Meditation] and its [MeditationPreset]).
//
// Nothing here reads a clock, starts a goroutine, draws or plays a sound.
// Every method that depends on time takes the time as an argument, so the
// UI drives a practice with its own ticker and tests drive it with plain
// [time.Time] values. What a practice shows is returned as data: phases,
// fractions, seconds left, and i18n keys (such as "urge.guide.body") for the
// UI to translate, never English text. What it logs is returned as a
// [journal.Record] the UI saves through the vault; each machine keeps the
// record's id, so saving it again replaces the previous version instead of
// adding a new record.
//
// The package is pure Go and builds with CGO_ENABLED=0. It imports journal
// for the record types and nothing else of Rewire's; it must not import ui,
// the SQLite adapter or any audio package.
package practice
