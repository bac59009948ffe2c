/* ir/builder.c - insertion points and one-call op construction. */
#include "ir/internal.h"

#include <string.h>

void
eo_builder_init(eo_builder *b, eo_ctx *ctx)
{
    memset(b, 0, sizeof(*b));
    b->ctx = ctx;
}

void
eo_builder_set_end(eo_builder *b, eo_block *block)
{
    b->block = block;
    b->before = NULL;
}

void
eo_builder_set_before(eo_builder *b, eo_op *op)
{
    b->block = op->block;
    b->before = op;
}

void
eo_builder_set_after(eo_builder *b, eo_op *op)
{
    b->block = op->block;
    b->before = op->next;
}

eo_op *
eo_builder_insert(eo_builder *b, eo_op_state *st)
{
    if (!st->loc)
        st->loc = b->loc;
    eo_op *op = eo_op_create(st);
    if (!op)
        return NULL;
    if (b->before)
        eo_op_insert_before(b->before, op);
    else if (b->block)
        eo_block_append(b->block, op);
    return op;
}

eo_op *
eo_builder_create(eo_builder *b, const char *name, size_t nops,
                  eo_value *const *ops, size_t nres,
                  const eo_type *const *res, size_t nattrs,
                  const eo_named_attr *attrs)
{
    eo_op_state st;
    eo_op_state_init(&st, b->ctx, name, b->loc);
    if (!st.name || eo_op_state_add_operands(&st, nops, ops) != EO_OK ||
        eo_op_state_add_results(&st, nres, res) != EO_OK)
        goto fail;
    for (size_t i = 0; i < nattrs; i++)
        if (eo_op_state_set_attr(&st, eo_ident_str(attrs[i].name),
                                 attrs[i].value) != EO_OK)
            goto fail;
    if (st.def)
        for (int i = 0; i < st.def->regions; i++)
            if (!eo_op_state_add_region(&st))
                goto fail;
    return eo_builder_insert(b, &st);
fail:
    eo_op_state_release(&st);
    return NULL;
}
