/* dialects/tl/transforms/pack.c - the tl-pack pass: blocked weight
 * layouts as a knob. On func.func, on tensors (after graph-to-tl, before
 * tl-bufferize): knob "pack.<site>.oc" (1 = off, the default; 4, 8 or 16
 * up to the number of output channels) of each tl.conv2d, tl.matmul and
 * matmul-shaped tl.generic (a gemm with trans_a / trans_b / alpha) packs
 * the weights so that a block of output channels is innermost ([F/b, C,
 * KH, KW, b] for nchw_fchw, [F/b, KH, KW, C, b] for nhwc_hwcf, [N/b, K,
 * b] for a matmul's B [K, N] or [N, K]), the out likewise (channel dim
 * split, block last), computes the op as a tl.generic whose innermost
 * loop is the channel block (after the reductions, so every out element
 * sums in the original order: results are bit-identical) and unpacks the
 * out with a tl.generic reading (c floordiv b, c mod b). A partial last
 * block is padded (zero weights; its outs are computed and dropped).
 * Then every tl.pack of a constant becomes a graph.constant (computed
 * here), and a padded tl.pack of anything else its generic form (it has
 * none on buffers). docs/tl-dialect.md, "Packing (tl-pack)".
 */
#include "dialects/tl/transforms/transforms.h"

#include "dialects/graph/interp.h"
#include "dialects/tl/tl.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Builders                                                            */
/* ------------------------------------------------------------------ */

/* "name"(ops) {attrs} : 't' at rw's insertion point; its result, or NULL
 * on allocation failure or a NULL operand / attribute. */
static eo_value *
mk(eo_rewriter *rw, const char *name, size_t n, eo_value *const *ops,
   const eo_type *t, size_t na, const char *const *names,
   const eo_attr *const *vals)
{
    eo_op_state st;
    for (size_t i = 0; i < n; i++)
        if (!ops[i])
            return NULL;
    for (size_t i = 0; i < na; i++)
        if (!vals[i])
            return NULL;
    if (!t)
        return NULL;
    eo_op_state_init(&st, rw->b.ctx, name, eo_op_loc(rw->root));
    eo_status s = eo_op_state_add_operands(&st, n, ops);
    s = s ? s : eo_op_state_add_result(&st, t);
    for (size_t i = 0; i < na && s == EO_OK; i++)
        s = eo_op_state_set_attr(&st, names[i], vals[i]);
    if (s != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *o = eo_rewriter_create(rw, &st);
    return o ? eo_op_result(o, 0) : NULL;
}

/* A graph.constant of 'type' with every element zero. */
static eo_value *
zero_tensor(eo_rewriter *rw, const eo_type *type)
{
    unsigned char zero[16] = {0};
    const eo_type *elem = type ? eo_type_elem(type) : NULL;
    size_t esz = elem ? eo_dense_elem_bytes(elem) : 0;
    if (!esz || esz > sizeof zero)
        return NULL;
    const char *n = "value";
    const eo_attr *a = eo_attr_get_dense(rw->b.ctx, type, zero, esz, true);
    return mk(rw, "graph.constant", 0, NULL, type, 1, &n, &a);
}

static const eo_attr *
i64_array(eo_ctx *ctx, size_t n, const int64_t *v)
{
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    return i64 ? eo_attr_get_dense_array(ctx, i64, n, v) : NULL;
}

/* Zero of scalar type 'e'. */
static const eo_attr *
zero_attr(eo_ctx *ctx, const eo_type *e)
{
    return eo_type_is_float(e) ? eo_attr_get_float(ctx, e, 0.0)
                               : eo_attr_get_int(ctx, e, 0);
}

/* tl.pack of 'src' into a zero tensor of type 't': tile 'b' on source
 * dim 'pos', outer dims permuted by 'perm' (NULL: identity), with a zero
 * padding value when b does not divide the dim. */
static eo_value *
build_pack(eo_rewriter *rw, eo_value *src, const eo_type *t, int64_t pos,
           int64_t b, const int64_t *perm)
{
    eo_ctx *ctx = rw->b.ctx;
    const eo_type *st = eo_value_type(src);
    size_t rank = eo_type_rank(st);
    eo_value *dst = zero_tensor(rw, t);
    if (!dst)
        return NULL;
    eo_value *ops[2] = {src, dst};
    int32_t seg[2] = {1, 1};
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const char *names[5] = {"operandSegmentSizes", "inner_dims_pos",
                            "inner_tiles", "padding_value",
                            "outer_dims_perm"};
    const eo_attr *vals[5];
    vals[0] = i32 ? eo_attr_get_dense_array(ctx, i32, 2, seg) : NULL;
    vals[1] = i64_array(ctx, 1, &pos);
    vals[2] = i64_array(ctx, 1, &b);
    size_t na = 3;
    if (eo_type_dim(st, (size_t)pos) % b) {
        vals[na] = zero_attr(ctx, eo_type_elem(st));
        names[na++] = "padding_value";
    }
    if (perm) {
        vals[na] = i64_array(ctx, rank, perm);
        names[na++] = "outer_dims_perm";
    }
    return mk(rw, "tl.pack", 2, ops, t, na, names, vals);
}

/* The longest affine_map text built here (8 dims, 4 products of 64-bit
 * numbers). */
#define MAP_MAX 256

/* affine_map text -> attribute. */
static const eo_attr *
map_attr(eo_ctx *ctx, const char *text)
{
    const eo_attr *a = eo_attr_parse(ctx, text, strlen(text));
    return a && eo_attr_get_kind(a) == EO_ATTR_AFFINE_MAP ? a : NULL;
}

/* The array attribute of 'n' maps given as text. */
static const eo_attr *
maps_attr(eo_ctx *ctx, size_t n, char (*text)[MAP_MAX])
{
    const eo_attr *m[4];
    for (size_t i = 0; i < n; i++)
        if (!(m[i] = map_attr(ctx, text[i])))
            return NULL;
    return eo_attr_get_array(ctx, n, m);
}

/* The iterator types: 'r' marks reductions ("pprp": parallel, parallel,
 * reduction, parallel). */
static const eo_attr *
iters_attr(eo_ctx *ctx, const char *r)
{
    const eo_attr *par = eo_attr_get_string(ctx, "parallel", 8, NULL);
    const eo_attr *red = eo_attr_get_string(ctx, "reduction", 9, NULL);
    const eo_attr *it[EO_TL_MAX_LOOPS];
    size_t n = strlen(r);
    if (!par || !red || n > EO_TL_MAX_LOOPS)
        return NULL;
    for (size_t i = 0; i < n; i++)
        it[i] = r[i] == 'r' ? red : par;
    return eo_attr_get_array(ctx, n, it);
}

/* ------------------------------------------------------------------ */
/* The packed computation                                              */
/* ------------------------------------------------------------------ */

/* A tl.generic that is a matmul (graph-to-tl's gemm with trans_a /
 * trans_b / alpha): loops m, n, k (parallel, parallel, reduction, no
 * loop_bounds), ins A at (m, k) or (k, m) and B at (k, n) or (n, k), out
 * at (m, n). *trans_a / *trans_b say which. */
static bool
matmul_like(eo_op *op, bool *trans_a, bool *trans_b)
{
    if (tl_op_kind(op) != TL_GENERIC || eo_tl_num_ins(op) != 2 ||
        eo_tl_num_outs(op) != 1 || eo_op_attr(op, "loop_bounds"))
        return false;
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_attr *maps = eo_op_attr(op, "indexing_maps");
    const eo_attr *want = iters_attr(ctx, "ppr");
    if (!maps || eo_attr_array_size(maps) != 3 ||
        eo_op_attr(op, "iterator_types") != want)
        return false;
    const eo_attr *mk_ = map_attr(ctx, "affine_map<(d0, d1, d2) -> "
                                       "(d0, d2)>");
    const eo_attr *km = map_attr(ctx, "affine_map<(d0, d1, d2) -> "
                                      "(d2, d0)>");
    const eo_attr *kn = map_attr(ctx, "affine_map<(d0, d1, d2) -> "
                                      "(d2, d1)>");
    const eo_attr *nk = map_attr(ctx, "affine_map<(d0, d1, d2) -> "
                                      "(d1, d2)>");
    const eo_attr *mn = map_attr(ctx, "affine_map<(d0, d1, d2) -> "
                                      "(d0, d1)>");
    const eo_attr *a = eo_attr_array_at(maps, 0);
    const eo_attr *b = eo_attr_array_at(maps, 1);
    if (!mk_ || !km || !kn || !nk || !mn || eo_attr_array_at(maps, 2) != mn
        || (a != mk_ && a != km) || (b != kn && b != nk))
        return false;
    *trans_a = a == km;
    *trans_b = b == nk;
    return true;
}

/* What one packed op needs: the named op, its block size, the weight's
 * and out's packed forms and the maps of the packed generic. */
typedef struct packing {
    eo_op *op;
    int64_t b;
    size_t wpos;              /* the weight's output-channel dim */
    const int64_t *wperm;     /* its outer permutation, or NULL */
    const eo_type *wpt;       /* the packed weight type */
    size_t ypos;              /* the out's channel dim */
    const eo_type *ypt;       /* the packed out type */
    char maps[3][MAP_MAX];        /* x, packed weight, packed out */
    const char *iters;
    char unpack[MAP_MAX];         /* the unpack's in map */
} packing;

/* 't' with dim 'pos' split by 'b' (ceiling), dims permuted by 'perm'
 * (NULL: identity), the block last. */
static const eo_type *
packed_type(eo_ctx *ctx, const eo_type *t, size_t pos, int64_t b,
            const int64_t *perm)
{
    size_t r = eo_type_rank(t);
    int64_t shape[EO_TL_MAX_LOOPS];
    for (size_t i = 0; i < r; i++) {
        size_t d = perm ? (size_t)perm[i] : i;
        int64_t s = eo_type_dim(t, d);
        shape[i] = d == pos ? (s + b - 1) / b : s;
    }
    shape[r] = b;
    return eo_type_get_tensor(ctx, r + 1, shape, eo_type_elem(t), NULL);
}

static const int64_t hwcf_perm[4] = {3, 0, 1, 2};
static const int64_t kn_perm[2] = {1, 0};

/* Fills 'p' for conv2d / matmul 'op' with block 'b'. */
static eo_status
plan(eo_op *op, int64_t b, packing *p)
{
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_type *wt = eo_value_type(eo_tl_in(op, 1));
    const eo_type *yt = eo_value_type(eo_tl_out(op, 0));
    memset(p, 0, sizeof *p);
    p->op = op;
    p->b = b;
    bool ta = false, tb = false;
    if (tl_op_kind(op) == TL_MATMUL || matmul_like(op, &ta, &tb)) {
        /* loops m, no, k, ni; B [K, N] or (trans_b) [N, K] */
        p->wpos = tb ? 0 : 1;
        p->wperm = tb ? NULL : kn_perm;
        p->ypos = 1;
        snprintf(p->maps[0], MAP_MAX, "affine_map<(d0, d1, d2, d3) -> %s>",
                 ta ? "(d2, d0)" : "(d0, d2)");
        snprintf(p->maps[1], MAP_MAX,
                 "affine_map<(d0, d1, d2, d3) -> (d1, d2, d3)>");
        snprintf(p->maps[2], MAP_MAX,
                 "affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>");
        p->iters = "pprp";
        snprintf(p->unpack, MAP_MAX, "affine_map<(d0, d1) -> (d0, d1 floordiv "
                 "%lld, d1 mod %lld)>", (long long)b, (long long)b);
    } else {
        const eo_attr *la = eo_op_attr(op, "layout");
        size_t len = 0;
        const char *l = la ? eo_attr_string(la, &len) : NULL;
        bool nhwc = l && len == 9 && !memcmp(l, "nhwc_hwcf", 9);
        int64_t s[2] = {1, 1}, d[2] = {1, 1};
        const eo_attr *sa = eo_op_attr(op, "strides");
        const eo_attr *da = eo_op_attr(op, "dilations");
        for (size_t i = 0; i < 2; i++) {
            if (sa)
                s[i] = eo_attr_dense_array_int(sa, i);
            if (da)
                d[i] = eo_attr_dense_array_int(da, i);
        }
        const char *dims = "affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> ";
        if (!nhwc) {
            /* loops n, fo, oh, ow, c, kh, kw, fi */
            p->wpos = 0;
            p->ypos = 1;
            snprintf(p->maps[0], MAP_MAX, "%s(d0, d4, d2 * %lld + d5 * %lld, "
                     "d3 * %lld + d6 * %lld)>", dims, (long long)s[0],
                     (long long)d[0], (long long)s[1], (long long)d[1]);
            snprintf(p->maps[1], MAP_MAX, "%s(d1, d4, d5, d6, d7)>", dims);
            snprintf(p->maps[2], MAP_MAX, "%s(d0, d1, d2, d3, d7)>", dims);
            snprintf(p->unpack, MAP_MAX, "affine_map<(d0, d1, d2, d3) -> (d0, "
                     "d1 floordiv %lld, d2, d3, d1 mod %lld)>", (long long)b,
                     (long long)b);
        } else {
            /* loops n, oh, ow, fo, kh, kw, c, fi */
            p->wpos = 3;
            p->wperm = hwcf_perm;
            p->ypos = 3;
            snprintf(p->maps[0], MAP_MAX, "%s(d0, d1 * %lld + d4 * %lld, "
                     "d2 * %lld + d5 * %lld, d6)>", dims, (long long)s[0],
                     (long long)d[0], (long long)s[1], (long long)d[1]);
            snprintf(p->maps[1], MAP_MAX, "%s(d3, d4, d5, d6, d7)>", dims);
            snprintf(p->maps[2], MAP_MAX, "%s(d0, d1, d2, d3, d7)>", dims);
            snprintf(p->unpack, MAP_MAX, "affine_map<(d0, d1, d2, d3) -> (d0, "
                     "d1, d2, d3 floordiv %lld, d3 mod %lld)>", (long long)b,
                     (long long)b);
        }
        p->iters = "pppprrrp";     /* both layouts */
    }
    p->wpt = packed_type(ctx, wt, p->wpos, b, p->wperm);
    p->ypt = packed_type(ctx, yt, p->ypos, b, NULL);
    if (!p->wpt || !p->ypt)
        return EO_NOMEM;
    return EO_OK;
}

/* Rewrites p->op to pack / packed generic / unpack (see the top). */
static eo_status
rewrite_packed(eo_rewriter *rw, const packing *p)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_op *op = p->op;
    const eo_type *yt = eo_value_type(eo_tl_out(op, 0));
    rw->root = op;
    eo_builder_set_before(&rw->b, op);
    eo_value *wp = build_pack(rw, eo_tl_in(op, 1), p->wpt, (int64_t)p->wpos,
                              p->b, p->wperm);
    eo_value *yp = build_pack(rw, eo_tl_out(op, 0), p->ypt, (int64_t)p->ypos,
                              p->b, NULL);
    const eo_attr *maps = maps_attr(ctx, 3, (char (*)[MAP_MAX])p->maps);
    const eo_attr *iters = iters_attr(ctx, p->iters);
    if (!wp || !yp || !maps || !iters)
        return EO_NOMEM;
    /* The body: the named op's own (zero points included), or the
     * generic's. */
    bool named = tl_op_kind(op) != TL_GENERIC;
    eo_op *g0 = named ? eo_tl_named_to_generic(rw, op) : op;
    if (!g0)
        return EO_ERROR;
    eo_value *ins[2] = {eo_tl_in(op, 0), wp};
    eo_op *g = eo_tl_generic_build(rw, 2, ins, 1, &yp, maps, iters);
    if (!g) {
        if (named)
            eo_rewriter_erase_op(rw, g0);
        return EO_NOMEM;
    }
    eo_block *src = eo_region_first(eo_op_region(g0, 0));
    eo_block *dst = eo_region_first(eo_op_region(g, 0));
    eo_value *args[3];
    for (size_t i = 0; i < 3; i++)
        args[i] = eo_block_arg(dst, i);
    eo_rewriter_merge_blocks(rw, src, dst, args, 3);
    if (named)
        eo_rewriter_erase_op(rw, g0);
    /* The unpack: y[.., c, ..] = yp[.., c floordiv b, .., c mod b]. */
    char idm[2][MAP_MAX];
    snprintf(idm[0], MAP_MAX, "%s", p->unpack);
    snprintf(idm[1], MAP_MAX, "%s", eo_type_rank(yt) == 2
             ? "affine_map<(d0, d1) -> (d0, d1)>"
             : "affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>");
    const eo_attr *umaps = maps_attr(ctx, 2, idm);
    const eo_attr *uiters = iters_attr(ctx, eo_type_rank(yt) == 2 ? "pp"
                                                                  : "pppp");
    eo_value *uin = eo_op_result(g, 0);
    eo_value *uout = zero_tensor(rw, yt);
    eo_op *u = umaps && uiters && uout
                   ? eo_tl_generic_build(rw, 1, &uin, 1, &uout, umaps,
                                         uiters)
                   : NULL;
    if (!u)
        return EO_NOMEM;
    eo_block *ub = eo_region_first(eo_op_region(u, 0));
    eo_builder saved = rw->b;
    eo_builder_set_end(&rw->b, ub);
    eo_op_state st;
    eo_op_state_init(&st, ctx, "tl.yield", eo_op_loc(op));
    eo_op *yop = NULL;
    if (eo_op_state_add_operand(&st, eo_block_arg(ub, 0)) == EO_OK)
        yop = eo_rewriter_create(rw, &st);
    else
        eo_op_state_release(&st);
    rw->b = saved;
    if (!yop)
        return EO_NOMEM;
    eo_value *res = eo_op_result(u, 0);
    eo_rewriter_replace_op(rw, op, &res);
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Folding and generalizing tl.pack                                    */
/* ------------------------------------------------------------------ */

eo_status
eo_tl_pack_fold_constant(eo_rewriter *rw, eo_op *pack, bool *folded)
{
    eo_ctx *ctx = rw->b.ctx;
    *folded = false;
    if (tl_op_kind(pack) != TL_PACK || eo_op_num_results(pack) != 1)
        return EO_OK;
    const eo_attr *cv = eo_value_constant(eo_tl_in(pack, 0));
    if (!cv || (eo_attr_get_kind(cv) != EO_ATTR_DENSE
                && eo_attr_get_kind(cv) != EO_ATTR_DENSE_RESOURCE))
        return EO_OK;
    const eo_type *t = eo_value_type(eo_op_result(pack, 0));
    eo_tensor in, out;
    if (eo_tensor_from_attr(ctx, eo_op_loc(pack), cv, &in) != EO_OK)
        return EO_ERROR;
    eo_status st = eo_tensor_alloc_for_type(&out, t);
    if (st == EO_OK)
        st = eo_tl_pack_data(pack, in.data, in.nbytes, out.data,
                             out.nbytes);
    eo_tensor_free(&in);
    if (st != EO_OK) {
        eo_tensor_free(&out);
        return st;
    }
    const eo_attr *a;
    if (out.nbytes <= 256) {
        a = eo_attr_get_dense(ctx, t, out.data, out.nbytes, false);
    } else {
        eo_strbuf key = {0};
        eo_op_site_key(pack, &key);
        for (char *c = key.data; c && *c; c++)
            if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '_' || *c == '.'))
                *c = '_';
        eo_strbuf_puts(&key, ".packed");
        eo_resource *r = key.oom ? NULL
                                 : eo_resource_create(ctx, key.data, out.data,
                                                      out.nbytes, 64);
        eo_strbuf_free(&key);
        a = r ? eo_attr_get_dense_resource(ctx, t, r) : NULL;
    }
    eo_tensor_free(&out);
    eo_op *saved_root = rw->root;
    rw->root = pack;
    eo_builder_set_before(&rw->b, pack);
    const char *n = "value";
    eo_value *c = a ? mk(rw, "graph.constant", 0, NULL, t, 1, &n, &a)
                    : NULL;
    rw->root = saved_root;
    if (!c) {
        eo_emit_error(ctx, eo_op_loc(pack), "out of memory");
        return EO_NOMEM;
    }
    eo_value *dst = eo_tl_out(pack, 0), *srcv = eo_tl_in(pack, 0);
    eo_rewriter_replace_op(rw, pack, &c);
    /* The dest and the unpacked constant, once unused, go. */
    eo_value *gone[2] = {dst, srcv};
    for (size_t i = 0; i < 2; i++) {
        eo_op *d = eo_value_def_op(gone[i]);
        if (d && !eo_value_has_uses(gone[i]) && eo_op_num_results(d) == 1
            && eo_value_constant(gone[i]) && eo_op_is_pure(d))
            eo_rewriter_erase_op(rw, d);
    }
    *folded = true;
    return EO_OK;
}

/* Every tl.pack of a constant folded; padded ones on tensors
 * generalized. */
typedef struct pack_list {
    eo_op **v;
    size_t n, cap;
    bool oom;
    const char *name;       /* the op name collected */
} pack_list;

static eo_walk_result
collect(eo_op *op, void *ud)
{
    pack_list *l = ud;
    enum tl_op k = tl_op_kind(op);
    bool ta, tb;
    bool want = l->name ? (k == TL_CONV2D || k == TL_MATMUL
                           || matmul_like(op, &ta, &tb))
                        : k == TL_PACK;
    if (!want)
        return EO_WALK_ADVANCE;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        eo_op **nv = realloc(l->v, cap * sizeof *nv);
        if (!nv) {
            l->oom = true;
            return EO_WALK_INTERRUPT;
        }
        l->v = nv;
        l->cap = cap;
    }
    l->v[l->n++] = op;
    return EO_WALK_ADVANCE;
}

static eo_status
fold_packs(eo_op *root, eo_rewriter *rw, bool *changed)
{
    pack_list l = {0};
    eo_op_walk(root, EO_WALK_PRE, collect, &l);
    eo_status st = l.oom ? EO_NOMEM : EO_OK;
    for (size_t i = 0; i < l.n && st == EO_OK; i++) {
        eo_op *p = l.v[i];
        bool folded = false;
        st = eo_tl_pack_fold_constant(rw, p, &folded);
        if (st != EO_OK || folded) {
            *changed |= folded;
            continue;
        }
        if (eo_op_num_results(p) != 1 || !eo_op_attr(p, "padding_value"))
            continue;
        rw->root = p;
        eo_builder_set_before(&rw->b, p);
        eo_op *g = eo_tl_named_to_generic(rw, p);
        if (!g) {
            st = EO_ERROR;
            break;
        }
        eo_value *r = eo_op_result(g, 0);
        eo_rewriter_replace_op(rw, p, &r);
        *changed = true;
    }
    free(l.v);
    return st;
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */
/* ------------------------------------------------------------------ */

/* Whether 'op' can be packed: on tensors with static shapes, at least 4
 * output channels. Its channel count in *f. */
static bool
packable(eo_op *op, int64_t *f)
{
    if (eo_op_num_results(op) != 1 || eo_tl_num_ins(op) != 2)
        return false;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, i));
        if (eo_type_get_kind(t) != EO_TYPE_TENSOR || !eo_type_is_shaped(t))
            return false;
        for (size_t d = 0; d < eo_type_rank(t); d++)
            if (eo_type_dim(t, d) == EO_DYNAMIC)
                return false;
    }
    const eo_type *yt = eo_value_type(eo_tl_out(op, 0));
    size_t c = 1;
    if (tl_op_kind(op) == TL_CONV2D) {
        const eo_attr *la = eo_op_attr(op, "layout");
        size_t len = 0;
        const char *l = la ? eo_attr_string(la, &len) : NULL;
        c = l && len == 9 && !memcmp(l, "nhwc_hwcf", 9) ? 3 : 1;
    }
    *f = eo_type_dim(yt, c);
    return *f >= 4;
}

static eo_status
run_pack(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    eo_ctx *ctx = eo_pass_ctx_ctx(pc);
    const eo_knob_provider *knobs = eo_pass_ctx_knobs(pc);
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, NULL, knobs);
    pack_list l = {.name = "ops"};
    eo_op_walk(op, EO_WALK_PRE, collect, &l);
    if (l.oom) {
        free(l.v);
        return eo_op_error(op, "out of memory");
    }
    /* Site keys made unique as tl-to-loops does ("<key>.<k>"). */
    eo_strbuf *keys = calloc(l.n ? l.n : 1, sizeof *keys);
    eo_status st = keys ? EO_OK : EO_NOMEM;
    for (size_t i = 0; i < l.n && st == EO_OK; i++) {
        eo_op_site_key(l.v[i], &keys[i]);
        size_t dup = 0;
        for (size_t j = 0; j < i; j++) {
            eo_strbuf k = {0};
            eo_op_site_key(l.v[j], &k);
            dup += k.data && keys[i].data && !strcmp(k.data, keys[i].data);
            eo_strbuf_free(&k);
        }
        if (dup)
            eo_strbuf_printf(&keys[i], ".%zu", dup);
        if (keys[i].oom || !keys[i].data)
            st = EO_NOMEM;
    }
    bool changed = false;
    for (size_t i = 0; i < l.n && st == EO_OK; i++) {
        int64_t f;
        if (!packable(l.v[i], &f))
            continue;
        static const int64_t all[4] = {1, 4, 8, 16};
        size_t cnt = 1;
        while (cnt < 4 && all[cnt] <= f)
            cnt++;
        eo_knob_domain dom = {.kind = EO_KNOB_SET, .values = all,
                              .count = cnt};
        eo_strbuf name = {0};
        eo_strbuf_printf(&name, "pack.%s.oc", keys[i].data);
        if (name.oom) {
            eo_strbuf_free(&name);
            st = EO_NOMEM;
            break;
        }
        int64_t b = knobs && knobs->ask
                        ? knobs->ask(knobs->ud, name.data, &dom, 1, l.v[i],
                                     "tl-pack")
                        : 1;
        eo_strbuf_free(&name);
        if (b <= 1)
            continue;
        packing p;
        st = plan(l.v[i], b, &p);
        if (st == EO_OK)
            st = rewrite_packed(&rw, &p);
        changed = true;
    }
    for (size_t i = 0; keys && i < l.n; i++)
        eo_strbuf_free(&keys[i]);
    free(keys);
    free(l.v);
    rw.root = NULL;
    if (st == EO_OK)
        st = fold_packs(op, &rw, &changed);
    if (st == EO_NOMEM)
        eo_op_error(op, "out of memory");
    if (st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_def pack_pass = {
    .name = "tl-pack",
    .description = "Blocked weight layouts: knob pack.<site>.oc (1, 4, 8, "
                   "16) packs a tl.conv2d / tl.matmul's output channels "
                   "innermost; folds tl.pack of constants",
    .anchor = "func.func",
    .run = run_pack,
};

const struct eo_pass_def *
eo_tl_pack_pass_def(void)
{
    return &pack_pass;
}
