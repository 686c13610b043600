package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/insights"
	"github.com/rewirejournal/rewire/ui/report"
)

var reportCommand = &command{
	name:     "report",
	synopsis: "--from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf [--csv FILE.csv] [--include checkins,urges,practices] [--entry ID]... [--force]",
	summary:  "write a PDF report (and a CSV of the numbers) to share",
	about: `Writes a report for the days from --from to --to: a summary, charts and
tables of what --include names (default: check-ins, the urge log and
practices), and the journal entries given one by one with --entry (an id or
a unique prefix; none by default). --csv also writes the day-by-day
numbers. An existing file is not replaced without --force.

The files are NOT encrypted: anyone who can read them can read what they
hold. Keep them somewhere safe and delete them when they are no longer
needed.`,
	run: runReport,
}

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func runReport(c *cli, args []string) (err error) {
	fs := c.flags()
	from := fs.String("from", "", "the first day, `YYYY-MM-DD`")
	to := fs.String("to", "", "the last day, `YYYY-MM-DD`")
	out := fs.String("out", "", "the PDF `file` to write")
	csvOut := fs.String("csv", "", "also write the numbers to this CSV `file`")
	include := fs.String("include", "checkins,urges,practices", "what to put in: `checkins,urges,practices` (any of them)")
	force := fs.Bool("force", false, "replace files that exist")
	var entries listFlag
	fs.Var(&entries, "entry", "add the journal entry with this `id` (repeat for more)")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *from == "" || *to == "" || *out == "" {
		return usagef("give --from, --to and --out")
	}
	if err := errors.Join(checkDate("from", *from), checkDate("to", *to)); err != nil {
		return err
	}
	r, err := insights.ParseRange(*from, *to)
	if err != nil {
		return usagef("%v", err)
	}
	var contents report.Contents
	for _, part := range strings.Split(*include, ",") {
		switch strings.TrimSpace(part) {
		case "checkins":
			contents.CheckIns = true
		case "urges":
			contents.Urges = true
		case "practices":
			contents.Practices = true
		case "":
		default:
			return usagef("--include %q: want checkins, urges or practices", part)
		}
	}
	if !contents.CheckIns && !contents.Urges && !contents.Practices && len(entries) == 0 {
		return usagef("%v", report.ErrNothingChosen)
	}
	for _, path := range []string{*out, *csvOut} {
		if path == "" || *force {
			continue
		}
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("%s exists; pass --force to replace it", path)
		}
	}

	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	for _, e := range entries {
		id, err := v.Resolve(e)
		if err != nil {
			return fmt.Errorf("--entry %s: %w", e, err)
		}
		rec, err := v.Get(id)
		if err != nil {
			return err
		}
		if rec.Kind != journal.KindEntry {
			return fmt.Errorf("--entry %s is a %s, not a journal entry", e, rec.Kind)
		}
		contents.Entries = append(contents.Entries, id)
	}
	recs, _, err := loadInsights(v, r)
	if err != nil {
		return err
	}
	if len(contents.Entries) > 0 {
		more, err := v.List(journal.Filter{Kinds: []journal.Kind{journal.KindEntry}, From: r.From.String(), To: r.To.String()})
		if err != nil {
			return err
		}
		recs = append(recs, more...)
	}
	req := report.Request{Range: r, Contents: contents, Made: time.Now()}
	if err := writeFile(*out, func(f *os.File) error { return report.PDF(f, recs, req, report.English()) }); err != nil {
		return err
	}
	fmt.Fprintf(c.stderr, "report: wrote %s\n", *out)
	if *csvOut != "" {
		if err := writeFile(*csvOut, func(f *os.File) error { return report.CSV(f, recs, req) }); err != nil {
			return err
		}
		fmt.Fprintf(c.stderr, "report: wrote %s\n", *csvOut)
	}
	fmt.Fprintln(c.stderr, "report: these files are NOT encrypted; keep them somewhere safe")
	return nil
}

// writeFile writes a file readable by its owner only, through a temporary
// file in the same directory, so a failure leaves no half-written report.
func writeFile(path string, write func(*os.File) error) (err error) {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("no folder %s to write %s in", dir, filepath.Base(path))
	}
	tmp, err := os.CreateTemp(dir, ".rewire-report-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
