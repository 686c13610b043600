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
// Their file key is also wrapped to the vault's own backup key, so the
// vault that made them opens them while it is unlocked, without the kit
// (to check last night's backup, or merge a deleted entry back). That is a
// second recipient stanza of a type of Rewire's own, [VaultStanza]:
//
//	-> rewire-vault <vault id: 32 lower-case hex digits>
//	<base64: 24-byte nonce || XChaCha20-Poly1305(16-byte file key) with 16-byte tag>
//
// The backup key is HKDF-SHA256 of the data key, salt the vault id, info
// "rewire backup v1" ([journal.Vault.BackupKey], [journal.BackupKeyPurpose]);
// the wrap's associated data is the stanza's line, "rewire-vault <id>".
// age skips stanza types it does not know, so the kit and the stock age
// tool open these backups exactly as before, and Rewire versions without
// the stanza read them with the kit. The vault id in the stanza tells a
// vault its own backups from others' without trying a key ([ReadHeader]);
// backups written before the stanza, and other vaults', still need the
// kit. A stanza naming this vault that does not open is damage: age's
// header MAC covers every stanza, so the kit would fail on it too.
//
// Manual backups are encrypted to a passphrase of their own (age's scrypt
// recipient, work factor 2^18), for handing a copy to someone. They carry
// no vault stanza: they open with that passphrase alone, and age refuses
// to mix an scrypt recipient with any other.
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
