/* test/explorer/test_workers.c - isolated worker processes: results equal
 * to in-process evaluation and in candidate order with 2 workers, a
 * crashing candidate (test hook EO_TEST_WORKER_CRASH) recorded with its
 * signal, a hanging one (EO_TEST_WORKER_HANG) timed out, the pool going
 * on after both, Ctrl-C (SIGINT) ignored by workers, workers dying with
 * their parent, and no zombies or stray processes after
 * eo_workers_destroy.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "explorer/explorer.h"
#include "ir/ir.h"
#include "targets/targets.h"

#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char mm_model[] =
    "func.func @main(%a: tensor<16x32xf32>, %b: tensor<32x24xf32>)\n"
    "    -> tensor<16x24xf32> {\n"
    "  %y = graph.matmul %a, %b {name = \"mm\"}\n"
    "      : (tensor<16x32xf32>, tensor<32x24xf32>) -> tensor<16x24xf32>\n"
    "  return %y : tensor<16x24xf32>\n"
    "}\n";

/* A space without discovery: two tile knobs of the matmul. */
static const char space_json[] =
    "{\"knobs\": ["
    "{\"name\": \"tile.mm.0\", \"domain\": {\"kind\": \"set\", "
    "\"values\": [0, 2, 4, 8]}, \"default\": 0},"
    "{\"name\": \"tile.mm.2\", \"domain\": {\"kind\": \"set\", "
    "\"values\": [0, 2, 4, 8, 16]}, \"default\": 0}]}";

typedef struct fixture {
    eo_ctx *ctx;
    int errors;
    char dir[64], model[128];
    eo_evaluator *ev;
    eo_space *s;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity == EO_SEV_ERROR)
        f->errors++;
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || !(f->ctx = eo_ctx_create(NULL)))
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/eo_workers_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->model, sizeof f->model, "%s/mm.mlir", f->dir);
    FILE *fp = fopen(f->model, "w");
    if (!fp)
        return -1;
    fputs(mm_model, fp);
    fclose(fp);
    eo_evaluator_opts o = { .model_path = f->model, .target = "cortex-m55" };
    f->ev = eo_evaluator_create(f->ctx, &o);
    f->s = eo_space_create(f->ctx);
    if (!f->ev || !f->s ||
        eo_space_load_json(f->s, space_json, strlen(space_json)) != EO_OK)
        return -1;
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    unsetenv("EO_TEST_WORKER_CRASH");
    unsetenv("EO_TEST_WORKER_HANG");
    eo_space_destroy(f->s);
    eo_evaluator_destroy(f->ev);
    unlink(f->model);
    rmdir(f->dir);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* Child processes of this one: their number, and how many are zombies;
 * pids[] receives up to 16 of the live ones. */
static size_t
children(size_t *zombies, pid_t *pids)
{
    size_t n = 0;
    *zombies = 0;
    DIR *d = opendir("/proc");
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!isdigit((unsigned char)e->d_name[0]))
            continue;
        char path[300], buf[512];
        snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
        FILE *fp = fopen(path, "r");
        if (!fp)
            continue;
        size_t len = fread(buf, 1, sizeof buf - 1, fp);
        fclose(fp);
        buf[len] = '\0';
        char *rp = strrchr(buf, ')');
        char st;
        int ppid;
        if (!rp || sscanf(rp + 1, " %c %d", &st, &ppid) != 2 ||
            ppid != getpid())
            continue;
        if (st == 'Z')
            ++*zombies;
        else if (pids && n < 16)
            pids[n] = (pid_t)atoi(e->d_name);
        n++;
    }
    closedir(d);
    return n;
}

#define NCAND 6
static const uint32_t cands[NCAND][2] = {
    { 0, 0 }, { 1, 2 }, { 2, 4 }, { 3, 1 }, { 2, 0 }, { 0, 3 },
};

static void
run_batch(fixture *f, eo_workers *w, eo_eval_outcome *outs)
{
    const char *names[NCAND];
    eo_strbuf text[NCAND];
    memset(text, 0, sizeof text);
    for (size_t i = 0; i < NCAND; i++) {
        assert_int_equal(eo_space_format(f->s, cands[i], &text[i]), EO_OK);
        names[i] = text[i].data;
    }
    assert_int_equal(eo_workers_evaluate(w, NCAND, &cands[0][0], names,
                                         outs), EO_OK);
    for (size_t i = 0; i < NCAND; i++)
        eo_strbuf_free(&text[i]);
}

static void
test_same_results_in_order(void **state)
{
    fixture *f = *state;
    eo_workers *w = eo_workers_create(f->ctx, f->ev, f->s, 2, 0);
    assert_non_null(w);
    size_t z;
    assert_int_equal(children(&z, NULL), 2);
    eo_eval_outcome outs[NCAND];
    run_batch(f, w, outs);
    bool differ = false;
    for (size_t i = 0; i < NCAND; i++) {
        eo_eval_outcome ref;
        assert_int_equal(eo_evaluator_run(f->ev, f->s, cands[i], &ref, NULL),
                         EO_OK);
        assert_int_equal(outs[i].status, EO_EVAL_OK);
        assert_int_equal(ref.status, EO_EVAL_OK);
        for (int k = 0; k < EO_NUM_OBJECTIVES; k++)
            assert_true(outs[i].obj[k] == ref.obj[k]);
        differ |= outs[i].obj[EO_OBJ_LATENCY] != outs[0].obj[EO_OBJ_LATENCY];
        assert_true(outs[i].wall_s > 0);
    }
    assert_true(differ);        /* so that order is really checked */
    eo_workers_destroy(w);
    assert_int_equal(children(&z, NULL), 0);
    assert_int_equal(z, 0);
    assert_int_equal(f->errors, 0);
}

static void
test_crash_and_hang(void **state)
{
    fixture *f = *state;
    /* cands[1] is tile.mm.0=2,tile.mm.2=4; cands[2] tile.mm.0=4,... */
    setenv("EO_TEST_WORKER_CRASH", "tile.mm.0=2,", 1);
    setenv("EO_TEST_WORKER_HANG", "tile.mm.0=4,", 1);
    eo_workers *w = eo_workers_create(f->ctx, f->ev, f->s, 2, 0.2);
    assert_non_null(w);
    eo_eval_outcome outs[NCAND];
    run_batch(f, w, outs);
    assert_int_equal(outs[1].status, EO_EVAL_FAILED);
    assert_string_equal(outs[1].message,
                        "worker killed by signal 11 (Segmentation fault)");
    assert_true(isnan(outs[1].obj[EO_OBJ_LATENCY]));
    assert_int_equal(outs[2].status, EO_EVAL_TIMEOUT);
    assert_string_equal(outs[2].message, "timed out after 0.2 s");
    assert_int_equal(outs[4].status, EO_EVAL_TIMEOUT);
    for (size_t i = 0; i < NCAND; i++) {
        if (i == 1 || i == 2 || i == 4)
            continue;
        assert_int_equal(outs[i].status, EO_EVAL_OK);
        assert_false(isnan(outs[i].obj[EO_OBJ_LATENCY]));
    }
    /* Replaced workers, nothing left behind. */
    size_t z;
    assert_int_equal(children(&z, NULL), 2);
    assert_int_equal(z, 0);
    /* The pool goes on (the hooks stay set: workers read them). */
    eo_eval_outcome again[NCAND];
    run_batch(f, w, again);
    for (size_t i = 0; i < NCAND; i++)
        assert_int_equal(again[i].status, outs[i].status);
    assert_true(again[0].obj[EO_OBJ_LATENCY] == outs[0].obj[EO_OBJ_LATENCY]);
    eo_workers_destroy(w);
    assert_int_equal(children(&z, NULL), 0);
    assert_int_equal(z, 0);
    assert_int_equal(f->errors, 0);
}

static void
test_sigint_ignored(void **state)
{
    fixture *f = *state;
    eo_workers *w = eo_workers_create(f->ctx, f->ev, f->s, 2, 0);
    assert_non_null(w);
    size_t z;
    pid_t pids[16];
    assert_int_equal(children(&z, pids), 2);
    for (int i = 0; i < 2; i++)
        assert_int_equal(kill(pids[i], SIGINT), 0);
    usleep(20000);
    eo_eval_outcome outs[NCAND];
    run_batch(f, w, outs);
    for (size_t i = 0; i < NCAND; i++)
        assert_int_equal(outs[i].status, EO_EVAL_OK);
    pid_t after[16];
    assert_int_equal(children(&z, after), 2);
    assert_true((after[0] == pids[0] && after[1] == pids[1]) ||
                (after[0] == pids[1] && after[1] == pids[0]));
    eo_workers_destroy(w);
    assert_int_equal(children(&z, NULL), 0);
    eo_workers_destroy(NULL);
}

/* Workers die with the process that started them: an intermediate
 * process creates a pool and hands both workers a candidate that hangs
 * (so they never see their pipes close), then is killed; the workers
 * (reparented to this process, a subreaper) must have been killed by
 * SIGKILL (PR_SET_PDEATHSIG). */
static void
test_die_with_parent(void **state)
{
    fixture *f = *state;
    assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    setenv("EO_TEST_WORKER_HANG", "tile.mm.0=4,", 1);
    pid_t mid = fork();
    assert_true(mid >= 0);
    if (mid == 0) {
        close(fds[0]);
        eo_workers *w = eo_workers_create(f->ctx, f->ev, f->s, 2, 0);
        pid_t pids[16] = { 0 };
        size_t z;
        if (!w || children(&z, pids) != 2 ||
            write(fds[1], pids, 2 * sizeof pids[0]) != 2 * sizeof pids[0])
            _exit(1);
        const uint32_t hang[2][2] = { { 2, 0 }, { 2, 1 } };
        eo_eval_outcome o[2];
        if (eo_workers_evaluate(w, 2, &hang[0][0], NULL, o) != EO_OK)
            _exit(1);
        _exit(1);               /* never reached: no timeout */
    }
    close(fds[1]);
    pid_t pids[2];
    assert_int_equal(read(fds[0], pids, sizeof pids), sizeof pids);
    close(fds[0]);
    struct timespec pause_ms = { 0, 50000000 };
    nanosleep(&pause_ms, NULL);         /* both candidates handed out */
    int st;
    assert_int_equal(kill(mid, SIGKILL), 0);
    assert_int_equal(waitpid(mid, &st, 0), mid);
    for (int i = 0; i < 2; i++) {
        pid_t r = 0;
        for (int t = 0; t < 2000 && r == 0; t++) {
            r = waitpid(pids[i], &st, WNOHANG);
            if (r == 0) {
                struct timespec ms = { 0, 1000000 };
                nanosleep(&ms, NULL);
            }
        }
        if (r == 0) {
            kill(pids[i], SIGKILL);
            waitpid(pids[i], &st, 0);
            fail_msg("worker %d outlived its parent", (int)pids[i]);
        }
        assert_int_equal(r, pids[i]);
        assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    }
    assert_int_equal(prctl(PR_SET_CHILD_SUBREAPER, 0), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_same_results_in_order, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_crash_and_hang, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_sigint_ignored, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_die_with_parent, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
