package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// The pure logic behind the Today screen: milestones, the prompt of the
// day, "on this day" and which practices are done. No widgets here.

// milestoneDays are the recovery days worth a word; after the first year,
// every further year is one too.
var milestoneDays = []int{1, 7, 30, 60, 90, 180, 365}

// milestone returns the translation key of the kind message for day number
// days of recovery (as "Day N" shows it: the start date is day 1), and false
// on ordinary days. Every 365 days from the second year on is
// "today.milestone.years", shown with the number of years.
func milestone(days int) (key string, ok bool) {
	switch {
	case days > 365 && days%365 == 0:
		return "today.milestone.years", true
	}
	for _, d := range milestoneDays {
		if days == d {
			return "today.milestone." + strconv.Itoa(d), true
		}
	}
	return "", false
}

// promptIndex picks the writing prompt of day t out of n: the same all day,
// another tomorrow, every prompt once in n days.
func promptIndex(t time.Time, n int) int {
	if n <= 0 {
		return 0
	}
	y, m, d := t.Date()
	days := time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Unix() / 86400
	return int(((days % int64(n)) + int64(n)) % int64(n))
}

// onThisDay reports whether a record dated date (YYYY-MM-DD) belongs in
// today's "On this day": the same day of the month in the eleven months
// before, or the same date in any earlier year. On 28 February of a
// year without a 29th, the 29ths of earlier leap years count too, so they
// are not hidden for three years in four.
func onThisDay(today time.Time, date string) bool {
	d, err := time.Parse(journal.DateLayout, date)
	if err != nil {
		return false
	}
	ty, tm, td := today.Date()
	ry, rm, rd := d.Date()
	monthsBack := (ty-ry)*12 + int(tm) - int(rm)
	switch {
	case monthsBack <= 0:
		return false
	case rd == td && (monthsBack < 12 || rm == tm):
		return true
	case tm == time.February && td == 28 && !isLeap(ty) && rm == time.February && rd == 29:
		return true
	}
	return false
}

// onThisDayDates lists the dates [onThisDay] accepts, newest first, back to
// years before today: Today asks for each date's entries instead of reading
// every entry the vault holds.
func onThisDayDates(today time.Time, years int) []string {
	ty, tm, td := today.Date()
	var out []string
	add := func(y int, m time.Month, d int) {
		t := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
		if t.Day() == d { // not a 31st in a 30-day month
			out = append(out, t.Format(journal.DateLayout))
		}
	}
	feb29 := tm == time.February && td == 28 && !isLeap(ty)
	for back := 1; back < 12; back++ {
		m := time.Date(ty, tm-time.Month(back), 1, 12, 0, 0, 0, time.UTC)
		add(m.Year(), m.Month(), td)
	}
	for y := ty - 1; y >= ty-years; y-- {
		if feb29 && isLeap(y) {
			add(y, time.February, 29)
		}
		add(y, tm, td)
	}
	return out
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// memoryLine is what a list shows of an entry: its title, or else the first
// non-empty line of its body.
func memoryLine(e *journal.Entry) string {
	if e == nil {
		return ""
	}
	if t := strings.TrimSpace(e.Title); t != "" {
		return t
	}
	for line := range strings.SplitSeq(e.Body, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// practice is one of the day's rewiring practices.
type practice int

const (
	practiceMindful practice = iota
	practiceMovement
	practiceConnection
	practiceLearning
	practiceGratitude
	practiceSleep
	practiceCount
)

// Thresholds for a practice to count as done.
const (
	mindfulSeconds = 10 * 60
	movementMin    = 20
	sleepHours     = 7
)

// practiceState says whether a practice is done today and whether the app
// knows it from other records (then it is not the user's tick to undo).
type practiceState struct {
	Done  bool
	Known bool
}

// practicesDone works out the day's practices from its check-in (nil if
// none), gratitude (nil if none) and the breathing and meditation sessions
// of that day.
func practicesDone(c *journal.CheckIn, g *journal.Gratitude, sessions []journal.PracticeSession) [practiceCount]practiceState {
	var st [practiceCount]practiceState
	secs := 0
	for _, s := range sessions {
		if s.Practice == "meditation" || s.Practice == "breathing" {
			secs += s.Seconds
		}
	}
	if secs >= mindfulSeconds {
		st[practiceMindful] = practiceState{Done: true, Known: true}
	}
	if g != nil {
		n := 0
		for _, it := range g.Items {
			if strings.TrimSpace(it.Text) != "" {
				n++
			}
		}
		if n >= 3 {
			st[practiceGratitude] = practiceState{Done: true, Known: true}
		}
	}
	if c != nil {
		st[practiceMindful].Done = st[practiceMindful].Done || c.Mindful
		st[practiceGratitude].Done = st[practiceGratitude].Done || c.GratitudeSet
		st[practiceMovement].Done = c.MovementMin >= movementMin
		st[practiceConnection].Done = c.Connection
		st[practiceLearning].Done = c.Learning
		st[practiceSleep].Done = c.SleepHours >= sleepHours
	}
	return st
}

// tickPractice records a hand tick (or untick) of p in c. Movement and
// sleep are numbers: a tick raises them to the threshold, an untick clears
// them only if they counted as done.
func tickPractice(c *journal.CheckIn, p practice, done bool) {
	switch p {
	case practiceMindful:
		c.Mindful = done
	case practiceMovement:
		if done && c.MovementMin < movementMin {
			c.MovementMin = movementMin
		} else if !done && c.MovementMin >= movementMin {
			c.MovementMin = 0
		}
	case practiceConnection:
		c.Connection = done
	case practiceLearning:
		c.Learning = done
	case practiceGratitude:
		c.GratitudeSet = done
	case practiceSleep:
		if done && c.SleepHours < sleepHours {
			c.SleepHours = sleepHours
		} else if !done && c.SleepHours >= sleepHours {
			c.SleepHours = 0
		}
	}
}
