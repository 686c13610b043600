package backup

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// Keep is how many automatic backups rotation keeps: the newest backup of
// each of the last Daily days that have one, of the last Weekly ISO weeks
// and of the last Monthly months (a backup may count for all three). The
// newest backup is always kept. Counting days that have a backup, rather
// than calendar days, means a long pause in backing up never rotates the
// old backups away.
type Keep struct {
	Daily, Weekly, Monthly int
}

// DefaultKeep keeps 7 daily, 4 weekly and 12 monthly backups.
var DefaultKeep = Keep{Daily: 7, Weekly: 4, Monthly: 12}

// Select reports which of the backups made at times to keep, bucketing
// days, weeks and months in loc. times may be in any order; the result is
// in the same order.
func (k Keep) Select(times []time.Time, loc *time.Location) []bool {
	keep := make([]bool, len(times))
	order := make([]int, len(times))
	for i := range order {
		order[i] = i
	}
	// Newest first; equal times keep their order.
	slices.SortStableFunc(order, func(a, b int) int { return times[b].Compare(times[a]) })
	rules := []struct {
		left   int
		bucket func(time.Time) int
		last   int
	}{
		{k.Daily, func(t time.Time) int { y, m, d := t.Date(); return y*10000 + int(m)*100 + d }, -1},
		{k.Weekly, func(t time.Time) int { y, w := t.ISOWeek(); return y*100 + w }, -1},
		{k.Monthly, func(t time.Time) int { y, m, _ := t.Date(); return y*100 + int(m) }, -1},
	}
	for n, i := range order {
		t := times[i].In(loc)
		if n == 0 {
			keep[i] = true
		}
		for r := range rules {
			rule := &rules[r]
			if b := rule.bucket(t); rule.left > 0 && b != rule.last {
				keep[i] = true
				rule.last = b
				rule.left--
			}
		}
	}
	return keep
}

// Rotate removes the automatic backups of vault in dir that k does not
// keep, bucketing in now's time zone, and returns their paths. Manual
// backups and other files are never removed. It goes on past a file it
// cannot remove and reports all such failures together.
func Rotate(dir string, vault journal.ID, k Keep, now time.Time) ([]string, error) {
	files, err := List(dir, vault)
	if err != nil {
		return nil, err
	}
	var auto []File
	for _, f := range files {
		if f.Protection == ByRecoveryKit {
			auto = append(auto, f)
		}
	}
	times := make([]time.Time, len(auto))
	for i, f := range auto {
		times[i] = f.Created
	}
	var removed []string
	var errs []error
	for i, keep := range k.Select(times, now.Location()) {
		if keep {
			continue
		}
		if err := os.Remove(auto[i].Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, auto[i].Path)
	}
	if len(errs) > 0 {
		return removed, fmt.Errorf("rotate backups: %w", errors.Join(errs...))
	}
	return removed, nil
}
