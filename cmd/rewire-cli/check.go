package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/rewirejournal/rewire/journal"
)

var checkCommand = &command{
	name:     "check",
	synopsis: "",
	summary:  "decrypt every record and report any that are damaged",
	about: `Reads every record back from the file and decrypts it. Prints "ok: N records"
when all open; otherwise prints the ids of the damaged records, one a line,
and exits 1. The other records are unaffected.`,
	run: runCheck,
}

func runCheck(c *cli, args []string) (err error) {
	fs := c.flags()
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	damaged := v.Damaged()
	var de *journal.DamagedError
	switch err := v.Check(); {
	case errors.As(err, &de):
		damaged = append(damaged, de.IDs...)
	case err != nil:
		return err
	}
	if len(damaged) > 0 {
		slices.SortFunc(damaged, func(a, b journal.ID) int { return bytes.Compare(a[:], b[:]) })
		damaged = slices.Compact(damaged)
		for _, id := range damaged {
			fmt.Fprintln(c.stdout, id)
		}
		return fmt.Errorf("%d damaged record(s), listed on stdout; the others are intact", len(damaged))
	}
	counts, err := v.Count()
	if err != nil {
		return err
	}
	n := 0
	for _, k := range counts {
		n += k
	}
	fmt.Fprintf(c.stdout, "ok: %d records\n", n)
	return nil
}
