package journal

import (
	"bytes"
	"encoding/json"
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

// The entry encoding names its fields one by one: a field added to Entry
// without being added to the codec would be lost silently. This fills every
// field through reflection and checks that each survives.
func TestEveryEntryFieldIsEncoded(t *testing.T) {
	e := Entry{}
	v := reflect.ValueOf(&e).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x" + v.Type().Field(i).Name)
		case reflect.Int:
			f.SetInt(int64(i%5 + 1))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"a", v.Type().Field(i).Name}))
		default:
			t.Fatalf("Entry.%s is a %s: teach encodeRecord and this test about it", v.Type().Field(i).Name, f.Kind())
		}
	}
	r := &Record{ID: ID{9}, Kind: KindEntry, Date: "2026-01-01", Entry: &e}
	plain, err := encodeRecord(r)
	if err != nil {
		t.Fatal(err)
	}
	var got Record
	if err := decodeRecord(plain, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Entry, &e) {
		t.Errorf("entry fields lost: got %+v, want %+v", *got.Entry, e)
	}
}

func TestMalformedPlaintextIsAnErrorNotAPanic(t *testing.T) {
	good, err := encodeRecord(codecRecords()["an entry with every field"])
	if err != nil {
		t.Fatal(err)
	}
	gratitude, _ := encodeRecord(codecRecords()["a gratitude list"])
	for name, plain := range map[string][]byte{
		"empty":                         {},
		"an unknown format byte":        {0x07, 1, 2},
		"only the format byte":          {formatBinary},
		"a short id":                    good[:10],
		"a string longer than the rest": append(clone(good[:17]), 0xff, 0xff, 0x03),
		"trailing bytes":                append(clone(good), 0),
		"an unknown payload tag":        bytes.Replace(clone(good), []byte{'E', byte(len("Rätt dag 🌊"))}, []byte{'Z', byte(len("Rätt dag 🌊"))}, 1),
		"an entry payload on a gratitude record": func() []byte {
			r := codecRecords()["an entry with every field"]
			r.Kind = KindGratitude
			b, _ := encodeRecord(r)
			return b
		}(),
		"a JSON payload that is not JSON": append(clone(gratitude[:len(gratitude)-2]), '}', '{'),
	} {
		t.Run(name, func(t *testing.T) {
			var r Record
			if err := decodeRecord(plain, &r); err == nil {
				t.Errorf("decodeRecord accepted %q", plain)
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
			return
		}
		// What decodes must encode, and then decode and encode again to
		// the same bytes. (Not to the input bytes: time.Time's own binary
		// form has more than one spelling of some instants.)
		once, err := encodeRecord(&r)
		if err != nil {
			return // a record with no payload for its kind decodes from JSON "null"
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
