// Package report makes the report a user can hand to a counsellor: a PDF
// with the charts of [charts] and tables of the chosen records, and a CSV
// of the day-by-day numbers. It writes to an [io.Writer] and stores
// nothing itself; the caller picks where the bytes go and must tell the
// user the file is not encrypted. It knows nothing of Fyne, so the app and
// `rewire-cli report` share it; callers pass the translated words ([Text]).
//
// Only what the [Request] asks for goes in: check-ins, the urge log,
// practices, and journal entries only when each was ticked by id. Text is
// set in Liberation Sans (SIL Open Font License), embedded, which covers
// Swedish and Ukrainian.
package report
