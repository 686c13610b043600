//go:build cgo

package sqlite

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

// The few declarations of SQLite's C API (sqlite3.h and its FTS5 part, in
// the public domain) that the ranking function needs. The symbols are
// those of the SQLite that github.com/mattn/go-sqlite3 compiles into the
// program; the FTS5 structs are append-only by design (iVersion), so a
// prefix of them is enough.
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3_value sqlite3_value;
typedef long long sqlite3_int64;
typedef struct Fts5Context Fts5Context;
typedef struct Fts5PhraseIter { const unsigned char *a, *b; } Fts5PhraseIter;
typedef struct Fts5ExtensionApi Fts5ExtensionApi;
struct Fts5ExtensionApi {
	int iVersion;
	void *(*xUserData)(Fts5Context*);
	int (*xColumnCount)(Fts5Context*);
	int (*xRowCount)(Fts5Context*, sqlite3_int64 *pnRow);
	int (*xColumnTotalSize)(Fts5Context*, int iCol, sqlite3_int64 *pnToken);
	int (*xTokenize)(Fts5Context*, const char*, int, void*, int (*)(void*, int, const char*, int, int, int));
	int (*xPhraseCount)(Fts5Context*);
	int (*xPhraseSize)(Fts5Context*, int iPhrase);
	int (*xInstCount)(Fts5Context*, int *pnInst);
	int (*xInst)(Fts5Context*, int iIdx, int *piPhrase, int *piCol, int *piOff);
	sqlite3_int64 (*xRowid)(Fts5Context*);
	int (*xColumnText)(Fts5Context*, int iCol, const char **pz, int *pn);
	int (*xColumnSize)(Fts5Context*, int iCol, int *pnToken);
	int (*xQueryPhrase)(Fts5Context*, int iPhrase, void *pUserData,
		int (*)(const Fts5ExtensionApi*, Fts5Context*, void*));
	int (*xSetAuxdata)(Fts5Context*, void *pAux, void (*xDelete)(void*));
	void *(*xGetAuxdata)(Fts5Context*, int bClear);
	// More members follow; they are not used here.
};
typedef void (*fts5_extension_function)(const Fts5ExtensionApi*, Fts5Context*,
	sqlite3_context*, int, sqlite3_value**);
typedef struct fts5_api {
	int iVersion;
	int (*xCreateTokenizer)(struct fts5_api*, const char*, void*, void*, void (*)(void*));
	int (*xFindTokenizer)(struct fts5_api*, const char*, void**, void*);
	int (*xCreateFunction)(struct fts5_api*, const char *zName, void *pUserData,
		fts5_extension_function xFunction, void (*xDestroy)(void*));
	// More members follow; they are not used here.
} fts5_api;

extern int sqlite3_auto_extension(void (*xEntryPoint)(void));
extern int sqlite3_prepare_v2(sqlite3*, const char*, int, sqlite3_stmt**, const char**);
extern int sqlite3_bind_pointer(sqlite3_stmt*, int, void*, const char*, void (*)(void*));
extern int sqlite3_step(sqlite3_stmt*);
extern int sqlite3_finalize(sqlite3_stmt*);
extern void *sqlite3_malloc64(unsigned long long);
extern void sqlite3_free(void*);
extern double sqlite3_value_double(sqlite3_value*);
extern sqlite3_int64 sqlite3_value_int64(sqlite3_value*);
extern const void *sqlite3_value_blob(sqlite3_value*);
extern int sqlite3_value_bytes(sqlite3_value*);
extern void sqlite3_result_int(sqlite3_context*, int);
extern void *sqlite3_user_data(sqlite3_context*);
extern int sqlite3_create_function_v2(sqlite3*, const char*, int, int, void*,
	void (*)(sqlite3_context*, int, sqlite3_value**),
	void (*)(sqlite3_context*, int, sqlite3_value**),
	void (*)(sqlite3_context*), void (*)(void*));
#define RW_SQLITE_UTF8 1
#define RW_SQLITE_DIRECTONLY 0x000080000
extern void sqlite3_result_double(sqlite3_context*, double);
extern void sqlite3_result_error_code(sqlite3_context*, int);

#define RW_SQLITE_OK 0

// rw_sizes remembers each row's length in tokens (all columns), which
// bm25 needs for every row it ranks. FTS5 keeps it in its docsize table,
// and reading it back there is a statement run per row: about a third of a
// query's time when a query matches thousands of rows. rw_size fills it
// from the docsize table in one pass when rows are added; a row it lacks
// is read the FTS5 way by the first query that ranks it and kept. A row's
// length never changes (a changed doc gets a new rowid) and rowids are
// never reused, so nothing in it goes stale.
// sz[rowid] is the length plus one; 0 means not known.
//
// Each connection has its own, made by rw_init and freed by SQLite when the
// connection closes (the destructor of rewire_size). The functions reach
// it as their user data, so no pointer ever passes through SQL.
typedef struct rw_sizes {
	sqlite3_int64 cap;
	int *sz;
} rw_sizes;

static void rw_sizes_free(void *v) {
	rw_sizes *p = (rw_sizes*)v;
	if (p == 0) return;
	free(p->sz);
	free(p);
}

// RW_MAX_ROW bounds the rowids whose length is kept (a row past it is read
// the FTS5 way on every query): the array then stays under 1 GiB and its
// size in bytes fits a 32-bit size_t. A shard's rowids grow by one per
// added or replaced doc.
#define RW_MAX_ROW ((sqlite3_int64)1 << 28)

// rw_sizes_slot returns where row's length is kept, growing the array as
// needed, or 0 when it cannot.
static int *rw_sizes_slot(rw_sizes *p, sqlite3_int64 row) {
	if (row < 0 || row >= RW_MAX_ROW) return 0;
	if (row >= p->cap) {
		sqlite3_int64 cap = p->cap * 2;
		if (cap < 1024) cap = 1024;
		if (cap <= row) cap = row + 1;
		if (cap > RW_MAX_ROW) cap = RW_MAX_ROW;
		int *sz = (int*)realloc(p->sz, (size_t)cap * sizeof(int));
		if (sz == 0) return 0;
		memset(sz + p->cap, 0, (size_t)(cap - p->cap) * sizeof(int));
		p->sz = sz;
		p->cap = cap;
	}
	return &p->sz[row];
}

// rw_size is the SQL function rewire_size(id, sz) over a row of FTS5's
// docsize table: it keeps the row's length (the sum of its columns'
// lengths, which sz holds as SQLite varints) in the connection's cache. It
// returns 1 if it kept it, 0 if not.
static void rw_size(sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
	rw_sizes *cache = (rw_sizes*)sqlite3_user_data(ctx);
	if (nVal != 2) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	int *slot = rw_sizes_slot(cache, sqlite3_value_int64(apVal[0]));
	const unsigned char *a = (const unsigned char*)sqlite3_value_blob(apVal[1]);
	int n = sqlite3_value_bytes(apVal[1]);
	if (slot == 0 || a == 0) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	// Unsigned, so no shift or sum can overflow into undefined behaviour;
	// a total past INT_MAX stops the count.
	uint64_t total = 0;
	for (int i = 0; i < n;) {
		uint64_t v = 0;
		int k = 0;
		for (; i < n && k < 8 && (a[i] & 0x80); k++, i++) v = (v << 7) | (a[i] & 0x7f);
		if (i >= n) {
			sqlite3_result_int(ctx, 0);
			return;
		}
		v = k == 8 ? (v << 8) | a[i] : (v << 7) | a[i];
		i++;
		if (v >= 0x7fffffff || (total += v) >= 0x7fffffff) {
			sqlite3_result_int(ctx, 0);
			return;
		}
	}
	if (total >= 0x7fffffff) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	*slot = (int)total + 1;
	sqlite3_result_int(ctx, 1);
}

// rw_bm25_data is what one query computes once: the average document length
// and each phrase's inverse document frequency.
typedef struct rw_bm25_data {
	int nPhrase;
	double avgdl;
	double *aIDF;
	double *aFreq;
} rw_bm25_data;

static int rw_count(const Fts5ExtensionApi *api, Fts5Context *fts, void *user) {
	(void)api; (void)fts;
	(*(sqlite3_int64*)user)++;
	return RW_SQLITE_OK;
}

static int rw_bm25_get(const Fts5ExtensionApi *api, Fts5Context *fts, rw_bm25_data **out) {
	rw_bm25_data *p = (rw_bm25_data*)api->xGetAuxdata(fts, 0);
	int rc = RW_SQLITE_OK;
	if (p == 0) {
		int nPhrase = api->xPhraseCount(fts);
		sqlite3_int64 nRow = 0, nToken = 0;
		unsigned long long nByte = sizeof(rw_bm25_data) + (unsigned long long)nPhrase*2*sizeof(double);
		p = (rw_bm25_data*)sqlite3_malloc64(nByte);
		if (p == 0) {
			return 7; // SQLITE_NOMEM
		}
		memset(p, 0, nByte);
		p->nPhrase = nPhrase;
		p->aIDF = (double*)&p[1];
		p->aFreq = &p->aIDF[nPhrase];
		rc = api->xRowCount(fts, &nRow);
		if (rc == RW_SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &nToken);
		if (rc == RW_SQLITE_OK) p->avgdl = nRow > 0 ? (double)nToken / (double)nRow : 1.0;
		if (p->avgdl <= 0) p->avgdl = 1.0;
		if (nPhrase == 1) {
			// One phrase: its IDF would multiply every score by the
			// same number, so it cannot change the order. Counting the
			// phrase's documents would run the whole query a second time.
			p->aIDF[0] = 1.0;
		} else {
			for (int i = 0; rc == RW_SQLITE_OK && i < nPhrase; i++) {
				sqlite3_int64 nHit = 0;
				rc = api->xQueryPhrase(fts, i, (void*)&nHit, rw_count);
				if (rc == RW_SQLITE_OK) {
					double idf = log((nRow - nHit + 0.5) / (nHit + 0.5));
					p->aIDF[i] = idf <= 0.0 ? 1e-6 : idf;
				}
			}
		}
		if (rc == RW_SQLITE_OK) {
			rc = api->xSetAuxdata(fts, p, sqlite3_free);
		} else {
			sqlite3_free(p);
		}
		if (rc != RW_SQLITE_OK) p = 0;
	}
	*out = p;
	return rc;
}

// rw_size_of is the SQL function rewire_size_of(id): the length kept for
// a row, or -1 if none is (for tests).
static void rw_size_of(sqlite3_context *ctx, int nVal, sqlite3_value **apVal) {
	rw_sizes *cache = (rw_sizes*)sqlite3_user_data(ctx);
	sqlite3_int64 row = nVal == 1 ? sqlite3_value_int64(apVal[0]) : -1;
	int n = row >= 0 && row < cache->cap ? cache->sz[row] : 0;
	sqlite3_result_int(ctx, n - 1);
}

// rw_bm25 is FTS5's bm25() (k1 = 1.2, b = 0.75), except that a query of
// one phrase leaves out the phrase's IDF. Its arguments are the column
// weights; rows' lengths come from the connection's cache, and one not
// there is read the FTS5 way and kept.
static void rw_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
		int nVal, sqlite3_value **apVal) {
	const double k1 = 1.2, b = 0.75;
	rw_sizes *sizes = (rw_sizes*)api->xUserData(fts);
	rw_bm25_data *p;
	int rc = rw_bm25_get(api, fts, &p);
	int nInst = 0;
	if (rc == RW_SQLITE_OK) {
		memset(p->aFreq, 0, sizeof(double) * p->nPhrase);
		rc = api->xInstCount(fts, &nInst);
	}
	for (int i = 0; rc == RW_SQLITE_OK && i < nInst; i++) {
		int ip, ic, io;
		rc = api->xInst(fts, i, &ip, &ic, &io);
		if (rc == RW_SQLITE_OK) {
			p->aFreq[ip] += nVal > ic ? sqlite3_value_double(apVal[ic]) : 1.0;
		}
	}
	int nTok = 0;
	int *slot = sizes ? rw_sizes_slot(sizes, api->xRowid(fts)) : 0;
	if (slot != 0 && *slot > 0) {
		nTok = *slot - 1;
	} else if (rc == RW_SQLITE_OK) {
		rc = api->xColumnSize(fts, -1, &nTok);
		if (rc == RW_SQLITE_OK && slot != 0 && nTok >= 0) *slot = nTok + 1;
	}
	if (rc != RW_SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	double score = 0.0, D = (double)nTok;
	for (int i = 0; i < p->nPhrase; i++) {
		double f = p->aFreq[i];
		score += p->aIDF[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * D / p->avgdl)));
	}
	sqlite3_result_double(ctx, -score);
}

// rw_init runs for every new SQLite connection once registered with
// sqlite3_auto_extension. It gives the connection its size cache and adds
// rw_size, rw_size_of, and rw_bm25 to FTS5 where FTS5 is built in. It
// never fails the connection: without them, a query that calls them fails
// with "no such function". rewire_size and rewire_size_of are DIRECTONLY:
// a trigger or view in a database file cannot call them.
static int rw_init(sqlite3 *db, char **pzErrMsg, const void *pThunk) {
	(void)pzErrMsg; (void)pThunk;
	sqlite3_stmt *stmt = 0;
	fts5_api *fts = 0;
	rw_sizes *cache = (rw_sizes*)calloc(1, sizeof(rw_sizes));
	if (cache == 0) {
		return RW_SQLITE_OK;
	}
	// rewire_size owns the cache: SQLite frees it when the connection
	// closes, or at once if the function cannot be added.
	if (sqlite3_create_function_v2(db, "rewire_size", 2, RW_SQLITE_UTF8 | RW_SQLITE_DIRECTONLY,
			cache, rw_size, 0, 0, rw_sizes_free) != RW_SQLITE_OK) {
		return RW_SQLITE_OK;
	}
	sqlite3_create_function_v2(db, "rewire_size_of", 1, RW_SQLITE_UTF8 | RW_SQLITE_DIRECTONLY,
		cache, rw_size_of, 0, 0, 0);
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) != RW_SQLITE_OK) {
		return RW_SQLITE_OK;
	}
	sqlite3_bind_pointer(stmt, 1, (void*)&fts, "fts5_api_ptr", 0);
	sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (fts != 0 && fts->iVersion >= 2) {
		fts->xCreateFunction(fts, "rewire_bm25", cache, rw_bm25, 0);
	}
	return RW_SQLITE_OK;
}

static int rw_register(void) {
	return sqlite3_auto_extension((void (*)(void))rw_init);
}
*/
import "C"

import (
	"fmt"
	"sync"
)

// rankFunc is the FTS5 auxiliary function the index ranks with:
// rewire_bm25(docs, title weight, text weight, tags weight).
//
// It is FTS5's own bm25() without two costs that bm25() pays on every
// query, which together were most of the time of a query matching many
// docs (profiled at 100 000 entries; the phrase "one day at a time"
// matches a third of them):
//
//   - bm25() first counts the docs that match each term of the query, for
//     the term's IDF, which runs the whole query a second time. With one
//     term (one word, one "phrase" or one prefix*, the usual search) the
//     IDF multiplies every score by the same positive number and cannot
//     change the order, so rewire_bm25 leaves it out. With several terms
//     the IDFs weigh them against each other and are computed as bm25()
//     does. Scores are bm25's divided by the IDF for one-term queries and
//     equal to bm25's otherwise; either way lower is better.
//   - bm25() needs each ranked row's length in tokens, which FTS5 reads
//     back from its docsize table with a statement per row. rewire_bm25
//     takes it from its connection's cache (C memory that lives and dies
//     with the connection: each shard has one), which [shard.add] fills in
//     one pass over the new rows of the docsize table (rewire_size). A row's
//     length never changes (a changed doc gets a new rowid), so the cache
//     never needs invalidating; it costs 4 bytes a row, and at unlock
//     about 0.1 µs a row.
const rankFunc = "rewire_bm25"

var rankOnce = sync.OnceValue(func() error {
	if rc := C.rw_register(); rc != 0 {
		return fmt.Errorf("registering %s: sqlite error %d", rankFunc, int(rc))
	}
	return nil
})

// registerRank makes every SQLite connection opened from now on know
// rankFunc.
func registerRank() error { return rankOnce() }
