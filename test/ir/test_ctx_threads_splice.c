/* test/ir/test_ctx_threads_splice.c - the per-thread free lists of a
 * parallel section are handed back to the context whole by
 * eo_ctx_threads_end (spliced through their last node): every piece
 * freed by a thread is reused afterwards, none is lost or handed out
 * twice, for recycled memory and for op pieces, also when a thread
 * reused part of its list before the section ended. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define PER_THREAD 600
#define NTHREADS 2

typedef struct work {
    eo_ctx *ctx;
    size_t size;
    bool op_pieces;
    void *freed[PER_THREAD];
    size_t nfreed;
    bool ok;
} work;

static void *
thread_main(void *ud)
{
    work *w = ud;
    void *p[PER_THREAD];
    w->ok = true;
    for (size_t i = 0; i < PER_THREAD; i++) {
        p[i] = w->op_pieces ? eo_ctx_alloc_op(w->ctx, w->size)
                            : eo_ctx_alloc(w->ctx, w->size);
        if (!p[i])
            w->ok = false;
    }
    /* Free all, take a third back (the list's head moves, its last node
     * stays), free those again. */
    memcpy(w->freed, p, sizeof(p));
    w->nfreed = PER_THREAD;
    for (size_t i = 0; i < PER_THREAD; i++) {
        if (w->op_pieces)
            eo_ctx_free_op(w->ctx, p[i], w->size);
        else
            eo_ctx_free(w->ctx, p[i], w->size);
    }
    for (size_t i = 0; i < PER_THREAD / 3; i++)
        p[i] = w->op_pieces ? eo_ctx_alloc_op(w->ctx, w->size)
                            : eo_ctx_alloc(w->ctx, w->size);
    for (size_t i = 0; i < PER_THREAD / 3; i++) {
        if (w->op_pieces)
            eo_ctx_free_op(w->ctx, p[i], w->size);
        else
            eo_ctx_free(w->ctx, p[i], w->size);
    }
    eo_ctx_thread_done(w->ctx);
    return NULL;
}

static int
cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)*(void *const *)a;
    uintptr_t y = (uintptr_t)*(void *const *)b;
    return x < y ? -1 : x > y;
}

static bool
in_sorted(void **v, size_t n, void *p)
{
    return bsearch(&p, v, n, sizeof(*v), cmp_ptr) != NULL;
}

static void
check_splice(size_t size, bool op_pieces)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    assert_non_null(ctx);
    assert_int_equal(eo_ctx_threads_begin(ctx), EO_OK);
    work w[NTHREADS];
    pthread_t t[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        memset(&w[i], 0, sizeof(w[i]));
        w[i].ctx = ctx;
        w[i].size = size;
        w[i].op_pieces = op_pieces;
        assert_int_equal(pthread_create(&t[i], NULL, thread_main, &w[i]), 0);
    }
    for (int i = 0; i < NTHREADS; i++) {
        assert_int_equal(pthread_join(t[i], NULL), 0);
        assert_true(w[i].ok);
    }
    eo_ctx_threads_end(ctx);
    /* The thread lists have PER_THREAD distinct pieces each; the
     * context's own list of that class was empty. */
    void *all[NTHREADS * PER_THREAD];
    size_t n = 0;
    for (int i = 0; i < NTHREADS; i++)
        for (size_t k = 0; k < w[i].nfreed; k++)
            all[n++] = w[i].freed[k];
    qsort(all, n, sizeof(*all), cmp_ptr);
    for (size_t k = 1; k < n; k++)
        assert_ptr_not_equal(all[k - 1], all[k]);
    void *got[NTHREADS * PER_THREAD];
    for (size_t k = 0; k < n; k++) {
        got[k] = op_pieces ? eo_ctx_alloc_op(ctx, size)
                           : eo_ctx_alloc(ctx, size);
        assert_non_null(got[k]);
        assert_true(in_sorted(all, n, got[k]));
    }
    qsort(got, n, sizeof(*got), cmp_ptr);
    for (size_t k = 1; k < n; k++)
        assert_ptr_not_equal(got[k - 1], got[k]);
    /* The lists are used up: the next piece is new memory. */
    void *fresh = op_pieces ? eo_ctx_alloc_op(ctx, size)
                            : eo_ctx_alloc(ctx, size);
    assert_non_null(fresh);
    assert_false(in_sorted(all, n, fresh));
    eo_ctx_destroy(ctx);
}

static void
recycled_lists_are_spliced_whole(void **state)
{
    (void)state;
    check_splice(48, false);
    check_splice(1000, false);
}

static void
op_lists_are_spliced_whole(void **state)
{
    (void)state;
    check_splice(40, true);
    check_splice(200, true);
}

static void
a_section_without_frees_hands_back_nothing(void **state)
{
    (void)state;
    eo_ctx *ctx = eo_ctx_create(NULL);
    assert_non_null(ctx);
    assert_int_equal(eo_ctx_threads_begin(ctx), EO_OK);
    void *p = eo_ctx_alloc(ctx, 32);
    assert_non_null(p);
    eo_ctx_threads_end(ctx);
    void *q = eo_ctx_alloc(ctx, 32);
    assert_non_null(q);
    assert_ptr_not_equal(p, q);
    eo_ctx_free(ctx, p, 32);
    assert_ptr_equal(eo_ctx_alloc(ctx, 32), p);
    eo_ctx_destroy(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(recycled_lists_are_spliced_whole),
        cmocka_unit_test(op_lists_are_spliced_whole),
        cmocka_unit_test(a_section_without_frees_hands_back_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
