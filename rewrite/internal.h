/* rewrite/internal.h - declarations shared by the files of rewrite/ only.
 *
 * Each built-in pass lives in its own file and defines exactly one of the
 * eo_pass_<name> definitions below (pass_canonicalize.c, pass_cse.c,
 * pass_dce.c defines dce and symbol_dce, pass_inline.c, pass_sccp.c,
 * pass_unroll.c);
 * rewrite/passes.c registers them all in eo_passes_register.
 */
#ifndef EO_REWRITE_INTERNAL_H
#define EO_REWRITE_INTERNAL_H

#include "rewrite/rewrite.h"

/* One pass definition per pass file (see above). */
EO_HIDDEN extern const eo_pass_def eo_pass_canonicalize, eo_pass_cse,
    eo_pass_dce, eo_pass_symbol_dce, eo_pass_inline, eo_pass_unroll,
    eo_pass_sccp;

/* ------------------------------------------------------------------ */
/* Shared by greedy.c, pass_canonicalize.c, pass_cse.c, pass_dce.c      */
/* (R-driver)                                                          */
/* ------------------------------------------------------------------ */

/* A pointer -> size_t hash map in the context arena (open addressing;
 * keys are never NULL). Zero-initialize with eo_ptrmap_init. */
typedef struct eo_ptrmap_slot {
    const void *key;                  /* NULL: empty */
    size_t val;
} eo_ptrmap_slot;

typedef struct eo_ptrmap {
    eo_ctx *ctx;
    eo_ptrmap_slot *slots;
    size_t cap, count;
} eo_ptrmap;

EO_HIDDEN void eo_ptrmap_init(eo_ptrmap *m, eo_ctx *ctx);
EO_HIDDEN void eo_ptrmap_fini(eo_ptrmap *m);
EO_HIDDEN void eo_ptrmap_clear(eo_ptrmap *m);
EO_HIDDEN bool eo_ptrmap_get(const eo_ptrmap *m, const void *key,
                             size_t *val);
/* Inserts or overwrites; *existed (may be NULL) says which. */
EO_HIDDEN eo_status eo_ptrmap_put(eo_ptrmap *m, const void *key, size_t val,
                                  bool *existed);
EO_HIDDEN bool eo_ptrmap_remove(eo_ptrmap *m, const void *key);

/* Adds borrowed pattern 'p' under root op name 'root' (NULL: any op),
 * whatever p->root says (canonicalization rows default to their op).
 * (greedy.c) */
EO_HIDDEN eo_status eo_pattern_set_add_rooted(eo_pattern_set *ps,
                                              const eo_pattern *p,
                                              const char *root);

/* MLIR's simplifyRegions (normal level) on region 'r' of 'root' and the
 * regions nested in it: erases blocks unreachable from the entry block,
 * then dead ops and dead arguments of non-entry blocks (region DCE with
 * liveness through branch operands). Changes go through 'rw' (so its
 * listener hears of them). *changed says whether anything was erased.
 * (pass_dce.c) */
EO_HIDDEN eo_status eo_simplify_regions(eo_rewriter *rw, eo_op *root,
                                        eo_region *r, bool *changed);

/* eo_apply_patterns_greedily, then MLIR's aggressive region simplification
 * (GreedySimplifyRegionLevel::Aggressive): identical blocks merged and
 * redundant block arguments dropped as well. (greedy.c) */
EO_HIDDEN eo_status eo_apply_patterns_greedily_aggressive(
    eo_op *op, const eo_pattern_set *ps, const eo_greedy_config *cfg,
    const eo_knob_provider *knobs, bool *changed);

/* arith builders shared by unroll and unroll-jam (pass_unroll.c): the
 * integer constant of v (one word), a constant, a binary op, arith.cmpi
 * 'pred' (an i1) and arith.select, built at b; NULL on failure or NULL
 * operands. */
__extension__ EO_HIDDEN bool eo_rw_const_of(eo_value *v, __int128 *out);
__extension__ EO_HIDDEN eo_value *eo_rw_mk_const(eo_builder *b,
                                                 const eo_type *t,
                                                 __int128 v);
EO_HIDDEN eo_value *eo_rw_mk_bin(eo_builder *b, const char *name,
                                 eo_value *x, eo_value *y);
EO_HIDDEN eo_value *eo_rw_mk_cmp(eo_builder *b, int pred, eo_value *x,
                                 eo_value *y);
EO_HIDDEN eo_value *eo_rw_mk_select(eo_builder *b, eo_value *c, eo_value *x,
                                    eo_value *y);

#endif /* EO_REWRITE_INTERNAL_H */
