/* docs/examples/knob_pass.c - the example of docs/patterns-and-passes.md
 * and docs/knobs.md: a rewrite pattern that asks a knob, and a pass with a
 * typed option that runs it through the greedy driver.
 *
 *   arith.muli %x, %c8 : i32   -->   arith.shli %x, %c3 : i32
 *
 * Whether a given multiplication is rewritten is the per-site bool knob
 * "mul-to-shift.<site>.enable" (default true), so a search can turn the
 * rewrite off where it does not pay. In a real tree this would be
 * rewrite/pass_mul_to_shift.c, and mul_to_shift_register's prototype
 * would live in a header.
 */
#include "rewrite/rewrite.h"

#include <stddef.h>
#include <stdint.h>

/* The pass's options, filled by the pass manager from
 * "mul-to-shift{max-shift=4}" or --mul-to-shift="max-shift=4". */
typedef struct mul_to_shift_options {
    int64_t max_shift;
} mul_to_shift_options;

static const eo_knob_domain enable_domain = { .kind = EO_KNOB_BOOL };

/* log2(c) if the integer constant 'c' is 2^k with 1 <= k < its width and
 * k <= max_shift; else -1. */
static int
shift_amount(const eo_attr *c, int64_t max_shift)
{
    const eo_type *t = c ? eo_attr_type(c) : NULL;
    if (!t || !eo_type_is_signless_int(t, eo_type_int_width(t)) ||
        eo_type_int_width(t) > 64)
        return -1;
    uint64_t v = eo_attr_int_uvalue(c);
    if (v < 2 || (v & (v - 1)))
        return -1;
    int k = 0;
    while (v >>= 1)
        k++;
    return (unsigned)k < eo_type_int_width(t) && k <= max_shift ? k : -1;
}

/* Creates "name"(operands) with one result of 'type' (and an optional
 * "value" attribute) through the rewriter, at its insertion point. */
static eo_value *
create(eo_rewriter *rw, const char *name, size_t n, eo_value *const *ops,
       const eo_type *type, const eo_attr *value)
{
    eo_op_state st;
    eo_op_state_init(&st, eo_rewriter_ctx(rw), name, NULL);
    if (eo_op_state_add_operands(&st, n, ops) ||
        eo_op_state_add_result(&st, type) ||
        (value && eo_op_state_set_attr(&st, "value", value))) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *op = eo_rewriter_create(rw, &st);
    return op ? eo_op_result(op, 0) : NULL;
}

/* The pattern: matches arith.muli whose right operand is a power of two
 * (the greedy driver moves constants of commutative ops to the right
 * before patterns run). pat->data points to the pass's options. */
static eo_rewrite_result
match_mul_to_shift(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    const mul_to_shift_options *o = pat->data;
    int k = shift_amount(eo_value_constant(eo_op_operand(op, 1)),
                         o->max_shift);
    if (k < 0)
        return EO_REWRITE_NO_MATCH;
    /* Asked only for ops that match: the space holds real choices. */
    if (!eo_rewriter_knob(rw, "mul-to-shift", op, "enable", &enable_domain,
                          1, pat->name))
        return EO_REWRITE_NO_MATCH;
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    eo_builder_set_before(&rw->b, op);
    eo_value *amount = create(rw, "arith.constant", 0, NULL, t,
                              eo_attr_get_int(eo_rewriter_ctx(rw), t, k));
    if (!amount)
        return EO_REWRITE_FAILED;
    eo_value *ops[2] = { eo_op_operand(op, 0), amount };
    eo_value *shl = create(rw, "arith.shli", 2, ops, t, NULL);
    if (!shl)
        return EO_REWRITE_FAILED;
    eo_rewriter_replace_op(rw, op, &shl);
    return EO_REWRITE_APPLIED;
}

/* Pattern rows, in the shape of an op table's .canonicalize array (a row
 * with a NULL name ends it). */
static const eo_pattern mul_to_shift_patterns[] = {
    { .name = "mul-to-shift", .root = "arith.muli", .benefit = 1,
      .match_and_rewrite = match_mul_to_shift },
    { 0 },
};

static eo_status
run_mul_to_shift(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    eo_pattern_set *ps = eo_pattern_set_create(eo_pass_ctx_ctx(pc));
    if (!ps)
        return EO_NOMEM;
    /* The set borrows its rows: this copy outlives the set. */
    eo_pattern pat = mul_to_shift_patterns[0];
    pat.data = options;
    eo_greedy_config cfg;
    eo_greedy_config_init(&cfg);
    bool changed = false;
    eo_status st = eo_pattern_set_add(ps, &pat);
    if (st == EO_OK)
        st = eo_apply_patterns_greedily(op, ps, &cfg, eo_pass_ctx_knobs(pc),
                                        &changed);
    eo_pattern_set_destroy(ps);
    if (st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_option mul_to_shift_option_rows[] = {
    { .name = "max-shift",
      .description = "Largest shift amount to introduce",
      .kind = EO_OPT_INT,
      .offset = offsetof(mul_to_shift_options, max_shift),
      .default_value = "63" },
};

static const eo_pass_def mul_to_shift_pass = {
    .name = "mul-to-shift",
    .description = "Rewrite multiplications by powers of two as shifts "
                   "(knob mul-to-shift.<site>.enable)",
    .anchor = "func.func",
    .options = mul_to_shift_option_rows,
    .num_options = 1,
    .options_size = sizeof(mul_to_shift_options),
    .run = run_mul_to_shift,
};

/* Makes "mul-to-shift" known to pipelines, --list-passes and
 * eo_pm_add_pass; fails, with a diagnostic, if another pass has the name
 * (registering it twice is a no-op). */
eo_status
mul_to_shift_register(eo_ctx *ctx)
{
    return eo_pass_register(ctx, &mul_to_shift_pass);
}
