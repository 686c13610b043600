package ui

import "time"

// Runner runs slow work (key derivation, loading) off the UI goroutine.
// The work reports back with fyne.Do. The app uses [GoRunner]; tests pass
// [InlineRunner] so they stay deterministic and race-free.
type Runner func(work func())

// GoRunner runs work on a new goroutine.
func GoRunner(work func()) { go work() }

// InlineRunner runs work at once, on the caller's goroutine. It is for
// tests, where fyne.Do also runs inline.
func InlineRunner(work func()) { work() }

// Clock returns the current time; tests inject a fake.
type Clock func() time.Time
