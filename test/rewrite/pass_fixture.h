/* test/rewrite/pass_fixture.h - the fixture shared by the pass tests
 * that interpret their results (test_inline.c, test_unroll.c): a context
 * with every dialect and pass registered, captured diagnostics and a
 * mini interpreter. Define PASS_FIXTURE_FILE (the buffer name) before
 * including it. */
#ifndef EO_TEST_REWRITE_PASS_FIXTURE_H
#define EO_TEST_REWRITE_PASS_FIXTURE_H

#include "dialects/dialects.h"
#include "rewrite/rewrite.h"
#include "test/rewrite/mini_interp.h"

#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    eo_strbuf diags;
    mi m;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    eo_diag_format(f->ctx, d, &f->diags);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK ||
        eo_passes_register(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_allow_unregistered(f->ctx, true);
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    mi_init(&f->m);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    mi_free(&f->m);
    eo_ctx_destroy(f->ctx);
    eo_strbuf_free(&f->diags);
    free(f);
    return 0;
}

static eo_op *
parse(fixture *f, const char *src)
{
    eo_op *m = eo_parse_source(f->ctx, PASS_FIXTURE_FILE, src, strlen(src),
                               NULL);
    if (!m)
        fail_msg("parse failed: %s", f->diags.data);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

#endif /* EO_TEST_REWRITE_PASS_FIXTURE_H */
