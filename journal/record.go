package journal

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ID is a record's random 128-bit identifier. It is the only thing about a
// record the store keeps in clear.
type ID [16]byte

// NewID returns a fresh random ID.
func NewID() ID {
	var id ID
	if _, err := rand.Read(id[:]); err != nil {
		// crypto/rand never fails on supported platforms (Go 1.24+ panics
		// itself); this is an impossible state.
		panic(err)
	}
	return id
}

// String returns the id as 32 lower-case hex digits.
func (id ID) String() string { return hex.EncodeToString(id[:]) }

// IsZero reports whether id is the zero ID (a record not yet saved).
func (id ID) IsZero() bool { return id == ID{} }

// MarshalText encodes the id as hex, so records read well as JSON.
func (id ID) MarshalText() ([]byte, error) { return []byte(id.String()), nil }

// UnmarshalText parses a hex id.
func (id *ID) UnmarshalText(b []byte) error {
	p, err := ParseID(string(b))
	if err != nil {
		return err
	}
	*id = p
	return nil
}

// ErrBadID is returned by [ParseID] for text that is not a record id.
var ErrBadID = errors.New("not a record id (want 32 hex digits)")

// ParseID parses the 32-hex-digit form produced by [ID.String]. A unique
// prefix is not accepted here; see [Vault.Resolve] for that.
func ParseID(s string) (ID, error) {
	var id ID
	b, err := hex.DecodeString(strings.TrimSpace(s))
	if err != nil || len(b) != len(id) {
		return id, ErrBadID
	}
	copy(id[:], b)
	return id, nil
}

// Kind says what a record is.
type Kind string

// The kinds of record Rewire stores.
const (
	KindEntry     Kind = "entry"     // a journal entry
	KindGratitude Kind = "gratitude" // three good things for a day
	KindCheckIn   Kind = "checkin"   // the daily check-in
	KindUrge      Kind = "urge"      // an urge-surfing episode
	KindSession   Kind = "session"   // a breathing or meditation session
	KindPattern   Kind = "pattern"   // a custom breathing pattern
	KindSettings  Kind = "settings"  // the profile and settings (one per vault)
	KindCrisis    Kind = "crisis"    // the crisis card (one per vault)
	KindMedPreset Kind = "medpreset" // a meditation timer preset
)

// Kinds lists every kind, in the order the app presents them.
var Kinds = []Kind{KindEntry, KindGratitude, KindCheckIn, KindUrge, KindSession, KindPattern, KindSettings, KindCrisis, KindMedPreset}

// Valid reports whether k is one of [Kinds].
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// RecordVersion is the version of the record encoding this code writes.
// Readers accept every version up to it; new fields are added as optional
// JSON fields so older records still decode.
const RecordVersion = 1

// DateLayout is the layout of [Record.Date]: a civil date, no time zone.
const DateLayout = "2006-01-02"

// Record is one thing the user keeps: exactly one of the kind-specific
// fields is set, matching Kind. The whole record, including its kind and
// dates, is sealed as one blob.
type Record struct {
	ID      ID        `json:"id"`
	Kind    Kind      `json:"kind"`
	Version int       `json:"v"`
	Date    string    `json:"date"` // the day it belongs to, YYYY-MM-DD in the user's zone
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`

	Entry     *Entry            `json:"entry,omitempty"`
	Gratitude *Gratitude        `json:"gratitude,omitempty"`
	CheckIn   *CheckIn          `json:"checkin,omitempty"`
	Urge      *UrgeEpisode      `json:"urge,omitempty"`
	Session   *PracticeSession  `json:"session,omitempty"`
	Pattern   *BreathingPattern `json:"pattern,omitempty"`
	Settings  *Settings         `json:"settings,omitempty"`
	Crisis    *CrisisCard       `json:"crisis,omitempty"`
	MedPreset *MeditationPreset `json:"medpreset,omitempty"`
}

// Entry is a journal entry. Several may share a date.
type Entry struct {
	Title   string   `json:"title,omitempty"`
	Body    string   `json:"body"`
	Tags    []string `json:"tags,omitempty"`
	Mood    int      `json:"mood,omitempty"` // 1–5, 0 when not given
	Starred bool     `json:"starred,omitempty"`
}

// GratitudeItem is one good thing and, optionally, why it happened
// (Seligman et al. 2005: the "why" is what makes the exercise work).
type GratitudeItem struct {
	Text string `json:"text"`
	Why  string `json:"why,omitempty"`
}

// Gratitude is the three good things for one day.
type Gratitude struct {
	Items []GratitudeItem `json:"items"`
}

// CheckIn is the daily check-in.
type CheckIn struct {
	Mood      int    `json:"mood,omitempty"` // 1–5, 0 when not given
	Intention string `json:"intention,omitempty"`
	Challenge string `json:"challenge,omitempty"`
	Win       string `json:"win,omitempty"`
	Craving   int    `json:"craving"` // 0–10
	Lapse     bool   `json:"lapse,omitempty"`
	Note      string `json:"note,omitempty"`

	// The day's practices; the app ticks some itself from other records.
	Mindful      bool    `json:"mindful,omitempty"`
	MovementMin  int     `json:"movementMin,omitempty"`
	Connection   bool    `json:"connection,omitempty"`
	Learning     bool    `json:"learning,omitempty"`
	SleepHours   float64 `json:"sleepHours,omitempty"`
	GratitudeSet bool    `json:"gratitude,omitempty"`
}

// UrgeSample is one urge rating during an episode.
type UrgeSample struct {
	At     time.Time `json:"at"`
	Rating int       `json:"rating"` // 0–10
}

// UrgeEpisode is one craving ridden out with urge surfing (Marlatt; MBRP).
// Samples are saved as they are given, so an interrupted episode is kept.
type UrgeEpisode struct {
	Started   time.Time    `json:"started"`
	Ended     time.Time    `json:"ended,omitzero"`
	Samples   []UrgeSample `json:"samples"`
	Triggers  []string     `json:"triggers,omitempty"` // people, places, things, feelings
	HALT      []string     `json:"halt,omitempty"`     // hungry, angry, lonely, tired
	Situation string       `json:"situation,omitempty"`
	Coping    string       `json:"coping,omitempty"`
	ActedOn   bool         `json:"actedOn,omitempty"`
	Finished  bool         `json:"finished,omitempty"` // false while in progress or if interrupted
	// CadenceSeconds is how often the user was asked to rate (30–120), so
	// a resumed episode keeps it; 0 for the default.
	CadenceSeconds int `json:"cadence,omitempty"`
	// Pauses are the breathing breaks taken during the episode.
	Pauses []Pause `json:"pauses,omitempty"`
}

// Pause is a span of time a practice was paused for.
type Pause struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to,omitzero"` // zero while still paused
}

// PracticeSession is a breathing or meditation session.
type PracticeSession struct {
	Practice       string    `json:"practice"` // "breathing" or "meditation"
	Pattern        string    `json:"pattern,omitempty"`
	Started        time.Time `json:"started"`
	Seconds        int       `json:"seconds"`
	Cycles         int       `json:"cycles,omitempty"`
	DistressBefore *int      `json:"distressBefore,omitempty"` // 0–10
	DistressAfter  *int      `json:"distressAfter,omitempty"`  // 0–10
	Finished       bool      `json:"finished,omitempty"`
	// PlannedSeconds is the length the session was set to, so one stopped
	// early can be told from a complete one; 0 for open-ended.
	PlannedSeconds int `json:"planned,omitempty"`
	// Preset says Pattern names one of the app's own patterns rather than
	// one of the user's.
	Preset bool `json:"preset,omitempty"`
}

// BreathingPattern is a custom breathing pattern the user named.
type BreathingPattern struct {
	Name      string  `json:"name"`
	Inhale    float64 `json:"inhale"`  // seconds, 1–30
	HoldIn    float64 `json:"holdIn"`  // seconds, 0–30
	Exhale    float64 `json:"exhale"`  // seconds, 1–30
	HoldOut   float64 `json:"holdOut"` // seconds, 0–30
	Minutes   float64 `json:"minutes,omitempty"`
	Cycles    int     `json:"cycles,omitempty"`
	SortOrder int     `json:"order"`
}

// Settings is the user's profile. Private settings live here, encrypted,
// never in the plaintext preferences file.
type Settings struct {
	RecoveryStart   string `json:"recoveryStart,omitempty"` // YYYY-MM-DD, empty for none
	Language        string `json:"language,omitempty"`      // "en", "sv", "uk"
	AutoLockMinutes int    `json:"autoLockMinutes,omitempty"`
	Theme           string `json:"theme,omitempty"` // "light", "dark", "system"
	// UrgeCadenceSeconds is how often urge surfing asks for a rating,
	// 30–120; 0 for the default (60).
	UrgeCadenceSeconds int `json:"urgeCadence,omitempty"`
	// BreathingSince is the day of the user's first breathing session
	// (YYYY-MM-DD), for the first-month limit on 4-7-8 breathing.
	BreathingSince string `json:"breathingSince,omitempty"`
	// ShowPractised shows "days practised in the last 30" on the Insights
	// screen; off by default, as streaks are optional.
	ShowPractised bool `json:"showPractised,omitempty"`
}

// MeditationPreset is a meditation timer setting the user saved.
type MeditationPreset struct {
	Name            string `json:"name"`
	Seconds         int    `json:"seconds"` // 60–10800; 0 for open-ended
	WarmUpSeconds   int    `json:"warmUp,omitempty"`
	StartBell       string `json:"startBell,omitempty"` // a bell name or "none"
	EndBell         string `json:"endBell,omitempty"`
	IntervalBell    string `json:"intervalBell,omitempty"`
	IntervalMinutes int    `json:"intervalMinutes,omitempty"` // 0 for none
	SortOrder       int    `json:"order"`
}

// Contact is a person or line on the crisis card.
type Contact struct {
	Name       string `json:"name"`
	Phone      string `json:"phone,omitempty"`
	Note       string `json:"note,omitempty"`
	ShowLocked bool   `json:"showLocked,omitempty"`
}

// CrisisCard is the user's own plan for a hard moment.
type CrisisCard struct {
	Reasons      []string  `json:"reasons,omitempty"`
	WarningSigns []string  `json:"warningSigns,omitempty"`
	Helps        []string  `json:"helps,omitempty"`
	People       []Contact `json:"people,omitempty"`
	Lines        []Contact `json:"lines,omitempty"`
	ShowLocked   bool      `json:"showLocked,omitempty"` // reasons and helps may show on the unlock screen
}

// ErrInvalid is wrapped by [Record.Validate] errors.
var ErrInvalid = errors.New("invalid record")

// Validate checks that r is well formed: a known kind with its matching
// payload, a valid date and values in range.
func (r *Record) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, a...))
	}
	if !r.Kind.Valid() {
		return bad("unknown kind %q", r.Kind)
	}
	if _, err := time.Parse(DateLayout, r.Date); err != nil {
		return bad("date %q is not YYYY-MM-DD", r.Date)
	}
	set := 0
	for _, p := range []bool{r.Entry != nil, r.Gratitude != nil, r.CheckIn != nil, r.Urge != nil,
		r.Session != nil, r.Pattern != nil, r.Settings != nil, r.Crisis != nil, r.MedPreset != nil} {
		if p {
			set++
		}
	}
	if set != 1 || r.payloadKind() != r.Kind {
		return bad("kind %s needs exactly its own payload", r.Kind)
	}
	switch {
	case r.Entry != nil && (r.Entry.Mood < 0 || r.Entry.Mood > 5):
		return bad("mood %d is not 1–5", r.Entry.Mood)
	case r.CheckIn != nil && (r.CheckIn.Mood < 0 || r.CheckIn.Mood > 5):
		return bad("mood %d is not 1–5", r.CheckIn.Mood)
	case r.CheckIn != nil && (r.CheckIn.Craving < 0 || r.CheckIn.Craving > 10):
		return bad("craving %d is not 0–10", r.CheckIn.Craving)
	case r.Pattern != nil && !(within(r.Pattern.Inhale, 1, 30) && within(r.Pattern.Exhale, 1, 30) &&
		within(r.Pattern.HoldIn, 0, 30) && within(r.Pattern.HoldOut, 0, 30)):
		return bad("breathing phases must be 1–30 s (holds 0–30 s)")
	}
	if r.Urge != nil {
		for _, s := range r.Urge.Samples {
			if s.Rating < 0 || s.Rating > 10 {
				return bad("urge rating %d is not 0–10", s.Rating)
			}
		}
	}
	return nil
}

// within reports lo ≤ x ≤ hi; NaN is never within.
func within(x, lo, hi float64) bool { return x >= lo && x <= hi }

func (r *Record) payloadKind() Kind {
	switch {
	case r.Entry != nil:
		return KindEntry
	case r.Gratitude != nil:
		return KindGratitude
	case r.CheckIn != nil:
		return KindCheckIn
	case r.Urge != nil:
		return KindUrge
	case r.Session != nil:
		return KindSession
	case r.Pattern != nil:
		return KindPattern
	case r.Settings != nil:
		return KindSettings
	case r.Crisis != nil:
		return KindCrisis
	case r.MedPreset != nil:
		return KindMedPreset
	}
	return ""
}

// Title returns a short human title for lists and search results.
func (r *Record) Title() string {
	switch {
	case r.Entry != nil:
		return r.Entry.Title
	case r.Pattern != nil:
		return r.Pattern.Name
	case r.Session != nil:
		return r.Session.Practice
	case r.MedPreset != nil:
		return r.MedPreset.Name
	}
	return ""
}

// Tags returns the record's tags (only entries have tags today).
func (r *Record) Tags() []string {
	if r.Entry != nil {
		return r.Entry.Tags
	}
	return nil
}

// Mood returns the record's mood 1–5, or 0.
func (r *Record) Mood() int {
	switch {
	case r.Entry != nil:
		return r.Entry.Mood
	case r.CheckIn != nil:
		return r.CheckIn.Mood
	}
	return 0
}

// Text returns the record's searchable text, title excluded. An entry's
// text is its body itself, not a copy: the search index holds it for every
// entry.
func (r *Record) Text() string {
	if r.Entry != nil {
		return r.Entry.Body
	}
	var b strings.Builder
	add := func(s ...string) {
		for _, x := range s {
			if x != "" {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(x)
			}
		}
	}
	switch {
	case r.Gratitude != nil:
		for _, it := range r.Gratitude.Items {
			add(it.Text, it.Why)
		}
	case r.CheckIn != nil:
		add(r.CheckIn.Intention, r.CheckIn.Challenge, r.CheckIn.Win, r.CheckIn.Note)
	case r.Urge != nil:
		add(r.Urge.Situation, r.Urge.Coping)
		add(r.Urge.Triggers...)
		add(r.Urge.HALT...)
	case r.Crisis != nil:
		add(r.Crisis.Reasons...)
		add(r.Crisis.WarningSigns...)
		add(r.Crisis.Helps...)
		for _, c := range r.Crisis.People {
			add(c.Name, c.Note)
		}
	}
	return b.String()
}
