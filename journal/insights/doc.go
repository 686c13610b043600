// Package insights computes the figures the Insights screen, the report and
// `rewire-cli stats` show: mood over time with a weekly rolling mean,
// craving and urge episodes per week, the urge waves and their personal
// figures, practice minutes per day, gratitude days, a calendar of days
// with any practice, sleep hours, the compassionate "days practised in the
// last 30" and lapses logged.
//
// Everything is computed in memory from decrypted records and returned as
// plain values; nothing here stores, logs or draws anything. Days are civil
// dates (the [journal.Record.Date] each record carries, in the user's own
// zone at the time), so time zones and daylight-saving changes never move a
// record to another day; only elapsed times within an urge episode are
// measured in absolute time. Pure Go, no cgo.
package insights
