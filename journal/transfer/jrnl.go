package transfer

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// jrnlExport is the shape of `jrnl --format json` (jrnl 2.x to 4.x; older
// versions call it --export json): the tag counts, then the entries with
// the local date and time apart. Entries may also carry a "uuid" and a
// "creator" object (from Day One imports), which Rewire does not need.
type jrnlExport struct {
	Tags    map[string]int `json:"tags"`
	Entries []struct {
		Title   string   `json:"title"`
		Body    string   `json:"body"`
		Date    *string  `json:"date"` // 2006-01-02
		Time    string   `json:"time"` // 15:04
		Tags    []string `json:"tags"` // with their @ or #
		Starred bool     `json:"starred"`
	} `json:"entries"`
}

// ParseJrnl reads jrnl's JSON export. jrnl keeps local times without a
// zone, so they are read in loc (the user's zone). Tags lose jrnl's @ or #.
// An entry whose date cannot be read is skipped and named in
// [Parsed.Skipped].
func ParseJrnl(r io.Reader, loc *time.Location) (*Parsed, error) {
	data, err := readAllLimited(r)
	if err != nil {
		return nil, fmt.Errorf("read jrnl export: %w", err)
	}
	var x jrnlExport
	if err := json.Unmarshal(data, &x); err != nil || x.Entries == nil {
		return nil, fmt.Errorf("%w: not a jrnl JSON export (want an object with \"entries\", from jrnl --format json)", ErrFormat)
	}
	p := &Parsed{Format: Jrnl}
	dated := 0
	for i, e := range x.Entries {
		if e.Date == nil {
			p.Skipped = append(p.Skipped, Skip{Where: Where{Entry: i + 1}, Reason: SkipNoDate})
			continue
		}
		dated++
		clock := e.Time
		if clock == "" {
			clock = "00:00"
		}
		at, err := time.ParseInLocation("2006-01-02 15:04", *e.Date+" "+clock, loc)
		if err != nil {
			p.Skipped = append(p.Skipped, Skip{Where: Where{Entry: i + 1}, Reason: SkipBadJrnlDate, Value: strings.TrimSpace(clip(*e.Date) + " " + clip(e.Time))})
			continue
		}
		p.keepValid(Where{Entry: i + 1, At: at.Format(messageTime)}, newEntry(at, at, e.Title, e.Body, e.Tags, e.Starred))
	}
	if dated == 0 && len(x.Entries) > 0 {
		// Entries without jrnl's "date": another program's JSON (Day
		// One's has "entries" too).
		return nil, fmt.Errorf("%w: not a jrnl JSON export (its entries have no \"date\")", ErrFormat)
	}
	sortRecords(p.Records)
	return p, nil
}

// messageTime shows an entry's time in messages.
const messageTime = "2006-01-02 15:04"
