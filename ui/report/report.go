package report

import (
	"cmp"
	"errors"
	"slices"
	"time"

	"github.com/rewirejournal/rewire/journal"
	"github.com/rewirejournal/rewire/journal/insights"
)

// Contents says what goes in a report.
type Contents struct {
	CheckIns  bool // mood, craving, sleep and the check-in table
	Urges     bool // the urge figures, waves and log
	Practices bool // practice minutes, gratitude and the calendar
	// Entries are the journal entries to include, each ticked by the
	// user; none when empty.
	Entries []journal.ID
}

// Request is one report to make.
type Request struct {
	Range    insights.Range
	Contents Contents
	// Made is when the report is made, printed on it and used as the PDF's
	// date (so a test gives the same bytes).
	Made time.Time
}

// ErrNothingChosen: a request with no contents.
var ErrNothingChosen = errors.New("choose at least one thing to put in the report")

// Kinds are the kinds of record a report may need; callers list these
// (over the range, and StreakDays before it) and pass them in.
var Kinds = insights.Kinds

// data is what a report is made from.
type data struct {
	req      Request
	in       *insights.Insights
	checkIns []journal.Record // oldest first
	urges    []journal.Record
	entries  []journal.Record
}

func prepare(recs []journal.Record, req Request) (*data, error) {
	c := req.Contents
	if !c.CheckIns && !c.Urges && !c.Practices && len(c.Entries) == 0 {
		return nil, ErrNothingChosen
	}
	d := &data{req: req, in: insights.Compute(recs, req.Range)}
	for _, r := range recs {
		day, err := insights.ParseDay(r.Date)
		if err != nil || !req.Range.Contains(day) {
			continue
		}
		switch {
		case r.CheckIn != nil && c.CheckIns:
			d.checkIns = append(d.checkIns, r)
		case r.Urge != nil && c.Urges:
			d.urges = append(d.urges, r)
		case r.Entry != nil && slices.Contains(c.Entries, r.ID):
			d.entries = append(d.entries, r)
		}
	}
	for _, l := range [][]journal.Record{d.checkIns, d.urges, d.entries} {
		slices.SortStableFunc(l, func(a, b journal.Record) int {
			if c := cmp.Compare(a.Date, b.Date); c != 0 {
				return c
			}
			return a.Created.Compare(b.Created)
		})
	}
	return d, nil
}
