/* test/ir/test_uniq_threads.c - uniquing in parallel sections: threads
 * that look up the same types, attributes and identifiers at once (hits
 * served by each thread's lock-free cache, misses by the shared table)
 * get the very objects the context holds, in this section and the next
 * ones, and a context made after one is destroyed never sees the old
 * one's cached objects. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NKEYS 300
#define ROUNDS 20

typedef struct work {
    eo_ctx *ctx;
    const eo_type *types[NKEYS];
    const eo_attr *attrs[NKEYS];
    const eo_ident *ids[NKEYS];
    bool ok;
} work;

static void *
thread_main(void *p)
{
    work *w = p;
    w->ok = true;
    for (int r = 0; r < ROUNDS; r++) {
        for (unsigned k = 0; k < NKEYS; k++) {
            const eo_type *t = eo_type_get_int(w->ctx, k + 1);
            const eo_attr *a = eo_attr_get_int(w->ctx, t, (int64_t)k);
            char name[32];
            snprintf(name, sizeof name, "id%u", k);
            const eo_ident *id = eo_ident_get(w->ctx, name, strlen(name));
            if (!t || !a || !id)
                w->ok = false;
            if (r && (t != w->types[k] || a != w->attrs[k] ||
                      id != w->ids[k]))
                w->ok = false;      /* the same object every round */
            w->types[k] = t;
            w->attrs[k] = a;
            w->ids[k] = id;
        }
    }
    eo_ctx_thread_done(w->ctx);
    return NULL;
}

/* Two threads in one section; both see the same objects, which are the
 * context's own (found again outside the section). */
static void
run_section(eo_ctx *ctx)
{
    static work w[2];
    pthread_t th[2];
    assert_int_equal(eo_ctx_threads_begin(ctx), EO_OK);
    for (int i = 0; i < 2; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].ctx = ctx;
        assert_int_equal(pthread_create(&th[i], NULL, thread_main, &w[i]), 0);
    }
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    eo_ctx_threads_end(ctx);
    for (unsigned k = 0; k < NKEYS; k++) {
        assert_true(w[0].ok && w[1].ok);
        assert_ptr_equal(w[0].types[k], w[1].types[k]);
        assert_ptr_equal(w[0].attrs[k], w[1].attrs[k]);
        assert_ptr_equal(w[0].ids[k], w[1].ids[k]);
        const eo_type *t = eo_type_get_int(ctx, k + 1);
        assert_ptr_equal(t, w[0].types[k]);
        assert_int_equal(eo_type_int_width(t), k + 1);
        assert_ptr_equal(eo_attr_get_int(ctx, t, (int64_t)k), w[0].attrs[k]);
        assert_int_equal(eo_attr_int_value(w[0].attrs[k]), (int64_t)k);
        assert_ptr_equal(eo_attr_type(w[0].attrs[k]), t);
    }
}

static void
same_objects_across_threads_and_sections(void **state)
{
    (void)state;
    eo_ctx *ctx = eo_ctx_create(NULL);
    assert_non_null(ctx);
    run_section(ctx);
    run_section(ctx);
    eo_ctx_destroy(ctx);
}

static void
new_context_sees_its_own_objects(void **state)
{
    (void)state;
    for (int i = 0; i < 3; i++) {
        eo_ctx *ctx = eo_ctx_create(NULL);
        assert_non_null(ctx);
        run_section(ctx);           /* checks ownership via eo_attr_ctx */
        const eo_attr *a = eo_attr_get_int(ctx, eo_type_get_int(ctx, 7), 6);
        assert_ptr_equal(eo_attr_ctx(a), ctx);
        eo_ctx_destroy(ctx);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_objects_across_threads_and_sections),
        cmocka_unit_test(new_context_sees_its_own_objects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
