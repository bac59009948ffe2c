/* test/explorer/test_resdb.c - the results database: round trip with NULL
 * objectives, uniqueness of (key, assignment), WAL mode, reopening, key
 * separation, clear errors for corrupt files and other schema versions,
 * the migration of schema version 1 files, and long assignments keyed by
 * their hash (a forced hash collision is told apart by the text).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "explorer/explorer.h"
#include "ir/ir.h"

#include <sqlite3.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[512];
    int errors;
    char dir[64], path[128];
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (f->errors++ == 0)
        snprintf(f->msg, sizeof f->msg, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || !(f->ctx = eo_ctx_create(NULL)))
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/eo_resdb_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/r.sqlite", f->dir);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    char p[160];
    static const char *const sfx[] = { "", "-wal", "-shm" };
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", f->path, sfx[i]);
        unlink(p);
    }
    rmdir(f->dir);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static const eo_eval_key key = { "m1", "t1", "default", "ev1" };

static eo_eval_outcome
outcome(eo_eval_status st, double lat, double en, double mem)
{
    eo_eval_outcome o = { .status = st, .obj = { lat, en, mem },
                          .wall_s = 0.25, .timestamp = 1700000000 };
    if (st != EO_EVAL_OK)
        snprintf(o.message, sizeof o.message, "crashed: signal 11");
    return o;
}

typedef struct seen {
    int n;
    char first[64];
} seen;

static bool
visit(const char *a, const eo_eval_outcome *o, void *ud)
{
    seen *s = ud;
    if (s->n++ == 0)
        snprintf(s->first, sizeof s->first, "%s", a);
    (void)o;
    return true;
}

static void
test_round_trip(void **state)
{
    fixture *f = *state;
    eo_resdb *db;
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    assert_string_equal(eo_resdb_journal_mode(db), "wal");
    eo_eval_outcome a = outcome(EO_EVAL_OK, 1.5, NAN, 4096);
    eo_eval_outcome b = outcome(EO_EVAL_TIMEOUT, NAN, NAN, NAN);
    assert_int_equal(eo_resdb_put(db, &key, "x=1,y=2", &a), EO_OK);
    assert_int_equal(eo_resdb_put(db, &key, "x=2,y=2", &b), EO_OK);
    /* Never twice. */
    assert_int_equal(eo_resdb_put(db, &key, "x=1,y=2", &a), EO_ERROR);
    assert_non_null(strstr(f->msg, "already recorded"));
    /* Another target is another key. */
    eo_eval_key k2 = key;
    k2.target_hash = "t2";
    assert_int_equal(eo_resdb_put(db, &k2, "x=1,y=2", &b), EO_OK);
    int64_t n;
    assert_int_equal(eo_resdb_count(db, &key, &n), EO_OK);
    assert_int_equal(n, 2);
    assert_int_equal(eo_resdb_count(db, NULL, &n), EO_OK);
    assert_int_equal(n, 3);
    eo_resdb_close(db);

    /* Reopen: everything is there, bit for bit. */
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    bool found;
    eo_eval_outcome o;
    assert_int_equal(eo_resdb_get(db, &key, "x=1,y=2", &found, &o), EO_OK);
    assert_true(found);
    assert_int_equal(o.status, EO_EVAL_OK);
    assert_true(o.obj[EO_OBJ_LATENCY] == 1.5);
    assert_true(isnan(o.obj[EO_OBJ_ENERGY]));
    assert_true(o.obj[EO_OBJ_MEMORY] == 4096);
    assert_true(o.wall_s == 0.25);
    assert_int_equal(o.timestamp, 1700000000);
    assert_int_equal(eo_resdb_get(db, &key, "x=2,y=2", &found, &o), EO_OK);
    assert_true(found);
    assert_int_equal(o.status, EO_EVAL_TIMEOUT);
    assert_string_equal(o.message, "crashed: signal 11");
    assert_int_equal(eo_resdb_get(db, &key, "x=9,y=2", &found, NULL), EO_OK);
    assert_false(found);
    seen s = { 0 };
    assert_int_equal(eo_resdb_foreach(db, &key, visit, &s), EO_OK);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.first, "x=1,y=2");
    eo_resdb_close(db);
    assert_int_equal(f->errors, 1);
}

static void
test_bad_files(void **state)
{
    fixture *f = *state;
    /* Not a database. */
    FILE *fp = fopen(f->path, "wb");
    assert_non_null(fp);
    for (int i = 0; i < 64; i++)
        fputs("this is not an SQLite file at all; ", fp);
    fclose(fp);
    eo_resdb *db = (eo_resdb *)1;
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_ERROR);
    assert_null(db);
    assert_int_equal(f->errors, 1);
    assert_non_null(strstr(f->msg, f->path));
    unlink(f->path);

    /* Another schema version. */
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    eo_resdb_close(db);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "UPDATE meta SET value = '99' WHERE "
                                  "key = 'schema_version'", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_close(raw);
    f->errors = 0;
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_ERROR);
    assert_non_null(strstr(f->msg, "schema version 99"));

    /* Some other SQLite database. */
    static const char *const sfx[] = { "", "-wal", "-shm" };
    char p[160];
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", f->path, sfx[i]);
        unlink(p);
    }
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "CREATE TABLE t(x)", NULL, NULL,
                                  NULL), SQLITE_OK);
    sqlite3_close(raw);
    f->errors = 0;
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_ERROR);
    assert_non_null(strstr(f->msg, "not a results database"));

    /* A directory that does not exist. */
    f->errors = 0;
    assert_int_equal(eo_resdb_open(f->ctx, "/nonexistent/dir/r.sqlite",
                                   &db), EO_ERROR);
    assert_int_equal(f->errors, 1);
}

/* A writer holding the lock: the append fails with a message after the
 * busy timeout instead of hanging or crashing. */
static void
test_locked(void **state)
{
    fixture *f = *state;
    eo_resdb *db;
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "BEGIN EXCLUSIVE", NULL, NULL, NULL),
                     SQLITE_OK);
    eo_eval_outcome a = outcome(EO_EVAL_OK, 1, 2, 3);
    assert_int_equal(eo_resdb_put(db, &key, "x=1", &a), EO_ERROR);
    assert_non_null(strstr(f->msg, "locked"));
    sqlite3_exec(raw, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(raw);
    f->errors = 0;
    assert_int_equal(eo_resdb_put(db, &key, "x=1", &a), EO_OK);
    eo_resdb_close(db);
}

/* A version 1 file (the schema before the assignment hash) is migrated
 * on open: its records, ids and discovered knobs are kept, uniqueness
 * still holds, and the long-text unique index is gone. */
static void
test_migrate_v1(void **state)
{
    fixture *f = *state;
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
        "PRAGMA journal_mode=WAL;"
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE evaluations( id INTEGER PRIMARY KEY,"
        " model_hash TEXT NOT NULL, target_hash TEXT NOT NULL,"
        " pipeline TEXT NOT NULL, assignment TEXT NOT NULL,"
        " evaluator TEXT NOT NULL, status TEXT NOT NULL"
        " CHECK(status IN ('ok','failed','timeout')),"
        " message TEXT NOT NULL DEFAULT '', latency REAL, energy REAL,"
        " memory REAL, wall_s REAL, timestamp INTEGER,"
        " UNIQUE(model_hash, target_hash, pipeline, assignment,"
        " evaluator));"
        "CREATE TABLE discovered( id INTEGER PRIMARY KEY REFERENCES"
        " evaluations(id), knobs TEXT NOT NULL);"
        "INSERT INTO meta VALUES('schema_version', '1');"
        "INSERT INTO evaluations VALUES(7, 'm1', 't1', 'default', 'x=1',"
        " 'ev1', 'ok', '', 1.5, NULL, 64, 0.25, 1700000000);"
        "INSERT INTO evaluations VALUES(9, 'm1', 't1', 'default', 'x=2',"
        " 'ev1', 'failed', 'boom', NULL, NULL, NULL, 0.5, 1700000001);"
        "INSERT INTO discovered VALUES(9, '{\"knobs\": []}');",
        NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);

    eo_resdb *db;
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    bool found;
    eo_eval_outcome o;
    assert_int_equal(eo_resdb_get(db, &key, "x=1", &found, &o), EO_OK);
    assert_true(found);
    assert_true(o.obj[EO_OBJ_LATENCY] == 1.5);
    assert_true(isnan(o.obj[EO_OBJ_ENERGY]));
    assert_null(o.discovered);
    assert_int_equal(eo_resdb_get(db, &key, "x=2", &found, &o), EO_OK);
    assert_true(found);
    assert_int_equal(o.status, EO_EVAL_FAILED);
    assert_string_equal(o.message, "boom");
    assert_non_null(o.discovered);
    assert_string_equal(o.discovered, "{\"knobs\": []}");
    free(o.discovered);
    eo_eval_outcome a = outcome(EO_EVAL_OK, 1, 2, 3);
    assert_int_equal(eo_resdb_put(db, &key, "x=1", &a), EO_ERROR);
    assert_non_null(strstr(f->msg, "already recorded"));
    assert_int_equal(eo_resdb_put(db, &key, "x=3", &a), EO_OK);
    int64_t n;
    assert_int_equal(eo_resdb_count(db, &key, &n), EO_OK);
    assert_int_equal(n, 3);
    seen s = { 0 };
    assert_int_equal(eo_resdb_foreach(db, &key, visit, &s), EO_OK);
    assert_int_equal(s.n, 3);
    assert_string_equal(s.first, "x=1");
    eo_resdb_close(db);

    /* Version 2 now, ids kept, no index over the assignment text. */
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw,
        "SELECT (SELECT value FROM meta WHERE key = 'schema_version'),"
        " (SELECT group_concat(id) FROM evaluations WHERE id < 10),"
        " (SELECT count(*) FROM sqlite_master WHERE type = 'index'"
        "  AND tbl_name = 'evaluations' AND name LIKE 'sqlite_autoindex%')",
        -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "2");
    assert_string_equal((const char *)sqlite3_column_text(st, 1), "7,9");
    assert_int_equal(sqlite3_column_int(st, 2), 0);
    sqlite3_finalize(st);
    sqlite3_close(raw);
    /* Reopening a migrated file changes nothing. */
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    assert_int_equal(eo_resdb_count(db, NULL, &n), EO_OK);
    assert_int_equal(n, 3);
    eo_resdb_close(db);
    assert_int_equal(f->errors, 1);
}

/* Long assignments that differ in their last character only are told
 * apart; two records forced onto one hash are still found by text. */
static void
test_long_assignments(void **state)
{
    fixture *f = *state;
    enum { LEN = 40000, COUNT = 8 };
    char *text = malloc(LEN + 1);
    assert_non_null(text);
    for (int i = 0; i < LEN; i++)
        text[i] = (char)('a' + i * 7 % 26);
    text[LEN] = '\0';
    eo_resdb *db;
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    for (int k = 0; k < COUNT; k++) {
        text[LEN - 1] = (char)('0' + k);
        eo_eval_outcome a = outcome(EO_EVAL_OK, k, k, k);
        assert_int_equal(eo_resdb_put(db, &key, text, &a), EO_OK);
    }
    text[LEN - 1] = '3';
    eo_eval_outcome a = outcome(EO_EVAL_OK, 0, 0, 0);
    assert_int_equal(eo_resdb_put(db, &key, text, &a), EO_ERROR);
    assert_int_equal(f->errors, 1);
    eo_resdb_close(db);

    /* Every record forced onto the hash of the first: a lookup of the
     * first meets eight candidates and the text picks the right one. */
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(f->path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "UPDATE evaluations SET ahash = "
                                  "(SELECT ahash FROM evaluations ORDER BY "
                                  "id LIMIT 1)", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    bool found;
    eo_eval_outcome o;
    text[LEN - 1] = '0';
    assert_int_equal(eo_resdb_get(db, &key, text, &found, &o), EO_OK);
    assert_true(found);
    assert_true(o.obj[EO_OBJ_LATENCY] == 0);
    assert_int_equal(eo_resdb_put(db, &key, text, &a), EO_ERROR);
    assert_int_equal(f->errors, 2);
    /* The others' stored hash is no longer their text's. */
    text[LEN - 1] = '5';
    assert_int_equal(eo_resdb_get(db, &key, text, &found, NULL), EO_OK);
    assert_false(found);
    eo_resdb_close(db);
    free(text);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_locked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_migrate_v1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_assignments, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
