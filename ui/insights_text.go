package ui

import (
	"strconv"

	"fyne.io/fyne/v2/lang"

	"github.com/rewirejournal/rewire/journal/insights"
	"github.com/rewirejournal/rewire/ui/charts"
	"github.com/rewirejournal/rewire/ui/report"
)

// shortMonths are the abbreviated month names of chart axes.
func shortMonths() [12]string {
	return [12]string{
		lang.X("insights.mon.1", "Jan"), lang.X("insights.mon.2", "Feb"), lang.X("insights.mon.3", "Mar"),
		lang.X("insights.mon.4", "Apr"), lang.X("insights.mon.5", "May"), lang.X("insights.mon.6", "Jun"),
		lang.X("insights.mon.7", "Jul"), lang.X("insights.mon.8", "Aug"), lang.X("insights.mon.9", "Sep"),
		lang.X("insights.mon.10", "Oct"), lang.X("insights.mon.11", "Nov"), lang.X("insights.mon.12", "Dec"),
	}
}

// chartText returns the charts' words in the current language.
func chartText() charts.Text {
	months := shortMonths()
	return charts.Text{
		Date: func(d insights.Day) string {
			t := d.Time()
			return strconv.Itoa(t.Day()) + " " + months[t.Month()-1]
		},
		Month: func(d insights.Day) string {
			t := d.Time()
			return months[t.Month()-1] + " " + strconv.Itoa(t.Year())
		},
		Weekdays: [7]string{
			lang.X("insights.wd.mon", "Mon"), lang.X("insights.wd.tue", "Tue"), lang.X("insights.wd.wed", "Wed"),
			lang.X("insights.wd.thu", "Thu"), lang.X("insights.wd.fri", "Fri"), lang.X("insights.wd.sat", "Sat"),
			lang.X("insights.wd.sun", "Sun"),
		},
		MoodDaily:      lang.X("insights.chart.mood", "Mood"),
		MoodMean:       lang.X("insights.chart.moodmean", "7-day mean"),
		Urges:          lang.X("insights.chart.urges", "Urge episodes"),
		Craving:        lang.X("insights.chart.craving", "Craving (0–10)"),
		Minutes:        lang.X("insights.chart.minutes", "Minutes"),
		Rating:         lang.X("insights.chart.rating", "Urge (0–10)"),
		Mindfulness:    lang.X("insights.chart.mindfulness", "Mindfulness"),
		Breathing:      lang.X("insights.chart.breathing", "Breathing"),
		Movement:       lang.X("insights.chart.movement", "Movement"),
		MinutesPerDay:  lang.X("insights.chart.perday", "Minutes a day"),
		MinutesPerWeek: lang.X("insights.chart.perweek", "Minutes a week"),
		GratitudeDays:  lang.X("insights.chart.gratitudedays", "Days in the week"),
		Hours:          lang.X("insights.chart.hours", "Hours"),
		SleepBand:      lang.X("insights.chart.sleepband", "7–9 hours"),
	}
}

// reportText returns the report's words in the current language.
func reportText() report.Text {
	ct := chartText()
	return report.Text{
		Charts:            ct,
		Date:              func(d insights.Day) string { return FormatDate(d.Time()) },
		Title:             lang.X("insights.report.pdf.title", "Rewire report"),
		Period:            lang.X("insights.report.pdf.period", "%s – %s"),
		Made:              lang.X("insights.report.pdf.made", "Made on %s"),
		NotEncrypt:        lang.X("insights.report.pdf.notencrypted", "This file is not encrypted. Keep it somewhere safe."),
		Page:              lang.X("insights.report.pdf.page", "Page %d of %s"),
		Intro:             lang.X("insights.report.pdf.intro", "A summary from a personal recovery journal, made by its owner to share. It shows practice, not perfection."),
		Summary:           lang.X("insights.report.pdf.summary", "Summary"),
		DaysCheckedIn:     lang.X("insights.report.pdf.daysche", "Days with a check-in"),
		DaysLogged:        lang.X("insights.report.pdf.dayspractised", "Days with any practice"),
		MeanMood:          lang.X("insights.report.pdf.meanmood", "Mean mood (1–5)"),
		MeanCraving:       lang.X("insights.report.pdf.meancraving", "Mean craving (0–10)"),
		MeanSleep:         lang.X("insights.report.pdf.meansleep", "Mean sleep"),
		Episodes:          lang.X("insights.report.pdf.episodes", "Urge episodes"),
		Surfed:            lang.X("insights.report.pdf.surfed", "Ridden out without acting"),
		MedianToPeak:      lang.X("insights.report.pdf.topeak", "Median time to peak"),
		MedianDur:         lang.X("insights.report.pdf.length", "Median length of an urge"),
		TopTriggers:       lang.X("insights.report.pdf.triggers", "Most common triggers"),
		TopHALT:           lang.X("insights.report.pdf.halt", "Most common HALT states"),
		Lapses:            lang.X("insights.report.pdf.lapses", "Lapses logged"),
		LapseNote:         lang.X("insights.report.pdf.lapsenote", "A lapse is logged as information, not failure; nothing is reset."),
		None:              lang.X("insights.report.pdf.none", "none"),
		MoodHead:          lang.X("insights.mood.title", "Mood"),
		WeeklyHead:        lang.X("insights.weekly.title", "Craving and urges by week"),
		SleepHead:         lang.X("insights.sleep.title", "Sleep"),
		CheckInsHead:      lang.X("insights.report.pdf.checkins", "Check-ins"),
		UrgesHead:         lang.X("insights.report.pdf.urgelog", "Urge log"),
		WavesHead:         lang.X("insights.waves.title", "Urge waves"),
		PracticeHead:      lang.X("insights.practice.title", "Practice minutes"),
		GratitudeHead:     lang.X("insights.gratitude.title", "Gratitude: days a week"),
		CalendarHead:      lang.X("insights.calendar.title", "Days with practice"),
		CalendarNote:      lang.X("insights.calendar.note", "Darker days had more practices."),
		EntriesHead:       lang.X("insights.report.pdf.entries", "Journal entries"),
		Nothing:           lang.X("insights.report.pdf.nothing", "Nothing logged in this period."),
		ColDate:           lang.X("insights.report.col.date", "Date"),
		ColMood:           lang.X("insights.report.col.mood", "Mood"),
		ColCraving:        lang.X("insights.report.col.craving", "Craving"),
		ColSleep:          lang.X("insights.report.col.sleep", "Sleep"),
		ColMovement:       lang.X("insights.report.col.movement", "Movement"),
		ColLapse:          lang.X("insights.report.col.lapse", "Lapse"),
		ColPractices:      lang.X("insights.report.col.practices", "Practices"),
		ColStart:          lang.X("insights.report.col.start", "Start"),
		ColPeak:           lang.X("insights.report.col.peak", "Peak"),
		ColToPeak:         lang.X("insights.report.col.topeak", "To peak"),
		ColDuration:       lang.X("insights.report.col.length", "Length"),
		ColTriggers:       lang.X("insights.report.col.triggers", "Triggers, HALT"),
		ColOutcome:        lang.X("insights.report.col.outcome", "Outcome"),
		OutcomeSurfed:     lang.X("insights.report.outcome.surfed", "surfed"),
		OutcomeActed:      lang.X("insights.report.outcome.acted", "acted on"),
		OutcomeUnfinished: lang.X("insights.report.outcome.unfinished", "unfinished"),
		ColMindfulness:    ct.Mindfulness,
		ColBreathing:      ct.Breathing,
		ColGratitude:      lang.X("insights.report.col.gratitude", "Gratitude"),
		Intention:         lang.X("insights.report.intention", "Intention"),
		Challenge:         lang.X("insights.report.challenge", "Challenge"),
		Win:               lang.X("insights.report.win", "Win"),
		Yes:               lang.X("insights.report.yes", "yes"),
		MinUnit:           lang.X("insights.report.unit.min", "min"),
		HourUnit:          lang.X("insights.report.unit.hour", "h"),
		Mindful:           lang.X("insights.report.practice.mindful", "mindfulness"),
		Connection:        lang.X("insights.report.practice.connection", "connection"),
		Learning:          lang.X("insights.report.practice.learning", "learning"),
		HALT: map[string]string{
			"hungry": lang.X("insights.report.halt.hungry", "hungry"),
			"angry":  lang.X("insights.report.halt.angry", "angry"),
			"lonely": lang.X("insights.report.halt.lonely", "lonely"),
			"tired":  lang.X("insights.report.halt.tired", "tired"),
		},
	}
}
