// Package journal is Rewire's domain: the record types the app stores, and the
// [Vault] that keeps them encrypted at rest.
//
// A Vault seals every record with [crypto.Sealer] before it reaches the
// [Store], so the store only ever sees random ids and ciphertext. At unlock
// the records are decrypted in parallel into memory and fed to an [Index] for
// full-text search; at lock both are dropped.
//
// The package is pure Go. It defines the small interfaces it needs ([Store],
// [Index], [Clock]); the SQLite adapter in journal/sqlite implements the first
// two. Nothing here knows SQL, and nothing here draws a window.
package journal
