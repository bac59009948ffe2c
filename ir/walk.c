/* ir/walk.c - iterative traversal of nested ops (no recursion: any
 * nesting depth). Moves follow the parent pointers: into an op's first
 * non-empty block, to the next op, the next non-empty block, the next
 * region of the parent op, or up to the parent.
 */
#include "ir/internal.h"

/* First op of the first non-empty block of regions [ri, n) of 'op'. */
static eo_op *
first_nested_from(const eo_op *op, uint32_t ri)
{
    for (uint32_t i = ri; i < op->num_regions; i++)
        for (eo_block *b = eo_opx_regions(op)[i].first; b; b = b->next)
            if (b->first)
                return b->first;
    return NULL;
}

/* The op after 'op' in its parent's nesting once op's subtree is done:
 * the next op of its block, of a later block, or of a later region;
 * NULL if none (the parent comes next, in post-order). */
static eo_op *
next_sibling_tree(const eo_op *op)
{
    if (op->next)
        return op->next;
    eo_block *b = op->block;
    if (!b)
        return NULL;
    for (eo_block *nb = b->next; nb; nb = nb->next)
        if (nb->first)
            return nb->first;
    eo_region *r = b->region;
    if (!r || !r->parent)
        return NULL;
    uint32_t idx = (uint32_t)(r - eo_opx_regions(r->parent));
    return first_nested_from(r->parent, idx + 1);
}

eo_op *
eo_op_preorder_next(const eo_op *op, const eo_op *root, bool descend)
{
    if (descend) {
        eo_op *c = first_nested_from(op, 0);
        if (c)
            return c;
    }
    while (op != root) {
        eo_op *s = next_sibling_tree(op);
        if (s)
            return s;
        op = eo_op_parent(op);
        if (!op)
            return NULL;
    }
    return NULL;
}

/* Deepest first op reached by descending from 'op' (op if no nesting). */
static eo_op *
leftmost_leaf(eo_op *op)
{
    for (;;) {
        eo_op *c = first_nested_from(op, 0);
        if (!c)
            return op;
        op = c;
    }
}

/* Next op in post-order after 'op' (whose subtree is done). */
static eo_op *
postorder_next(eo_op *op, const eo_op *root)
{
    if (op == root)
        return NULL;
    eo_op *s = next_sibling_tree(op);
    if (s)
        return leftmost_leaf(s);
    return eo_op_parent(op);
}

bool
eo_op_walk(eo_op *root, eo_walk_order order, eo_walk_fn f, void *ud)
{
    if (order == EO_WALK_PRE) {
        eo_op *op = root;
        while (op) {
            eo_walk_result r = f(op, ud);
            if (r == EO_WALK_INTERRUPT)
                return true;
            op = eo_op_preorder_next(op, root, r != EO_WALK_SKIP);
        }
        return false;
    }
    eo_op *op = leftmost_leaf(root);
    while (op) {
        /* Computed first: the callback may erase 'op'. */
        eo_op *next = postorder_next(op, root);
        if (f(op, ud) == EO_WALK_INTERRUPT)
            return true;
        op = next;
    }
    return false;
}
