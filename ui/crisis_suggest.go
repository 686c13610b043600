package ui

import (
	"fyne.io/fyne/v2/lang"

	"github.com/rewirejournal/rewire/journal"
)

// suggestedLines returns well-known crisis lines for the UI language, to be
// added to the card and edited there. They are offered, never assumed:
// a language is not a country, and numbers change, so the card asks the
// user to check each one. Checked in December 2026 against the services'
// own pages where they could be reached (Mind for 90101, Lifeline Ukraine
// for 7333); the app never dials them.
func suggestedLines(code string) []journal.Contact {
	switch code {
	case "sv":
		return []journal.Contact{
			{Name: "Mind Självmordslinjen", Phone: "90101", Note: lang.X("crisis.suggest.sv.mind", "Call or chat at mind.se, day and night (Sweden)")},
			{Name: "1177 Vårdguiden", Phone: "1177", Note: lang.X("crisis.suggest.sv.1177", "Health advice by phone (Sweden)")},
			{Name: lang.X("crisis.suggest.emergency", "Emergency"), Phone: "112", Note: lang.X("crisis.suggest.sv.112", "When life is in danger (Sweden and the EU)")},
		}
	case "uk":
		return []journal.Contact{
			{Name: "Lifeline Ukraine", Phone: "7333", Note: lang.X("crisis.suggest.uk.lifeline", "Suicide prevention and support, day and night; free from Ukrainian mobiles")},
			{Name: lang.X("crisis.suggest.emergency", "Emergency"), Phone: "112", Note: lang.X("crisis.suggest.uk.112", "When life is in danger (Ukraine and the EU); ambulance in Ukraine: 103")},
		}
	}
	return []journal.Contact{
		{Name: "Samaritans", Phone: "116 123", Note: lang.X("crisis.suggest.en.samaritans", "Free, day and night (UK and Ireland)")},
		{Name: "988 Suicide & Crisis Lifeline", Phone: "988", Note: lang.X("crisis.suggest.en.988", "Call or text (United States)")},
		{Name: lang.X("crisis.suggest.emergency", "Emergency"), Phone: "999 / 911 / 112", Note: lang.X("crisis.suggest.en.emergency", "UK 999, US and Canada 911, EU 112")},
	}
}
