package main

import (
	"fmt"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/demo"
)

var genCommand = &command{
	name:     "gen",
	synopsis: "--entries N [--seed S]",
	summary:  "fill the vault with demo data",
	about: `Adds N demo journal entries, one or two a day over the days before today,
with the gratitude lists, check-ins, urge episodes, practice sessions and
breathing patterns that go with them (about 3.5 records an entry), in
English, Swedish and Ukrainian. The same seed gives the same text. A vault
that already has settings or a crisis card keeps its own.`,
	run: runGen,
}

// genBatch is how many records one transaction saves.
const genBatch = 1000

func runGen(c *cli, args []string) (err error) {
	fs := c.flags()
	entries := fs.Int("entries", 0, "how many journal entries (`N`, 1 to 1000000)")
	seed := fs.Int64("seed", 1, "the random `seed`; the same seed gives the same text")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	if *entries < 1 || *entries > 1_000_000 {
		return usagef("give --entries N, from 1 to 1000000")
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	have, err := v.Count()
	if err != nil {
		return err
	}

	start := time.Now()
	var rs []*journal.Record
	for _, r := range demo.Generate(*entries, *seed, start) {
		if (r.Kind == journal.KindSettings || r.Kind == journal.KindCrisis) && have[r.Kind] > 0 {
			continue
		}
		rs = append(rs, r)
	}
	tty := isTerminal(c.stderr)
	lastTenth := 0
	for i := 0; i < len(rs); i += genBatch {
		batch := rs[i:min(i+genBatch, len(rs))]
		if err := v.SaveAll(batch); err != nil {
			return fmt.Errorf("saved %d of %d records, then: %w", i, len(rs), err)
		}
		done := i + len(batch)
		switch tenth := done * 10 / len(rs); {
		case tty:
			fmt.Fprintf(c.stderr, "\rgen: %d/%d records", done, len(rs))
		case tenth > lastTenth:
			fmt.Fprintf(c.stderr, "gen: %d/%d records\n", done, len(rs))
			lastTenth = tenth
		}
	}
	if tty {
		fmt.Fprintln(c.stderr)
	}
	fmt.Fprintf(c.stderr, "gen: saved %d records (%d entries) in %s\n", len(rs), *entries, time.Since(start).Round(10*time.Millisecond))
	return nil
}
