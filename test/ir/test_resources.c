/* test/ir/test_resources.c - named blobs: creation, key renaming,
 * declared-but-absent handles, dense_resource attributes and the
 * dialect_resources section of the textual format. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"
#include "ir/internal.h"   /* eo_resources_print_external */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (ctx)
        eo_ctx_set_allow_unregistered(ctx, true);
    *state = ctx;
    return ctx ? 0 : -1;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

static void
count_diag(const eo_diag *d, void *ud)
{
    (void)d;
    (*(int *)ud)++;
}

static void
resources_are_named_and_copied(void **state)
{
    eo_ctx *ctx = *state;
    unsigned char data[4] = {1, 2, 3, 4};
    eo_resource *r = eo_resource_create(ctx, "w", data, 4, 64);
    assert_non_null(r);
    data[0] = 9;
    size_t size;
    const unsigned char *d = eo_resource_data(r, &size);
    assert_int_equal(size, 4);
    assert_int_equal(d[0], 1);
    assert_int_equal((uintptr_t)d % 64, 0);
    assert_int_equal(eo_resource_align(r), 64);
    assert_string_equal(eo_resource_key(r), "w");
    assert_ptr_equal(eo_resource_lookup(ctx, "w"), r);
    assert_null(eo_resource_lookup(ctx, "nope"));
    /* A taken key gets a suffix. */
    eo_resource *r2 = eo_resource_create(ctx, "w", data, 4, 1);
    assert_non_null(r2);
    assert_string_equal(eo_resource_key(r2), "w_1");
    assert_string_equal(eo_resource_key(eo_resource_create(ctx, "w", NULL,
                                                           0, 1)),
                        "w_2");
    /* NULL data: declared but absent. */
    eo_resource *r3 = eo_resource_lookup(ctx, "w_2");
    assert_null(eo_resource_data(r3, &size));
    assert_int_equal(size, 0);
}

/* A blob identical (bytes and alignment) to one already under the key or
 * one of its renamings is shared, so compiling the same model again in one
 * context does not pile up copies; anything else still gets a new key. */
static void
identical_blobs_are_shared(void **state)
{
    eo_ctx *ctx = *state;
    unsigned char a[64], b[64];
    for (size_t i = 0; i < sizeof a; i++) {
        a[i] = (unsigned char)i;
        b[i] = (unsigned char)(i * 7 + 1);
    }
    eo_resource *ra = eo_resource_create(ctx, "folded", a, sizeof a, 64);
    eo_resource *rb = eo_resource_create(ctx, "folded", b, sizeof b, 64);
    assert_non_null(ra);
    assert_non_null(rb);
    assert_string_equal(eo_resource_key(rb), "folded_1");
    for (int round = 0; round < 100; round++) {
        assert_ptr_equal(eo_resource_create(ctx, "folded", a, sizeof a, 64),
                         ra);
        assert_ptr_equal(eo_resource_create(ctx, "folded", b, sizeof b, 64),
                         rb);
    }
    assert_null(eo_resource_lookup(ctx, "folded_2"));
    /* Another alignment, a prefix of the bytes, one byte changed: new. */
    eo_resource *r2 = eo_resource_create(ctx, "folded", a, sizeof a, 16);
    assert_string_equal(eo_resource_key(r2), "folded_2");
    eo_resource *r3 = eo_resource_create(ctx, "folded", a, sizeof a - 1, 64);
    assert_string_equal(eo_resource_key(r3), "folded_3");
    a[63] ^= 1;
    eo_resource *r4 = eo_resource_create(ctx, "folded", a, sizeof a, 64);
    assert_string_equal(eo_resource_key(r4), "folded_4");
    size_t size;
    assert_int_equal(((const unsigned char *)eo_resource_data(ra, &size))[63],
                     63);
    /* Another key never shares, even with the same bytes. */
    eo_resource *other = eo_resource_create(ctx, "other", b, sizeof b, 64);
    assert_string_equal(eo_resource_key(other), "other");
    /* A declared-but-absent key still gets the data (and is then shared). */
    assert_non_null(eo_resource_create(ctx, "decl", NULL, 0, 1));
    eo_resource *decl = eo_resource_lookup(ctx, "decl");
    assert_ptr_equal(eo_resource_create(ctx, "decl", b, sizeof b, 64), decl);
    assert_ptr_equal(eo_resource_create(ctx, "decl", b, sizeof b, 64), decl);
    /* Borrowed blobs are never shared (their owner may release them). */
    static const _Alignas(64) unsigned char w[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    eo_resource *bw = eo_resource_create_borrowed(ctx, "bw", w, sizeof w, 64,
                                                  NULL, NULL);
    assert_non_null(bw);
    eo_resource *cw = eo_resource_create(ctx, "bw", w, sizeof w, 64);
    assert_string_equal(eo_resource_key(cw), "bw_1");
    assert_ptr_not_equal(eo_resource_data(cw, &size), w);
    eo_resource *bw2 = eo_resource_create_borrowed(ctx, "bw", w, sizeof w, 64,
                                                   NULL, NULL);
    assert_string_equal(eo_resource_key(bw2), "bw_2");
    /* Empty blobs too. */
    eo_resource *e = eo_resource_create(ctx, "empty", a, 0, 1);
    assert_ptr_equal(eo_resource_create(ctx, "empty", b, 0, 1), e);
}

static void
count_release(void *ud)
{
    (*(int *)ud)++;
}

/* Borrowed blobs are used in place and released once, when the context
 * goes (or when a later blob replaces them); bad alignment is refused. */
static void
borrowed_blobs_are_used_in_place(void **state)
{
    (void)state;
    eo_ctx *ctx = eo_ctx_create(NULL);
    assert_non_null(ctx);
    static _Alignas(16) const float w[4] = {1, 2, 3, 4};
    int released = 0;
    eo_resource *r = eo_resource_create_borrowed(ctx, "w", w, sizeof w, 16,
                                                 count_release, &released);
    assert_non_null(r);
    size_t size;
    assert_ptr_equal(eo_resource_data(r, &size), w);
    assert_int_equal(size, sizeof w);
    assert_int_equal(eo_resource_align(r), 16);
    /* A taken key is renamed, as for copied blobs. */
    eo_resource *r2 = eo_resource_create_borrowed(ctx, "w", w, sizeof w, 4,
                                                  NULL, NULL);
    assert_string_equal(eo_resource_key(r2), "w_1");
    /* Misaligned data or a bad alignment: refused, nothing released. */
    assert_null(eo_resource_create_borrowed(ctx, "x",
                                            (const char *)w + 1, 4, 4,
                                            count_release, &released));
    assert_null(eo_resource_create_borrowed(ctx, "x", w, 4, 3,
                                            count_release, &released));
    /* A dense_resource attribute refers to the borrowed blob. */
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    int64_t four = 4;
    const eo_attr *a = eo_attr_get_dense_resource(
        ctx, eo_type_get_tensor(ctx, 1, &four, f32, NULL), r);
    assert_non_null(a);
    assert_ptr_equal(eo_attr_resource(a), r);
    assert_int_equal(released, 0);
    eo_ctx_destroy(ctx);
    assert_int_equal(released, 1);
}

static void
dense_resource_attrs_point_at_their_blob(void **state)
{
    eo_ctx *ctx = *state;
    int32_t v[2] = {1, 2};
    eo_resource *r = eo_resource_create(ctx, "blob1", v, sizeof v, 4);
    int64_t n = 2;
    const eo_type *t = eo_type_get_tensor(ctx, 1, &n, eo_type_get_int(ctx, 32),
                                          NULL);
    const eo_attr *a = eo_attr_get_dense_resource(ctx, t, r);
    assert_ptr_equal(a, eo_attr_get_dense_resource(ctx, t, r));
    assert_ptr_equal(eo_attr_resource(a), r);
    assert_ptr_equal(eo_attr_type(a), t);
    assert_int_equal(eo_attr_get_kind(a), EO_ATTR_DENSE_RESOURCE);
    eo_strbuf b = {0};
    eo_attr_print(a, &b);
    eo_strbuf_append(&b, "", 1);
    assert_string_equal(b.data, "dense_resource<blob1> : tensor<2xi32>");
    eo_strbuf_free(&b);
    /* Parsing an unseen key declares it. */
    const char *s = "dense_resource<later> : tensor<1000000000xf32>";
    const eo_attr *p = eo_attr_parse(ctx, s, strlen(s));
    assert_non_null(p);
    eo_resource *later = eo_attr_resource(p);
    assert_ptr_equal(eo_resource_lookup(ctx, "later"), later);
    assert_null(eo_resource_data(later, NULL));
    /* Creating the declared key provides its blob. */
    float f = 1.5f;
    assert_ptr_equal(eo_resource_create(ctx, "later", &f, 4, 4), later);
    size_t size;
    assert_non_null(eo_resource_data(later, &size));
    assert_int_equal(size, 4);
}

static eo_op *
parse_text(eo_ctx *ctx, const char *text)
{
    return eo_parse_source(ctx, "test", text, strlen(text), NULL);
}

static void
blob_section_fills_resources(void **state)
{
    eo_ctx *ctx = *state;
    const char *text =
        "\"test.op\"() {a = dense_resource<blob1> : tensor<2xi32>} : "
        "() -> ()\n"
        "{-#\n"
        "  dialect_resources: {\n"
        "    builtin: {\n"
        "      blob1: \"0x040000000100000002000000\",\n"
        "      unused: \"0x0100000001\"\n"
        "    }\n"
        "  },\n"
        "  external_resources: {\n"
        "    foo: { x: \"abc\", y: true }\n"
        "  }\n"
        "#-}\n";
    eo_op *m = parse_text(ctx, text);
    assert_non_null(m);
    eo_resource *r = eo_resource_lookup(ctx, "blob1");
    assert_non_null(r);
    size_t size;
    const int32_t *d = eo_resource_data(r, &size);
    assert_int_equal(size, 8);
    assert_int_equal(d[1], 2);
    assert_int_equal(eo_resource_align(r), 4);
    /* Blobs nobody refers to are registered too. */
    r = eo_resource_lookup(ctx, "unused");
    assert_non_null(r);
    assert_int_equal(((const unsigned char *)eo_resource_data(r, &size))[0],
                     1);
    assert_int_equal(size, 1);
    eo_op_destroy(m);
}

static void
big_blob_decodes(void **state)
{
    eo_ctx *ctx = *state;
    size_t n = (1u << 20) + 3;   /* takes the pair-table path */
    eo_strbuf b = {0};
    eo_strbuf_puts(&b, "{-#\n dialect_resources: { builtin: { big: \""
                       "0x08000000");
    static const char hexd[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)(i * 7);
        char two[2] = {hexd[c >> 4], hexd[c & 15]};
        eo_strbuf_append(&b, two, 2);
    }
    eo_strbuf_puts(&b, "\" } }\n#-}\n");
    assert_false(b.oom);
    eo_op *m = eo_parse_source(ctx, "big", b.data, b.len, NULL);
    assert_non_null(m);
    size_t size;
    const unsigned char *d = eo_resource_data(eo_resource_lookup(ctx, "big"),
                                              &size);
    assert_int_equal(size, n);
    for (size_t i = 0; i < n; i += 4099)
        assert_int_equal(d[i], (unsigned char)(i * 7));
    assert_int_equal(d[n - 1], (unsigned char)((n - 1) * 7));
    eo_op_destroy(m);
    eo_strbuf_free(&b);
}

/* Unclaimed external_resources print back as mlir-opt prints them: groups
 * in order, empty groups dropped, repeated keys kept, strings escaped. */
static void
external_resources_are_kept(void **state)
{
    eo_ctx *ctx = *state;
    eo_strbuf b = {0};
    assert_false(eo_resources_print_external(ctx, &b));
    const char *text =
        "\"test.op\"() : () -> ()\n"
        "{-#\n external_resources: { mlir_reproducer: { pipeline: "
        "\"builtin.module(cse)\", disable_threading: true, verify_each: "
        "false }, foo: { x: \"a\\nb\" } , empty: {} }\n#-}\n"
        "{-#\n external_resources: { foo: { x: \"b\" } }\n#-}\n";
    eo_op *m = parse_text(ctx, text);
    assert_non_null(m);
    assert_true(eo_resources_print_external(ctx, &b));
    eo_strbuf_append(&b, "", 1);
    assert_string_equal(b.data,
                        "  external_resources: {\n"
                        "    mlir_reproducer: {\n"
                        "      pipeline: \"builtin.module(cse)\",\n"
                        "      disable_threading: true,\n"
                        "      verify_each: false\n"
                        "    },\n"
                        "    foo: {\n"
                        "      x: \"a\\0Ab\",\n"
                        "      x: \"b\"\n"
                        "    }\n"
                        "  }\n");
    eo_strbuf_free(&b);
    eo_op_destroy(m);
}

static void
bad_blob_sections_are_diagnosed(void **state)
{
    eo_ctx *ctx = *state;
    const char *bad[] = {
        "{-# dialect_resources: { builtin: { k: \"0x0100000\" } } #-}",
        "{-# dialect_resources: { builtin: { k: \"0x01000000ZZ\" } } #-}",
        "{-# dialect_resources: { builtin: { k: \"0x03000000\" } } #-}",
        "{-# dialect_resources: { builtin: { k: \"abc\" } } #-}",
        "{-# dialect_resources: { builtin: { k: 1 } } #-}",
        "{-# dialect_resources: { builtin: { \"k\": \"0x01000000\" } } #-}",
        "{-# unknown_section: {} #-}",
        "{-# external_resources: { foo: { x: 1 } } #-}",
        "{-# dialect_resources: { foo: { k: \"0x01000000\" } } #-}",
        "{-# dialect_resources: { func: { k: \"0x01000000\" } } #-}",
        "{-# dialect_resources: { builtin: { k: \"0x01000000\" } }",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int n = 0;
        eo_ctx_set_diag_handler(ctx, count_diag, &n);
        eo_op *m = parse_text(ctx, bad[i]);
        if (m)
            fail_msg("accepted: %s", bad[i]);
        assert_true(n >= 1);
    }
    eo_ctx_set_diag_handler(ctx, NULL, NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(borrowed_blobs_are_used_in_place),
        cmocka_unit_test_setup_teardown(identical_blobs_are_shared, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(resources_are_named_and_copied, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            dense_resource_attrs_point_at_their_blob, setup, teardown),
        cmocka_unit_test_setup_teardown(blob_section_fills_resources, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(big_blob_decodes, setup, teardown),
        cmocka_unit_test_setup_teardown(external_resources_are_kept, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(bad_blob_sections_are_diagnosed,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
