/* ir/type.c - builtin types: uniquing, accessors and MLIR's spelling.
 *
 * Every type is hash-consed in the context's EO_UNIQ_TYPE set, so pointer
 * equality is type equality. Constructors validate their arguments as
 * MLIR's verifiers do and canonicalize (identity memref layouts and the
 * integer memory space 0 are dropped), returning NULL for invalid input.
 * Parsing lives in parse_type.c.
 */
#include "ir/internal.h"

#include <string.h>

struct eo_type {
    eo_ctx *ctx;
    uint64_t hash;
    eo_type_kind kind;
    unsigned width;                   /* INTEGER */
    eo_signedness sign;               /* INTEGER */
    eo_float_kind fkind;              /* FLOAT */
    const eo_type *elem;              /* COMPLEX and shaped types */
    size_t n;                         /* rank, tuple size, inputs, params */
    size_t nres;                      /* FUNCTION results */
    const int64_t *shape;             /* ranked shaped types */
    const bool *scalable;             /* VECTOR; NULL if none is scalable */
    const eo_type *const *types;      /* TUPLE; FUNCTION inputs, results */
    const eo_attr *attr0;             /* tensor encoding, memref layout */
    const eo_attr *attr1;             /* memref memory space */
    const eo_ident *dialect;          /* OPAQUE, DIALECT */
    const eo_ident *mnemonic;         /* DIALECT */
    const char *body;                 /* OPAQUE, NUL-terminated */
    size_t body_len;
    const eo_attr *const *params;     /* DIALECT */
    unsigned depth;                   /* nesting of types, 1 for leaves */
};

static const char *const float_names[] = {
    [EO_F16] = "f16", [EO_BF16] = "bf16", [EO_F32] = "f32",
    [EO_F64] = "f64", [EO_F80] = "f80", [EO_F128] = "f128",
    [EO_TF32] = "tf32", [EO_F8E5M2] = "f8E5M2", [EO_F8E4M3FN] = "f8E4M3FN",
    [EO_F8E4M3FNUZ] = "f8E4M3FNUZ", [EO_F8E5M2FNUZ] = "f8E5M2FNUZ",
    [EO_F8E4M3B11FNUZ] = "f8E4M3B11FNUZ", [EO_F8E4M3] = "f8E4M3",
};

static const unsigned float_widths[] = {
    [EO_F16] = 16, [EO_BF16] = 16, [EO_F32] = 32, [EO_F64] = 64,
    [EO_F80] = 80, [EO_F128] = 128, [EO_TF32] = 19, [EO_F8E5M2] = 8,
    [EO_F8E4M3FN] = 8, [EO_F8E4M3FNUZ] = 8, [EO_F8E5M2FNUZ] = 8,
    [EO_F8E4M3B11FNUZ] = 8, [EO_F8E4M3] = 8,
};

_Static_assert(sizeof(float_names) / sizeof(float_names[0]) ==
                   EO_FLOAT_KIND_LAST + 1, "a float kind lacks a name");
_Static_assert(sizeof(float_widths) / sizeof(float_widths[0]) ==
                   EO_FLOAT_KIND_LAST + 1, "a float kind lacks a width");

/* ------------------------------------------------------------------ */
/* Uniquing                                                            */
/* ------------------------------------------------------------------ */

static uint64_t
type_hash(const eo_type *k)
{
    uint64_t h = eo_hash_u64(EO_HASH_SEED, (uint64_t)k->kind);
    h = eo_hash_u64(h, k->width);
    h = eo_hash_u64(h, (uint64_t)k->sign);
    h = eo_hash_u64(h, (uint64_t)k->fkind);
    h = eo_hash_ptr(h, k->elem);
    h = eo_hash_u64(h, k->n);
    h = eo_hash_u64(h, k->nres);
    if (k->shape && k->n)
        h = eo_hash_bytes(h, k->shape, k->n * sizeof(int64_t));
    if (k->scalable)
        h = eo_hash_bytes(h, k->scalable, k->n * sizeof(bool));
    if (k->types && (k->n + k->nres))
        h = eo_hash_bytes(h, k->types, (k->n + k->nres) * sizeof(void *));
    h = eo_hash_ptr(h, k->attr0);
    h = eo_hash_ptr(h, k->attr1);
    h = eo_hash_ptr(h, k->dialect);
    h = eo_hash_ptr(h, k->mnemonic);
    if (k->body)
        h = eo_hash_bytes(h, k->body, k->body_len);
    if (k->params && k->n)
        h = eo_hash_bytes(h, k->params, k->n * sizeof(void *));
    return h;
}

static bool
same_bytes(const void *a, const void *b, size_t n)
{
    if (!n)
        return true;
    if (!a || !b)
        return a == b;
    return memcmp(a, b, n) == 0;
}

static bool
type_eq(const void *obj, const void *key)
{
    const eo_type *a = obj, *b = key;
    if (a->kind != b->kind || a->width != b->width || a->sign != b->sign ||
        a->fkind != b->fkind || a->elem != b->elem || a->n != b->n ||
        a->nres != b->nres || a->attr0 != b->attr0 || a->attr1 != b->attr1 ||
        a->dialect != b->dialect || a->mnemonic != b->mnemonic ||
        a->body_len != b->body_len)
        return false;
    if ((a->scalable == NULL) != (b->scalable == NULL))
        return false;
    return same_bytes(a->shape, b->shape, a->n * sizeof(int64_t)) &&
           same_bytes(a->scalable, b->scalable, a->n * sizeof(bool)) &&
           same_bytes(a->types, b->types,
                      (a->n + a->nres) * sizeof(void *)) &&
           same_bytes(a->body, b->body, a->body_len) &&
           same_bytes(a->params, b->params, a->n * sizeof(void *));
}

/* Copies 'n' bytes of 'src' into permanent memory; NULL src stays NULL. */
static bool
perm_copy(eo_ctx *ctx, const void **dst, const void *src, size_t n,
          bool nul)
{
    if (!src) {
        *dst = NULL;
        return true;
    }
    void *p = eo_perm_alloc(ctx, n + (nul ? 1 : 0) + (n ? 0 : 1));
    if (!p)
        return false;
    if (n)
        memcpy(p, src, n);
    *dst = p;
    return true;
}

/* Finds or stores the type described by 'k' (whose arrays may be the
 * caller's). */
static unsigned
type_depth(const eo_type *k)
{
    unsigned d = 0;
    if (k->elem)
        d = k->elem->depth;
    if (k->types)
        for (size_t i = 0; i < k->n + k->nres; i++)
            if (k->types[i]->depth > d)
                d = k->types[i]->depth;
    return d + 1;
}

static const eo_type *
uniq(eo_ctx *ctx, eo_type *k)
{
    /* Printing and the other walks over types recurse on nesting. */
    k->depth = type_depth(k);
    if (k->depth > EO_MAX_DEPTH)
        return NULL;
    k->ctx = ctx;
    k->hash = type_hash(k);
    eo_uniq_set *set = eo_ctx_uniq(ctx, EO_UNIQ_TYPE);
    eo_type *t = eo_uniq_find(set, k->hash, type_eq, k);
    if (t)
        return t;
    t = eo_perm_alloc(ctx, sizeof(*t));
    if (!t)
        return NULL;
    *t = *k;
    const void *p;
    if (!perm_copy(ctx, &p, k->shape, k->n * sizeof(int64_t), false))
        return NULL;
    t->shape = p;
    if (!perm_copy(ctx, &p, k->scalable, k->n * sizeof(bool), false))
        return NULL;
    t->scalable = p;
    if (!perm_copy(ctx, &p, k->types, (k->n + k->nres) * sizeof(void *),
                   false))
        return NULL;
    t->types = p;
    if (!perm_copy(ctx, &p, k->body, k->body_len, true))
        return NULL;
    t->body = p;
    if (!perm_copy(ctx, &p, k->params, k->n * sizeof(void *), false))
        return NULL;
    t->params = p;
    if (eo_uniq_insert(ctx, set, t->hash, t) != EO_OK)
        return NULL;
    return t;
}

static eo_type
key(eo_type_kind kind)
{
    eo_type k;
    memset(&k, 0, sizeof(k));
    k.kind = kind;
    return k;
}

/* ------------------------------------------------------------------ */
/* Validity rules                                                      */
/* ------------------------------------------------------------------ */

bool
eo_type_valid_complex_elem(const eo_type *t)
{
    return t && (t->kind == EO_TYPE_INTEGER || t->kind == EO_TYPE_FLOAT);
}

bool
eo_type_valid_vector_elem(const eo_type *t)
{
    return t && (t->kind == EO_TYPE_INTEGER || t->kind == EO_TYPE_INDEX ||
                 t->kind == EO_TYPE_FLOAT);
}

/* MLIR: builtin complex/float/integer/index/vector/opaque types, or any
 * type of another dialect. */
bool
eo_type_valid_tensor_elem(const eo_type *t)
{
    if (!t)
        return false;
    switch (t->kind) {
    case EO_TYPE_INTEGER: case EO_TYPE_INDEX: case EO_TYPE_FLOAT:
    case EO_TYPE_COMPLEX: case EO_TYPE_VECTOR: case EO_TYPE_OPAQUE:
    case EO_TYPE_DIALECT:
        return true;
    default:
        return false;
    }
}

/* MLIR: complex, vector, memrefs and the types with the memref element
 * interface (integers, floats, index). Registered dialect types are
 * accepted, as this framework has no such interface. */
bool
eo_type_valid_memref_elem(const eo_type *t)
{
    if (!t)
        return false;
    switch (t->kind) {
    case EO_TYPE_INTEGER: case EO_TYPE_INDEX: case EO_TYPE_FLOAT:
    case EO_TYPE_COMPLEX: case EO_TYPE_VECTOR: case EO_TYPE_MEMREF:
    case EO_TYPE_UNRANKED_MEMREF: case EO_TYPE_DIALECT:
        return true;
    default:
        return false;
    }
}

static bool
valid_memspace(const eo_attr *a)
{
    switch (eo_attr_get_kind(a)) {
    case EO_ATTR_INTEGER: case EO_ATTR_STRING: case EO_ATTR_DICT:
    case EO_ATTR_DIALECT:
        return true;
    default:
        return false;
    }
}

const char *
eo_type_check_memref(bool ranked, size_t rank, const eo_attr *layout,
                     const eo_attr *memspace, char *buf, size_t bufsize)
{
    if (memspace && !valid_memspace(memspace))
        return "unsupported memory space Attribute";
    if (!layout)
        return NULL;
    if (!ranked)
        return "cannot have affine map for unranked memref type";
    switch (eo_attr_get_kind(layout)) {
    case EO_ATTR_AFFINE_MAP: {
        unsigned nd = eo_affine_map_num_dims(eo_attr_affine_map(layout));
        if (nd != rank) {
            snprintf(buf, bufsize, "memref layout mismatch between rank "
                     "and affine map: %zu != %u", rank, nd);
            return buf;
        }
        return NULL;
    }
    case EO_ATTR_STRIDED_LAYOUT:
        if (eo_attr_strided_rank(layout) != rank)
            return "expected the number of strides to match the rank";
        return NULL;
    default:
        return "expected a memref layout (affine map or strided)";
    }
}

/* The integer memory space 0 is the default: MLIR drops it. */
static const eo_attr *
canon_memspace(const eo_attr *a)
{
    if (a && eo_attr_get_kind(a) == EO_ATTR_INTEGER && eo_attr_is_zero(a))
        return NULL;
    return a;
}

static const eo_attr *
canon_layout(const eo_attr *a)
{
    if (a && eo_attr_get_kind(a) == EO_ATTR_AFFINE_MAP &&
        eo_affine_map_is_identity(eo_attr_affine_map(a)))
        return NULL;
    return a;
}

/* ------------------------------------------------------------------ */
/* Constructors                                                        */
/* ------------------------------------------------------------------ */

/* The context's cache of common types (eo_ctx_type_cache): slots. */
enum {
    TC_INDEX,
    TC_NONE,
    TC_FLOAT,                             /* + eo_float_kind */
    TC_INT = TC_FLOAT + EO_FLOAT_KIND_LAST + 1,  /* + int_cache_slot() */
    TC_END = TC_INT + 6
};
_Static_assert(TC_END <= EO_TYPE_CACHE_SIZE, "EO_TYPE_CACHE_SIZE too small");

static const unsigned cached_int_widths[] = { 1, 8, 16, 32, 64, 128 };

static int
int_cache_slot(unsigned width)
{
    switch (width) {
    case 1: return 0;
    case 8: return 1;
    case 16: return 2;
    case 32: return 3;
    case 64: return 4;
    case 128: return 5;
    default: return -1;
    }
}

void
eo_type_cache_fill(eo_ctx *ctx)
{
    const eo_type **c = eo_ctx_type_cache(ctx);
    /* Through the uncached paths: the slots are still NULL. */
    c[TC_INDEX] = eo_type_get_index(ctx);
    c[TC_NONE] = eo_type_get_none(ctx);
    for (int f = 0; f <= EO_FLOAT_KIND_LAST; f++)
        c[TC_FLOAT + f] = eo_type_get_float(ctx, (eo_float_kind)f);
    for (size_t i = 0; i < sizeof(cached_int_widths) /
                               sizeof(cached_int_widths[0]); i++)
        c[TC_INT + i] = eo_type_get_int(ctx, cached_int_widths[i]);
}

const eo_type *
eo_type_get_int_signed(eo_ctx *ctx, unsigned width, eo_signedness s)
{
    if (width > EO_MAX_INT_WIDTH ||
        (s != EO_SIGNLESS && s != EO_SIGNED && s != EO_UNSIGNED))
        return NULL;
    if (s == EO_SIGNLESS) {
        int slot = int_cache_slot(width);
        if (slot >= 0 && eo_ctx_type_cache(ctx)[TC_INT + slot])
            return eo_ctx_type_cache(ctx)[TC_INT + slot];
    }
    eo_type k = key(EO_TYPE_INTEGER);
    k.width = width;
    k.sign = s;
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_int(eo_ctx *ctx, unsigned width)
{
    return eo_type_get_int_signed(ctx, width, EO_SIGNLESS);
}

const eo_type *
eo_type_get_index(eo_ctx *ctx)
{
    if (eo_ctx_type_cache(ctx)[TC_INDEX])
        return eo_ctx_type_cache(ctx)[TC_INDEX];
    eo_type k = key(EO_TYPE_INDEX);
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_float(eo_ctx *ctx, eo_float_kind fk)
{
    if ((unsigned)fk > EO_FLOAT_KIND_LAST)
        return NULL;
    if (eo_ctx_type_cache(ctx)[TC_FLOAT + fk])
        return eo_ctx_type_cache(ctx)[TC_FLOAT + fk];
    eo_type k = key(EO_TYPE_FLOAT);
    k.fkind = fk;
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_none(eo_ctx *ctx)
{
    if (eo_ctx_type_cache(ctx)[TC_NONE])
        return eo_ctx_type_cache(ctx)[TC_NONE];
    eo_type k = key(EO_TYPE_NONE);
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_complex(eo_ctx *ctx, const eo_type *elem)
{
    if (!eo_type_valid_complex_elem(elem))
        return NULL;
    eo_type k = key(EO_TYPE_COMPLEX);
    k.elem = elem;
    return uniq(ctx, &k);
}

static bool
all_nonnull(size_t n, const eo_type *const *t)
{
    if (n && !t)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!t[i])
            return false;
    return true;
}

const eo_type *
eo_type_get_tuple(eo_ctx *ctx, size_t n, const eo_type *const *types)
{
    if (!all_nonnull(n, types))
        return NULL;
    eo_type k = key(EO_TYPE_TUPLE);
    k.n = n;
    k.types = n ? types : NULL;
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_function(eo_ctx *ctx, size_t nin, const eo_type *const *ins,
                     size_t nout, const eo_type *const *outs)
{
    if (!all_nonnull(nin, ins) || !all_nonnull(nout, outs))
        return NULL;
    const eo_type *small[8];
    const eo_type **all = small;
    size_t total = nin + nout;
    if (total < nin)
        return NULL;
    if (total > 8) {
        if (total > SIZE_MAX / sizeof(*all))
            return NULL;
        all = eo_raw_alloc(ctx, total * sizeof(*all));
        if (!all)
            return NULL;
    }
    if (nin)
        memcpy(all, ins, nin * sizeof(*all));
    if (nout)
        memcpy(all + nin, outs, nout * sizeof(*all));
    eo_type k = key(EO_TYPE_FUNCTION);
    k.n = nin;
    k.nres = nout;
    k.types = total ? all : NULL;
    const eo_type *t = uniq(ctx, &k);
    if (all != small)
        eo_raw_free(ctx, all, total * sizeof(*all));
    return t;
}

static bool
valid_shape(size_t rank, const int64_t *shape)
{
    if (rank && !shape)
        return false;
    for (size_t i = 0; i < rank; i++)
        if (shape[i] < 0 && shape[i] != EO_DYNAMIC)
            return false;
    return true;
}

const eo_type *
eo_type_get_tensor(eo_ctx *ctx, size_t rank, const int64_t *shape,
                   const eo_type *elem, const eo_attr *encoding)
{
    if (!valid_shape(rank, shape) || !eo_type_valid_tensor_elem(elem))
        return NULL;
    eo_type k = key(EO_TYPE_TENSOR);
    k.n = rank;
    k.shape = rank ? shape : NULL;
    k.elem = elem;
    k.attr0 = encoding;
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_unranked_tensor(eo_ctx *ctx, const eo_type *elem)
{
    if (!eo_type_valid_tensor_elem(elem))
        return NULL;
    eo_type k = key(EO_TYPE_UNRANKED_TENSOR);
    k.elem = elem;
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_memref(eo_ctx *ctx, size_t rank, const int64_t *shape,
                   const eo_type *elem, const eo_attr *layout,
                   const eo_attr *memspace)
{
    char buf[96];
    if (!valid_shape(rank, shape) || !eo_type_valid_memref_elem(elem) ||
        eo_type_check_memref(true, rank, layout, memspace, buf, sizeof(buf)))
        return NULL;
    eo_type k = key(EO_TYPE_MEMREF);
    k.n = rank;
    k.shape = rank ? shape : NULL;
    k.elem = elem;
    k.attr0 = canon_layout(layout);
    k.attr1 = canon_memspace(memspace);
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_unranked_memref(eo_ctx *ctx, const eo_type *elem,
                            const eo_attr *memspace)
{
    char buf[96];
    if (!eo_type_valid_memref_elem(elem) ||
        eo_type_check_memref(false, 0, NULL, memspace, buf, sizeof(buf)))
        return NULL;
    eo_type k = key(EO_TYPE_UNRANKED_MEMREF);
    k.elem = elem;
    k.attr1 = canon_memspace(memspace);
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_vector(eo_ctx *ctx, size_t rank, const int64_t *shape,
                   const bool *scalable, const eo_type *elem)
{
    if ((rank && !shape) || !eo_type_valid_vector_elem(elem))
        return NULL;
    bool any = false;
    for (size_t i = 0; i < rank; i++) {
        if (shape[i] <= 0)
            return NULL;
        if (scalable && scalable[i])
            any = true;
    }
    eo_type k = key(EO_TYPE_VECTOR);
    k.n = rank;
    k.shape = rank ? shape : NULL;
    k.scalable = any ? scalable : NULL;
    k.elem = elem;
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_opaque(eo_ctx *ctx, const eo_ident *dialect, const char *body,
                   size_t len)
{
    if (!dialect || (len && !body))
        return NULL;
    eo_type k = key(EO_TYPE_OPAQUE);
    k.dialect = dialect;
    k.body = body ? body : "";
    k.body_len = len;
    return uniq(ctx, &k);
}

const eo_type *
eo_type_get_dialect(eo_ctx *ctx, const eo_ident *dialect,
                    const eo_ident *mnemonic, size_t n,
                    const eo_attr *const *params)
{
    if (!dialect || !mnemonic || (n && !params))
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!params[i])
            return NULL;
    eo_type k = key(EO_TYPE_DIALECT);
    k.dialect = dialect;
    k.mnemonic = mnemonic;
    k.n = n;
    k.params = n ? params : NULL;
    return uniq(ctx, &k);
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */
/* ------------------------------------------------------------------ */

eo_type_kind
eo_type_get_kind(const eo_type *t)
{
    return t->kind;
}

eo_ctx *
eo_type_ctx(const eo_type *t)
{
    return t->ctx;
}

bool
eo_type_is_int(const eo_type *t)
{
    return t && t->kind == EO_TYPE_INTEGER;
}

bool
eo_type_is_signless_int(const eo_type *t, unsigned width)
{
    return t && t->kind == EO_TYPE_INTEGER && t->sign == EO_SIGNLESS &&
           t->width == width;
}

bool
eo_type_is_index(const eo_type *t)
{
    return t && t->kind == EO_TYPE_INDEX;
}

bool
eo_type_is_float(const eo_type *t)
{
    return t && t->kind == EO_TYPE_FLOAT;
}

bool
eo_type_is_int_or_index(const eo_type *t)
{
    return t && (t->kind == EO_TYPE_INDEX ||
                 (t->kind == EO_TYPE_INTEGER && t->sign == EO_SIGNLESS));
}

bool
eo_type_is_shaped(const eo_type *t)
{
    if (!t)
        return false;
    switch (t->kind) {
    case EO_TYPE_TENSOR: case EO_TYPE_UNRANKED_TENSOR: case EO_TYPE_MEMREF:
    case EO_TYPE_UNRANKED_MEMREF: case EO_TYPE_VECTOR:
        return true;
    default:
        return false;
    }
}

unsigned
eo_type_int_width(const eo_type *t)
{
    if (t->kind == EO_TYPE_INTEGER)
        return t->width;
    return 0;
}

eo_signedness
eo_type_int_signedness(const eo_type *t)
{
    return t->kind == EO_TYPE_INTEGER ? t->sign : EO_SIGNLESS;
}

eo_float_kind
eo_type_float_kind(const eo_type *t)
{
    return t->fkind;
}

unsigned
eo_type_float_width(const eo_type *t)
{
    return t->kind == EO_TYPE_FLOAT ? float_widths[t->fkind] : 0;
}

const eo_type *
eo_type_elem(const eo_type *t)
{
    switch (t->kind) {
    case EO_TYPE_COMPLEX: case EO_TYPE_TENSOR: case EO_TYPE_UNRANKED_TENSOR:
    case EO_TYPE_MEMREF: case EO_TYPE_UNRANKED_MEMREF: case EO_TYPE_VECTOR:
        return t->elem;
    default:
        return NULL;
    }
}

const eo_type *
eo_type_elem_or_self(const eo_type *t)
{
    return eo_type_is_shaped(t) ? t->elem : t;
}

bool
eo_type_has_rank(const eo_type *t)
{
    return t->kind == EO_TYPE_TENSOR || t->kind == EO_TYPE_MEMREF ||
           t->kind == EO_TYPE_VECTOR;
}

size_t
eo_type_rank(const eo_type *t)
{
    return eo_type_has_rank(t) ? t->n : 0;
}

const int64_t *
eo_type_shape(const eo_type *t)
{
    return eo_type_has_rank(t) ? t->shape : NULL;
}

int64_t
eo_type_dim(const eo_type *t, size_t i)
{
    if (!eo_type_has_rank(t) || i >= t->n)
        return EO_DYNAMIC;
    return t->shape[i];
}

bool
eo_type_dim_is_scalable(const eo_type *t, size_t i)
{
    return t->kind == EO_TYPE_VECTOR && t->scalable && i < t->n &&
           t->scalable[i];
}

int64_t
eo_type_num_elements(const eo_type *t)
{
    if (!eo_type_has_rank(t))
        return -1;
    int64_t prod = 1;
    for (size_t i = 0; i < t->n; i++) {
        int64_t d = t->shape[i];
        if (d < 0)
            return -1;
        if (d && prod > INT64_MAX / d)
            return -1;
        prod *= d;
    }
    return prod;
}

const eo_attr *
eo_type_encoding(const eo_type *t)
{
    return t->kind == EO_TYPE_TENSOR ? t->attr0 : NULL;
}

const eo_attr *
eo_type_layout(const eo_type *t)
{
    return t->kind == EO_TYPE_MEMREF ? t->attr0 : NULL;
}

const eo_attr *
eo_type_memspace(const eo_type *t)
{
    return (t->kind == EO_TYPE_MEMREF || t->kind == EO_TYPE_UNRANKED_MEMREF)
               ? t->attr1 : NULL;
}

size_t
eo_type_num_inputs(const eo_type *t)
{
    return t->kind == EO_TYPE_FUNCTION ? t->n : 0;
}

const eo_type *
eo_type_input(const eo_type *t, size_t i)
{
    if (t->kind != EO_TYPE_FUNCTION || i >= t->n)
        return NULL;
    return t->types[i];
}

size_t
eo_type_num_results(const eo_type *t)
{
    return t->kind == EO_TYPE_FUNCTION ? t->nres : 0;
}

const eo_type *
eo_type_result(const eo_type *t, size_t i)
{
    if (t->kind != EO_TYPE_FUNCTION || i >= t->nres)
        return NULL;
    return t->types[t->n + i];
}

size_t
eo_type_num_elems(const eo_type *t)
{
    return t->kind == EO_TYPE_TUPLE ? t->n : 0;
}

const eo_type *
eo_type_tuple_elem(const eo_type *t, size_t i)
{
    if (t->kind != EO_TYPE_TUPLE || i >= t->n)
        return NULL;
    return t->types[i];
}

const eo_ident *
eo_type_dialect_name(const eo_type *t)
{
    return t->dialect;
}

const char *
eo_type_opaque_body(const eo_type *t, size_t *len)
{
    if (t->kind != EO_TYPE_OPAQUE) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = t->body_len;
    return t->body;
}

const eo_ident *
eo_type_mnemonic(const eo_type *t)
{
    return t->kind == EO_TYPE_DIALECT ? t->mnemonic : NULL;
}

size_t
eo_type_num_params(const eo_type *t)
{
    return t->kind == EO_TYPE_DIALECT ? t->n : 0;
}

const eo_attr *
eo_type_param(const eo_type *t, size_t i)
{
    if (t->kind != EO_TYPE_DIALECT || i >= t->n)
        return NULL;
    return t->params[i];
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

static void
put(eo_printer *p, const char *s)
{
    eo_strbuf_puts(p->out, s);
}

static void
put_type_list(eo_printer *p, size_t n, const eo_type *const *t)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            put(p, ", ");
        eo_print_type_impl(p, t[i]);
    }
}

static void
put_dims(eo_printer *p, const eo_type *t)
{
    for (size_t i = 0; i < t->n; i++) {
        bool sc = t->scalable && t->scalable[i];
        if (sc)
            put(p, "[");
        if (t->shape[i] == EO_DYNAMIC)
            put(p, "?");
        else
            eo_strbuf_put_i64(p->out, t->shape[i]);
        put(p, sc ? "]x" : "x");
    }
}

/* MLIR prints a dialect symbol as "!d.body" when the body is an
 * identifier optionally followed by "<...>", else as "!d<body>". */
static bool
pretty_symbol(const char *s, size_t n)
{
    if (!n || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return false;
    size_t i = 0;
    while (i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
                     (s[i] >= 'A' && s[i] <= 'Z') ||
                     (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
                     s[i] == '_'))
        i++;
    if (i == n)
        return true;
    return s[i] == '<' && s[n - 1] == '>';
}

/* A memory space, printed as MLIR does with type elision "may": an i64
 * integer without its type, anything else in full. */
static void
print_memspace(eo_printer *p, const eo_attr *a)
{
    if (eo_attr_get_kind(a) == EO_ATTR_INTEGER &&
        eo_type_is_signless_int(eo_attr_type(a), 64))
        eo_strbuf_put_i64(p->out, eo_attr_int_value(a));
    else
        eo_print_attr_impl(p, a, false);
}

static void
print_dialect_param(eo_printer *p, const eo_attr *a)
{
    if (eo_attr_get_kind(a) == EO_ATTR_TYPE)
        eo_print_type_impl(p, eo_attr_type_value(a));
    else
        eo_print_attr_impl(p, a, false);
}

void
eo_print_type_impl(eo_printer *p, const eo_type *t)
{
    if (!t) {
        put(p, "<<NULL TYPE>>");
        return;
    }
    if (p->aliases && eo_printer_try_alias_type(p, t))
        return;
    eo_strbuf *o = p->out;
    switch (t->kind) {
    case EO_TYPE_INTEGER:
        if (t->sign != EO_SIGNLESS)
            eo_strbuf_append(o, t->sign == EO_SIGNED ? "si" : "ui", 2);
        else
            eo_strbuf_append(o, "i", 1);
        eo_strbuf_put_u64(o, t->width);
        return;
    case EO_TYPE_INDEX:
        put(p, "index");
        return;
    case EO_TYPE_FLOAT:
        put(p, float_names[t->fkind]);
        return;
    case EO_TYPE_NONE:
        put(p, "none");
        return;
    case EO_TYPE_COMPLEX:
        put(p, "complex<");
        eo_print_type_impl(p, t->elem);
        put(p, ">");
        return;
    case EO_TYPE_TUPLE:
        put(p, "tuple<");
        put_type_list(p, t->n, t->types);
        put(p, ">");
        return;
    case EO_TYPE_FUNCTION: {
        put(p, "(");
        put_type_list(p, t->n, t->types);
        put(p, ") -> ");
        /* No pointer arithmetic on a NULL list ("() -> ()"). */
        const eo_type *const *res = t->types ? t->types + t->n : NULL;
        bool parens = t->nres != 1 || res[0]->kind == EO_TYPE_FUNCTION;
        if (parens)
            put(p, "(");
        put_type_list(p, t->nres, res);
        if (parens)
            put(p, ")");
        return;
    }
    case EO_TYPE_TENSOR:
        put(p, "tensor<");
        put_dims(p, t);
        eo_print_type_impl(p, t->elem);
        if (t->attr0) {
            put(p, ", ");
            eo_print_attr_impl(p, t->attr0, false);
        }
        put(p, ">");
        return;
    case EO_TYPE_UNRANKED_TENSOR:
        put(p, "tensor<*x");
        eo_print_type_impl(p, t->elem);
        put(p, ">");
        return;
    case EO_TYPE_MEMREF:
        put(p, "memref<");
        put_dims(p, t);
        eo_print_type_impl(p, t->elem);
        if (t->attr0) {
            put(p, ", ");
            eo_print_attr_impl(p, t->attr0, false);
        }
        if (t->attr1) {
            put(p, ", ");
            print_memspace(p, t->attr1);
        }
        put(p, ">");
        return;
    case EO_TYPE_UNRANKED_MEMREF:
        put(p, "memref<*x");
        eo_print_type_impl(p, t->elem);
        if (t->attr1) {
            put(p, ", ");
            print_memspace(p, t->attr1);
        }
        put(p, ">");
        return;
    case EO_TYPE_VECTOR:
        put(p, "vector<");
        put_dims(p, t);
        eo_print_type_impl(p, t->elem);
        put(p, ">");
        return;
    case EO_TYPE_OPAQUE:
        put(p, "!");
        eo_strbuf_append(o, eo_ident_str(t->dialect),
                         eo_ident_len(t->dialect));
        if (pretty_symbol(t->body, t->body_len)) {
            put(p, ".");
            eo_strbuf_append(o, t->body, t->body_len);
        } else {
            put(p, "<");
            eo_strbuf_append(o, t->body, t->body_len);
            put(p, ">");
        }
        return;
    case EO_TYPE_DIALECT: {
        put(p, "!");
        eo_strbuf_append(o, eo_ident_str(t->dialect),
                         eo_ident_len(t->dialect));
        put(p, ".");
        eo_dialect *d = eo_dialect_lookup(p->ctx ? p->ctx : t->ctx,
                                          eo_ident_str(t->dialect),
                                          eo_ident_len(t->dialect));
        const eo_dialect_desc *desc = d ? eo_dialect_get_desc(d) : NULL;
        if (desc && desc->print_type) {
            desc->print_type(p, t);
            return;
        }
        eo_strbuf_append(o, eo_ident_str(t->mnemonic),
                         eo_ident_len(t->mnemonic));
        if (t->n) {
            put(p, "<");
            for (size_t i = 0; i < t->n; i++) {
                if (i)
                    put(p, ", ");
                print_dialect_param(p, t->params[i]);
            }
            put(p, ">");
        }
        return;
    }
    }
}

void
eo_type_print(const eo_type *t, eo_strbuf *out)
{
    eo_printer p;
    memset(&p, 0, sizeof(p));
    p.ctx = t ? t->ctx : NULL;
    p.out = out;
    eo_print_type_impl(&p, t);
}

const eo_type *
eo_type_parse(eo_ctx *ctx, const char *s, size_t len)
{
    eo_parser p;
    if (eo_parser_init(&p, ctx, "<type>", s, len, 1) != EO_OK)
        return NULL;
    const eo_type *t = eo_parse_type_impl(&p);
    if (t && !EO_AT(&p, EO_TOK_EOF)) {
        size_t n = (size_t)(p.lx.end - p.tok.text);
        while (n && (p.tok.text[n - 1] == '\n' || p.tok.text[n - 1] == ' ' ||
                     p.tok.text[n - 1] == '\r' || p.tok.text[n - 1] == '\t'))
            n--;
        eo_parser_error_at(&p, &p.tok, "found trailing characters: '%.*s'",
                           (int)n, p.tok.text);
        t = NULL;
    }
    eo_parser_fini(&p);
    return t;
}
