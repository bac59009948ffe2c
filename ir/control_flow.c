/* ir/control_flow.c - the control-flow interfaces of op definitions: which
 * successor a branch takes for constant operands, and where control and
 * values go between a region-branch op and its regions. The hooks live in
 * the dialects' op tables; these accessors check what the hooks answer
 * against the IR, so an analysis can index with it safely.
 */
#include "ir/internal.h"

int
eo_op_branch_successor(eo_op *op, const eo_attr *const cst[])
{
    const eo_op_def *d = op ? eo_op_get_def(op) : NULL;
    if (!d || !d->branch_successor)
        return -1;
    int i = d->branch_successor(op, cst);
    if (i < 0 || (size_t)i >= eo_op_num_successors(op))
        return -1;
    return i;
}

bool
eo_op_is_region_branch(const eo_op *op)
{
    const eo_op_def *d = op ? eo_op_get_def(op) : NULL;
    return d && d->region_successors;
}

/* What the checking trampoline needs to know. */
typedef struct succ_check {
    eo_op *op;
    size_t num_operands;            /* of the predecessor */
    eo_region_successor_fn add;
    void *ud;
} succ_check;

static void
check_successor(void *ud, const eo_region_successor *s)
{
    succ_check *c = ud;
    if (!s)
        return;
    size_t ninputs;
    if (s->region == EO_REGION_PARENT) {
        ninputs = eo_op_num_results(c->op);
    } else if (s->region < eo_op_num_regions(c->op)) {
        eo_block *entry = eo_region_first(eo_op_region(c->op, s->region));
        ninputs = entry ? eo_block_num_args(entry) : 0;
    } else {
        return;                     /* no such region */
    }
    eo_region_successor out = *s;
    size_t ops_left = out.first_operand < c->num_operands
                          ? c->num_operands - out.first_operand : 0;
    size_t ins_left = out.first_input < ninputs
                          ? ninputs - out.first_input : 0;
    if (out.count > ops_left)
        out.count = (uint32_t)ops_left;
    if (out.count > ins_left)
        out.count = (uint32_t)ins_left;
    if (out.count == 0) {
        out.first_operand = 0;
        out.first_input = 0;
    }
    c->add(c->ud, &out);
}

bool
eo_op_region_successors(eo_op *op, eo_op *term, const eo_attr *const cst[],
                        eo_region_successor_fn add, void *ud)
{
    if (!eo_op_is_region_branch(op) || !add)
        return false;
    if (term) {
        eo_block *b = eo_op_block(term);
        if (!b || eo_block_parent_op(b) != op ||
            eo_block_terminator(b) != term ||
            eo_op_num_successors(term) != 0)
            return false;
    }
    succ_check c = { op, eo_op_num_operands(term ? term : op), add, ud };
    eo_op_get_def(op)->region_successors(op, term, cst, check_successor,
                                         &c);
    return true;
}
