package practice

import (
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// PresetFromRecord turns a saved meditation preset into the one a sit runs
// with. Empty bell names (a record written before bells were chosen) are
// read as [DefaultBell]; nothing else is changed or checked, so
// [MeditationPreset.Validate] still tells whether the record is usable.
func PresetFromRecord(r journal.MeditationPreset) MeditationPreset {
	bell := func(b string) string {
		if b == "" {
			return DefaultBell
		}
		return b
	}
	p := MeditationPreset{
		Name:         r.Name,
		Duration:     time.Duration(r.Seconds) * time.Second,
		WarmUp:       time.Duration(r.WarmUpSeconds) * time.Second,
		StartBell:    bell(r.StartBell),
		EndBell:      bell(r.EndBell),
		IntervalBell: bell(r.IntervalBell),
		Interval:     time.Duration(r.IntervalMinutes) * time.Minute,
	}
	if r.IntervalMinutes == 0 && r.IntervalBell == "" {
		p.IntervalBell = NoBell
	}
	return p
}

// PresetRecord is p as a record payload to save, at position order in the
// user's list. Timings are stored in whole seconds and minutes, which is
// what [MeditationPreset.Validate] accepts.
func PresetRecord(p MeditationPreset, order int) journal.MeditationPreset {
	return journal.MeditationPreset{
		Name:            strings.TrimSpace(p.Name),
		Seconds:         int(p.Duration / time.Second),
		WarmUpSeconds:   int(p.WarmUp / time.Second),
		StartBell:       p.StartBell,
		EndBell:         p.EndBell,
		IntervalBell:    p.IntervalBell,
		IntervalMinutes: int(p.Interval / time.Minute),
		SortOrder:       order,
	}
}
