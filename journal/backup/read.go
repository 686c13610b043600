package backup

import (
	"archive/tar"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"slices"
	"strings"

	"filippo.io/age"

	rwcrypto "github.com/rewirejournal/rewire/crypto"
	"github.com/rewirejournal/rewire/journal"
)

// Contents is a backup that passed every check.
type Contents struct {
	Manifest Manifest
	Records  []journal.Record // in the order of the file: oldest day first
}

// maxManifest bounds the manifest a reader accepts; a real one is under
// 1 KiB.
const maxManifest = 1 << 20

// ReadFile reads and checks the backup at path; see [Read].
func ReadFile(path string, key Key, progress func(done, total int)) (*Contents, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(bufio.NewReaderSize(f, 256<<10), key, progress)
}

// Verify reads the backup at path and checks everything [Read] checks,
// keeping only the manifest.
func Verify(path string, key Key, progress func(done, total int)) (*Manifest, error) {
	c, err := ReadFile(path, key, progress)
	if err != nil {
		return nil, err
	}
	return &c.Manifest, nil
}

// Read decrypts a backup with key and checks all of it: age's
// authentication of every byte, the manifest (first, of a format this code
// knows), the SHA-256 and size of every part, that every record validates
// and has a unique id, and that the records match the manifest's counts.
// Only then are the records returned. progress, if not nil, gets the number
// of records read so far of the manifest's count.
//
// Errors wrap [ErrNotBackup], [ErrDamaged] (with [ErrChecksum] for a
// checksum mismatch), [ErrUnsafePath], [ErrNewerFormat], or, when the key
// does not fit, [ErrWrongPassphrase], [ErrWrongRecoveryKit],
// [ErrNeedsPassphrase] or [ErrNeedsRecoveryKit].
func Read(r io.Reader, key Key, progress func(done, total int)) (*Contents, error) {
	return read(r, key, progress, true)
}

// read is [Read]; with deep false it checks everything but parses each
// record only for its id, kind and version and returns no records. That is
// how a backup just written is verified: every byte is authenticated and
// matches its checksum, so what is on disk is what was encoded, and the
// records were validated before encoding.
func read(r io.Reader, key Key, progress func(done, total int), deep bool) (*Contents, error) {
	if key.id == nil {
		return nil, errors.New("backup: no key given")
	}
	br := bufio.NewReader(r)
	head, _ := br.Peek(len(ageMagic))
	switch {
	case len(head) == 0:
		return nil, fmt.Errorf("%w: the file is empty", ErrDamaged)
	case !strings.HasPrefix(ageMagic, string(head)) && !strings.HasPrefix(string(head), ageMagic):
		return nil, ErrNotBackup
	}
	plain, err := age.Decrypt(br, key.id)
	if err != nil {
		var noMatch *age.NoIdentityMatchError
		if errors.As(err, &noMatch) {
			return nil, keyMismatch(key, noMatch.StanzaTypes)
		}
		return nil, fmt.Errorf("%w: %s", ErrDamaged, ageProblem(err))
	}
	return readPlain(plain, progress, deep)
}

// ageProblem describes an age failure in words for the user, without
// quoting anything from the file.
func ageProblem(err error) string {
	switch msg := err.Error(); {
	case errors.Is(err, errVaultStanza):
		return errVaultStanza.Error()
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "the file ends early"
	case strings.Contains(msg, "header MAC"):
		return "its header fails authentication"
	case strings.Contains(msg, "header"):
		return "its header is malformed or cut short"
	case strings.Contains(msg, "work factor"):
		return "its passphrase cost is beyond what Rewire accepts"
	case strings.Contains(msg, "trailing data"):
		return "there is data after its end"
	}
	return "its contents fail authentication: the file is cut short, changed or corrupted"
}

// readPlain reads the decrypted tar archive. Errors while reading plain
// come from age's authentication of the payload (or a short file) and are
// reported as damage; errors in the tar structure of an authentic payload
// mean the file is not a Rewire backup.
func readPlain(plain io.Reader, progress func(done, total int), deep bool) (*Contents, error) {
	src := &trackReader{r: plain}
	tr := tar.NewReader(src)
	var (
		m       *Manifest
		c       = &Contents{}
		read    int // records
		seen    = map[string]bool{}
		counted = map[journal.Kind]int{}
	)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, src.blame(err, m == nil)
		}
		if err := checkEntry(hdr); err != nil {
			return nil, err
		}
		name := hdr.Name
		if seen[name] {
			return nil, fmt.Errorf("%w: %s appears twice", ErrDamaged, name)
		}
		seen[name] = true
		if m == nil {
			if name != ManifestName {
				return nil, fmt.Errorf("%w: the archive does not start with %s", ErrNotBackup, ManifestName)
			}
			if m, err = readManifest(tr, hdr.Size); err != nil {
				return nil, src.blame(err, true)
			}
			c.Manifest = *m
			continue
		}
		want, listed := m.Parts[name]
		if !listed {
			return nil, fmt.Errorf("%w: %s is not in the manifest", ErrDamaged, name)
		}
		if hdr.Size != want.Size {
			return nil, fmt.Errorf("%w: %w: %s is %d bytes, the manifest says %d", ErrDamaged, ErrChecksum, name, hdr.Size, want.Size)
		}
		if name != RecordsName {
			// A part this version does not use; its checksum is still
			// checked.
			h := sha256.New()
			if _, err := io.Copy(h, tr); err != nil {
				return nil, src.blame(err, false)
			}
			if err := checkSum(name, h.Sum(nil), want); err != nil {
				return nil, err
			}
			continue
		}
		// The records are read whole and checked against their checksum
		// before any is parsed. The buffer grows only as authenticated
		// data arrives, whatever size the header claims.
		var data bytes.Buffer
		if _, err := data.ReadFrom(io.LimitReader(tr, hdr.Size)); err != nil {
			rwcrypto.Wipe(data.Bytes())
			return nil, src.blame(err, false)
		}
		sum := sha256.Sum256(data.Bytes())
		if err := checkSum(name, sum[:], want); err != nil {
			rwcrypto.Wipe(data.Bytes())
			return nil, err
		}
		c.Records, read, err = decodeRecords(data.Bytes(), m.Records, counted, progress, deep)
		rwcrypto.Wipe(data.Bytes())
		if err != nil {
			return nil, err
		}
	}
	// Read to the end of the age stream: its last chunk is authenticated
	// only when it is read, and a file cut after the tar's end is damaged
	// too.
	if _, err := io.Copy(io.Discard, src); err != nil {
		return nil, src.blame(err, false)
	}
	if m == nil {
		return nil, fmt.Errorf("%w: the archive is empty", ErrNotBackup)
	}
	for _, name := range slices.Sorted(maps.Keys(m.Parts)) {
		if !seen[name] {
			return nil, fmt.Errorf("%w: %s is missing", ErrDamaged, name)
		}
	}
	if read != m.Records {
		return nil, fmt.Errorf("%w: %d records, the manifest says %d", ErrDamaged, read, m.Records)
	}
	for _, k := range slices.Sorted(maps.Keys(m.Counts)) {
		if counted[k] != m.Counts[k] {
			return nil, fmt.Errorf("%w: %d %s records, the manifest says %d", ErrDamaged, counted[k], k, m.Counts[k])
		}
	}
	for k, n := range counted {
		if m.Counts[k] != n {
			return nil, fmt.Errorf("%w: %d %s records, the manifest says %d", ErrDamaged, n, k, m.Counts[k])
		}
	}
	return c, nil
}

// checkEntry refuses anything but a plain file with a plain relative name:
// `tar -x` of a backup must never write outside the folder it runs in.
func checkEntry(hdr *tar.Header) error {
	name := hdr.Name
	switch {
	case name == "", strings.HasPrefix(name, "/"), strings.Contains(name, `\`),
		len(name) >= 2 && name[1] == ':', // a Windows drive
		path.Clean(name) != name, name == ".", name == "..",
		strings.HasPrefix(name, "../"), strings.Contains(name, "/../"), strings.HasSuffix(name, "/.."):
		return fmt.Errorf("%w: %q", ErrUnsafePath, printable(name))
	}
	switch hdr.Typeflag {
	case tar.TypeReg:
		return nil
	case tar.TypeSymlink, tar.TypeLink:
		return fmt.Errorf("%w: %q is a link", ErrUnsafePath, printable(name))
	}
	return fmt.Errorf("%w: %q is not a plain file", ErrDamaged, printable(name))
}

// printable keeps a name from a hostile archive short and free of control
// characters before it goes into a message.
func printable(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, s)
	if len(s) > 64 {
		s = s[:64] + "…"
	}
	return s
}

func readManifest(r io.Reader, size int64) (*Manifest, error) {
	if size > maxManifest {
		return nil, fmt.Errorf("%w: the manifest is %d bytes", ErrDamaged, size)
	}
	b, err := io.ReadAll(io.LimitReader(r, maxManifest))
	if err != nil {
		return nil, err
	}
	// The format number first: a newer manifest may not parse as this one.
	var v struct {
		Format int    `json:"format"`
		App    string `json:"app"`
	}
	if err := json.Unmarshal(b, &v); err != nil || v.App != appName {
		return nil, fmt.Errorf("%w: %s is not a Rewire manifest", ErrNotBackup, ManifestName)
	}
	switch {
	case v.Format > FormatVersion:
		return nil, fmt.Errorf("%w (format %d; this Rewire reads up to %d)", ErrNewerFormat, v.Format, FormatVersion)
	case v.Format < 1:
		return nil, fmt.Errorf("%w: format %d", ErrDamaged, v.Format)
	}
	m := new(Manifest)
	if err := json.Unmarshal(b, m); err != nil {
		return nil, fmt.Errorf("%w: the manifest does not parse", ErrDamaged)
	}
	switch {
	case m.Schema > journal.RecordVersion:
		return nil, fmt.Errorf("%w (records are version %d; this Rewire reads up to %d)", ErrNewerFormat, m.Schema, journal.RecordVersion)
	case m.Records < 0 || m.Records > 1<<28:
		return nil, fmt.Errorf("%w: the manifest counts %d records", ErrDamaged, m.Records)
	}
	if _, ok := m.Parts[RecordsName]; !ok {
		return nil, fmt.Errorf("%w: the manifest lists no %s", ErrDamaged, RecordsName)
	}
	for name, p := range m.Parts {
		if name == ManifestName || p.Size < 0 || len(p.SHA256) != 2*sha256.Size {
			return nil, fmt.Errorf("%w: the manifest's entry for %q is malformed", ErrDamaged, printable(name))
		}
	}
	return m, nil
}

// decodeRecords parses records.jsonl: one valid record a line, no id
// twice, no more lines than the manifest counts. Lines are decoded in
// parallel; progress gets the number decoded of want. With deep false only
// each record's id, kind and version are parsed, and no records returned.
func decodeRecords(data []byte, want int, counted map[journal.Kind]int, progress func(done, total int), deep bool) ([]journal.Record, int, error) {
	var lines [][]byte
	for len(data) > 0 {
		line, rest, found := bytes.Cut(data, []byte{'\n'})
		if !found {
			return nil, 0, fmt.Errorf("%w: %s does not end with a new line", ErrDamaged, RecordsName)
		}
		if len(lines) == want {
			return nil, 0, fmt.Errorf("%w: more records than the manifest's %d", ErrDamaged, want)
		}
		lines, data = append(lines, line), rest
	}
	var recs []journal.Record
	heads := make([]recordHead, len(lines))
	errs := make([]error, len(lines))
	decode := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			errs[i] = decodeHead(lines[i], &heads[i])
		}
	}
	if deep {
		recs = make([]journal.Record, len(lines))
		decode = func(lo, hi int) {
			for i := lo; i < hi; i++ {
				errs[i] = decodeRecord(lines[i], &recs[i])
				heads[i] = recordHead{ID: recs[i].ID, Kind: recs[i].Kind}
			}
		}
	}
	inParallel(len(lines), decode, newProgress(progress, want))
	ids := make(map[journal.ID]bool, len(lines))
	for i, h := range heads {
		switch {
		case errs[i] != nil:
			return nil, 0, fmt.Errorf("record on line %d: %w", i+1, errs[i])
		case ids[h.ID]:
			return nil, 0, fmt.Errorf("%w: record %s appears twice", ErrDamaged, h.ID)
		}
		ids[h.ID] = true
		counted[h.Kind]++
	}
	return recs, len(lines), nil
}

// recordHead is the part of a record a shallow check reads.
type recordHead struct {
	ID      journal.ID   `json:"id"`
	Kind    journal.Kind `json:"kind"`
	Version int          `json:"v"`
}

func decodeHead(line []byte, h *recordHead) error {
	if err := json.Unmarshal(line, h); err != nil {
		return fmt.Errorf("%w: it does not parse", ErrDamaged)
	}
	switch {
	case h.Version > journal.RecordVersion:
		return fmt.Errorf("%w (version %d)", ErrNewerFormat, h.Version)
	case h.ID.IsZero():
		return fmt.Errorf("%w: it has no id", ErrDamaged)
	case !h.Kind.Valid():
		return fmt.Errorf("%w: unknown kind", ErrDamaged)
	}
	return nil
}

func decodeRecord(line []byte, r *journal.Record) error {
	if err := json.Unmarshal(line, r); err != nil {
		return fmt.Errorf("%w: it does not parse", ErrDamaged)
	}
	switch {
	case r.Version > journal.RecordVersion:
		return fmt.Errorf("%w (version %d)", ErrNewerFormat, r.Version)
	case r.ID.IsZero():
		return fmt.Errorf("%w: it has no id", ErrDamaged)
	}
	if err := r.Validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	return nil
}

func checkSum(name string, got []byte, want Part) error {
	if hex.EncodeToString(got) != strings.ToLower(want.SHA256) {
		return fmt.Errorf("%w: %w: %s", ErrDamaged, ErrChecksum, name)
	}
	return nil
}

// trackReader remembers the first error of the decrypting reader, so a
// failure seen through the tar reader can be blamed on the right layer.
type trackReader struct {
	r   io.Reader
	err error
}

func (t *trackReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if err != nil && err != io.EOF && t.err == nil {
		t.err = err
	}
	return n, err
}

// blame reports err from reading the archive. If decryption failed, the
// file is damaged or cut short; otherwise the payload is authentic but not
// a well-formed backup (not one at all if nothing was read yet).
func (t *trackReader) blame(err error, first bool) error {
	if t.err != nil {
		return fmt.Errorf("%w: %s", ErrDamaged, ageProblem(t.err))
	}
	for _, sentinel := range []error{ErrNotBackup, ErrDamaged, ErrNewerFormat, ErrUnsafePath} {
		if errors.Is(err, sentinel) {
			return err
		}
	}
	if first {
		return fmt.Errorf("%w: it holds no Rewire archive", ErrNotBackup)
	}
	return fmt.Errorf("%w: the archive is malformed", ErrDamaged)
}
