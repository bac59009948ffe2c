/* explorer/db.c - the results database: every evaluation, keyed by (model
 * hash, target hash, pipeline, assignment, evaluator version), appended
 * in its own transaction to a SQLite file in WAL mode.
 *
 * Assignments are long (tens of KB of JSON), so the key index holds a
 * 64-bit hash of the assignment instead of its text; a lookup seeks the
 * hash and compares the stored text, so a hash collision costs a string
 * compare, never a wrong answer. The statements of the hot paths are
 * prepared once per handle and reset after each use.
 */
#include "explorer/explorer.h"

#include <sqlite3.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1: UNIQUE over the assignment text; 2: assignment hash column 'ahash'
 * and a plain index (version 1 files are migrated on open). */
#define SCHEMA_VERSION 2

/* The statements prepared once per handle. */
enum {
    S_BEGIN,
    S_COMMIT,
    S_ROLLBACK,
    S_INSERT,
    S_DISCOVERED,
    S_GET,
    S_COUNT_KEY,
    S_COUNT_ALL,
    S_NUM
};

struct eo_resdb {
    eo_ctx *ctx;
    sqlite3 *db;
    char *path;
    char journal[16];
    sqlite3_stmt *stmt[S_NUM];
};

static const char *const status_names[] = { "ok", "failed", "timeout" };

static eo_status
db_error(eo_resdb *r, const char *what)
{
    return eo_emit_error(r->ctx, NULL, "results database '%s': %s: %s",
                         r->path, what, sqlite3_errmsg(r->db));
}

static eo_status
exec(eo_resdb *r, const char *sql, const char *what)
{
    char *msg = NULL;
    if (sqlite3_exec(r->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        eo_status st = eo_emit_error(r->ctx, NULL, "results database '%s': "
                                     "%s: %s", r->path, what,
                                     msg ? msg : sqlite3_errmsg(r->db));
        sqlite3_free(msg);
        return st;
    }
    return EO_OK;
}

/* The version 2 table; 'name' is "evaluations" or the migration's
 * temporary table. */
#define EVALUATIONS_TABLE(name)                                         \
    "CREATE TABLE " name "("                                            \
    " id INTEGER PRIMARY KEY,"                                          \
    " model_hash TEXT NOT NULL, target_hash TEXT NOT NULL,"            \
    " pipeline TEXT NOT NULL, assignment TEXT NOT NULL,"                \
    " evaluator TEXT NOT NULL,"                                         \
    " status TEXT NOT NULL CHECK(status IN ('ok','failed','timeout')),"\
    " message TEXT NOT NULL DEFAULT '',"                                \
    " latency REAL, energy REAL, memory REAL,"                          \
    " wall_s REAL, timestamp INTEGER,"                                  \
    " ahash INTEGER NOT NULL);"

#define KEY_INDEX                                                       \
    "CREATE INDEX evaluations_key ON evaluations(model_hash,"           \
    " target_hash, pipeline, evaluator, ahash);"

static const char schema_sql[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    EVALUATIONS_TABLE("evaluations") KEY_INDEX;

/* Version 1 to 2: the table is rebuilt (SQLite cannot drop a UNIQUE
 * constraint) with the same ids, so 'discovered' still matches. */
static const char migrate_sql[] =
    EVALUATIONS_TABLE("evaluations_v2")
    "INSERT INTO evaluations_v2(id, model_hash, target_hash, pipeline,"
    " assignment, evaluator, status, message, latency, energy, memory,"
    " wall_s, timestamp, ahash) SELECT id, model_hash, target_hash,"
    " pipeline, assignment, evaluator, status, message, latency, energy,"
    " memory, wall_s, timestamp, eo_assignment_hash(assignment)"
    " FROM evaluations ORDER BY id;"
    "DROP TABLE evaluations;"
    "ALTER TABLE evaluations_v2 RENAME TO evaluations;"
    KEY_INDEX
    "UPDATE meta SET value = '2' WHERE key = 'schema_version';";

/* The knobs an evaluation discovered (eo_eval_outcome.discovered): a
 * table of its own, which files of the same schema version without it
 * get when opened (it holds nothing they would miss). */
static const char discovered_sql[] =
    "CREATE TABLE IF NOT EXISTS discovered("
    " id INTEGER PRIMARY KEY REFERENCES evaluations(id),"
    " knobs TEXT NOT NULL);";

/* Reads 8 bytes as a little-endian word (the hash is stored in files, so
 * it must not depend on the host's byte order). */
static uint64_t
load_le64(const unsigned char *p)
{
    uint64_t w = 0;
    for (int i = 7; i >= 0; i--)
        w = w << 8 | p[i];
    return w;
}

/* The 64-bit hash of the assignment text 's' (n bytes), as stored in
 * column 'ahash' (two's complement into SQLite's signed integers). */
static sqlite3_int64
assignment_hash(const char *s, size_t n)
{
    const uint64_t k1 = 0x9e3779b97f4a7c15u, k2 = 0xc2b2ae3d27d4eb4fu;
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 0x27d4eb2f165667c5u ^ (uint64_t)n * k1;
    for (; n >= 8; n -= 8, p += 8) {
        uint64_t w = load_le64(p) * k2;
        h = (h ^ (w ^ w >> 31)) * k1;
        h ^= h >> 29;
    }
    uint64_t t = 0;
    for (size_t i = n; i-- > 0;)
        t = t << 8 | p[i];
    h = (h ^ t * k2) * k1;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return h > (uint64_t)INT64_MAX ? -(sqlite3_int64)(~h) - 1
                                   : (sqlite3_int64)h;
}

/* SQL function eo_assignment_hash(text), used by the migration. */
static void
sql_assignment_hash(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    (void)argc;
    const unsigned char *s = sqlite3_value_text(argv[0]);
    if (!s) {
        if (sqlite3_value_type(argv[0]) == SQLITE_NULL)
            sqlite3_result_int64(c, assignment_hash("", 0));
        else
            sqlite3_result_error_nomem(c);
        return;
    }
    int n = sqlite3_value_bytes(argv[0]);
    sqlite3_result_int64(c, assignment_hash((const char *)s, (size_t)n));
}

/* Migrates a version 1 file to version 2 in one transaction. */
static eo_status
migrate_v1(eo_resdb *r)
{
    const char *what = "cannot migrate it from schema version 1";
    if (sqlite3_create_function_v2(r->db, "eo_assignment_hash", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                   sql_assignment_hash, NULL, NULL,
                                   NULL) != SQLITE_OK)
        return db_error(r, what);
    if (exec(r, "BEGIN IMMEDIATE", what) != EO_OK)
        return EO_ERROR;
    if (exec(r, migrate_sql, what) != EO_OK) {
        sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
        return EO_ERROR;
    }
    return exec(r, "COMMIT", what);
}

/* Reads the schema version into *version (-1 when there is none). */
static eo_status
read_version(eo_resdb *r, int *version)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(r->db, "SELECT value FROM meta WHERE "
                                "key = 'schema_version'", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return eo_emit_error(r->ctx, NULL, "results database '%s': not a "
                             "results database (no schema version)",
                             r->path);
    rc = sqlite3_step(st);
    *version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(r, "cannot read the schema version");
    return EO_OK;
}

/* Creates the schema in a new file, or checks an existing one's version
 * (migrating version 1). */
static eo_status
check_schema(eo_resdb *r)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(r->db, "SELECT count(*) FROM sqlite_master",
                                -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        return db_error(r, "cannot read it (not a results database?)");
    }
    int tables = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (tables == 0) {
        if (exec(r, "BEGIN IMMEDIATE", "cannot create the schema") != EO_OK)
            return EO_ERROR;
        char sql[64];
        snprintf(sql, sizeof sql, "INSERT INTO meta VALUES('schema_version',"
                 "'%d')", SCHEMA_VERSION);
        if (exec(r, schema_sql, "cannot create the schema") != EO_OK ||
            exec(r, sql, "cannot create the schema") != EO_OK) {
            sqlite3_exec(r->db, "ROLLBACK", NULL, NULL, NULL);
            return EO_ERROR;
        }
        return exec(r, "COMMIT", "cannot create the schema");
    }
    int version;
    if (read_version(r, &version) != EO_OK)
        return EO_ERROR;
    if (version == 1) {
        /* Another process may have migrated it meanwhile: the write lock
         * of the migration orders them, the second finds version 2. */
        if (migrate_v1(r) != EO_OK)
            return EO_ERROR;
        if (read_version(r, &version) != EO_OK)
            return EO_ERROR;
    }
    if (version != SCHEMA_VERSION)
        return eo_emit_error(r->ctx, NULL, "results database '%s': schema "
                             "version %d, this explorer reads versions 1 "
                             "and %d", r->path, version, SCHEMA_VERSION);
    return EO_OK;
}

#define OUTCOME_COLS "status, message, latency, energy, memory, wall_s, " \
                     "timestamp, discovered.knobs"
#define FROM_EVALS "evaluations LEFT JOIN discovered USING (id)"
#define KEY_WHERE "model_hash = ?1 AND target_hash = ?2 AND pipeline = ?3 " \
                  "AND evaluator = ?4"

static const char *const stmt_sql[S_NUM] = {
    [S_BEGIN] = "BEGIN IMMEDIATE",
    [S_COMMIT] = "COMMIT",
    [S_ROLLBACK] = "ROLLBACK",
    [S_INSERT] = "INSERT INTO evaluations(model_hash, target_hash, "
                 "pipeline, evaluator, assignment, status, message, "
                 "latency, energy, memory, wall_s, timestamp, ahash) "
                 "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [S_DISCOVERED] = "INSERT INTO discovered(id, knobs) "
                     "VALUES(last_insert_rowid(), ?1)",
    [S_GET] = "SELECT " OUTCOME_COLS " FROM " FROM_EVALS " WHERE "
              KEY_WHERE " AND ahash = ?5 AND assignment = ?6",
    [S_COUNT_KEY] = "SELECT count(*) FROM evaluations WHERE " KEY_WHERE,
    [S_COUNT_ALL] = "SELECT count(*) FROM evaluations",
};

/* Makes a cached statement ready for its next use. */
static void
release(sqlite3_stmt *st)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

/* Runs cached statement 'which' (BEGIN, COMMIT, ROLLBACK). */
static eo_status
run_stmt(eo_resdb *r, int which, const char *what)
{
    sqlite3_stmt *st = r->stmt[which];
    int rc = sqlite3_step(st);
    eo_status result = rc == SQLITE_DONE ? EO_OK : db_error(r, what);
    release(st);
    return result;
}

eo_status
eo_resdb_open(eo_ctx *ctx, const char *path, eo_resdb **out)
{
    *out = NULL;
    eo_resdb *r = calloc(1, sizeof *r);
    if (!r)
        return EO_NOMEM;
    r->ctx = ctx;
    size_t n = strlen(path) + 1;
    if (!(r->path = malloc(n))) {
        free(r);
        return EO_NOMEM;
    }
    memcpy(r->path, path, n);
    eo_status result = EO_ERROR;
    int rc = sqlite3_open_v2(path, &r->db, SQLITE_OPEN_READWRITE |
                             SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        if (r->db)
            db_error(r, "cannot open");
        else
            eo_emit_error(ctx, NULL, "results database '%s': cannot open",
                          path);
        goto fail;
    }
    sqlite3_extended_result_codes(r->db, 1);
    sqlite3_busy_timeout(r->db, 500);
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(r->db, "PRAGMA journal_mode=WAL", -1, &st, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(st);
        db_error(r, "cannot use it (not a results database, or locked)");
        goto fail;
    }
    const unsigned char *mode = sqlite3_column_text(st, 0);
    snprintf(r->journal, sizeof r->journal, "%s", mode ? (const char *)mode
                                                       : "");
    sqlite3_finalize(st);
    if (strcmp(r->journal, "wal") != 0) {
        eo_emit_error(ctx, NULL, "results database '%s': cannot switch to "
                      "WAL mode (journal mode is '%s')", path, r->journal);
        goto fail;
    }
    if (exec(r, "PRAGMA synchronous=NORMAL", "cannot configure") != EO_OK ||
        check_schema(r) != EO_OK ||
        exec(r, discovered_sql, "cannot create the schema") != EO_OK)
        goto fail;
    for (int i = 0; i < S_NUM; i++)
        if (sqlite3_prepare_v3(r->db, stmt_sql[i], -1,
                               SQLITE_PREPARE_PERSISTENT, &r->stmt[i],
                               NULL) != SQLITE_OK) {
            db_error(r, "cannot prepare its statements (not a results "
                        "database?)");
            goto fail;
        }
    *out = r;
    return EO_OK;
fail:
    eo_resdb_close(r);
    return result;
}

void
eo_resdb_close(eo_resdb *db)
{
    if (!db)
        return;
    for (int i = 0; i < S_NUM; i++)
        sqlite3_finalize(db->stmt[i]);
    sqlite3_close(db->db);
    free(db->path);
    free(db);
}

const char *
eo_resdb_journal_mode(const eo_resdb *db)
{
    return db->journal;
}

static bool
bind_key(sqlite3_stmt *st, const eo_eval_key *key)
{
    if (!st || !key)
        return false;
    const char *f[4] = { key->model_hash, key->target_hash, key->pipeline,
                         key->evaluator };
    for (int i = 0; i < 4; i++)
        if (sqlite3_bind_text(st, i + 1, f[i] ? f[i] : "", -1,
                              SQLITE_STATIC) != SQLITE_OK)
            return false;
    return true;
}

/* Binds the key, the assignment hash and text to the lookup statement
 * (parameters 1-6). */
static bool
bind_lookup(sqlite3_stmt *st, const eo_eval_key *key, const char *assignment,
            sqlite3_int64 h)
{
    return bind_key(st, key) && sqlite3_bind_int64(st, 5, h) == SQLITE_OK &&
           sqlite3_bind_text(st, 6, assignment, -1, SQLITE_STATIC) ==
               SQLITE_OK;
}

eo_status
eo_resdb_put(eo_resdb *db, const eo_eval_key *key, const char *assignment,
             const eo_eval_outcome *o)
{
    if (!key || !assignment || !o)
        return eo_emit_error(db->ctx, NULL, "results database: an append "
                             "needs a key, an assignment and an outcome");
    if ((unsigned)o->status > EO_EVAL_TIMEOUT)
        return eo_emit_error(db->ctx, NULL, "invalid evaluation status %d",
                             (int)o->status);
    sqlite3_int64 h = assignment_hash(assignment, strlen(assignment));
    if (run_stmt(db, S_BEGIN, "cannot start a transaction") != EO_OK)
        return EO_ERROR;
    /* Uniqueness: the hash finds the candidates, the text decides. */
    sqlite3_stmt *st = db->stmt[S_GET];
    int rc = bind_lookup(st, key, assignment, h) ? sqlite3_step(st)
                                                 : SQLITE_ERROR;
    eo_status result = EO_OK;
    if (rc == SQLITE_ROW)
        result = eo_emit_error(db->ctx, NULL, "results database '%s': "
                               "candidate '%s' is already recorded for this "
                               "model, target, pipeline and evaluator",
                               db->path, assignment);
    else if (rc != SQLITE_DONE)
        result = db_error(db, "cannot look an evaluation up");
    release(st);
    if (result == EO_OK) {
        st = db->stmt[S_INSERT];
        bool ok =
            bind_key(st, key) &&
            sqlite3_bind_text(st, 5, assignment, -1, SQLITE_STATIC) ==
                SQLITE_OK &&
            sqlite3_bind_text(st, 6, status_names[o->status], -1,
                              SQLITE_STATIC) == SQLITE_OK &&
            sqlite3_bind_text(st, 7, o->message, -1, SQLITE_STATIC) ==
                SQLITE_OK;
        for (int i = 0; ok && i < EO_NUM_OBJECTIVES; i++)
            ok = (isnan(o->obj[i])
                      ? sqlite3_bind_null(st, 8 + i)
                      : sqlite3_bind_double(st, 8 + i, o->obj[i])) ==
                 SQLITE_OK;
        ok = ok && sqlite3_bind_double(st, 11, o->wall_s) == SQLITE_OK &&
             sqlite3_bind_int64(st, 12, o->timestamp) == SQLITE_OK &&
             sqlite3_bind_int64(st, 13, h) == SQLITE_OK;
        rc = ok ? sqlite3_step(st) : SQLITE_ERROR;
        if (rc == SQLITE_DONE && o->discovered) {
            release(st);
            st = db->stmt[S_DISCOVERED];
            rc = sqlite3_bind_text(st, 1, o->discovered, -1,
                                   SQLITE_STATIC) == SQLITE_OK
                     ? sqlite3_step(st)
                     : SQLITE_ERROR;
        }
        if (rc != SQLITE_DONE)
            result = db_error(db, "cannot append an evaluation");
        release(st);
    }
    if (result != EO_OK) {
        sqlite3_step(db->stmt[S_ROLLBACK]);
        release(db->stmt[S_ROLLBACK]);
        return result;
    }
    return run_stmt(db, S_COMMIT, "cannot commit an evaluation");
}

static void
read_row(sqlite3_stmt *st, int col, eo_eval_outcome *o)
{
    memset(o, 0, sizeof *o);
    const char *s = (const char *)sqlite3_column_text(st, col);
    o->status = EO_EVAL_FAILED;
    for (int i = 0; s && i < 3; i++)
        if (!strcmp(s, status_names[i]))
            o->status = (eo_eval_status)i;
    const char *m = (const char *)sqlite3_column_text(st, col + 1);
    snprintf(o->message, sizeof o->message, "%s", m ? m : "");
    for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
        o->obj[i] = sqlite3_column_type(st, col + 2 + i) == SQLITE_NULL
                        ? NAN
                        : sqlite3_column_double(st, col + 2 + i);
    o->wall_s = sqlite3_column_double(st, col + 5);
    o->timestamp = sqlite3_column_int64(st, col + 6);
}

/* Copies the discovered knobs of column 'col' (may be NULL) into *out. */
static bool
read_discovered(sqlite3_stmt *st, int col, char **out)
{
    const char *k = (const char *)sqlite3_column_text(st, col);
    *out = NULL;
    if (!k)
        return true;
    size_t n = strlen(k) + 1;
    if (!(*out = malloc(n)))
        return false;
    memcpy(*out, k, n);
    return true;
}

eo_status
eo_resdb_get(eo_resdb *db, const eo_eval_key *key, const char *assignment,
             bool *found, eo_eval_outcome *o)
{
    *found = false;
    if (!key || !assignment)
        return eo_emit_error(db->ctx, NULL, "results database: a lookup "
                             "needs a key and an assignment");
    sqlite3_stmt *st = db->stmt[S_GET];
    int rc = bind_lookup(st, key, assignment,
                         assignment_hash(assignment, strlen(assignment)))
                 ? sqlite3_step(st)
                 : SQLITE_ERROR;
    bool mem = true;
    if (rc == SQLITE_ROW) {
        *found = true;
        if (o) {
            read_row(st, 0, o);
            mem = read_discovered(st, 7, &o->discovered);
        }
    }
    eo_status result = EO_OK;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        result = db_error(db, "cannot look an evaluation up");
    release(st);
    if (result != EO_OK)
        return result;
    return mem ? EO_OK : EO_NOMEM;
}

eo_status
eo_resdb_foreach(eo_resdb *db, const eo_eval_key *key, eo_resdb_visit_fn fn,
                 void *ud)
{
    if (!key || !fn)
        return eo_emit_error(db->ctx, NULL, "results database: listing "
                             "needs a key and a visitor");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->db, "SELECT assignment, " OUTCOME_COLS
                                " FROM " FROM_EVALS " WHERE " KEY_WHERE
                                " ORDER BY id", -1, &st, NULL);
    if (rc != SQLITE_OK || !bind_key(st, key)) {
        sqlite3_finalize(st);
        return db_error(db, "cannot list evaluations");
    }
    eo_eval_outcome o;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        read_row(st, 1, &o);
        /* Borrowed for the visit. */
        o.discovered = (char *)sqlite3_column_text(st, 8);
        const char *a = (const char *)sqlite3_column_text(st, 0);
        if (!fn(a ? a : "", &o, ud)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_error(db, "cannot list evaluations");
    return EO_OK;
}

eo_status
eo_resdb_count(eo_resdb *db, const eo_eval_key *key, int64_t *n)
{
    *n = 0;
    sqlite3_stmt *st = db->stmt[key ? S_COUNT_KEY : S_COUNT_ALL];
    int rc = !key || bind_key(st, key) ? sqlite3_step(st) : SQLITE_ERROR;
    if (rc == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    eo_status result = rc == SQLITE_ROW
                           ? EO_OK
                           : db_error(db, "cannot count evaluations");
    release(st);
    return result;
}
