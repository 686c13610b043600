package transfer

import (
	"fmt"
	"io"
	"os"
	"time"
)

// Format names a source an import reads.
type Format string

// The formats Rewire imports.
const (
	Jrnl     Format = "jrnl"     // jrnl's JSON export (jrnl --format json)
	DayOne   Format = "dayone"   // Day One's JSON export: the zip, or a journal's JSON file
	Markdown Format = "markdown" // a folder of Markdown files (or one file)
)

// Formats lists the import formats.
var Formats = []Format{Jrnl, DayOne, Markdown}

// String returns the format's name as people know it.
func (f Format) String() string {
	switch f {
	case Jrnl:
		return "jrnl"
	case DayOne:
		return "Day One"
	case Markdown:
		return "Markdown"
	}
	return string(f)
}

// maxSource bounds what a parser reads from one file, and from all the
// files of a Markdown folder together.
const maxSource = 256 << 20

// ParseFile reads the source at path in format f. Times without a zone
// (jrnl's, and Markdown's) are read in loc, the user's zone; Day One
// entries carry their own. It returns an error wrapping [ErrFormat] when
// the source is not in format f, and an [os.PathError] when it cannot be
// read; entries it cannot use are listed in [Parsed.Skipped].
func ParseFile(f Format, path string, loc *time.Location) (*Parsed, error) {
	if loc == nil {
		loc = time.Local
	}
	switch f {
	case Jrnl:
		file, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer file.Close()
		return ParseJrnl(file, loc)
	case DayOne:
		return ParseDayOne(path, loc)
	case Markdown:
		return ParseMarkdown(path, loc)
	}
	return nil, fmt.Errorf("unknown import format %q", string(f))
}

// readAllLimited reads r to its end, refusing more than maxSource bytes.
func readAllLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSource+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSource {
		return nil, fmt.Errorf("%w: larger than %d MiB", ErrFormat, maxSource>>20)
	}
	return data, nil
}
