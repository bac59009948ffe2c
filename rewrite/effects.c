/* rewrite/effects.c - side-effect queries derived from op traits, as the
 * passes (dce, cse, the greedy driver) need them. Unregistered ops are
 * assumed to have every effect. */
#include "rewrite/rewrite.h"

#define EO_MEM_ANY (EO_MEM_READ | EO_MEM_WRITE | EO_MEM_ALLOC | EO_MEM_FREE)

/* The effects of 'op' as EO_MEM_* bits: declared ones; none for EO_PURE;
 * all for unregistered ops and ops that declare nothing; for
 * EO_RECURSIVE_EFFECTS also those of nested ops. Recursion follows region
 * nesting, which the parser bounds by EO_MAX_DEPTH. */
static uint64_t
effects_of(const eo_op *op)
{
    const eo_op_def *d = eo_op_get_def(op);
    if (!d)
        return EO_MEM_ANY;
    uint64_t fx = d->traits & EO_MEM_ANY;
    if (d->traits & EO_RECURSIVE_EFFECTS) {
        for (size_t r = 0; r < eo_op_num_regions(op) && fx != EO_MEM_ANY; r++)
            for (eo_block *b = eo_region_first(eo_op_region(op, r)); b;
                 b = eo_block_next(b))
                for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
                    fx |= effects_of(o);
        return fx;
    }
    if (d->traits & EO_PURE)
        return fx;
    return fx ? fx : EO_MEM_ANY;
}

bool
eo_op_is_pure(const eo_op *op)
{
    return effects_of(op) == 0;
}

bool
eo_op_may_write(const eo_op *op)
{
    return (effects_of(op) & (EO_MEM_WRITE | EO_MEM_ALLOC | EO_MEM_FREE)) != 0;
}

bool
eo_op_may_read(const eo_op *op)
{
    return (effects_of(op) & EO_MEM_READ) != 0;
}

bool
eo_op_is_trivially_dead(const eo_op *op)
{
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        if (eo_value_has_uses(eo_op_result(op, i)))
            return false;
    if (eo_op_is_terminator(op))
        return false;
    if (eo_op_has_trait(op, EO_SYMBOL))
        return false;   /* symbols die through symbol-dce only */
    /* As in MLIR: an unused op whose only effects are reads and the
     * allocation of its own results (memref.load, memref.alloc) is dead. */
    uint64_t fx = effects_of(op);
    return (fx & ~(uint64_t)(EO_MEM_READ | EO_MEM_ALLOC)) == 0;
}
