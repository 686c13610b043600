package journal

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func codecRecords() map[string]*Record {
	at := time.Date(2026, 11, 25, 9, 30, 0, 123, time.UTC)
	east := time.Date(2026, 3, 29, 2, 30, 0, 0, time.FixedZone("", 2*3600))
	four := 4
	base := func(kind Kind) *Record {
		return &Record{ID: ID{1, 2, 3, byte(len(kind))}, Kind: kind, Version: RecordVersion, Date: "2026-11-25", Created: at, Updated: east}
	}
	with := func(kind Kind, set func(*Record)) *Record { r := base(kind); set(r); return r }
	return map[string]*Record{
		"an entry with every field": with(KindEntry, func(r *Record) {
			r.Entry = &Entry{Title: "Rätt dag 🌊", Body: "Сьогодні\nשלום\x00end", Tags: []string{"walk", "кава", ""}, Mood: 4, Starred: true}
		}),
		"an empty entry":   with(KindEntry, func(r *Record) { r.Entry = &Entry{} }),
		"a 10 MB entry":    with(KindEntry, func(r *Record) { r.Entry = &Entry{Body: strings.Repeat("ä", 5<<20)} }),
		"a gratitude list": with(KindGratitude, func(r *Record) { r.Gratitude = &Gratitude{Items: []GratitudeItem{{Text: "sun", Why: "I went out"}}} }),
		"a check-in": with(KindCheckIn, func(r *Record) {
			r.CheckIn = &CheckIn{Mood: 3, Intention: "rest", Craving: 7, Lapse: true, SleepHours: 6.5, MovementMin: 20}
		}),
		"an urge episode": with(KindUrge, func(r *Record) {
			r.Urge = &UrgeEpisode{Started: at, Samples: []UrgeSample{{At: at, Rating: 8}}, Triggers: []string{"places"}, ActedOn: true}
		}),
		"a session": with(KindSession, func(r *Record) {
			r.Session = &PracticeSession{Practice: "breathing", Started: at, Seconds: 60, DistressBefore: &four}
		}),
		"a pattern": with(KindPattern, func(r *Record) { r.Pattern = &BreathingPattern{Name: "mine", Inhale: 4, Exhale: 6, Cycles: 3} }),
		"settings":  with(KindSettings, func(r *Record) { r.Settings = &Settings{Language: "uk", AutoLockMinutes: 5} }),
		"a crisis card": with(KindCrisis, func(r *Record) {
			r.Crisis = &CrisisCard{Reasons: []string{"my kids"}, People: []Contact{{Name: "Anna", Phone: "+46 70"}}}
		}),
	}
}

func TestEveryKindRoundTripsThroughTheBinaryFormat(t *testing.T) {
	for name, r := range codecRecords() {
		t.Run(name, func(t *testing.T) {
			plain, err := encodeRecord(r)
			if err != nil {
				t.Fatal(err)
			}
			var got Record
			if err := decodeRecord(plain, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(&got, r) {
				t.Errorf("round trip changed the record:\n got %+v\nwant %+v", got, *r)
			}
		})
	}
}

func TestRecordsWrittenAsJSONStillDecode(t *testing.T) {
	for name, r := range codecRecords() {
		t.Run(name, func(t *testing.T) {
			plain, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			var got Record
			if err := decodeRecord(plain, &got); err != nil {
				t.Fatal(err)
			}
			binGot, _ := encodeRecord(&got)
			want, _ := encodeRecord(r)
			if !bytes.Equal(binGot, want) {
				t.Errorf("JSON record decoded differently from the binary one")
			}
		})
	}
}

// The payload codecs name their fields one by one: a field added to a type
// without being added to its codec would be lost silently. This fills every
// field of every payload type through reflection (nested structs and lists
// included) and checks that each survives.
func TestEveryPayloadFieldIsEncoded(t *testing.T) {
	for _, kind := range Kinds {
		t.Run(string(kind), func(t *testing.T) {
			r := &Record{ID: ID{9}, Kind: kind, Date: "2026-01-01"}
			p := reflect.ValueOf(r).Elem().FieldByNameFunc(func(name string) bool {
				f, _ := reflect.TypeOf(Record{}).FieldByName(name)
				return f.Type.Kind() == reflect.Pointer && payloadField(f.Type.Elem()) == kind
			})
			if !p.IsValid() {
				t.Fatalf("no payload field for kind %s", kind)
			}
			p.Set(reflect.New(p.Type().Elem()))
			fill(t, p.Elem(), 1)
			plain, err := encodeRecord(r)
			if err != nil {
				t.Fatal(err)
			}
			var got Record
			if err := decodeRecord(plain, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(&got, r) {
				t.Errorf("fields lost:\n got %+v\nwant %+v", reflect.ValueOf(got).FieldByIndex(p.Type().Elem().Field(0).Index[:0]), p.Elem().Interface())
			}
		})
	}
}

// payloadField maps a payload type to its kind.
func payloadField(t reflect.Type) Kind {
	for k, v := range map[Kind]any{KindEntry: Entry{}, KindGratitude: Gratitude{}, KindCheckIn: CheckIn{},
		KindUrge: UrgeEpisode{}, KindSession: PracticeSession{}, KindPattern: BreathingPattern{},
		KindSettings: Settings{}, KindCrisis: CrisisCard{}, KindMedPreset: MeditationPreset{}} {
		if reflect.TypeOf(v) == t {
			return k
		}
	}
	return ""
}

// fill sets every field of v to a distinct non-zero value.
func fill(t *testing.T, v reflect.Value, seed int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", seed))
	case reflect.Int:
		v.SetInt(int64(seed%5 + 1))
	case reflect.Float64:
		v.SetFloat(float64(seed) + 0.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), seed)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		fill(t, v.Index(0), seed*7)
		fill(t, v.Index(1), seed*7+1)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2026, 1, seed%28+1, 7, 0, 0, 0, time.UTC)))
			return
		}
		for i := range v.NumField() {
			fill(t, v.Field(i), seed*31+i)
		}
	default:
		t.Fatalf("a field of type %s: teach the codec and this test about it", v.Type())
	}
}

func TestARecordWrittenBeforeAFieldExistedReadsItAsZero(t *testing.T) {
	// A check-in written with only its first two fields (mood, intention),
	// as a version that knew no others would have.
	e := encoder{}
	e.b = append(e.b, formatBinary)
	e.b = append(e.b, make([]byte, 16)...)
	e.str(string(KindCheckIn))
	e.int(1)
	e.str("2026-01-01")
	e.time(time.Time{})
	e.time(time.Time{})
	e.begin(2)
	e.int(4)
	e.str("rest")
	var got Record
	if err := decodeRecord(e.b, &got); err != nil {
		t.Fatal(err)
	}
	if want := (CheckIn{Mood: 4, Intention: "rest"}); got.CheckIn == nil || *got.CheckIn != want {
		t.Errorf("got %+v, want %+v", got.CheckIn, want)
	}
}

func TestARecordWithMoreFieldsThanThisVersionKnowsIsRefused(t *testing.T) {
	r := codecRecords()["settings"]
	plain, _ := encodeRecord(r)
	// Settings has 7 fields; claim 8 and add one.
	i := bytes.LastIndex(plain, []byte{7, byte(len("")), 2, 'u', 'k'})
	if i < 0 {
		t.Fatal("could not find the settings payload")
	}
	plain[i] = 8
	plain = append(plain, 0)
	var got Record
	if err := decodeRecord(plain, &got); err == nil {
		t.Error("a record with an unknown field decoded")
	}
}

func TestMalformedPlaintextIsAnErrorNotAPanic(t *testing.T) {
	good, err := encodeRecord(codecRecords()["an entry with every field"])
	if err != nil {
		t.Fatal(err)
	}
	gratitude, _ := encodeRecord(codecRecords()["an entry with every field"]) // ends in Starred
	for name, plain := range map[string][]byte{
		"empty":                         {},
		"an unknown format byte":        {0x07, 1, 2},
		"only the format byte":          {formatBinary},
		"a short id":                    good[:10],
		"a string longer than the rest": append(clone(good[:17]), 0xff, 0xff, 0x03),
		"trailing bytes":                append(clone(good), 0),
		"an unknown kind": func() []byte {
			r := codecRecords()["an entry with every field"]
			r.Kind = "diary"
			b, _ := encodeRecord(r)
			return b
		}(),
		"a bool that is neither 0 nor 1": append(clone(gratitude[:len(gratitude)-1]), 2),
	} {
		t.Run(name, func(t *testing.T) {
			var r Record
			if err := decodeRecord(plain, &r); err == nil {
				t.Errorf("decodeRecord accepted %s: %q", name, plain)
			}
		})
	}
	for cut := range good {
		var r Record
		if err := decodeRecord(good[:cut], &r); err == nil {
			t.Fatalf("a record cut to %d of %d bytes decoded", cut, len(good))
		}
	}
}

func clone(b []byte) []byte { return append([]byte(nil), b...) }

func FuzzDecodeRecord(f *testing.F) {
	for _, r := range codecRecords() {
		if r.Entry != nil && len(r.Entry.Body) > 1000 {
			continue
		}
		b, _ := encodeRecord(r)
		f.Add(b)
		js, _ := json.Marshal(r)
		f.Add(js)
	}
	f.Fuzz(func(t *testing.T, plain []byte) {
		var r Record
		if decodeRecord(plain, &r) != nil || plain[0] != formatBinary {
			return // JSON records are encoding/json's to fuzz
		}
		// What decodes must encode, and then decode and encode again to
		// the same bytes. (Not to the input bytes: time.Time's own binary
		// form has more than one spelling of some instants.)
		once, err := encodeRecord(&r)
		if err != nil {
			t.Fatalf("a decoded record does not encode: %v", err)
		}
		var r2 Record
		if err := decodeRecord(once, &r2); err != nil {
			t.Fatalf("re-encoded record does not decode: %v", err)
		}
		twice, err := encodeRecord(&r2)
		if err != nil || !bytes.Equal(once, twice) {
			t.Fatalf("encoding is not stable: %v", err)
		}
	})
}

func BenchmarkDecodeEntry(b *testing.B) {
	r := &Record{ID: NewID(), Kind: KindEntry, Date: "2026-11-25", Created: time.Now(), Updated: time.Now(),
		Entry: &Entry{Title: "A walk", Body: strings.Repeat("walked by the river and felt calm ", 35), Tags: []string{"walk"}, Mood: 4}}
	for _, bc := range []struct {
		name string
		enc  func(*Record) ([]byte, error)
	}{
		{"binary", encodeRecord},
		{"json", func(r *Record) ([]byte, error) { return json.Marshal(r) }},
	} {
		plain, _ := bc.enc(r)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(plain)))
			for b.Loop() {
				var got Record
				if err := decodeRecord(plain, &got); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
