package transfer

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"regexp"
	"strings"
	"time"
	_ "time/tzdata" // Day One names zones; Windows has no zone database
)

// dayOneExport is the shape of Day One's JSON export (Day One 2 and
// later): a zip of one JSON file per journal (Journal.json, …) beside
// photos/ and other media folders, or one such JSON file alone. Each entry
// has many more fields (location, weather, richText, device…), which
// Rewire does not keep.
type dayOneExport struct {
	Metadata *struct {
		Version string `json:"version"`
	} `json:"metadata"`
	Entries []struct {
		UUID         string   `json:"uuid"`
		CreationDate *string  `json:"creationDate"` // RFC 3339, UTC: 2021-03-03T11:48:50Z
		ModifiedDate string   `json:"modifiedDate"`
		TimeZone     string   `json:"timeZone"` // IANA, e.g. Europe/Stockholm
		Text         string   `json:"text"`     // Markdown, with Day One's backslash escapes
		Tags         []string `json:"tags"`
		Starred      bool     `json:"starred"`
	} `json:"entries"`
}

// Limits for a Day One zip, so a crafted archive cannot exhaust memory.
const (
	maxZipFiles = 100_000
	maxZipJSON  = maxSource
)

// ParseDayOne reads a Day One export at path: the zip as Day One makes
// it, or a journal's JSON file from inside one. See [ParseDayOneJSON].
func ParseDayOne(path string, fallback *time.Location) (*Parsed, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readAllLimited(f)
	if err != nil {
		return nil, fmt.Errorf("read Day One export: %w", err)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return ParseDayOneZip(bytes.NewReader(data), int64(len(data)), fallback)
	}
	return ParseDayOneJSON(data, fallback)
}

// ParseDayOneZip reads every journal's JSON file in a Day One export zip,
// at its top or one folder down (a zip made again from the unpacked
// folder). Photos and other media are not imported; the text marks where
// they were.
func ParseDayOneZip(r io.ReaderAt, size int64, fallback *time.Location) (*Parsed, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: not a zip file", ErrFormat)
	}
	if len(zr.File) > maxZipFiles {
		return nil, fmt.Errorf("%w: the zip holds %d files", ErrFormat, len(zr.File))
	}
	all := &Parsed{Format: DayOne}
	journals := 0
	for _, f := range zr.File {
		name := f.Name
		if strings.Count(name, "/") > 1 || strings.HasPrefix(name, "__MACOSX/") ||
			strings.HasPrefix(path.Base(name), ".") || !strings.EqualFold(path.Ext(name), ".json") {
			continue
		}
		if f.UncompressedSize64 > maxZipJSON {
			all.Skipped = append(all.Skipped, Skip{Where: Where{File: clip(name)}, Reason: SkipTooLarge, N: maxZipJSON >> 20})
			continue
		}
		rc, err := f.Open()
		if err != nil {
			all.Skipped = append(all.Skipped, Skip{Where: Where{File: clip(name)}, Reason: SkipUnreadable, Value: err.Error()})
			continue
		}
		// The size in the zip's directory may lie; the limit holds anyway.
		data, err := readAllLimited(rc)
		rc.Close()
		if err != nil {
			all.Skipped = append(all.Skipped, Skip{Where: Where{File: clip(name)}, Reason: SkipUnreadable, Value: err.Error()})
			continue
		}
		p, err := ParseDayOneJSON(data, fallback)
		if err != nil {
			all.Skipped = append(all.Skipped, Skip{Where: Where{File: clip(name)}, Reason: SkipNotDayOne})
			continue
		}
		journals++
		all.Records = append(all.Records, p.Records...)
		for _, s := range p.Skipped {
			all.Skipped = append(all.Skipped, s.in(clip(name)))
		}
	}
	if journals == 0 {
		return nil, fmt.Errorf("%w: no Day One journal (a .json file with \"entries\") in the zip", ErrFormat)
	}
	sortRecords(all.Records)
	return all, nil
}

var (
	// dayOneMedia is how Day One's text embeds a photo, video, audio
	// recording or PDF kept in the export's media folders:
	// ![](dayone-moment://ID) or ![](dayone-moment:/video/ID).
	dayOneMedia = regexp.MustCompile(`!\[[^\]]*\]\(dayone-moment:[^)]*\)`)
	// mdEscape is a CommonMark backslash escape, which Day One puts before
	// punctuation: "I did it\!".
	mdEscape = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
)

// ParseDayOneJSON reads one journal of Day One's JSON export. Dates are
// turned to the entry's own time zone (fallback when it names none or an
// unknown one), so an entry written at 23:30 in Stockholm stays on that
// day. A first line "# Title" becomes the title; Day One's backslash
// escapes are undone; starred and tags are kept.
func ParseDayOneJSON(data []byte, fallback *time.Location) (*Parsed, error) {
	if fallback == nil {
		fallback = time.Local
	}
	var x dayOneExport
	if err := json.Unmarshal(data, &x); err != nil || x.Entries == nil {
		return nil, fmt.Errorf("%w: not a Day One JSON export (want an object with \"entries\")", ErrFormat)
	}
	p := &Parsed{Format: DayOne}
	media, dated := 0, 0
	for i, e := range x.Entries {
		if e.CreationDate == nil {
			p.Skipped = append(p.Skipped, Skip{Where: Where{Entry: i + 1}, Reason: SkipNoDate})
			continue
		}
		dated++
		at, err := time.Parse(time.RFC3339, *e.CreationDate)
		if err != nil {
			p.Skipped = append(p.Skipped, Skip{Where: Where{Entry: i + 1}, Reason: SkipBadDate, Value: clip(*e.CreationDate)})
			continue
		}
		loc := fallback
		if e.TimeZone != "" {
			if l, err := time.LoadLocation(e.TimeZone); err == nil {
				loc = l
			}
		}
		at = at.In(loc)
		updated, _ := time.Parse(time.RFC3339, e.ModifiedDate)
		text := strings.ReplaceAll(e.Text, "\r\n", "\n")
		media += len(dayOneMedia.FindAllStringIndex(text, -1))
		text = dayOneMedia.ReplaceAllString(text, "[photo]")
		text = mdEscape.ReplaceAllString(text, "$1")
		title, body := "", text
		if first, rest, _ := strings.Cut(strings.TrimLeft(text, "\n"), "\n"); strings.HasPrefix(first, "# ") {
			title, body = strings.TrimPrefix(first, "# "), rest
		}
		p.keepValid(Where{Entry: i + 1, At: at.Format(messageTime)}, newEntry(at, updated.In(loc), title, body, e.Tags, e.Starred))
	}
	if dated == 0 && len(x.Entries) > 0 {
		return nil, fmt.Errorf("%w: not a Day One JSON export (its entries have no \"creationDate\")", ErrFormat)
	}
	if media > 0 {
		p.Skipped = append(p.Skipped, Skip{Reason: SkipMedia, N: media})
	}
	sortRecords(p.Records)
	return p, nil
}
