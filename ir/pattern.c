/* ir/pattern.c - fold results, constant operands, knob questions and site
 * keys, and the rewriter: a builder that reports every change to a
 * listener (the greedy driver's worklist) and gives the ops it creates the
 * location and site key of the op being rewritten.
 *
 * Start at eo_op_fold (how fold hooks are called) and eo_rewriter_create.
 */
#include "ir/internal.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Fold results                                                        */
/* ------------------------------------------------------------------ */

bool
eo_fold_set_value(eo_fold *f, size_t i, eo_value *v)
{
    if (EO_NEVER(i >= f->num_results || !v))
        return false;
    f->results[i].value = v;
    f->results[i].attr = NULL;
    return true;
}

bool
eo_fold_set_attr(eo_fold *f, size_t i, const eo_attr *a)
{
    if (i >= f->num_results || !a)     /* NULL: an attribute getter failed */
        return false;
    f->results[i].attr = a;
    f->results[i].value = NULL;
    return true;
}

bool
eo_fold_to_value(eo_fold *f, eo_value *v)
{
    return eo_fold_set_value(f, 0, v);
}

bool
eo_fold_to_attr(eo_fold *f, const eo_attr *a)
{
    return eo_fold_set_attr(f, 0, a);
}

bool
eo_fold_in_place(eo_fold *f)
{
    f->in_place = true;
    return true;
}

const eo_attr *
eo_value_constant(const eo_value *v)
{
    if (!v || v->kind != EO_VALUE_RESULT)
        return NULL;
    const eo_op *op = eo_valx_op(v);
    if (!eo_opx_def(op) || !(eo_opx_def(op)->traits & EO_CONSTANT_LIKE) ||
        op->num_results != 1)
        return NULL;
    return eo_op_attr(op, "value");
}

/* MLIR's Commutative trait fold: constant operands move to the end
 * (stable), so hooks see constants on the right. Returns true if the op
 * changed; cst[] is permuted alongside. */
static bool
move_constants_right(eo_op *op, const eo_attr **cst)
{
    size_t n = op->num_operands;
    size_t first_cst = 0;
    while (first_cst < n && !cst[first_cst])
        first_cst++;
    size_t j = first_cst;
    while (j < n && cst[j])
        j++;
    if (j >= n)
        return false;           /* constants already all on the right */
    /* Stable partition of [first_cst, n): non-constants, then constants.
     * n is small for commutative ops; an O(n^2) bubble keeps it simple. */
    bool changed = false;
    for (size_t i = first_cst; i < n; i++) {
        if (!cst[i])
            continue;
        size_t k = i + 1;
        while (k < n && cst[k])
            k++;
        if (k >= n)
            break;
        /* Rotate the constant run [i, k) behind the non-constant k. */
        eo_value *nv = op->operands[k].value;
        for (size_t m = k; m > i; m--) {
            eo_op_set_operand(op, m, op->operands[m - 1].value);
            cst[m] = cst[m - 1];
        }
        eo_op_set_operand(op, i, nv);
        cst[i] = NULL;
        changed = true;
    }
    return changed;
}

eo_status
eo_op_fold(eo_op *op, eo_fold_result *out, bool *folded)
{
    *folded = false;
    size_t nres = op->num_results;
    if (nres)
        memset(out, 0, nres * sizeof(*out));
    if (!eo_opx_def(op))
        return EO_OK;
    size_t n = op->num_operands;
    const eo_attr *stack[8];
    const eo_attr **cst = stack;
    if (n > 8) {
        cst = eo_ctx_alloc(eo_opx_ctx(op), n * sizeof(*cst));
        if (!cst)
            return EO_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        cst[i] = eo_value_constant(op->operands[i].value);
    bool moved = false;
    if ((eo_opx_def(op)->traits & EO_COMMUTATIVE) && n >= 2)
        moved = move_constants_right(op, cst);
    bool hooked = false;
    if (eo_opx_def(op)->fold) {
        eo_fold f = { out, nres, false };
        hooked = eo_opx_def(op)->fold(op, cst, &f);
        if (hooked && !f.in_place) {
            /* Every slot must be filled; a result folded to itself is an
             * in-place fold, as in MLIR. */
            bool self = nres > 0;
            for (size_t i = 0; i < nres; i++) {
                if (!out[i].value && !out[i].attr) {
                    hooked = false;
                    break;
                }
                if (out[i].value != &eo_opx_results(op)[i])
                    self = false;
            }
            if (!hooked || self)
                memset(out, 0, nres * sizeof(*out));
        } else if (hooked) {
            memset(out, 0, nres * sizeof(*out));
        }
    }
    if (cst != stack)
        eo_ctx_free(eo_opx_ctx(op), cst, n * sizeof(*cst));
    *folded = hooked || moved;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Site keys and knobs                                                 */
/* ------------------------------------------------------------------ */

static bool
append_string_attr(const eo_attr *a, eo_strbuf *out)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_STRING)
        return false;
    size_t len;
    const char *s = eo_attr_string(a, &len);
    if (!len)
        return false;
    eo_strbuf_append(out, s, len);
    return true;
}

/* Position of 'op' among the ops of the same name in a pre-order walk of
 * its outermost ancestor: stable for the same input and pipeline. */
static size_t
same_name_position(const eo_op *op)
{
    const eo_op *root = op;
    while (eo_op_parent(root))
        root = eo_op_parent(root);
    size_t n = 0;
    for (const eo_op *o = root; o && o != op;
         o = eo_op_preorder_next(o, root, true))
        if (eo_opx_name(o) == eo_opx_name(op))
            n++;
    return n;
}

void
eo_op_site_key(const eo_op *op, eo_strbuf *out)
{
    if (append_string_attr(eo_op_attr(op, "name"), out) ||
        append_string_attr(eo_op_attr(op, "onnx.name"), out))
        return;
    const eo_loc *fl = eo_loc_find_file(eo_op_loc(op));
    if (fl) {
        const char *file = eo_ident_str(eo_loc_filename(fl));
        const char *base = strrchr(file, '/');
        eo_strbuf_printf(out, "%s:%u:%u", base ? base + 1 : file,
                         eo_loc_line(fl), eo_loc_col(fl));
        return;
    }
    eo_strbuf_printf(out, "%s_%zu", eo_op_name_str(op),
                     same_name_position(op));
}

int64_t
eo_knob_ask(const eo_knob_provider *kp, const char *prefix, const eo_op *op,
            const char *param, const eo_knob_domain *dom, int64_t def,
            const char *asker)
{
    if (!kp || !kp->ask)
        return def;
    eo_strbuf name = { 0 };
    if (prefix && *prefix) {
        eo_strbuf_puts(&name, prefix);
        eo_strbuf_puts(&name, ".");
    }
    if (op) {
        eo_op_site_key(op, &name);
        eo_strbuf_puts(&name, ".");
    }
    eo_strbuf_puts(&name, param ? param : "");
    /* "prefix." + nothing: drop the dangling dot. */
    if (!param && name.len && name.data[name.len - 1] == '.')
        name.data[--name.len] = '\0';
    int64_t v = def;
    if (!name.oom && name.data)
        v = kp->ask(kp->ud, name.data, dom, def, op, asker);
    eo_strbuf_free(&name);
    return v;
}

/* ------------------------------------------------------------------ */
/* The rewriter                                                        */
/* ------------------------------------------------------------------ */

#define NOTIFY(rw, hook, ...)                                           \
    do {                                                                \
        if ((rw)->listener && (rw)->listener->hook)                     \
            (rw)->listener->hook((rw)->listener->ud, __VA_ARGS__);      \
    } while (0)

void
eo_rewriter_init(eo_rewriter *rw, eo_ctx *ctx, const eo_rewrite_listener *l,
                 const eo_knob_provider *knobs)
{
    memset(rw, 0, sizeof(*rw));
    eo_builder_init(&rw->b, ctx);
    rw->listener = l;
    rw->knobs = knobs;
}

eo_ctx *
eo_rewriter_ctx(const eo_rewriter *rw)
{
    return rw->b.ctx;
}

static bool
state_has_attr(const eo_op_state *st, const eo_ident *name)
{
    for (size_t i = 0; i < st->num_attrs; i++)
        if (st->attrs[i].name == name)
            return true;
    for (size_t i = 0; i < st->num_props; i++)
        if (st->props[i].name == name)
            return true;
    return false;
}

/* Copies root's site-key attribute 'key' to 'st' if 'st' sets neither
 * it nor "name", and the new op does not use the name for itself. */
static eo_status
inherit_site_attr(eo_op_state *st, const eo_op *root, const char *key)
{
    const eo_attr *v = eo_op_attr(root, key);
    if (!v || eo_attr_get_kind(v) != EO_ATTR_STRING)
        return EO_OK;
    const eo_ident *id = eo_ident_cstr(st->ctx, key);
    const eo_ident *nm = eo_ident_cstr(st->ctx, "name");
    if (!id || !nm)
        return EO_NOMEM;
    if (state_has_attr(st, id) || state_has_attr(st, nm) ||
        (st->def && eo_op_def_is_inherent_attr(st->def, key)))
        return EO_OK;
    return eo_op_state_set_attr(st, key, v);
}

eo_op *
eo_rewriter_create(eo_rewriter *rw, eo_op_state *st)
{
    eo_op *root = rw->root;
    if (root) {
        const eo_loc *rl = eo_op_loc(root);
        const eo_loc *l = st->loc ? st->loc : rw->b.loc;
        if (!l || l == rl || eo_loc_get_kind(l) == EO_LOC_UNKNOWN) {
            st->loc = rl;
        } else {
            const eo_loc *pair[2] = { rl, l };
            const eo_loc *fused = eo_loc_fused(st->ctx, 2, pair, NULL);
            st->loc = fused ? fused : rl;
        }
        if (inherit_site_attr(st, root, "name") != EO_OK ||
            inherit_site_attr(st, root, "onnx.name") != EO_OK) {
            eo_op_state_release(st);
            return NULL;
        }
    }
    eo_op *op = eo_builder_insert(&rw->b, st);
    if (op && op->block)
        NOTIFY(rw, inserted, op);
    return op;
}

/* Erases 'op' and its nested ops one by one, each after its own
 * notification, as MLIR does: users before definitions (blocks last to
 * first, ops in reverse), so a listener sees consistent IR each time and
 * never keeps a pointer to an op that is gone. Recursion follows region
 * nesting, which the parser bounds by EO_MAX_DEPTH. */
static void
erase_tree(eo_rewriter *rw, eo_op *op)
{
    for (uint32_t r = op->num_regions; r-- > 0;) {
        eo_region *reg = &eo_opx_regions(op)[r];
        while (reg->last) {
            eo_block *b = reg->last;
            while (b->last)
                erase_tree(rw, b->last);
            for (uint32_t i = 0; i < b->num_args; i++)
                eo_value_orphan_uses(b->args[i]);
            eo_block_destroy(b);
        }
    }
    rw->listener->erasing(rw->listener->ud, op);
    eo_op_destroy(op);
}

void
eo_rewriter_erase_op(eo_rewriter *rw, eo_op *op)
{
    for (uint32_t i = 0; i < op->num_results; i++) {
        if (eo_opx_results(op)[i].uses) {
            (void)eo_op_error(op, "cannot be erased by a rewrite: result "
                              "#%u still has uses", i);
            return;
        }
    }
    /* An insertion point before 'op' moves to just after it. */
    if (rw->b.before == op)
        rw->b.before = op->next;
    if (rw->listener && rw->listener->erasing)
        erase_tree(rw, op);
    else
        eo_op_destroy(op);
}

void
eo_rewriter_replace_all_uses(eo_rewriter *rw, eo_value *from, eo_value *to)
{
    if (from == to)
        return;
    while (from->uses) {
        eo_use *u = from->uses;
        eo_op *owner = u->owner;
        eo_op_set_operand(owner, (size_t)(u - owner->operands), to);
        NOTIFY(rw, modified, owner);
    }
}

void
eo_rewriter_replace_op(eo_rewriter *rw, eo_op *op, eo_value *const *values)
{
    NOTIFY(rw, replacing, op, values);
    for (uint32_t i = 0; i < op->num_results; i++)
        eo_rewriter_replace_all_uses(rw, &eo_opx_results(op)[i], values[i]);
    eo_rewriter_erase_op(rw, op);
}

void
eo_rewriter_modify_begin(eo_rewriter *rw, eo_op *op)
{
    (void)rw;
    (void)op;
}

void
eo_rewriter_modify_end(eo_rewriter *rw, eo_op *op)
{
    NOTIFY(rw, modified, op);
}

/* Replaces the uses of src's arguments with args[] (notifying users). */
static bool
replace_block_args(eo_rewriter *rw, eo_block *src, eo_value *const *args,
                   size_t nargs)
{
    if (EO_NEVER(nargs != src->num_args))
        return false;
    for (size_t i = 0; i < nargs; i++)
        eo_rewriter_replace_all_uses(rw, src->args[i], args[i]);
    return true;
}

void
eo_rewriter_inline_block_before(eo_rewriter *rw, eo_block *src, eo_op *pos,
                                eo_value *const *args, size_t nargs)
{
    if (EO_NEVER(!pos || !pos->block) ||
        !replace_block_args(rw, src, args, nargs))
        return;
    while (src->first) {
        eo_op *o = src->first;
        eo_op_move_before(o, pos);
        NOTIFY(rw, inserted, o);
    }
    eo_block_destroy(src);
}

void
eo_rewriter_merge_blocks(eo_rewriter *rw, eo_block *src, eo_block *dst,
                         eo_value *const *args, size_t nargs)
{
    if (EO_NEVER(src == dst) || !replace_block_args(rw, src, args, nargs))
        return;
    eo_op *first = src->first;
    if (first) {
        eo_block_splice_from(dst, first);
        for (eo_op *o = first; o; o = o->next)
            NOTIFY(rw, inserted, o);
    }
    eo_block_destroy(src);
}

void
eo_rewriter_inline_region_before(eo_rewriter *rw, eo_region *r,
                                 eo_block *before)
{
    eo_region *dst = before->region;
    if (EO_NEVER(!dst) || EO_NEVER(r == dst))
        return;
    while (r->first) {
        eo_block *b = r->first;
        eo_block_detach(b);
        /* Link 'b' in front of 'before' (the region API inserts after). */
        b->region = dst;
        b->next = before;
        b->prev = before->prev;
        if (before->prev)
            before->prev->next = b;
        else
            dst->first = b;
        before->prev = b;
        for (eo_op *o = b->first; o; o = o->next)
            NOTIFY(rw, inserted, o);
    }
}

eo_block *
eo_rewriter_split_block(eo_rewriter *rw, eo_block *b, eo_op *at)
{
    (void)rw;
    return eo_block_split(b, at);
}

int64_t
eo_rewriter_knob(eo_rewriter *rw, const char *prefix, const eo_op *op,
                 const char *param, const eo_knob_domain *dom, int64_t def,
                 const char *asker)
{
    return eo_knob_ask(rw->knobs, prefix, op, param, dom, def, asker);
}
