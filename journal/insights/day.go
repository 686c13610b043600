package insights

import (
	"fmt"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// Day is a civil date, counted in days since 1970-01-01. Arithmetic on it
// is plain integer arithmetic, so a day is always one day long, whatever
// the clocks did.
type Day int32

// ParseDay parses a YYYY-MM-DD date.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse(journal.DateLayout, s)
	if err != nil {
		return 0, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	return Day(t.Unix() / 86400), nil
}

// DayOf returns the civil date of t in t's own location.
func DayOf(t time.Time) Day {
	y, m, d := t.Date()
	return Day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time returns midnight of d in UTC.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// In returns midnight of d in loc.
func (d Day) In(loc *time.Location) time.Time {
	y, m, dd := d.Time().Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

// String returns d as YYYY-MM-DD.
func (d Day) String() string { return d.Time().Format(journal.DateLayout) }

// Weekday returns d's day of the week.
func (d Day) Weekday() time.Weekday { return d.Time().Weekday() }

// WeekStart returns the Monday of d's week (weeks run Monday to Sunday, as
// in ISO 8601 and in Sweden and Ukraine).
func (d Day) WeekStart() Day {
	return d - Day((int(d.Weekday())+6)%7)
}

// Range is an inclusive span of days.
type Range struct {
	From, To Day
}

// Last returns the n days ending with now's date in now's location: n = 30
// is "the last 30 days", today included.
func Last(now time.Time, n int) Range {
	to := DayOf(now)
	return Range{From: to - Day(max(n, 1)-1), To: to}
}

// ParseRange parses two YYYY-MM-DD dates; From must not be after To.
func ParseRange(from, to string) (Range, error) {
	f, err := ParseDay(from)
	if err != nil {
		return Range{}, err
	}
	t, err := ParseDay(to)
	if err != nil {
		return Range{}, err
	}
	if f > t {
		return Range{}, fmt.Errorf("the range starts (%s) after it ends (%s)", from, to)
	}
	return Range{f, t}, nil
}

// Days returns how many days r spans.
func (r Range) Days() int { return int(r.To-r.From) + 1 }

// Contains reports whether d is in r.
func (r Range) Contains(d Day) bool { return d >= r.From && d <= r.To }

// Filter returns the [journal.Filter] dates of r.
func (r Range) Filter() journal.Filter {
	return journal.Filter{From: r.From.String(), To: r.To.String()}
}

// String returns "FROM – TO".
func (r Range) String() string { return r.From.String() + " – " + r.To.String() }
