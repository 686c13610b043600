package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rewirejournal/rewire/journal"
)

var addCommand = &command{
	name:     "add",
	synopsis: "[--kind entry|gratitude|checkin] [--date YYYY-MM-DD] [--title T] [--tags a,b] [--mood 1-5] [--craving 0-10] [--intention T] [--challenge T] [--win T] < TEXT",
	summary:  "add an entry, a gratitude list or a check-in (text on stdin)",
	about: `Saves a new record from the text on stdin and prints its id.

  entry      stdin is the body; --title, --tags and --mood are optional
  gratitude  each line of stdin is one good thing; "text | why" adds why it happened
  checkin    stdin is an optional note; --mood, --craving, --intention,
             --challenge and --win fill in the rest`,
	run: runAdd,
}

// addFlags holds add's flag values.
type addFlags struct {
	kind, date, title, tags   string
	mood, craving             int
	intention, challenge, win string
}

// addFlagKinds says which kind each kind-specific flag of add is for.
var addFlagKinds = []struct {
	flag string
	kind journal.Kind
}{
	{"title", journal.KindEntry}, {"tags", journal.KindEntry},
	{"craving", journal.KindCheckIn}, {"intention", journal.KindCheckIn},
	{"challenge", journal.KindCheckIn}, {"win", journal.KindCheckIn},
}

func runAdd(c *cli, args []string) (err error) {
	fs := c.flags()
	var f addFlags
	fs.StringVar(&f.kind, "kind", "entry", "what to add: `entry`, gratitude or checkin")
	fs.StringVar(&f.date, "date", "", "the day it belongs to, `YYYY-MM-DD` (default: today)")
	fs.StringVar(&f.title, "title", "", "the entry's `title`")
	fs.StringVar(&f.tags, "tags", "", "the entry's `tags`, comma-separated")
	fs.IntVar(&f.mood, "mood", 0, "mood `1-5` (entry or checkin)")
	fs.IntVar(&f.craving, "craving", 0, "craving level `0-10` (checkin)")
	fs.StringVar(&f.intention, "intention", "", "today's intention (checkin)")
	fs.StringVar(&f.challenge, "challenge", "", "today's challenge (checkin)")
	fs.StringVar(&f.win, "win", "", "today's win (checkin)")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	kind := journal.Kind(f.kind)
	if kind != journal.KindEntry && kind != journal.KindGratitude && kind != journal.KindCheckIn {
		return usagef("--kind %q: add makes entry, gratitude or checkin records", f.kind)
	}
	for _, x := range addFlagKinds {
		if isSet(fs, x.flag) && kind != x.kind {
			return usagef("--%s is for --kind %s", x.flag, x.kind)
		}
	}
	if isSet(fs, "mood") && kind == journal.KindGratitude {
		return usagef("--mood is for --kind entry or checkin")
	}
	if isSet(fs, "mood") && (f.mood < 1 || f.mood > 5) {
		return usagef("--mood %d is not 1-5", f.mood)
	}
	if f.craving < 0 || f.craving > 10 {
		return usagef("--craving %d is not 0-10", f.craving)
	}
	if err := checkDate("date", f.date); err != nil {
		return err
	}

	// Piped text is read before the (slow) unlock so a mistake shows at
	// once; at a terminal the passphrase comes first, then the text.
	var r *journal.Record
	interactive := isTerminal(c.stdin)
	if !interactive {
		if r, err = c.readRecord(f); err != nil {
			return err
		}
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	if interactive {
		fmt.Fprintln(c.stderr, "Write it below; finish with Ctrl-D on a new line.")
		if r, err = c.readRecord(f); err != nil {
			return err
		}
	}
	if err := v.Save(r); err != nil {
		return err
	}
	fmt.Fprintln(c.stdout, r.ID)
	return nil
}

// maxText bounds what add reads from stdin.
const maxText = 1 << 20

func (c *cli) readRecord(f addFlags) (*journal.Record, error) {
	b, err := io.ReadAll(io.LimitReader(c.stdin, maxText+1))
	if err != nil {
		return nil, fmt.Errorf("read stdin: %w", err)
	}
	if len(b) > maxText {
		return nil, fmt.Errorf("the text on stdin is longer than %d bytes", maxText)
	}
	text := strings.TrimSpace(string(b))
	r := &journal.Record{Kind: journal.Kind(f.kind), Date: f.date}
	switch r.Kind {
	case journal.KindEntry:
		if text == "" {
			return nil, errors.New("nothing to save: write the entry on stdin")
		}
		r.Entry = &journal.Entry{Title: strings.TrimSpace(f.title), Body: text, Tags: splitTags(f.tags), Mood: f.mood}
	case journal.KindGratitude:
		g := &journal.Gratitude{}
		for line := range strings.Lines(text) {
			what, why, _ := strings.Cut(line, "|")
			what, why = strings.TrimSpace(what), strings.TrimSpace(why)
			if what == "" && why == "" {
				continue
			}
			if what == "" {
				return nil, fmt.Errorf("gratitude line %q has a why but no good thing", strings.TrimSpace(line))
			}
			g.Items = append(g.Items, journal.GratitudeItem{Text: what, Why: why})
		}
		if len(g.Items) == 0 {
			return nil, errors.New("nothing to save: write one good thing a line on stdin")
		}
		r.Gratitude = g
	case journal.KindCheckIn:
		r.CheckIn = &journal.CheckIn{
			Mood: f.mood, Craving: f.craving, Note: text,
			Intention: strings.TrimSpace(f.intention), Challenge: strings.TrimSpace(f.challenge), Win: strings.TrimSpace(f.win),
		}
	}
	return r, nil
}

func splitTags(s string) []string {
	var tags []string
	for t := range strings.SplitSeq(s, ",") {
		if t = strings.TrimSpace(t); t != "" && !containsFold(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}

func containsFold(xs []string, s string) bool {
	for _, x := range xs {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

var listCommand = &command{
	name:     "list",
	synopsis: "[--kind K[,K]] [--tag T] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]",
	summary:  "list records, newest first",
	about: `Lists records, newest day first: a short id, the date, the kind, the mood
(or -) and the title or first line. With --json, prints a JSON array of the
full records, one a line.`,
	run: runList,
}

func runList(c *cli, args []string) (err error) {
	fs := c.flags()
	kinds := fs.String("kind", "", "only these `kinds`, comma-separated (entry, gratitude, checkin, urge, session, pattern, settings, crisis)")
	tag := fs.String("tag", "", "only entries with this `tag`")
	from := fs.String("from", "", "from this day, `YYYY-MM-DD`, inclusive")
	to := fs.String("to", "", "up to this day, `YYYY-MM-DD`, inclusive")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := c.parse(fs, args, 0, 0); err != nil {
		return err
	}
	ks, err := parseKinds(*kinds)
	if err != nil {
		return err
	}
	if err := errors.Join(checkDate("from", *from), checkDate("to", *to)); err != nil {
		return err
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	rs, err := v.List(journal.Filter{Kinds: ks, From: *from, To: *to, Tag: *tag})
	if err != nil {
		return err
	}
	w := bufio.NewWriter(c.stdout)
	if *asJSON {
		err = writeJSONArray(w, rs)
	} else {
		for i := range rs {
			r := &rs[i]
			mood := "-"
			if m := r.Mood(); m > 0 {
				mood = fmt.Sprint(m)
			}
			fmt.Fprintf(w, "%s  %s  %-9s  %s  %s\n", r.ID.String()[:8], r.Date, r.Kind, mood, truncate(flat(summary(r)), 72))
		}
	}
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// writeJSONArray writes xs as a JSON array with one element a line, so the
// output is valid JSON and still greps well.
func writeJSONArray[T any](w io.Writer, xs []T) error {
	if len(xs) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	io.WriteString(w, "[\n")
	for i := range xs {
		b, err := json.Marshal(&xs[i])
		if err != nil {
			return err
		}
		w.Write(b)
		if i < len(xs)-1 {
			io.WriteString(w, ",")
		}
		io.WriteString(w, "\n")
	}
	_, err := io.WriteString(w, "]\n")
	return err
}

var showCommand = &command{
	name:     "show",
	synopsis: "ID [--json]",
	summary:  "show one record",
	about:    `Shows one record in full. ID may be a unique prefix of at least 4 hex digits, as list prints.`,
	run:      runShow,
}

func runShow(c *cli, args []string) (err error) {
	fs := c.flags()
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := c.parse(fs, args, 1, 1)
	if err != nil {
		return err
	}
	v, err := c.unlockVault()
	if err != nil {
		return err
	}
	defer closeVault(v, &err)
	id, err := v.Resolve(pos[0])
	if errors.Is(err, journal.ErrNotFound) {
		return fmt.Errorf("no record with id %s", clean(pos[0]))
	} else if err != nil {
		return err
	}
	r, err := v.Get(id)
	if err != nil {
		return err
	}
	if *asJSON {
		b, err := json.MarshalIndent(&r, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(c.stdout, "%s\n", b)
		return err
	}
	w := bufio.NewWriter(c.stdout)
	printRecord(w, &r)
	return w.Flush()
}
