package backup

import (
	"archive/tar"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"time"

	"filippo.io/age"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
)

// FormatVersion is the backup format this code writes. [Read] accepts every
// version up to it and refuses newer ones with [ErrNewerFormat].
const FormatVersion = 1

// Names of the parts inside a backup's tar archive.
const (
	ManifestName = "manifest.json"
	RecordsName  = "records.jsonl"
)

// appName marks a manifest as Rewire's.
const appName = "Rewire"

// Manifest describes a backup. It is the first file in the archive.
type Manifest struct {
	Format     int                  `json:"format"`     // FormatVersion when written
	App        string               `json:"app"`        // "Rewire"
	AppVersion string               `json:"appVersion"` // the version that wrote it
	Schema     int                  `json:"schema"`     // journal.RecordVersion: the record encoding in records.jsonl
	Vault      journal.ID           `json:"vault"`      // the vault it was made from
	Created    time.Time            `json:"created"`
	Records    int                  `json:"records"` // lines in records.jsonl
	Counts     map[journal.Kind]int `json:"counts"`  // records by kind
	Parts      map[string]Part      `json:"parts"`   // every other file in the archive
}

// Part is the checksum of one file in the archive.
type Part struct {
	SHA256 string `json:"sha256"` // lower-case hex
	Size   int64  `json:"size"`
}

// Info is what a caller tells [Write] about a backup.
type Info struct {
	Vault      journal.ID
	Created    time.Time // when the records were read; zero means now
	AppVersion string    // "" means the version of the running binary
}

// appVersion is the main module's version, or "devel".
func appVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// Write writes a backup of recs to w, encrypted to to, and returns its
// manifest. The records are written oldest day first; recs is not changed.
// progress, if not nil, gets the number of records encoded so far.
func Write(w io.Writer, recs []journal.Record, to Recipient, info Info, progress func(done, total int)) (*Manifest, error) {
	_, m, err := write(w, recs, to, info, progress)
	return m, err
}

// write is Write that also returns the age file key, so the caller can read
// the file back without the recovery identity (which it does not have).
// The caller wipes the key.
func write(w io.Writer, recs []journal.Record, to Recipient, info Info, progress func(done, total int)) (fileKey []byte, _ *Manifest, _ error) {
	if len(to.rs) == 0 {
		return nil, nil, fmt.Errorf("backup: no recipient")
	}
	m := &Manifest{
		Format:     FormatVersion,
		App:        appName,
		AppVersion: cmp.Or(info.AppVersion, appVersion()),
		Schema:     journal.RecordVersion,
		Vault:      info.Vault,
		Created:    info.Created.UTC().Truncate(time.Second),
		Counts:     map[journal.Kind]int{},
	}
	if info.Created.IsZero() {
		m.Created = time.Now().UTC().Truncate(time.Second)
	}

	order := make([]*journal.Record, len(recs))
	for i := range recs {
		order[i] = &recs[i]
	}
	slices.SortFunc(order, func(a, b *journal.Record) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), a.Created.Compare(b.Created), bytes.Compare(a.ID[:], b.ID[:]))
	})

	// records.jsonl is built in memory first, in chunks encoded in
	// parallel: its checksum goes in the manifest, which comes first so
	// readers can refuse a newer format before parsing anything else.
	for i, r := range order {
		if r.ID.IsZero() {
			return nil, nil, fmt.Errorf("backup: record %d has no id", i+1)
		}
		m.Counts[r.Kind]++
	}
	errs := make([]error, len(order))
	inParallel(len(order), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if err := order[i].Validate(); err != nil {
				errs[i] = fmt.Errorf("backup: record %s: %w", order[i].ID, err)
			}
		}
	}, nil)
	if err := firstError(errs); err != nil {
		return nil, nil, err
	}
	chunks := make([][]byte, (len(order)+chunkSize-1)/chunkSize)
	errs = make([]error, len(chunks))
	defer func() {
		for _, c := range chunks {
			rwcrypto.Wipe(c)
		}
	}()
	inParallel(len(order), func(lo, hi int) {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for _, r := range order[lo:hi] {
			if err := enc.Encode(r); err != nil {
				errs[lo/chunkSize] = fmt.Errorf("backup: encode record %s: %w", r.ID, err)
				return
			}
		}
		chunks[lo/chunkSize] = buf.Bytes()
	}, newProgress(progress, len(order)))
	if err := firstError(errs); err != nil {
		return nil, nil, err
	}
	m.Records = len(order)
	h := sha256.New()
	size := 0
	for _, c := range chunks {
		h.Write(c)
		size += len(c)
	}
	m.Parts = map[string]Part{RecordsName: {SHA256: hex.EncodeToString(h.Sum(nil)), Size: int64(size)}}
	manifest, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, nil, fmt.Errorf("backup: manifest: %w", err)
	}
	manifest = append(manifest, '\n')

	capture := &keyCapture{Recipient: to.rs[0]}
	aw, err := age.Encrypt(w, append([]age.Recipient{capture}, to.rs[1:]...)...)
	if err != nil {
		return nil, nil, fmt.Errorf("backup: encrypt: %w", err)
	}
	tw := tar.NewWriter(aw)
	for _, p := range []struct {
		name   string
		chunks [][]byte
	}{{ManifestName, [][]byte{manifest}}, {RecordsName, chunks}} {
		hdr := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     p.name,
			Mode:     0o600,
			ModTime:  m.Created,
			Format:   tar.FormatUSTAR,
		}
		for _, c := range p.chunks {
			hdr.Size += int64(len(c))
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return nil, nil, fmt.Errorf("backup: write %s: %w", p.name, err)
		}
		for _, c := range p.chunks {
			if _, err := tw.Write(c); err != nil {
				return nil, nil, fmt.Errorf("backup: write %s: %w", p.name, err)
			}
		}
	}
	if err := tw.Close(); err != nil {
		return nil, nil, fmt.Errorf("backup: write: %w", err)
	}
	if err := aw.Close(); err != nil {
		return nil, nil, fmt.Errorf("backup: write: %w", err)
	}
	return capture.fileKey, m, nil
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// keyCapture wraps a recipient to keep a copy of the file key age makes,
// so a backup encrypted to the recovery kit can be read back and verified
// by the process that wrote it, which never holds the kit.
type keyCapture struct {
	age.Recipient
	fileKey []byte
}

func (k *keyCapture) Wrap(fileKey []byte) ([]*age.Stanza, error) {
	k.fileKey = bytes.Clone(fileKey)
	return k.Recipient.Wrap(fileKey)
}

// newProgress returns a function that passes done to fn about a hundred
// times over total, and always at total.
func newProgress(fn func(done, total int), total int) func(done int) {
	if fn == nil {
		return func(int) {}
	}
	step := max(1, total/100)
	return func(done int) {
		if done == total || done%step == 0 {
			fn(done, total)
		}
	}
}
