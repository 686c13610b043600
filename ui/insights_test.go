package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// insightsApp is an unlocked app on the Insights screen over records; the
// clock says 2026-11-25.
func insightsApp(t *testing.T, recs ...journal.Record) (*App, *fakeJournal, *insightsScreen) {
	t.Helper()
	a, j, _ := unlockedTestApp(t)
	for i := range recs {
		r := recs[i]
		if err := j.Save(&r); err != nil {
			t.Fatal(err)
		}
	}
	a.ShowScreen(screenInsights)
	s := a.shell.screens[screenInsights].(*insightsScreen)
	if s.in == nil {
		t.Fatal("the insights were not computed")
	}
	return a, j, s
}

func ciRec(date string, c journal.CheckIn) journal.Record {
	return journal.Record{Kind: journal.KindCheckIn, Date: date, CheckIn: &c}
}

func urgeRec(date string, acted bool, triggers ...string) journal.Record {
	start := time.Date(2026, 11, 20, 18, 0, 0, 0, time.Local)
	return journal.Record{Kind: journal.KindUrge, Date: date, Urge: &journal.UrgeEpisode{
		Started: start, Ended: start.Add(10 * time.Minute), Finished: true, ActedOn: acted, Triggers: triggers,
		Samples: []journal.UrgeSample{{At: start, Rating: 6}, {At: start.Add(4 * time.Minute), Rating: 9}, {At: start.Add(8 * time.Minute), Rating: 3}},
	}}
}

func someRecords() []journal.Record {
	return []journal.Record{
		ciRec("2026-11-20", journal.CheckIn{Mood: 3, Craving: 6, SleepHours: 7, MovementMin: 20}),
		ciRec("2026-11-22", journal.CheckIn{Mood: 4, Craving: 3, Lapse: true, Mindful: true}),
		ciRec("2026-09-20", journal.CheckIn{Mood: 2, Craving: 8}), // only in 90 days
		urgeRec("2026-11-20", false, "people"),
		urgeRec("2026-11-21", true, "places"),
		{Kind: journal.KindSession, Date: "2026-11-21", Session: &journal.PracticeSession{Practice: "breathing", Seconds: 300}},
		{Kind: journal.KindGratitude, Date: "2026-11-21", Gratitude: &journal.Gratitude{Items: []journal.GratitudeItem{{Text: "tea"}}}},
		{Kind: journal.KindEntry, Date: "2026-11-23", Entry: &journal.Entry{Title: "A calm day", Body: "Walked by the sea."}},
	}
}

func hasText(a *App, sub string) bool {
	return slices.ContainsFunc(texts(a), func(s string) bool { return strings.Contains(s, sub) })
}

func TestInsightsOfAnEmptyVaultSayWhatToDo(t *testing.T) {
	a, _, s := insightsApp(t)
	if len(s.charts) != 0 {
		t.Errorf("an empty vault drew charts: %v", s.charts)
	}
	for _, name := range []string{"all", "mood", "weekly", "waves", "practice", "gratitude", "calendar", "sleep"} {
		if s.empty[name] == nil {
			t.Errorf("no friendly note for %s", name)
		}
	}
	for _, want := range []string{"Nothing to show yet", "daily check-in", "urge surfing from Today", "three good things tonight"} {
		if !hasText(a, want) {
			t.Errorf("the empty screen does not say %q", want)
		}
	}
}

func TestInsightsShowChartsForTheChosenRange(t *testing.T) {
	a, _, s := insightsApp(t, someRecords()...)
	for _, name := range []string{"mood", "weekly", "waves", "practice", "gratitude", "calendar", "sleep"} {
		r := s.charts[name]
		if r == nil {
			t.Errorf("no %s chart", name)
			continue
		}
		img := r.Generator(400, 150)
		if b := img.Bounds(); b.Dx() != 400 || b.Dy() != 150 {
			t.Errorf("%s drew %v for 400×150", name, b)
		}
	}
	if s.in.Range.Days() != 30 || s.in.CheckIns != 2 {
		t.Errorf("30 days: %s, %d check-ins", s.in.Range, s.in.CheckIns)
	}
	if !hasText(a, "Lapses logged in this period: 1. A lapse is information, not failure") {
		t.Error("the lapse is not shown as information")
	}
	if hasText(a, "Days practised in the last 30") {
		t.Error("the practice count shows though it is off by default")
	}
	if !hasText(a, "Median time to peak") || !hasText(a, "4 min") {
		t.Error("the urge figures are missing")
	}
	a.win.Canvas().Capture() // draws every chart at its real size

	s.ranges.SetSelected(rangeNames()[range90])
	if s.in.Range.Days() != 90 || s.in.CheckIns != 3 {
		t.Errorf("90 days: %s, %d check-ins", s.in.Range, s.in.CheckIns)
	}
	s.ranges.SetSelected(rangeNames()[rangeAll])
	if got := s.in.Range.From.String(); got != "2026-09-20" {
		t.Errorf("all starts %s, want the first record's day", got)
	}
}

func TestInsightsWavesByTrigger(t *testing.T) {
	a, _, s := insightsApp(t, someRecords()...)
	if !hasText(a, "1 / 2 (50%)") {
		t.Error("all triggers: want 1 of 2 ridden out")
	}
	s.trigger.SetSelected("places")
	if !hasText(a, "0 / 1 (0%)") || !hasText(a, "places (1)") || hasText(a, "people (1)") {
		t.Errorf("places only: figures are %v", texts(a))
	}
}

func TestDaysPractisedIsOptional(t *testing.T) {
	a, j, s := insightsApp(t, someRecords()...)
	if s.practised.Checked {
		t.Fatal("the practice count is on by default")
	}
	s.practised.SetChecked(true)
	if !hasText(a, "Days practised in the last 30") || !hasText(a, "3 / 30") {
		t.Error("the practice count did not appear: want 3 / 30 (20 Nov movement and an urge surfed, 21 Nov breathing and gratitude, 22 Nov mindfulness)")
	}
	var saved bool
	for _, r := range j.records {
		if r.Settings != nil && r.Settings.ShowPractised {
			saved = true
		}
	}
	if !saved {
		t.Error("the choice was not saved in the vault's settings")
	}
}

func TestInsightsDropAStaleResult(t *testing.T) {
	a, _, s := insightsApp(t, someRecords()...)
	var queued []func()
	a.opts.Run = func(work func()) { queued = append(queued, work) }
	s.ranges.SetSelected(rangeNames()[rangeYear])
	s.ranges.SetSelected(rangeNames()[range90])
	if len(queued) != 2 || !s.status.Visible() {
		t.Fatalf("%d loads queued; status shown %v", len(queued), s.status.Visible())
	}
	queued[1]()
	queued[0]() // the year, finishing last, is dropped
	if s.in.Range.Days() != 90 {
		t.Errorf("showing %d days, want the 90 asked for last", s.in.Range.Days())
	}
}
