/* ir/block.c - blocks (arguments and the op list) and regions (the block
 * list): creation, insertion, splitting, splicing, destruction, and the
 * lazily renumbered op order used by dominance.
 *
 * Block arguments are allocated one by one in the context arena so their
 * pointers stay valid when arguments are inserted or erased.
 */
#include "ir/internal.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Blocks                                                              */
/* ------------------------------------------------------------------ */

eo_block *
eo_block_create(eo_ctx *ctx)
{
    eo_block *b = eo_ctx_alloc(ctx, sizeof(*b));
    if (!b)
        return NULL;
    b->ctx = ctx;
    return b;
}

void
eo_block_free_shell(eo_block *b)
{
    eo_ctx *ctx = b->ctx;
    for (uint32_t i = 0; i < b->num_args; i++) {
        eo_value_orphan_uses(b->args[i]);
        eo_ctx_free(ctx, b->args[i], sizeof(eo_arg_value));
    }
    eo_ctx_free(ctx, b->args, b->cap_args * sizeof(eo_value *));
    eo_ctx_free(ctx, b, sizeof(*b));
}

/* Destroys the ops of 'b' (uses dropped first, so the ops may refer to
 * each other) and leaves it empty. */
static void
clear_ops(eo_block *b)
{
    for (eo_op *op = b->first; op; op = op->next)
        eo_op_drop_uses_tree(op);
    while (b->first) {
        eo_op *op = b->first;
        eo_op_detach(op);
        eo_op_free_tree(op);
    }
}

void
eo_block_destroy(eo_block *b)
{
    if (!b)
        return;
    if (b->region)
        eo_block_detach(b);
    clear_ops(b);
    eo_block_free_shell(b);
}

eo_ctx *
eo_block_ctx(const eo_block *b)
{
    return b->ctx;
}

eo_value *
eo_block_insert_arg(eo_block *b, size_t i, const eo_type *t,
                    const eo_loc *loc)
{
    if (i > b->num_args)
        i = b->num_args;
    if (b->num_args == b->cap_args) {
        if (b->cap_args >= UINT32_MAX / 4)
            return NULL;
        uint32_t ncap = b->cap_args ? b->cap_args * 2 : 4;
        eo_value **na = eo_ctx_alloc(b->ctx, ncap * sizeof(*na));
        if (!na)
            return NULL;
        if (b->num_args)
            memcpy(na, b->args, b->num_args * sizeof(*na));
        eo_ctx_free(b->ctx, b->args, b->cap_args * sizeof(*na));
        b->args = na;
        b->cap_args = ncap;
    }
    eo_arg_value *a = eo_ctx_alloc(b->ctx, sizeof(*a));
    if (!a)
        return NULL;
    eo_value *v = &a->v;
    v->type = t;
    a->block = b;
    v->kind = EO_VALUE_ARG;
    a->loc = loc ? loc : eo_loc_unknown(b->ctx);
    memmove(b->args + i + 1, b->args + i, (b->num_args - i) * sizeof(v));
    b->args[i] = v;
    b->num_args++;
    for (size_t k = i; k < b->num_args; k++)
        b->args[k]->index = (uint32_t)k;
    return v;
}

eo_value *
eo_block_add_arg(eo_block *b, const eo_type *t, const eo_loc *loc)
{
    return eo_block_insert_arg(b, b->num_args, t, loc);
}

eo_status
eo_block_erase_arg(eo_block *b, size_t i)
{
    if (EO_NEVER(i >= b->num_args))
        return EO_ERROR;
    eo_value *v = b->args[i];
    if (v->uses)
        return eo_emit_error(b->ctx, eo_value_loc(v), "cannot erase block "
                             "argument #%zu: it still has uses", i);
    eo_ctx_free(b->ctx, v, sizeof(eo_arg_value));
    memmove(b->args + i, b->args + i + 1,
            (b->num_args - i - 1) * sizeof(v));
    b->num_args--;
    for (size_t k = i; k < b->num_args; k++)
        b->args[k]->index = (uint32_t)k;
    return EO_OK;
}

size_t
eo_block_num_args(const eo_block *b)
{
    return b->num_args;
}

eo_value *
eo_block_arg(const eo_block *b, size_t i)
{
    return i < b->num_args ? b->args[i] : NULL;
}

eo_op *
eo_block_first(const eo_block *b)
{
    return b->first;
}

eo_op *
eo_block_last(const eo_block *b)
{
    return b->last;
}

bool
eo_block_empty(const eo_block *b)
{
    return !b->first;
}

eo_op *
eo_block_terminator(const eo_block *b)
{
    eo_op *last = b->last;
    if (!last)
        return NULL;
    if (!eo_opx_def(last) || (eo_opx_def(last)->traits & EO_TERMINATOR))
        return last;
    return NULL;
}

eo_region *
eo_block_region(const eo_block *b)
{
    return b->region;
}

eo_op *
eo_block_parent_op(const eo_block *b)
{
    return b->region ? b->region->parent : NULL;
}

eo_block *
eo_block_next(const eo_block *b)
{
    return b->next;
}

eo_block *
eo_block_prev(const eo_block *b)
{
    return b->prev;
}

/* Links the detached 'op' into 'b' between prev and next. */
static void
link_op(eo_block *b, eo_op *prev, eo_op *op, eo_op *next)
{
    op->block = b;
    op->prev = prev;
    op->next = next;
    if (prev)
        prev->next = op;
    else
        b->first = op;
    if (next)
        next->prev = op;
    else
        b->last = op;
    /* Appending (what the parser and builders do) keeps the numbering
     * valid; anything else renumbers on the next query. */
    if (!next && (!prev || (b->order_valid && prev->order < UINT32_MAX))) {
        op->order = prev ? prev->order + 1 : 0;
        b->order_valid = 1;
    } else {
        b->order_valid = 0;
    }
}

void
eo_block_append(eo_block *b, eo_op *op)
{
    eo_op_detach(op);
    link_op(b, b->last, op, NULL);
}

void
eo_block_prepend(eo_block *b, eo_op *op)
{
    eo_op_detach(op);
    link_op(b, NULL, op, b->first);
}

void
eo_op_insert_before(eo_op *pos, eo_op *op)
{
    if (op == pos)
        return;
    eo_op_detach(op);
    link_op(pos->block, pos->prev, op, pos);
}

void
eo_op_insert_after(eo_op *pos, eo_op *op)
{
    if (op == pos)
        return;
    eo_op_detach(op);
    link_op(pos->block, pos, op, pos->next);
}

void
eo_op_move_before(eo_op *op, eo_op *pos)
{
    if (op == pos)
        return;
    eo_op_detach(op);
    eo_op_insert_before(pos, op);
}

void
eo_op_move_after(eo_op *op, eo_op *pos)
{
    if (op == pos)
        return;
    eo_op_detach(op);
    eo_op_insert_after(pos, op);
}

void
eo_block_splice_from(eo_block *dst, eo_op *first)
{
    eo_block *src = first->block;
    if (EO_NEVER(!src) || src == dst)
        return;
    eo_op *last = src->last;
    /* Cut [first, last] out of src. */
    if (first->prev)
        first->prev->next = NULL;
    else
        src->first = NULL;
    src->last = first->prev;
    src->order_valid = 0;
    for (eo_op *o = first; o; o = o->next)
        o->block = dst;
    first->prev = dst->last;
    if (dst->last)
        dst->last->next = first;
    else
        dst->first = first;
    dst->last = last;
    dst->order_valid = 0;
}

eo_block *
eo_block_split(eo_block *b, eo_op *op)
{
    eo_block *nb = eo_block_create(b->ctx);
    if (!nb)
        return NULL;
    if (b->region)
        eo_region_insert_after(b->region, b, nb);
    if (op)
        eo_block_splice_from(nb, op);
    return nb;
}

bool
eo_block_is_entry(const eo_block *b)
{
    return b->region && b->region->first == b;
}

size_t
eo_block_index(const eo_block *b)
{
    size_t i = 0;
    for (const eo_block *p = b->prev; p; p = p->prev)
        i++;
    return i;
}

void
eo_block_detach(eo_block *b)
{
    eo_region *r = b->region;
    if (!r)
        return;
    if (b->prev)
        b->prev->next = b->next;
    else
        r->first = b->next;
    if (b->next)
        b->next->prev = b->prev;
    else
        r->last = b->prev;
    b->prev = b->next = NULL;
    b->region = NULL;
}

void
eo_block_update_order(eo_block *b)
{
    if (b->order_valid)
        return;
    uint32_t n = 0;
    for (eo_op *o = b->first; o; o = o->next)
        o->order = n++;
    b->order_valid = 1;
}

bool
eo_op_is_before_in_block(const eo_op *a, const eo_op *b)
{
    eo_block_update_order(a->block);
    return a->order < b->order;
}

/* ------------------------------------------------------------------ */
/* Regions                                                             */
/* ------------------------------------------------------------------ */

eo_region *
eo_region_create(eo_ctx *ctx)
{
    eo_region *r = eo_ctx_alloc(ctx, sizeof(*r));
    if (!r)
        return NULL;
    r->ctx = ctx;
    return r;
}

/* A detached region is freed; a region inside an op is only emptied. */
void
eo_region_destroy(eo_region *r)
{
    if (!r)
        return;
    for (eo_block *b = r->first; b; b = b->next)
        for (eo_op *op = b->first; op; op = op->next)
            eo_op_drop_uses_tree(op);
    while (r->first) {
        eo_block *b = r->first;
        eo_block_detach(b);
        clear_ops(b);
        eo_block_free_shell(b);
    }
    if (!r->parent)
        eo_ctx_free(r->ctx, r, sizeof(*r));
}

eo_op *
eo_region_parent_op(const eo_region *r)
{
    return r->parent;
}

eo_block *
eo_region_first(const eo_region *r)
{
    return r->first;
}

eo_block *
eo_region_last(const eo_region *r)
{
    return r->last;
}

bool
eo_region_empty(const eo_region *r)
{
    return !r->first;
}

size_t
eo_region_num_blocks(const eo_region *r)
{
    size_t n = 0;
    for (const eo_block *b = r->first; b; b = b->next)
        n++;
    return n;
}

unsigned
eo_region_index(const eo_region *r)
{
    if (!r->parent)
        return 0;
    return (unsigned)(r - eo_opx_regions(r->parent));
}

void
eo_region_append(eo_region *r, eo_block *b)
{
    if (b->region)
        eo_block_detach(b);
    b->region = r;
    b->prev = r->last;
    b->next = NULL;
    if (r->last)
        r->last->next = b;
    else
        r->first = b;
    r->last = b;
}

void
eo_region_insert_after(eo_region *r, eo_block *pos, eo_block *b)
{
    if (!pos) {
        /* At the front. */
        if (b->region)
            eo_block_detach(b);
        b->region = r;
        b->prev = NULL;
        b->next = r->first;
        if (r->first)
            r->first->prev = b;
        else
            r->last = b;
        r->first = b;
        return;
    }
    if (b->region)
        eo_block_detach(b);
    b->region = r;
    b->prev = pos;
    b->next = pos->next;
    if (pos->next)
        pos->next->prev = b;
    else
        r->last = b;
    pos->next = b;
}

void
eo_region_take_body(eo_region *dst, eo_region *src)
{
    if (!src->first || src == dst)
        return;
    for (eo_block *b = src->first; b; b = b->next)
        b->region = dst;
    src->first->prev = dst->last;
    if (dst->last)
        dst->last->next = src->first;
    else
        dst->first = src->first;
    dst->last = src->last;
    src->first = src->last = NULL;
}
