// Package ui is Rewire's Fyne user interface: one window that shows the
// first-run setup or the unlock screen while the vault is locked, and the
// navigation shell with its screens while it is unlocked.
//
// It depends on the small interfaces it defines ([Journal], [Records],
// [Locker], [Vaults]), never on SQL, files or cipher primitives, so screens
// are tested on Fyne's test driver with an in-memory fake (fakejournal_test.go).
// Two exceptions touch files: the screenshots, and the crisis card's
// unlock-screen copy (crisis_locked.go), a plain file beside the vault that
// holds only what the user ticked as safe to show while locked.
//
// Threading: every method of [App] and every screen runs on the UI
// goroutine. Slow work (key derivation, loading) goes through the injected
// [Runner] and reports back with fyne.Do; tests inject [InlineRunner].
//
// Screens: each main screen implements the unexported screen interface
// (nav.go) and is built by its constructor in screenConstructors at every
// unlock; lock drops them all, so no decrypted text outlives it.
//
// Desktop: reminders (reminder.go, over journal/reminder), the tray menu
// (tray.go) and the window's size and place (window.go) keep their state in
// Fyne's plain preferences, never anything private; the app checks them on
// its ticker, locked or not.
//
// Strings: every user-visible string is looked up with lang.X(key,
// English) and translated in assets/translations/{en,sv,uk}.json; a test
// fails when a key is missing from any of them.
package ui
