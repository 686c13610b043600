package report

import (
	"github.com/rewirejournal/rewire/journal/insights"
	"github.com/rewirejournal/rewire/ui/charts"
)

// Text is the words of a report, translated by the caller. Templates take
// fmt verbs as noted.
type Text struct {
	Charts charts.Text
	// Date formats a day in full; nil gives YYYY-MM-DD.
	Date func(insights.Day) string

	Title      string // "Rewire report"
	Period     string // "%s – %s": first and last day
	Made       string // "Made on %s": the day it was made
	NotEncrypt string // the warning on every page's foot
	Page       string // "Page %d of %s"
	Intro      string // a sentence on what the report is

	Summary                   string
	DaysCheckedIn, DaysLogged string // "Days with a check-in", "Days practised"
	MeanMood, MeanCraving     string
	MeanSleep                 string
	Episodes, Surfed          string
	MedianToPeak, MedianDur   string
	TopTriggers, TopHALT      string
	Lapses                    string // "Lapses logged"
	LapseNote                 string // that lapses are information, not failure
	None                      string // "none", for an empty figure

	// Section headings.
	MoodHead, WeeklyHead, SleepHead string
	CheckInsHead                    string
	UrgesHead, WavesHead            string
	PracticeHead, GratitudeHead     string
	CalendarHead, CalendarNote      string
	EntriesHead                     string
	Nothing                         string // a section with no records in the range

	// Table columns.
	ColDate, ColMood, ColCraving, ColSleep, ColMovement, ColLapse string
	ColPractices                                                  string
	ColStart, ColPeak, ColToPeak, ColDuration, ColTriggers        string
	ColOutcome, OutcomeSurfed, OutcomeActed, OutcomeUnfinished    string
	ColMindfulness, ColBreathing, ColGratitude                    string
	Intention, Challenge, Win                                     string
	Yes                                                           string
	MinUnit, HourUnit                                             string // "min", "h"

	// Practice names for the check-in table's practices column.
	Mindful, Connection, Learning string

	// HALT state names, by the words the records use.
	HALT map[string]string
}

// English returns the report's words in English.
func English() Text {
	return Text{
		Charts:            charts.English(),
		Title:             "Rewire report",
		Period:            "%s – %s",
		Made:              "Made on %s",
		NotEncrypt:        "This file is not encrypted. Keep it somewhere safe.",
		Page:              "Page %d of %s",
		Intro:             "A summary from a personal recovery journal, made by its owner to share. It shows practice, not perfection.",
		Summary:           "Summary",
		DaysCheckedIn:     "Days with a check-in",
		DaysLogged:        "Days with any practice",
		MeanMood:          "Mean mood (1–5)",
		MeanCraving:       "Mean craving (0–10)",
		MeanSleep:         "Mean sleep",
		Episodes:          "Urge episodes",
		Surfed:            "Ridden out without acting",
		MedianToPeak:      "Median time to peak",
		MedianDur:         "Median length of an urge",
		TopTriggers:       "Most common triggers",
		TopHALT:           "Most common HALT states",
		Lapses:            "Lapses logged",
		LapseNote:         "A lapse is logged as information, not failure; nothing is reset.",
		None:              "none",
		MoodHead:          "Mood",
		WeeklyHead:        "Craving and urges by week",
		SleepHead:         "Sleep",
		CheckInsHead:      "Check-ins",
		UrgesHead:         "Urge log",
		WavesHead:         "Urge waves",
		PracticeHead:      "Practice minutes",
		GratitudeHead:     "Gratitude: days a week",
		CalendarHead:      "Days with practice",
		CalendarNote:      "Darker days had more practices.",
		EntriesHead:       "Journal entries",
		Nothing:           "Nothing logged in this period.",
		ColDate:           "Date",
		ColMood:           "Mood",
		ColCraving:        "Craving",
		ColSleep:          "Sleep",
		ColMovement:       "Movement",
		ColLapse:          "Lapse",
		ColPractices:      "Practices",
		ColStart:          "Start",
		ColPeak:           "Peak",
		ColToPeak:         "To peak",
		ColDuration:       "Length",
		ColTriggers:       "Triggers, HALT",
		ColOutcome:        "Outcome",
		OutcomeSurfed:     "surfed",
		OutcomeActed:      "acted on",
		OutcomeUnfinished: "unfinished",
		ColMindfulness:    "Mindfulness",
		ColBreathing:      "Breathing",
		ColGratitude:      "Gratitude",
		Intention:         "Intention",
		Challenge:         "Challenge",
		Win:               "Win",
		Yes:               "yes",
		MinUnit:           "min",
		HourUnit:          "h",
		Mindful:           "mindfulness",
		Connection:        "connection",
		Learning:          "learning",
		HALT:              map[string]string{"hungry": "hungry", "angry": "angry", "lonely": "lonely", "tired": "tired"},
	}
}

func (t Text) date(d insights.Day) string {
	if t.Date != nil {
		return t.Date(d)
	}
	return d.String()
}
