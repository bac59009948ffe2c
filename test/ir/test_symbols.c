/* test/ir/test_symbols.c - symbol tables, nested references, uses. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/ir/core_testlib.h"

static eo_op *
mk_sym(core_fixture *f, eo_block *b, const char *op, const char *name)
{
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, op, NULL);
    const eo_attr *s = eo_attr_get_string(f->ctx, name, strlen(name), NULL);
    if (eo_op_state_set_attr(&st, "sym_name", s) != EO_OK)
        return NULL;
    if (st.def && st.def->regions == 1 && !eo_op_state_add_region(&st))
        return NULL;
    eo_op *o = eo_op_create(&st);
    if (o && b)
        eo_block_append(b, o);
    if (o && eo_op_num_regions(o) == 1)
        add_block(o, 0);
    return o;
}

static const eo_attr *
ref(core_fixture *f, const char *root, const char *nested)
{
    const eo_ident *n = nested ? eo_ident_cstr(f->ctx, nested) : NULL;
    return eo_attr_get_symbol_ref(f->ctx, eo_ident_cstr(f->ctx, root),
                                  n ? 1 : 0, &n);
}

static void
table_lookup_insert_remove(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *body = eo_module_body(mod);
    eo_op *a = mk_sym(f, body, "foo.sym", "a");
    eo_op *b = mk_sym(f, body, "foo.sym", "b");
    mk_op(f->ctx, body, "foo.nosym", 0, NULL, 0, NULL, 0);
    assert_ptr_equal(eo_symbol_name(f->ctx, a), eo_ident_cstr(f->ctx, "a"));
    eo_symtab *t = eo_symtab_create(mod);
    assert_non_null(t);
    assert_ptr_equal(eo_symtab_lookup(t, "a"), a);
    assert_ptr_equal(eo_symtab_lookup(t, "b"), b);
    assert_null(eo_symtab_lookup(t, "c"));
    eo_op *c = mk_sym(f, body, "foo.sym", "c");
    assert_int_equal(eo_symtab_insert(t, c), EO_OK);
    assert_ptr_equal(eo_symtab_lookup(t, "c"), c);
    eo_op *a2 = mk_sym(f, body, "foo.sym", "a");
    f->log.len = 0;
    assert_int_equal(eo_symtab_insert(t, a2), EO_ERROR);
    assert_string_equal(f->log.text, "redefinition of symbol named 'a' | "
                        "note: see existing symbol definition here\n");
    eo_symtab_remove(t, a);
    assert_null(eo_symtab_lookup(t, "a"));
    assert_ptr_equal(eo_symtab_lookup(t, "b"), b);
    assert_ptr_equal(eo_symtab_lookup(t, "c"), c);
    assert_int_equal(eo_symtab_insert(t, a2), EO_OK);
    assert_ptr_equal(eo_symtab_lookup(t, "a"), a2);
    eo_symtab_destroy(t);
    /* Creating a table over duplicates fails with a diagnostic. */
    f->log.errors = 0;
    assert_null(eo_symtab_create(mod));
    assert_int_equal(f->log.errors, 1);
    assert_ptr_equal(eo_symbol_lookup_in(mod, "b"), b);
    assert_null(eo_symbol_lookup_in(mod, "zz"));
    eo_op_destroy(mod);
}

static void
many_symbols(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *body = eo_module_body(mod);
    char name[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof(name), "s%d", i);
        mk_sym(f, body, "foo.sym", name);
    }
    eo_symtab *t = eo_symtab_create(mod);
    for (int i = 0; i < 1000; i += 2) {
        snprintf(name, sizeof(name), "s%d", i);
        eo_symtab_remove(t, eo_symtab_lookup(t, name));
    }
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof(name), "s%d", i);
        eo_op *o = eo_symtab_lookup(t, name);
        if (i % 2)
            assert_ptr_equal(o, eo_symbol_lookup_in(mod, name));
        else
            assert_null(o);
    }
    eo_symtab_destroy(t);
    eo_op_destroy(mod);
}

static void
nearest_lookup_and_nested_refs(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *body = eo_module_body(mod);
    eo_op *inner = mk_sym(f, body, "tst.table", "inner");
    eo_op *g = mk_sym(f, eo_module_body(inner), "foo.sym", "g");
    eo_op *fsym = mk_sym(f, body, "foo.sym", "f");
    eo_op *user = mk_op(f->ctx, body, "foo.user", 0, NULL, 0, NULL, 0);
    eo_op *deep_user = mk_op(f->ctx, eo_module_body(inner), "foo.user", 0,
                             NULL, 0, NULL, 0);
    assert_ptr_equal(eo_symbol_table_of(user), mod);
    assert_ptr_equal(eo_symbol_table_of(deep_user), inner);
    assert_ptr_equal(eo_symbol_table_of(inner), inner);
    assert_ptr_equal(eo_symbol_lookup_nearest(user, ref(f, "f", NULL)),
                     fsym);
    assert_ptr_equal(eo_symbol_lookup_nearest(user, ref(f, "inner", "g")),
                     g);
    assert_null(eo_symbol_lookup_nearest(user, ref(f, "g", NULL)));
    assert_null(eo_symbol_lookup_nearest(user, ref(f, "f", "g")));
    assert_null(eo_symbol_lookup_nearest(user, ref(f, "inner", "x")));
    /* Only the nearest table is searched. */
    assert_ptr_equal(eo_symbol_lookup_nearest(deep_user, ref(f, "g", NULL)),
                     g);
    assert_null(eo_symbol_lookup_nearest(deep_user, ref(f, "f", NULL)));
    eo_op_destroy(mod);
}

static void
is_used_finds_refs_nested_in_arrays_and_dicts(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *body = eo_module_body(mod);
    eo_op *inner = mk_sym(f, body, "tst.table", "inner");
    eo_op *g = mk_sym(f, eo_module_body(inner), "foo.sym", "g");
    eo_op *fsym = mk_sym(f, body, "foo.sym", "f");
    eo_op *h = mk_sym(f, body, "tst.scope", "h");
    assert_false(eo_symbol_is_used(mod, fsym));
    assert_false(eo_symbol_is_used(mod, g));
    eo_op *user = mk_op(f->ctx, body, "foo.user", 0, NULL, 0, NULL, 0);
    const eo_attr *r = ref(f, "inner", "g");
    const eo_attr *arr = eo_attr_get_array(f->ctx, 1, &r);
    eo_named_attr na = { eo_ident_cstr(f->ctx, "k"), arr };
    const eo_attr *dict = eo_attr_get_dict(f->ctx, 1, &na);
    assert_int_equal(eo_op_set_attr(user, "refs", dict), EO_OK);
    assert_true(eo_symbol_is_used(mod, g));
    assert_false(eo_symbol_is_used(mod, fsym));
    /* A self-reference inside the symbol's body does not count. */
    eo_op *self = mk_op(f->ctx, eo_region_first(eo_op_region(h, 0)),
                        "foo.user", 0, NULL, 0, NULL, 0);
    assert_int_equal(eo_op_set_attr(self, "callee", ref(f, "h", NULL)),
                     EO_OK);
    assert_false(eo_symbol_is_used(mod, h));
    assert_int_equal(eo_op_set_attr(user, "callee", ref(f, "h", NULL)),
                     EO_OK);
    assert_true(eo_symbol_is_used(mod, h));
    eo_op_destroy(mod);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(table_lookup_insert_remove,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(many_symbols, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(nearest_lookup_and_nested_refs,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(
            is_used_finds_refs_nested_in_arrays_and_dicts, core_setup,
            core_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
