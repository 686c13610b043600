// Package reminder schedules Rewire's optional daily reminders — a morning
// intention, evening gratitude and check-in, a meditation time — as a plain
// state machine over wall-clock times in the user's time zone.
//
// A [Schedule] never reads a clock, starts a goroutine or shows anything:
// the app calls [Schedule.Tick] with the current time (every few seconds,
// and again after the machine wakes from sleep) and shows what it returns.
// Tests drive it with plain [time.Time] values.
//
// The rules, each covered by a test:
//
//   - A reminder fires once a day at its time in the schedule's location,
//     however the offset from UTC changes.
//   - A time that does not exist on a day (02:30 when clocks spring forward
//     from 02:00 to 03:00) fires at the first instant after the gap
//     (03:00). A time that exists twice (02:30 when clocks fall back from
//     03:00 to 02:00) fires at its first occurrence only.
//   - A time that had already passed when the schedule was made does not
//     fire that day: starting the app at noon does not bring up the
//     morning reminder.
//   - After a gap in ticks (the machine slept, the app was busy) a missed
//     reminder fires once if it is at most [MaxLate] overdue, and never
//     once per missed day. A Tick returns at most one reminder; others due
//     at the same moment are dropped, so waking up never brings a burst.
//   - A reminder overdue by more than [MaxLate] is skipped: an evening
//     reminder is no use the next morning.
//   - Disabled reminders never fire. A clock set back does not fire an
//     occurrence that already fired.
//
// Reminders carry only their [Kind]; the text shown is the app's, fixed per
// kind, and never anything from the journal. The package is pure Go and
// imports nothing of Rewire's.
package reminder
