// Package backup reads and writes Rewire's backup files, and keeps a folder
// of automatic backups: written atomically, read back and verified, then
// rotated.
//
// # Format
//
// A backup is an age file (https://age-encryption.org/v1). Inside is a tar
// archive of two regular files, in this order:
//
//	manifest.json   the format version, app and record-schema versions, the
//	                vault id, when it was made, record counts by kind, and
//	                the SHA-256 and size of every other part
//	records.jsonl   one record a line, as JSON (see [journal.Record])
//
// Automatic backups are encrypted to the vault's recovery recipient, so the
// recovery kit alone opens them, with Rewire or with the plain tools:
//
//	age -d -i recovery-kit.txt backup.age | tar -x
//
// Manual backups are encrypted to a passphrase of their own (age's scrypt
// recipient, work factor 2^18), for handing a copy to someone.
//
// # Reading
//
// [Read] trusts nothing until everything checks: age authenticates every
// byte, then the manifest must be first and of a known format, every part
// must match its checksum and every record must validate and be counted in
// the manifest. Any failure returns an error wrapping one of the sentinel
// errors below, and no records. Restoring is then [journal.Vault.Merge]
// (into a new vault or the open one), which is one transaction.
//
// # What must not live here
//
// No SQL and no user interface: the package works on [journal.Record]
// values, files and folders. The record encoding inside the vault is the
// journal package's business; this package only sees decrypted records.
package backup
