// Package transfer moves journal entries in and out of Rewire in other
// programs' formats: export to a folder of Markdown files (one a day) or to
// JSON, and import from jrnl's JSON export, Day One's JSON export (the zip
// or the bare JSON) and a folder of Markdown files.
//
// An import is three steps, so the user sees what will happen first:
// parse the source ([ParseJrnl], [ParseDayOne], [ParseMarkdown]), preview
// it against the vault ([NewPreview]: how many, which dates, duplicates),
// then [Preview.Apply], which adds the new entries in one transaction.
// Entries already in the vault are recognised by their content (day, title
// and text), so importing the same file twice adds nothing the second time.
//
// Exports are plaintext: they leave Rewire's encryption behind, and callers
// say so to the user. Backups, which stay encrypted, are package backup.
//
// # What must not live here
//
// No SQL, no user interface and no cryptography: the package reads and
// writes files and [journal.Record] values, and stores through the small
// [Journal] interface.
package transfer
