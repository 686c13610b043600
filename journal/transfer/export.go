package transfer

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// ErrExists is returned by the exports when their destination already
// exists (a file, or a folder that is not empty): an export never writes
// over anything.
var ErrExists = errors.New("the destination already exists")

// Exported says what an export wrote.
type Exported struct {
	Path    string               // the folder or file
	Files   int                  // files written
	Records int                  // records written
	Counts  map[journal.Kind]int // records written, by kind
}

// ExportMarkdown writes entries, gratitude lists and check-ins to the
// folder dir, one file a day named YYYY-MM-DD.md, oldest first within the
// day: front matter with the day's date, mood (the check-in's, else the
// entries' average) and tags, then each entry under its title, the
// gratitude list and the check-in. Each record's fields also go in an HTML
// comment above it, invisible when the Markdown is shown, so that
// [ParseMarkdown] reads the files back exactly. Other kinds of record are
// not written (the JSON export has every record).
//
// dir must not exist or be an empty folder. The files are written into a
// temporary folder beside it, which is renamed to dir at the end, so an
// export that fails leaves nothing under dir. The files are plaintext,
// readable only by the user (0600 in a 0700 folder).
func ExportMarkdown(dir string, recs []journal.Record) (Exported, error) {
	res := Exported{Path: dir, Counts: map[journal.Kind]int{}}
	days := map[string][]*journal.Record{}
	for i := range recs {
		r := &recs[i]
		if slices.Contains(importKinds, r.Kind) {
			days[r.Date] = append(days[r.Date], r)
		}
	}
	err := intoNewDir(dir, func(tmp string) error {
		for _, day := range slices.Sorted(maps.Keys(days)) {
			if _, err := time.Parse(journal.DateLayout, day); err != nil {
				return fmt.Errorf("a record's date %q is not YYYY-MM-DD", clip(day))
			}
			list := days[day]
			slices.SortStableFunc(list, func(a, b *journal.Record) int {
				return cmp.Or(cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)), a.Created.Compare(b.Created))
			})
			var buf bytes.Buffer
			writeDay(&buf, day, list)
			if err := os.WriteFile(filepath.Join(tmp, day+".md"), buf.Bytes(), 0o600); err != nil {
				return err
			}
			res.Files++
			for _, r := range list {
				res.Records++
				res.Counts[r.Kind]++
			}
		}
		return nil
	})
	if err != nil {
		return Exported{Path: dir}, err
	}
	return res, nil
}

func kindOrder(k journal.Kind) int { return slices.Index(importKinds, k) }

// writeDay renders one day's file.
func writeDay(b *bytes.Buffer, day string, list []*journal.Record) {
	var tags []string
	mood, moods, entryMoods := 0, 0, 0
	for _, r := range list {
		switch {
		case r.Entry != nil:
			tags = append(tags, r.Entry.Tags...)
			if r.Entry.Mood > 0 {
				moods += r.Entry.Mood
				entryMoods++
			}
		case r.CheckIn != nil && r.CheckIn.Mood > 0:
			mood = r.CheckIn.Mood
		}
	}
	if mood == 0 && entryMoods > 0 {
		mood = int(math.Round(float64(moods) / float64(entryMoods)))
	}
	tags = cleanTags(tags)
	fmt.Fprintf(b, "---\ndate: %s\n", day)
	if mood > 0 {
		fmt.Fprintf(b, "mood: %d\n", mood)
	}
	if len(tags) > 0 {
		fmt.Fprintf(b, "tags: %s\n", flowList(tags))
	}
	b.WriteString("---\n")
	for _, r := range list {
		m := marker{Kind: r.Kind, Created: r.Created}
		switch {
		case r.Entry != nil:
			m.Entry = &markerEntry{Title: r.Entry.Title, Tags: r.Entry.Tags, Mood: r.Entry.Mood, Starred: r.Entry.Starred}
		case r.Gratitude != nil:
			m.Gratitude = r.Gratitude
		case r.CheckIn != nil:
			m.CheckIn = r.CheckIn
		}
		b.WriteString("\n")
		writeMarker(b, m)
		switch {
		case r.Entry != nil:
			writeEntry(b, r)
		case r.Gratitude != nil:
			writeGratitude(b, r.Gratitude)
		case r.CheckIn != nil:
			writeCheckIn(b, r.CheckIn)
		}
	}
}

// writeMarker writes m as JSON in an HTML comment. JSON's HTML escaping
// turns '>' into \u003e, so nothing in it can end the comment early.
func writeMarker(b *bytes.Buffer, m marker) {
	j, err := json.Marshal(m)
	if err != nil {
		// Records hold strings, numbers, bools and times, which always
		// encode.
		panic(fmt.Sprintf("transfer: encode a record's fields: %v", err))
	}
	b.WriteString(markerPrefix)
	b.Write(j)
	b.WriteString(" -->\n")
}

func writeEntry(b *bytes.Buffer, r *journal.Record) {
	e := r.Entry
	head := oneLineText(e.Title)
	if head == "" {
		head = r.Created.Format("15:04")
	}
	if e.Starred {
		head += " ★"
	}
	fmt.Fprintf(b, "## %s\n\n", head)
	body := strings.TrimSpace(strings.ReplaceAll(e.Body, "\r\n", "\n"))
	for _, line := range strings.Split(body, "\n") {
		// A line that would read as the next record's comment is escaped.
		if strings.HasPrefix(line, markerPrefix) {
			b.WriteByte('\\')
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
}

func writeGratitude(b *bytes.Buffer, g *journal.Gratitude) {
	b.WriteString("## Gratitude\n\n")
	for i, it := range g.Items {
		fmt.Fprintf(b, "%d. %s", i+1, oneLineText(it.Text))
		if it.Why != "" {
			fmt.Fprintf(b, " — %s", oneLineText(it.Why))
		}
		b.WriteByte('\n')
	}
}

func writeCheckIn(b *bytes.Buffer, c *journal.CheckIn) {
	b.WriteString("## Check-in\n\n")
	item := func(label, value string) {
		if value = oneLineText(value); value != "" {
			fmt.Fprintf(b, "- %s: %s\n", label, value)
		}
	}
	if c.Mood > 0 {
		item("Mood", fmt.Sprintf("%d of 5", c.Mood))
	}
	item("Craving", fmt.Sprintf("%d of 10", c.Craving))
	if c.Lapse {
		item("Lapse", "yes")
	}
	item("Intention", c.Intention)
	item("Challenge", c.Challenge)
	item("Win", c.Win)
	var done []string
	if c.Mindful {
		done = append(done, "mindfulness")
	}
	if c.MovementMin > 0 {
		done = append(done, fmt.Sprintf("movement (%d min)", c.MovementMin))
	}
	if c.Connection {
		done = append(done, "connection")
	}
	if c.Learning {
		done = append(done, "learning")
	}
	if c.GratitudeSet {
		done = append(done, "gratitude")
	}
	item("Practices", strings.Join(done, ", "))
	if c.SleepHours > 0 {
		item("Sleep", strconv.FormatFloat(c.SleepHours, 'f', -1, 64)+" h")
	}
	item("Note", c.Note)
}

// oneLineText keeps a field that is shown on one Markdown line on one.
func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }

// flowList writes a YAML flow list of double-quoted strings (JSON strings
// are valid YAML ones).
func flowList(items []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		q, _ := json.Marshal(s)
		b.Write(q)
	}
	b.WriteByte(']')
	return b.String()
}

// JSONExport is the shape of the JSON export: every record, as in a
// backup's records.jsonl.
type JSONExport struct {
	App      string               `json:"app"`    // "Rewire"
	Format   int                  `json:"format"` // JSONFormat
	Exported time.Time            `json:"exported"`
	Counts   map[journal.Kind]int `json:"counts"`
	Records  []journal.Record     `json:"records"` // oldest day first
}

// JSONFormat is the version of [JSONExport] this code writes.
const JSONFormat = 1

// WriteJSON writes every record in recs as a [JSONExport] to w, one record
// a line, oldest day first. recs is not changed.
func WriteJSON(w io.Writer, recs []journal.Record, exported time.Time) error {
	order := make([]*journal.Record, len(recs))
	counts := map[journal.Kind]int{}
	for i := range recs {
		order[i] = &recs[i]
		counts[recs[i].Kind]++
	}
	slices.SortStableFunc(order, func(a, b *journal.Record) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), a.Created.Compare(b.Created), bytes.Compare(a.ID[:], b.ID[:]))
	})
	bw := bufio.NewWriter(w)
	head, err := json.Marshal(struct {
		App      string               `json:"app"`
		Format   int                  `json:"format"`
		Exported time.Time            `json:"exported"`
		Counts   map[journal.Kind]int `json:"counts"`
	}{"Rewire", JSONFormat, exported.Truncate(time.Second), counts})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	// The header's fields, then the records one a line: still one JSON
	// object, but one a person can read and diff.
	bw.Write(head[:len(head)-1])
	bw.WriteString(`,"records":[`)
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	for i, r := range order {
		line.Reset()
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("export: record %s: %w", r.ID, err)
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		bw.Write(bytes.TrimSuffix(line.Bytes(), []byte("\n")))
	}
	bw.WriteString("\n]}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// ExportJSON writes every record in recs to the file path as a
// [JSONExport]. The file is written beside path under a temporary name,
// synced and renamed, and never over an existing file (ErrExists). It is
// plaintext, readable only by the user (0600).
func ExportJSON(path string, recs []journal.Record, exported time.Time) (Exported, error) {
	if _, err := os.Lstat(path); err == nil {
		return Exported{}, fmt.Errorf("%w: %s", ErrExists, path)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Exported{}, fmt.Errorf("export: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return Exported{}, fmt.Errorf("export: %w", err)
	}
	defer func() {
		if tmp != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := WriteJSON(tmp, recs, exported); err != nil {
		return Exported{}, err
	}
	if err := tmp.Sync(); err != nil {
		return Exported{}, fmt.Errorf("export: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return Exported{}, fmt.Errorf("export: %w", err)
	}
	if _, err := os.Lstat(path); err == nil {
		return Exported{}, fmt.Errorf("%w: %s", ErrExists, path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return Exported{}, fmt.Errorf("export: %w", err)
	}
	tmp = nil
	res := Exported{Path: path, Files: 1, Records: len(recs), Counts: map[journal.Kind]int{}}
	for _, r := range recs {
		res.Counts[r.Kind]++
	}
	return res, nil
}

// intoNewDir runs fill on a new temporary folder beside dir, then renames
// it to dir. dir must not exist, or be an empty folder (which is replaced).
// On any failure the temporary folder is removed and dir is untouched.
func intoNewDir(dir string, fill func(tmp string) error) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%w: %s is not empty", ErrExists, dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		if info, serr := os.Stat(dir); serr == nil && !info.IsDir() {
			return fmt.Errorf("%w: %s is a file", ErrExists, dir)
		}
		return fmt.Errorf("export: %w", err)
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".tmp-*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := fill(tmp); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("export: %w", err)
	}
	// An empty folder at dir is replaced; one that gained files meanwhile
	// is not (Remove fails on it).
	if err := os.Remove(dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		os.RemoveAll(tmp)
		return fmt.Errorf("%w: %s", ErrExists, dir)
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
