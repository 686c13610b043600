package practice

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

func TestAMeditationPresetSurvivesBeingSaved(t *testing.T) {
	for _, p := range []MeditationPreset{
		DefaultMeditation(),
		{Name: "Evening sit", Duration: 25 * time.Minute, WarmUp: 30 * time.Second,
			StartBell: "bowl", EndBell: "chime", IntervalBell: "wood", Interval: 5 * time.Minute},
		{Name: "Open", StartBell: NoBell, EndBell: "bell", IntervalBell: NoBell},
	} {
		t.Run(p.Name+" keeps its timings and bells", func(t *testing.T) {
			rec := &journal.Record{Kind: journal.KindMedPreset, Date: "2026-03-01", MedPreset: new(PresetRecord(p, 3))}
			if err := rec.Validate(); err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(rec)
			if err != nil {
				t.Fatal(err)
			}
			var back journal.Record
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if back.MedPreset.SortOrder != 3 {
				t.Errorf("order %d, want 3", back.MedPreset.SortOrder)
			}
			if got := PresetFromRecord(*back.MedPreset); got != p {
				t.Errorf("read back %+v, want %+v", got, p)
			}
		})
	}
}

func TestAnOldPresetRecordWithoutBellsRingsTheDefault(t *testing.T) {
	got := PresetFromRecord(journal.MeditationPreset{Name: "Old", Seconds: 600})
	if got.StartBell != DefaultBell || got.EndBell != DefaultBell || got.IntervalBell != NoBell {
		t.Errorf("bells %q %q %q, want the default bell at start and end and no interval bell", got.StartBell, got.EndBell, got.IntervalBell)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("the old preset is not usable: %v", err)
	}
}

func TestAPresetRecordOutOfRangeIsStillReportedByValidate(t *testing.T) {
	got := PresetFromRecord(journal.MeditationPreset{Name: "Too long", Seconds: 4 * 3600, StartBell: "bell", EndBell: "bell"})
	if err := got.Validate(); err == nil {
		t.Error("a four-hour preset read from a record passed validation")
	}
}
