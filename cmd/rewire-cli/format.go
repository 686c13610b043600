package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/rewirejournal/rewire/journal"
)

// summary is a record's one-line description for list: its title or first
// line, or what matters about it for kinds without text.
func summary(r *journal.Record) string {
	switch {
	case r.Entry != nil:
		if r.Entry.Title != "" {
			return r.Entry.Title
		}
		first, _, _ := strings.Cut(r.Entry.Body, "\n")
		return first
	case r.Gratitude != nil:
		items := make([]string, len(r.Gratitude.Items))
		for i, it := range r.Gratitude.Items {
			items[i] = it.Text
		}
		return strings.Join(items, "; ")
	case r.CheckIn != nil:
		s := fmt.Sprintf("craving %d", r.CheckIn.Craving)
		for _, x := range []string{r.CheckIn.Win, r.CheckIn.Intention, r.CheckIn.Note} {
			if x != "" {
				return s + " · " + x
			}
		}
		return s
	case r.Urge != nil:
		return urgeSummary(r.Urge)
	case r.Session != nil:
		s := r.Session.Practice
		if r.Session.Pattern != "" {
			s += " " + r.Session.Pattern
		}
		return s + ", " + duration(time.Duration(r.Session.Seconds)*time.Second)
	case r.Pattern != nil:
		return r.Pattern.Name + " " + phases(r.Pattern)
	case r.Settings != nil:
		return "settings"
	case r.Crisis != nil:
		return "crisis card"
	}
	return ""
}

func urgeSummary(u *journal.UrgeEpisode) string {
	if len(u.Samples) == 0 {
		return "urge, no ratings"
	}
	peak := u.Samples[0]
	for _, s := range u.Samples {
		if s.Rating > peak.Rating {
			peak = s
		}
	}
	last := u.Samples[len(u.Samples)-1]
	s := fmt.Sprintf("urge %d→%d→%d over %s", u.Samples[0].Rating, peak.Rating, last.Rating, duration(last.At.Sub(u.Started)))
	switch {
	case u.ActedOn:
		s += ", acted on"
	case !u.Finished:
		s += ", interrupted"
	}
	if u.Situation != "" {
		s += " · " + u.Situation
	}
	return s
}

func phases(p *journal.BreathingPattern) string {
	return fmt.Sprintf("%g-%g-%g-%g", p.Inhale, p.HoldIn, p.Exhale, p.HoldOut)
}

func duration(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%d s", d/time.Second)
	}
	if d%time.Minute == 0 {
		return fmt.Sprintf("%d min", d/time.Minute)
	}
	return fmt.Sprintf("%d min %d s", d/time.Minute, d%time.Minute/time.Second)
}

// printRecord writes r for a person to read. Record text is cleaned of
// control characters, keeping line breaks.
func printRecord(w io.Writer, r *journal.Record) {
	field := func(label string, value any) {
		s := fmt.Sprint(value)
		if s == "" || s == "0" || s == "false" {
			return
		}
		fmt.Fprintf(w, "%-12s %s\n", label+":", clean(s))
	}
	text := func(s string) {
		if s == "" {
			return
		}
		fmt.Fprintln(w)
		for line := range strings.Lines(s) {
			fmt.Fprintln(w, clean(strings.TrimRight(line, "\r\n")))
		}
	}
	list := func(label string, xs []string) {
		field(label, strings.Join(xs, ", "))
	}
	stamp := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Local().Format("2006-01-02 15:04")
	}

	field("id", r.ID)
	field("kind", r.Kind)
	field("date", r.Date)
	field("created", stamp(r.Created))
	if !r.Updated.Equal(r.Created) {
		field("updated", stamp(r.Updated))
	}
	switch {
	case r.Entry != nil:
		e := r.Entry
		field("title", e.Title)
		list("tags", e.Tags)
		field("mood", e.Mood)
		field("starred", e.Starred)
		text(e.Body)
	case r.Gratitude != nil:
		fmt.Fprintln(w)
		for i, it := range r.Gratitude.Items {
			line := fmt.Sprintf("%d. %s", i+1, it.Text)
			if it.Why != "" {
				line += " (why: " + it.Why + ")"
			}
			fmt.Fprintln(w, clean(line))
		}
	case r.CheckIn != nil:
		ci := r.CheckIn
		field("mood", ci.Mood)
		fmt.Fprintf(w, "%-12s %d\n", "craving:", ci.Craving)
		field("lapse", ci.Lapse)
		field("intention", ci.Intention)
		field("challenge", ci.Challenge)
		field("win", ci.Win)
		var done []string
		if ci.Mindful {
			done = append(done, "mindfulness")
		}
		if ci.MovementMin > 0 {
			done = append(done, fmt.Sprintf("movement %d min", ci.MovementMin))
		}
		if ci.Connection {
			done = append(done, "connection")
		}
		if ci.Learning {
			done = append(done, "learning")
		}
		if ci.GratitudeSet {
			done = append(done, "gratitude")
		}
		if ci.SleepHours > 0 {
			done = append(done, fmt.Sprintf("sleep %g h", ci.SleepHours))
		}
		list("practices", done)
		text(ci.Note)
	case r.Urge != nil:
		u := r.Urge
		field("started", stamp(u.Started))
		field("ended", stamp(u.Ended))
		field("summary", urgeSummary(&journal.UrgeEpisode{Started: u.Started, Samples: u.Samples, ActedOn: u.ActedOn, Finished: u.Finished}))
		ratings := make([]string, len(u.Samples))
		for i, s := range u.Samples {
			ratings[i] = fmt.Sprint(s.Rating)
		}
		field("ratings", strings.Join(ratings, " "))
		list("triggers", u.Triggers)
		list("halt", u.HALT)
		field("situation", u.Situation)
		field("coping", u.Coping)
		field("acted on", u.ActedOn)
		field("finished", u.Finished)
	case r.Session != nil:
		s := r.Session
		field("practice", s.Practice)
		field("pattern", s.Pattern)
		field("started", stamp(s.Started))
		field("length", duration(time.Duration(s.Seconds)*time.Second))
		field("cycles", s.Cycles)
		if s.DistressBefore != nil && s.DistressAfter != nil {
			field("distress", fmt.Sprintf("%d → %d", *s.DistressBefore, *s.DistressAfter))
		}
		field("finished", s.Finished)
	case r.Pattern != nil:
		p := r.Pattern
		field("name", p.Name)
		field("phases", phases(p)+" s (in, hold, out, hold)")
		field("minutes", p.Minutes)
		field("cycles", p.Cycles)
	case r.Settings != nil:
		s := r.Settings
		field("recovery", s.RecoveryStart)
		field("language", s.Language)
		field("auto-lock", s.AutoLockMinutes)
		field("theme", s.Theme)
	case r.Crisis != nil:
		k := r.Crisis
		list("reasons", k.Reasons)
		list("warnings", k.WarningSigns)
		list("helps", k.Helps)
		for _, p := range append(append([]journal.Contact(nil), k.People...), k.Lines...) {
			field("contact", strings.TrimSpace(fmt.Sprintf("%s %s %s", p.Name, p.Phone, p.Note)))
		}
	}
}
