package practice

import "time"

// t0 is the fake clock's start; tests pass plain times, never sleep.
var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// at is t0 plus d.
func at(d time.Duration) time.Time { return t0.Add(d) }

// s is seconds as a duration, for tables that read as timings.
func s(x float64) time.Duration { return time.Duration(x * float64(time.Second)) }
