// Package transfer moves a journal in and out of Rewire in other programs'
// formats: export to a folder of Markdown files (one a day) or to one JSON
// file, and import from jrnl's JSON export, Day One's JSON export (the zip
// or the bare JSON) and a folder of Markdown files.
//
// An import is three steps, so the user sees what will happen first:
// parse the source ([ParseFile], or [ParseJrnl], [ParseDayOne],
// [ParseMarkdown]), preview it against the vault ([NewPreview]: how many,
// which dates, duplicates), then [Preview.Apply], which adds the new
// records in one transaction ([journal.Vault.Merge]). Records already in
// the vault are recognised by what they say ([ContentKey]: the day, title
// and text), so importing the same file twice adds nothing the second time.
//
// [ExportMarkdown] writes entries, gratitude lists and check-ins, and keeps
// each record's fields in an HTML comment so that [ParseMarkdown] reads its
// own export back exactly; [ExportJSON] writes every record. Exports are
// plaintext: they leave Rewire's encryption behind, and callers say so to
// the user. They never write over an existing file or a folder with files
// in it ([ErrExists]). Backups, which stay encrypted, are package backup.
//
// # What must not live here
//
// No SQL, no user interface and no cryptography: the package reads and
// writes files and [journal.Record] values, and stores through the small
// [Journal] interface.
package transfer
