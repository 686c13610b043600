package backup

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

func TestRotationOverTwoYears(t *testing.T) {
	stockholm, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		t.Skipf("no time zone data: %v", err)
	}
	start := time.Date(2026, 11, 25, 10, 0, 0, 0, stockholm) // a Wednesday
	end := time.Date(2028, 11, 24, 10, 0, 0, 0, stockholm)   // a Friday, two years on
	every := func(d time.Duration) func(time.Time) time.Time {
		return func(t time.Time) time.Time { return t.Add(d) }
	}
	daily := func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	for _, tc := range []struct {
		name  string
		keep  Keep
		first time.Time
		next  func(time.Time) time.Time // the next backup's time
		want  []string                  // local dates (or date and hour) of the backups left
	}{
		{
			name: "daily backups keep the last 7 days, 4 weeks and 12 months", keep: DefaultKeep, first: start, next: daily,
			want: []string{
				"2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30", "2028-05-31", "2028-06-30",
				"2028-07-31", "2028-08-31", "2028-09-30", "2028-10-31", // monthly
				"2028-11-05", "2028-11-12", // weekly (Sundays)
				"2028-11-18", "2028-11-19", "2028-11-20", "2028-11-21", "2028-11-22", "2028-11-23", "2028-11-24", // daily
			},
		},
		{
			name: "backups every 8 hours keep the newest of each day", keep: Keep{Daily: 3}, first: start, next: every(8 * time.Hour),
			// 2028-11-24 10:00 is the last; that day also had 02:00; the
			// day before ends at 18:00.
			want: []string{"2028-11-22 18", "2028-11-23 18", "2028-11-24 10"},
		},
		{
			name: "weekly backups fill weeks and months, not days", keep: DefaultKeep, first: start, next: func(t time.Time) time.Time { return t.AddDate(0, 0, 7) },
			// Wednesdays: the 7 newest are the daily ones and cover the
			// weekly; the monthly are each month's last, a year back.
			want: []string{
				"2027-12-29", "2028-01-26", "2028-02-23", "2028-03-29", "2028-04-26", "2028-05-31", "2028-06-28",
				"2028-07-26", "2028-08-30", "2028-09-27",
				"2028-10-11", "2028-10-18", "2028-10-25", "2028-11-01", "2028-11-08", "2028-11-15", "2028-11-22",
			},
		},
		{
			name: "a long pause keeps the old backups", keep: DefaultKeep, first: start,
			next: func(t time.Time) time.Time {
				if t.Before(start.AddDate(0, 0, 9)) {
					return t.AddDate(0, 0, 1)
				}
				if t.Before(end) {
					return end // nothing for two years, then one more
				}
				return end.AddDate(0, 0, 1)
			},
			// The 7 daily are the 7 newest backup days; the ten days
			// before the pause span two ISO weeks and two months.
			want: []string{"2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2028-11-24"},
		},
		{
			name: "keeping only daily backups", keep: Keep{Daily: 2}, first: start, next: daily,
			want: []string{"2028-11-23", "2028-11-24"},
		},
		{
			name: "keeping nothing still keeps the newest", keep: Keep{Daily: 0, Weekly: 0, Monthly: 0}, first: start, next: daily,
			want: []string{"2028-11-24"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			vid := journal.ID{0xab, 0xcd, 0xef, 0x01}
			others := []string{
				Name(vid, start, ByPassphrase),                     // a manual backup of this vault
				Name(journal.ID{1, 2, 3, 4}, start, ByRecoveryKit), // another vault's
				"rewire-abcdef01-notatime.age", "holiday.jpg",
			}
			for _, n := range others {
				touch(t, filepath.Join(dir, n))
			}
			for now := tc.first; !now.After(end); now = tc.next(now) {
				touch(t, filepath.Join(dir, Name(vid, now, ByRecoveryKit)))
				if _, err := Rotate(dir, vid, tc.keep, now); err != nil {
					t.Fatal(err)
				}
			}
			files, err := List(dir, vid)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range files {
				if f.Protection != ByRecoveryKit {
					continue
				}
				local := f.Created.In(stockholm)
				if strings.Contains(tc.want[0], " ") {
					got = append(got, local.Format("2006-01-02 15"))
				} else {
					got = append(got, local.Format("2006-01-02"))
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("kept %d:\n%v\nwant %d:\n%v", len(got), got, len(tc.want), tc.want)
			}
			for _, n := range others {
				if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
					t.Errorf("rotation touched %s: %v", n, err)
				}
			}
		})
	}
}

func TestKeepSelectTakesAnyOrder(t *testing.T) {
	base := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	times := []time.Time{base.AddDate(0, 0, 2), base, base.AddDate(0, 0, 1), base.Add(time.Hour)}
	got := Keep{Daily: 2}.Select(times, time.UTC)
	if want := []bool{true, false, true, false}; !slices.Equal(got, want) {
		t.Fatalf("Select = %v, want %v", got, want)
	}
}

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
}
