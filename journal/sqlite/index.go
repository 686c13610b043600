package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rewirejournal/rewire/journal"
)

// defaultLimit is the number of hits a Query with Limit 0 returns.
const defaultLimit = 50

// Index is the in-memory full-text index: an FTS5 table in SQLite
// in-memory databases, never written to disk. It implements
// [journal.Index]; make one with [NewIndex]. Its methods are safe for
// concurrent use.
//
// Docs are spread over a few shards (one per CPU, at most 4), each its own
// in-memory database on its own connection, so that the bulk load at unlock
// tokenizes on every core; a search asks every shard in parallel, merges
// by rank and cuts snippets for the hits it returns. The ranking's
// statistics (the average length of a doc and, for queries of several
// terms, each term's IDF; see rankFunc) are per shard, which with ids
// spread at random changes ranks only slightly.
//
// Matching folds case in every script and removes diacritics from Latin
// letters only (unicode61, remove_diacritics 2): "karlek" finds "kärlek" and
// "cafe" finds "café", but Cyrillic letters stay distinct, so "мии" does not
// find "мій", nor "іжа" "їжа" (good for Ukrainian, where й, ї and є are
// letters of their own). An apostrophe splits a word: "ясо" finds "м'ясо".
type Index struct {
	mu     sync.Mutex
	shards []*shard
	closed bool
}

var _ journal.Index = (*Index)(nil)

// shard is one in-memory database. Its rowids are ours: rows maps a doc's id
// to its rowid, so a replace or a remove deletes by rowid without a scan.
//
// The FTS5 table is contentless (content=”): it keeps the tokens and
// their positions but not the text, which SQLite would otherwise copy and
// store a second time. What a hit needs besides its rank (id, kind, date,
// title, and the text to cut a snippet from) is in docs, by rowid; the
// strings are the ones the caller passed in, shared, not copied. Leaving
// the text out makes the bulk load about a quarter faster and the index
// about half as big.
type shard struct {
	db   *sql.DB
	conn *sql.Conn // the one connection that holds the database
	rows map[journal.ID]int64
	docs map[int64]*journal.Doc
	next int64
}

// NewIndex makes an empty index.
func NewIndex() (*Index, error) {
	return newIndex(min(runtime.NumCPU(), 4))
}

func newIndex(shards int) (*Index, error) {
	if err := registerRank(); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	ix := &Index{}
	for range max(shards, 1) {
		sh, err := newShard()
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("search index: %w", err)
		}
		ix.shards = append(ix.shards, sh)
	}
	return ix, nil
}

func newShard() (*shard, error) {
	// ":memory:" is private to its connection, so the shard pins one
	// connection for its whole life: were database/sql to open another, it
	// would see an empty database.
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(context.Background())
	if err != nil {
		db.Close()
		return nil, err
	}
	sh := &shard{db: db, conn: conn, rows: map[journal.ID]int64{}, docs: map[int64]*journal.Doc{}}
	// hashsize (1 MiB by default) is how much tokenized text FTS5 buffers
	// before writing a segment: 32 MiB lets the bulk load at unlock write
	// far fewer segments and merge them less, about 20% faster in
	// BenchmarkIndexAdd10k. It is memory the index takes anyway.
	_, err = conn.ExecContext(context.Background(), `
		PRAGMA temp_store = MEMORY;
		CREATE VIRTUAL TABLE docs USING fts5(
			title, text, tags, content = '', contentless_delete = 1,
			tokenize = 'unicode61 remove_diacritics 2');
		INSERT INTO docs (docs, rank) VALUES ('hashsize', 33554432);`)
	if err != nil {
		sh.close()
		if strings.Contains(err.Error(), "no such module") {
			return nil, fmt.Errorf("%w (build with -tags sqlite_fts5)", err)
		}
		return nil, err
	}
	return sh, nil
}

func (sh *shard) close() error {
	err := sh.conn.Close()
	if cerr := sh.db.Close(); err == nil {
		err = cerr
	}
	return err
}

var errClosed = errors.New("search index is closed")

// shardOf picks a doc's shard from its random id.
func (ix *Index) shardOf(id journal.ID) int {
	return int(id[0]) % len(ix.shards)
}

// Add indexes docs, replacing any with the same id. Each shard loads its
// part in one transaction, all shards in parallel.
func (ix *Index) Add(docs ...journal.Doc) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return errClosed
	}
	// The shards keep the docs (see shard), so they get their own copy of
	// the slice; the strings in it are shared.
	docs = slices.Clone(docs)
	parts := make([][]*journal.Doc, len(ix.shards))
	for i := range docs {
		k := ix.shardOf(docs[i].ID)
		parts[k] = append(parts[k], &docs[i])
	}
	err := ix.eachShard(func(k int, sh *shard) error { return sh.add(parts[k]) })
	if err != nil {
		return fmt.Errorf("search index: add: %w", err)
	}
	return nil
}

// eachShard runs fn on every shard, in parallel when there are several,
// and returns the first error.
func (ix *Index) eachShard(fn func(k int, sh *shard) error) error {
	if len(ix.shards) == 1 {
		return fn(0, ix.shards[0])
	}
	errs := make([]error, len(ix.shards))
	var wg sync.WaitGroup
	for k, sh := range ix.shards {
		wg.Go(func() { errs[k] = fn(k, sh) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (sh *shard) add(docs []*journal.Doc) error {
	if len(docs) == 0 {
		return nil
	}
	ctx := context.Background()
	tx, err := sh.conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO docs (rowid, title, text, tags) VALUES (?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	del, err := tx.PrepareContext(ctx, `DELETE FROM docs WHERE rowid = ?`)
	if err != nil {
		return err
	}
	defer del.Close()
	// The maps change only once the transaction commits.
	added := make(map[journal.ID]int64, len(docs))
	next := sh.next
	for _, d := range docs {
		old, ok := added[d.ID]
		if !ok {
			old, ok = sh.rows[d.ID]
		}
		if ok {
			if _, err := del.ExecContext(ctx, old); err != nil {
				return err
			}
		}
		next++
		_, err := ins.ExecContext(ctx, next, d.Title, d.Text, strings.Join(d.Tags, "\n"))
		if err != nil {
			return err
		}
		added[d.ID] = next
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	first := sh.next
	sh.next = next
	for _, d := range docs {
		if old, ok := sh.rows[d.ID]; ok {
			delete(sh.docs, old)
		}
	}
	for _, d := range docs {
		row := added[d.ID]
		sh.rows[d.ID] = row
		sh.docs[row] = d
	}
	return sh.keepSizes(first)
}

// keepSizes puts the lengths of the rows after row, as FTS5 counted them
// in its docsize table, into its connection's size cache for the ranking (see
// rankFunc): one pass over the new rows, in C, about 0.1 µs a row. It runs
// after the commit, so the cache never holds a row that was rolled back.
func (sh *shard) keepSizes(row int64) error {
	var n int64
	err := sh.conn.QueryRowContext(context.Background(),
		`SELECT count(*) FROM docs_docsize WHERE id > ? AND rewire_size(id, sz)`,
		row).Scan(&n)
	if err != nil {
		return fmt.Errorf("keeping rows' lengths: %w", err)
	}
	return nil
}

// Remove drops docs by id; unknown ids are ignored.
func (ix *Index) Remove(ids ...journal.ID) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return errClosed
	}
	parts := make([][]journal.ID, len(ix.shards))
	for _, id := range ids {
		k := ix.shardOf(id)
		parts[k] = append(parts[k], id)
	}
	err := ix.eachShard(func(k int, sh *shard) error { return sh.remove(parts[k]) })
	if err != nil {
		return fmt.Errorf("search index: remove: %w", err)
	}
	return nil
}

func (sh *shard) remove(ids []journal.ID) error {
	ctx := context.Background()
	var rows []int64
	for _, id := range ids {
		if row, ok := sh.rows[id]; ok {
			rows = append(rows, row)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	tx, err := sh.conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	del, err := tx.PrepareContext(ctx, `DELETE FROM docs WHERE rowid = ?`)
	if err != nil {
		return err
	}
	defer del.Close()
	for _, row := range rows {
		if _, err := del.ExecContext(ctx, row); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for _, id := range ids {
		delete(sh.docs, sh.rows[id])
		delete(sh.rows, id)
	}
	return nil
}

// Search runs q, best matches first. Text without a letter or digit finds
// nothing (and is no error); with only a Tag, every doc with that tag is a
// match. The Tag must equal one of a doc's tags, ignoring case.
func (ix *Index) Search(q journal.Query) ([]journal.Hit, error) {
	expr, err := matchExpr(q.Text)
	if err != nil {
		return nil, err
	}
	hl := newHighlighter(parseQuery(q.Text))
	tag := strings.TrimSpace(q.Tag)
	if tag != "" && hasToken(tag) {
		// Narrow to docs whose tags hold the tag's words; the exact,
		// whole-tag test is done below against the doc's tags.
		if expr != "" {
			expr += " AND "
		}
		expr += "{tags} : " + quoteFTS(tag)
	}
	if expr == "" {
		return nil, nil
	}
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}

	// Kind and date are checked here, in Go, as rows come back in rank
	// order: the table does not hold them. Without filters SQLite can stop
	// at the limit itself.
	//
	// The rank is bm25 (rankFunc, see there) with the title weighted above
	// the tags, and the tags above the body. Ranking every match is most of
	// a query's time; the function called with its weights is about a third
	// faster than the same function configured as the table's "rank".
	query := `SELECT rowid, ` + rankFunc + `(docs, 5.0, 1.0, 2.0) AS score FROM docs WHERE docs MATCH ? ORDER BY score`
	args := []any{expr}
	filtered := len(q.Kinds) > 0 || q.From != "" || q.To != "" || tag != ""
	if !filtered {
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	keep := func(d *journal.Doc) bool {
		return (len(q.Kinds) == 0 || slices.Contains(q.Kinds, d.Kind)) &&
			(q.From == "" || d.Date >= q.From) && (q.To == "" || d.Date <= q.To) &&
			(tag == "" || hasTag(d.Tags, tag))
	}

	ix.mu.Lock()
	if ix.closed {
		ix.mu.Unlock()
		return nil, errClosed
	}
	results := make([][]scored, len(ix.shards))
	err = ix.eachShard(func(k int, sh *shard) error {
		found, err := sh.search(query, args, limit, keep)
		results[k] = found
		return err
	})
	ix.mu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	found := slices.Concat(results...)
	slices.SortStableFunc(found, func(a, b scored) int { return cmp.Compare(a.rank, b.rank) })
	if len(found) > limit {
		found = found[:limit]
	}
	// Snippets only for the hits returned: each shard found up to limit.
	// The docs are never changed once added (a replace adds a new one), so
	// they can be read without the lock.
	hits := make([]journal.Hit, len(found))
	for i, f := range found {
		hits[i] = hit(f.doc, f.rank, hl)
	}
	return hits, nil
}

// scored is a doc a shard found, with its rank.
type scored struct {
	doc  *journal.Doc
	rank float64
}

// hit makes d a search result. The snippet shows the body around the
// match; when only the title matched, the title itself, highlighted.
func hit(d *journal.Doc, rank float64, hl *highlighter) journal.Hit {
	h := journal.Hit{ID: d.ID, Kind: d.Kind, Date: d.Date, Title: d.Title, Rank: rank}
	var found bool
	h.Snippet, h.Marks, found = hl.snippet(d.Text)
	if !found {
		if title, marks, ok := hl.snippet(d.Title); ok {
			h.Snippet, h.Marks = title, marks
		}
	}
	return h
}

func hasTag(tags []string, tag string) bool {
	for _, t := range tags {
		if strings.EqualFold(strings.TrimSpace(t), tag) {
			return true
		}
	}
	return false
}

// search runs query on one shard and keeps up to limit rows that pass keep,
// best first.
func (sh *shard) search(query string, args []any, limit int, keep func(*journal.Doc) bool) ([]scored, error) {
	rows, err := sh.conn.QueryContext(context.Background(), query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var found []scored
	for len(found) < limit && rows.Next() {
		var (
			row  int64
			rank float64
		)
		if err := rows.Scan(&row, &rank); err != nil {
			return nil, err
		}
		if d := sh.docs[row]; d != nil && keep(d) {
			found = append(found, scored{d, rank})
		}
	}
	return found, rows.Err()
}

// Close drops the index and the plaintext it holds. Closing twice is
// harmless; the index is unusable afterwards.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	var errs []error
	for _, sh := range ix.shards {
		errs = append(errs, sh.close())
	}
	ix.shards = nil
	return errors.Join(errs...)
}
