package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/transfer"
)

var exportCommand = &command{
	name:     "export",
	synopsis: "--format markdown|json --out PATH",
	summary:  "export the journal as Markdown files or JSON (plaintext)",
	about: `Writes the journal out of the vault, in plaintext: keep the result as safe as
the journal itself, and delete it when done.

  markdown  a folder PATH with one file a day (YYYY-MM-DD.md): front matter
            with the day's mood and tags, then the entries, the gratitude
            list and the check-in. import --format markdown reads it back.
  json      one file PATH holding every record of every kind, one a line.

Nothing is written over: PATH must not exist (or be an empty folder, for
markdown). Files are readable only by you.`,
	run: runExport,
}

func runExport(c *cli, args []string) (err error) {
	fs := c.flags()
	format := fs.String("format", "", "`markdown` or json")
	out := fs.String("out", "", "the folder (markdown) or file (json) to write, `PATH`")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *format != "markdown" && *format != "json" {
		return usagef("give --format markdown or --format json")
	}
	if *out == "" {
		return usagef("give --out PATH")
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	recs, err := v.List(journal.Filter{})
	if err != nil {
		return err
	}
	var res transfer.Exported
	if *format == "markdown" {
		res, err = transfer.ExportMarkdown(*out, recs)
	} else {
		res, err = transfer.ExportJSON(*out, recs, time.Now())
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, res.Path)
	fmt.Fprintf(c.stderr, "Exported %s in %d file(s). They are not encrypted: keep them safe and delete them when done.\n",
		describeCounts(res.Records, res.Counts), res.Files)
	return nil
}

var importCommand = &command{
	name:     "import",
	synopsis: "--format jrnl|dayone|markdown PATH [--tz ZONE] [--yes]",
	summary:  "import entries from jrnl, Day One or Markdown files",
	about: `Reads entries from another journal and adds them to the vault in one
transaction, after showing what it found and asking (--yes skips the
question).

  jrnl      the JSON file from jrnl --format json (or --export json)
  dayone    Day One's JSON export: the .zip, or a journal's .json file
            (text, dates in each entry's time zone, tags, starred; photos
            are marked [photo] in the text, not imported)
  markdown  a folder of .md files (or one file): the date from the front
            matter's "date" or from the file name, the title from "title"
            or a first "# " line, tags, mood and starred from the front
            matter. Files from export --format markdown come back exactly,
            with their gratitude lists and check-ins.

Entries the vault already has (the same day, title and text) are not added
again, so importing the same file twice adds nothing the second time. Times
without a time zone (jrnl's, Markdown's) are read in --tz (default: this
computer's zone).`,
	run: runImport,
}

func runImport(c *cli, args []string) (err error) {
	fs := c.flags()
	format := fs.String("format", "", "`jrnl`, dayone or markdown")
	tz := fs.String("tz", "", "the time `ZONE` of times that name none, e.g. Europe/Stockholm (default: local)")
	yes := fs.Bool("yes", false, "import without asking")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	f := transfer.Format(*format)
	known := false
	for _, x := range transfer.Formats {
		known = known || f == x
	}
	if !known {
		return usagef("give --format jrnl, dayone or markdown")
	}
	loc := time.Local
	if *tz != "" {
		if loc, err = time.LoadLocation(*tz); err != nil {
			return usagef("--tz %q is not a time zone (want a name like Europe/Stockholm)", *tz)
		}
	}
	if !*yes && !isTerminal(c.stdin) {
		return usagef("give --yes to import without asking (stdin is not a terminal)")
	}
	// Parse before the passphrase is asked for: a wrong file fails fast.
	parsed, err := transfer.ParseFile(f, pos[0], loc)
	if err != nil {
		if errors.Is(err, transfer.ErrFormat) {
			return fmt.Errorf("%s: %w (is --format %s right?)", pos[0], err, *format)
		}
		return err
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	p, err := transfer.NewPreview(v, parsed)
	if err != nil {
		return err
	}
	describePreview(c.stdout, pos[0], p)
	if len(p.New) == 0 {
		fmt.Fprintln(c.stdout, "Nothing new to import.")
		return nil
	}
	if !*yes {
		ok, err := c.confirm(fmt.Sprintf("Import %d records?", len(p.New)))
		if err != nil || !ok {
			return cmpErr(err, errors.New("import cancelled; nothing was changed"))
		}
	}
	rep, err := p.Apply(v, c.progress("import"))
	c.endProgress()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "imported %d records\n", rep.Added)
	return nil
}

// describePreview prints what an import found and will do.
func describePreview(w io.Writer, source string, p *transfer.Preview) {
	fmt.Fprintf(w, "%s (%s): %d found\n", clean(source), p.Format, p.Found)
	fmt.Fprintf(w, "  new:        %d", len(p.New))
	if len(p.New) > 0 {
		counts := p.Counts()
		var kinds []string
		for _, k := range journal.Kinds {
			if counts[k] > 0 {
				kinds = append(kinds, fmt.Sprintf("%d %s", counts[k], k))
			}
		}
		span := p.First()
		if p.Last() != p.First() {
			span += " to " + p.Last()
		}
		fmt.Fprintf(w, " (%s; %s, %d day(s))", strings.Join(kinds, ", "), span, len(p.Dates))
	}
	fmt.Fprintf(w, "\n  duplicates: %d (already in the vault, or twice in the source: not added)\n", p.Duplicates)
	if len(p.Skipped) > 0 {
		fmt.Fprintf(w, "  skipped:\n")
		for i, s := range p.Skipped {
			if i == 20 {
				fmt.Fprintf(w, "    … and %d more\n", len(p.Skipped)-20)
				break
			}
			fmt.Fprintf(w, "    %s\n", clean(s.String()))
		}
	}
}

// confirm asks a yes/no question on the terminal; anything but y or yes
// is no.
func (c *cli) confirm(question string) (bool, error) {
	fmt.Fprintf(c.stderr, "%s [y/N] ", question)
	line, err := bufio.NewReader(c.stdin).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		fmt.Fprintln(c.stderr)
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		return false, fmt.Errorf("read answer: %w", err)
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true, nil
	}
	return false, nil
}
