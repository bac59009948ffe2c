/* test/ir/test_context.c - the context: identifiers, arena recycling,
 * dialect registration, diagnostics handler, user allocator failures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"

#include <stdlib.h>
#include <string.h>

static int
setup(void **state)
{
    *state = eo_ctx_create(NULL);
    return *state ? 0 : -1;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

static void
identifiers_are_interned(void **state)
{
    eo_ctx *ctx = *state;
    const eo_ident *a = eo_ident_cstr(ctx, "hello");
    char buf[] = "hello world";
    const eo_ident *b = eo_ident_get(ctx, buf, 5);
    assert_ptr_equal(a, b);
    assert_string_equal(eo_ident_str(a), "hello");
    assert_int_equal(eo_ident_len(a), 5);
    assert_ptr_not_equal(a, eo_ident_cstr(ctx, "hello "));
    /* Many identifiers force rehashing; all stay unique. */
    const eo_ident *ids[2000];
    for (int i = 0; i < 2000; i++) {
        char s[32];
        snprintf(s, sizeof(s), "id%d", i);
        ids[i] = eo_ident_cstr(ctx, s);
        assert_non_null(ids[i]);
    }
    for (int i = 0; i < 2000; i++) {
        char s[32];
        snprintf(s, sizeof(s), "id%d", i);
        assert_ptr_equal(ids[i], eo_ident_cstr(ctx, s));
    }
}

static void
arena_recycles_by_size(void **state)
{
    eo_ctx *ctx = *state;
    char *p = eo_ctx_alloc(ctx, 40);
    assert_non_null(p);
    memset(p, 0xAB, 40);
    eo_ctx_free(ctx, p, 40);
    char *q = eo_ctx_alloc(ctx, 33);   /* same 48-byte class */
    assert_ptr_equal(p, q);
    for (int i = 0; i < 33; i++)
        assert_int_equal(q[i], 0);     /* memory comes back zeroed */
    void *big = eo_ctx_alloc(ctx, 100000);
    assert_non_null(big);
    eo_ctx_free(ctx, big, 100000);
    eo_ctx_free(ctx, q, 33);
}

static const eo_op_def good_ops[] = {
    { .name = "good.a", .operands = 0, .results = 0 },
    { .name = "good.b", .operands = EO_VARIADIC, .results = 1 },
};
static const eo_op_def bad_prefix_ops[] = {
    { .name = "other.a" },
};
static const eo_op_def empty_slot_ops[2] = {
    { .name = "gap.a" },
};

typedef struct captured {
    int count;
    char last[256];
} captured;

static void
capture(const eo_diag *d, void *ud)
{
    captured *c = ud;
    c->count++;
    snprintf(c->last, sizeof(c->last), "%s", d->message);
}

static void
dialect_registration_checks_the_table(void **state)
{
    eo_ctx *ctx = *state;
    captured c = { 0 };
    eo_ctx_set_diag_handler(ctx, capture, &c);
    assert_int_equal(eo_dialect_register(ctx, "good", good_ops, 2), EO_OK);
    assert_ptr_equal(eo_op_def_lookup(ctx, "good.b", 6), &good_ops[1]);
    assert_null(eo_op_def_lookup(ctx, "good.c", 6));
    assert_non_null(eo_dialect_lookup(ctx, "good", 4));
    /* The same table again is a no-op. */
    assert_int_equal(eo_dialect_register(ctx, "good", good_ops, 2), EO_OK);
    assert_int_equal(c.count, 0);

    assert_int_equal(eo_dialect_register(ctx, "bad", bad_prefix_ops, 1),
                     EO_ERROR);
    assert_non_null(strstr(c.last, "lacks the 'bad.' prefix"));
    assert_null(eo_dialect_lookup(ctx, "bad", 3));

    assert_int_equal(eo_dialect_register(ctx, "gap", empty_slot_ops, 2),
                     EO_ERROR);
    assert_non_null(strstr(c.last, "slot 1 is empty"));
    assert_null(eo_op_def_lookup(ctx, "gap.a", 5));
    assert_int_equal(c.count, 2);
}

static void
builtin_dialect_is_registered(void **state)
{
    eo_ctx *ctx = *state;
    assert_non_null(eo_dialect_lookup(ctx, "builtin", 7));
    assert_non_null(eo_op_def_lookup(ctx, "builtin.module", 14));
}

/* A user allocator that fails the Nth allocation and counts live bytes. */
typedef struct failing {
    long countdown;        /* fail when it reaches 0; <0: never */
    long live;
} failing;

static void *
f_malloc(void *ud, size_t n)
{
    failing *f = ud;
    if (f->countdown == 0)
        return NULL;
    if (f->countdown > 0)
        f->countdown--;
    f->live++;
    return malloc(n);
}

static void *
f_realloc(void *ud, void *p, size_t old, size_t n)
{
    failing *f = ud;
    if (f->countdown == 0)
        return NULL;
    if (f->countdown > 0)
        f->countdown--;
    if (!p)
        f->live++;
    return realloc(p, n);
}

static void
f_free(void *ud, void *p, size_t n)
{
    failing *f = ud;
    if (p)
        f->live--;
    free(p);
}

static void
allocation_failures_are_clean(void **state)
{
    (void)state;
    /* Fail the Nth allocation for growing N: creating a context and
     * interning identifiers either succeeds or fails cleanly, and
     * destroying it returns every allocation. */
    for (long n = 0; n < 60; n++) {
        failing f = { .countdown = n };
        eo_alloc a = { f_malloc, f_realloc, f_free, &f };
        eo_ctx *ctx = eo_ctx_create(&a);
        if (ctx) {
            for (int i = 0; i < 100; i++) {
                char s[16];
                snprintf(s, sizeof(s), "n%d", i);
                (void)eo_ident_cstr(ctx, s);
            }
            eo_ctx_destroy(ctx);
        }
        assert_int_equal(f.live, 0);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(identifiers_are_interned, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(arena_recycles_by_size, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(dialect_registration_checks_the_table,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(builtin_dialect_is_registered, setup,
                                        teardown),
        cmocka_unit_test(allocation_failures_are_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
