/* ir/affine.c - affine expressions, maps and integer sets.
 *
 * All three are uniqued in the context's EO_UNIQ_AFFINE set (each struct
 * starts with a tag so one set holds them all). The binary constructors
 * simplify as MLIR's AffineExpr operators do, so that printing matches
 * mlir-opt; raw_binary() builds a node without simplification. The text
 * parser for "(d0)[s0] -> (...)" and "(d0) : (...)" is at the end.
 */
#include "ir/internal.h"

#include <string.h>

enum { TAG_EXPR = 1, TAG_MAP, TAG_SET };

struct eo_affine_expr {
    uint32_t tag;
    eo_affine_kind kind;
    uint64_t hash;
    int64_t value;                    /* CONST */
    unsigned pos;                     /* DIM, SYMBOL */
    const eo_affine_expr *lhs, *rhs;  /* binary kinds */
    uint64_t divisor;                 /* largest known divisor */
    unsigned depth;                   /* 1 for leaves */
    unsigned dims, syms;              /* 1 + largest position used, or 0 */
    bool symbolic;                    /* built of symbols and constants */
};

struct eo_affine_map {
    uint32_t tag;
    uint64_t hash;
    unsigned ndims, nsyms;
    size_t n;
    const eo_affine_expr *const *r;
};

struct eo_integer_set {
    uint32_t tag;
    uint64_t hash;
    unsigned ndims, nsyms;
    size_t n;
    const eo_affine_expr *const *c;
    const bool *eq;
};

/* ------------------------------------------------------------------ */
/* Expression uniquing                                                 */
/* ------------------------------------------------------------------ */

static bool
expr_eq(const void *obj, const void *key)
{
    const eo_affine_expr *a = obj, *b = key;
    return a->tag == TAG_EXPR && a->kind == b->kind && a->value == b->value &&
           a->pos == b->pos && a->lhs == b->lhs && a->rhs == b->rhs;
}

static uint64_t
gcd_u64(uint64_t a, uint64_t b)
{
    while (b) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static uint64_t
abs_u64(int64_t v)
{
    return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

static unsigned
max_u(unsigned a, unsigned b)
{
    return a > b ? a : b;
}

/* Largest known divisor of a binary node from its operands (MLIR's
 * getLargestKnownDivisor, computed once per node). */
static uint64_t
binary_divisor(eo_affine_kind k, const eo_affine_expr *l,
               const eo_affine_expr *r)
{
    switch (k) {
    case EO_AFFINE_MUL: {
        uint64_t a = l->divisor, b = r->divisor;
        if (a && b > UINT64_MAX / a)
            return 1;           /* unknown: stay conservative */
        return a * b;
    }
    case EO_AFFINE_ADD:
    case EO_AFFINE_MOD:
        return gcd_u64(l->divisor, r->divisor);
    case EO_AFFINE_FLOORDIV:
    case EO_AFFINE_CEILDIV:
        if (r->kind == EO_AFFINE_CONST && r->value != 0) {
            uint64_t d = abs_u64(r->value);
            if (l->divisor % d == 0)
                return l->divisor / d;
        }
        return 1;
    default:
        return 1;
    }
}

static const eo_affine_expr *
expr_uniq(eo_ctx *ctx, eo_affine_expr *k)
{
    k->tag = TAG_EXPR;
    uint64_t h = eo_hash_u64(EO_HASH_SEED, TAG_EXPR);
    h = eo_hash_u64(h, (uint64_t)k->kind);
    h = eo_hash_u64(h, (uint64_t)k->value);
    h = eo_hash_u64(h, k->pos);
    h = eo_hash_ptr(h, k->lhs);
    h = eo_hash_ptr(h, k->rhs);
    k->hash = h;
    eo_uniq_set *set = eo_ctx_uniq(ctx, EO_UNIQ_AFFINE);
    eo_affine_expr *e = eo_uniq_find(set, h, expr_eq, k);
    if (e)
        return e;
    e = eo_perm_alloc(ctx, sizeof(*e));
    if (!e)
        return NULL;
    *e = *k;
    if (eo_uniq_insert(ctx, set, h, e) != EO_OK)
        return NULL;
    return e;
}

static eo_affine_expr
leaf_key(eo_affine_kind kind)
{
    eo_affine_expr k;
    memset(&k, 0, sizeof(k));
    k.kind = kind;
    k.depth = 1;
    k.divisor = 1;
    return k;
}

const eo_affine_expr *
eo_affine_dim(eo_ctx *ctx, unsigned pos)
{
    if (pos == UINT32_MAX)
        return NULL;
    eo_affine_expr k = leaf_key(EO_AFFINE_DIM);
    k.pos = pos;
    k.dims = pos + 1;
    return expr_uniq(ctx, &k);
}

const eo_affine_expr *
eo_affine_symbol(eo_ctx *ctx, unsigned pos)
{
    if (pos == UINT32_MAX)
        return NULL;
    eo_affine_expr k = leaf_key(EO_AFFINE_SYMBOL);
    k.pos = pos;
    k.syms = pos + 1;
    k.symbolic = true;
    return expr_uniq(ctx, &k);
}

const eo_affine_expr *
eo_affine_const(eo_ctx *ctx, int64_t v)
{
    eo_affine_expr k = leaf_key(EO_AFFINE_CONST);
    k.value = v;
    k.divisor = abs_u64(v);
    k.symbolic = true;
    return expr_uniq(ctx, &k);
}

/* A binary node as given, without simplification. NULL if an operand is
 * NULL or the result would nest deeper than EO_MAX_DEPTH (every walk over
 * expressions recurses on depth). */
static const eo_affine_expr *
raw_binary(eo_ctx *ctx, eo_affine_kind kind, const eo_affine_expr *l,
           const eo_affine_expr *r)
{
    if (!l || !r)
        return NULL;
    eo_affine_expr k;
    memset(&k, 0, sizeof(k));
    k.kind = kind;
    k.lhs = l;
    k.rhs = r;
    k.depth = max_u(l->depth, r->depth) + 1;
    if (k.depth > EO_MAX_DEPTH)
        return NULL;
    k.dims = max_u(l->dims, r->dims);
    k.syms = max_u(l->syms, r->syms);
    k.symbolic = l->symbolic && r->symbolic;
    k.divisor = binary_divisor(kind, l, r);
    return expr_uniq(ctx, &k);
}

/* ------------------------------------------------------------------ */
/* Simplifying constructors (MLIR's simplifyAdd/Mul/FloorDiv/...)      */
/* ------------------------------------------------------------------ */

static bool
is_const(const eo_affine_expr *e)
{
    return e->kind == EO_AFFINE_CONST;
}

static bool
is_const_val(const eo_affine_expr *e, int64_t v)
{
    return e->kind == EO_AFFINE_CONST && e->value == v;
}

/* Binary node of 'kind' with a constant right operand, or NULL. */
static const eo_affine_expr *
const_rhs(const eo_affine_expr *e, eo_affine_kind kind)
{
    if (e->kind == kind && e->rhs->kind == EO_AFFINE_CONST)
        return e->rhs;
    return NULL;
}

static int64_t
wrap_add(int64_t a, int64_t b)
{
    return (int64_t)((uint64_t)a + (uint64_t)b);
}

static int64_t
wrap_mul(int64_t a, int64_t b)
{
    return (int64_t)((uint64_t)a * (uint64_t)b);
}

static bool
divisible(uint64_t divisor, int64_t by)
{
    return divisor % abs_u64(by) == 0;
}

static int64_t
floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int64_t
ceil_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) == (b < 0)))
        q++;
    return q;
}

static int64_t
mod_pos(int64_t a, int64_t b)
{
    int64_t r = a % b;
    return r < 0 ? r + b : r;
}

/* Exact quotient c / d (d divides c), wrapping INT64_MIN / -1 as MLIR. */
static int64_t
exact_div(int64_t c, int64_t d)
{
    if (d == -1)
        return (int64_t)(0 - (uint64_t)c);
    return c / d;
}

const eo_affine_expr *
eo_affine_add(eo_ctx *ctx, const eo_affine_expr *a, const eo_affine_expr *b)
{
    if (!a || !b)
        return NULL;
    if (is_const(a) && is_const(b)) {
        int64_t s;
        if (__builtin_add_overflow(a->value, b->value, &s))
            return raw_binary(ctx, EO_AFFINE_ADD, a, b);
        return eo_affine_const(ctx, s);
    }
    /* Constants, then symbolic terms, go to the right. */
    if (is_const(a) || (a->symbolic && !b->symbolic))
        return eo_affine_add(ctx, b, a);
    if (is_const_val(b, 0))
        return a;
    const eo_affine_expr *c1 = const_rhs(a, EO_AFFINE_ADD);
    /* (x + c1) + c2 -> x + (c1 + c2) */
    if (c1 && is_const(b))
        return eo_affine_add(ctx, a->lhs,
                             eo_affine_const(ctx, wrap_add(c1->value,
                                                           b->value)));
    /* c1 * x + c2 * x -> (c1 + c2) * x */
    const eo_affine_expr *ka = const_rhs(a, EO_AFFINE_MUL);
    const eo_affine_expr *kb = const_rhs(b, EO_AFFINE_MUL);
    const eo_affine_expr *xa = ka ? a->lhs : a, *xb = kb ? b->lhs : b;
    if (xa == xb) {
        int64_t sum = wrap_add(ka ? ka->value : 1, kb ? kb->value : 1);
        return eo_affine_mul(ctx, xa, eo_affine_const(ctx, sum));
    }
    /* (x + c) + y -> (x + y) + c */
    if (c1)
        return eo_affine_add(ctx, eo_affine_add(ctx, a->lhs, b), c1);
    /* x + (x floordiv q) * -q -> x mod q, for q constant or symbolic;
     * also x + ((x floordiv q) * q) * -1. */
    if (b->kind != EO_AFFINE_MUL)
        return raw_binary(ctx, EO_AFFINE_ADD, a, b);
    const eo_affine_expr *bl = b->lhs, *br = b->rhs;
    if (is_const_val(br, -1) && bl->kind == EO_AFFINE_MUL) {
        const eo_affine_expr *fd = bl->lhs;
        if (fd->kind != EO_AFFINE_FLOORDIV)
            return raw_binary(ctx, EO_AFFINE_ADD, a, b);
        if (bl->rhs == fd->rhs && a == fd->lhs)
            return eo_affine_mod(ctx, a, bl->rhs);
    }
    if (bl->kind != EO_AFFINE_FLOORDIV)
        return raw_binary(ctx, EO_AFFINE_ADD, a, b);
    if (a == bl->lhs &&
        bl->rhs == eo_affine_mul(ctx, br, eo_affine_const(ctx, -1)))
        return eo_affine_mod(ctx, a, bl->rhs);
    return raw_binary(ctx, EO_AFFINE_ADD, a, b);
}

const eo_affine_expr *
eo_affine_mul(eo_ctx *ctx, const eo_affine_expr *a, const eo_affine_expr *b)
{
    if (!a || !b)
        return NULL;
    if (is_const(a) && is_const(b)) {
        int64_t m;
        if (__builtin_mul_overflow(a->value, b->value, &m))
            return raw_binary(ctx, EO_AFFINE_MUL, a, b);
        return eo_affine_const(ctx, m);
    }
    if (!a->symbolic && !b->symbolic)
        return raw_binary(ctx, EO_AFFINE_MUL, a, b);
    /* The constant or symbolic factor goes to the right. */
    if (!b->symbolic || is_const(a))
        return eo_affine_mul(ctx, b, a);
    if (is_const_val(b, 1))
        return a;
    if (is_const_val(b, 0))
        return b;
    const eo_affine_expr *c1 = const_rhs(a, EO_AFFINE_MUL);
    /* (x * c1) * c2 -> x * (c1 * c2) */
    if (c1 && is_const(b))
        return eo_affine_mul(ctx, a->lhs,
                             eo_affine_const(ctx, wrap_mul(c1->value,
                                                           b->value)));
    /* (x * c) * y -> (x * y) * c */
    if (c1)
        return eo_affine_mul(ctx, eo_affine_mul(ctx, a->lhs, b), c1);
    return raw_binary(ctx, EO_AFFINE_MUL, a, b);
}

const eo_affine_expr *
eo_affine_floordiv(eo_ctx *ctx, const eo_affine_expr *a,
                   const eo_affine_expr *b)
{
    if (!a || !b)
        return NULL;
    if (!is_const(b) || b->value == 0)
        return raw_binary(ctx, EO_AFFINE_FLOORDIV, a, b);
    int64_t d = b->value;
    if (is_const(a)) {
        if (a->value == INT64_MIN && d == -1)
            return raw_binary(ctx, EO_AFFINE_FLOORDIV, a, b);
        return eo_affine_const(ctx, floor_div(a->value, d));
    }
    if (d == 1)
        return a;
    /* (x * c) floordiv d -> x * (c / d) when d divides c */
    const eo_affine_expr *c = const_rhs(a, EO_AFFINE_MUL);
    if (c && divisible(abs_u64(c->value), d))
        return eo_affine_mul(ctx, a->lhs,
                             eo_affine_const(ctx, exact_div(c->value, d)));
    /* (x + y) floordiv d splits when x or y is a multiple of d */
    if (a->kind == EO_AFFINE_ADD &&
        (divisible(a->lhs->divisor, d) || divisible(a->rhs->divisor, d)))
        return eo_affine_add(ctx, eo_affine_floordiv(ctx, a->lhs, b),
                             eo_affine_floordiv(ctx, a->rhs, b));
    return raw_binary(ctx, EO_AFFINE_FLOORDIV, a, b);
}

const eo_affine_expr *
eo_affine_ceildiv(eo_ctx *ctx, const eo_affine_expr *a,
                  const eo_affine_expr *b)
{
    if (!a || !b)
        return NULL;
    if (!is_const(b) || b->value == 0)
        return raw_binary(ctx, EO_AFFINE_CEILDIV, a, b);
    int64_t d = b->value;
    if (is_const(a)) {
        if (a->value == INT64_MIN && d == -1)
            return raw_binary(ctx, EO_AFFINE_CEILDIV, a, b);
        return eo_affine_const(ctx, ceil_div(a->value, d));
    }
    if (d == 1)
        return a;
    const eo_affine_expr *c = const_rhs(a, EO_AFFINE_MUL);
    if (c && divisible(abs_u64(c->value), d))
        return eo_affine_mul(ctx, a->lhs,
                             eo_affine_const(ctx, exact_div(c->value, d)));
    return raw_binary(ctx, EO_AFFINE_CEILDIV, a, b);
}

const eo_affine_expr *
eo_affine_mod(eo_ctx *ctx, const eo_affine_expr *a, const eo_affine_expr *b)
{
    if (!a || !b)
        return NULL;
    /* mod by zero or a negative number is undefined: kept as is */
    if (!is_const(b) || b->value < 1)
        return raw_binary(ctx, EO_AFFINE_MOD, a, b);
    int64_t m = b->value;
    if (is_const(a))
        return eo_affine_const(ctx, mod_pos(a->value, m));
    if (divisible(a->divisor, m))
        return eo_affine_const(ctx, 0);
    if (a->kind == EO_AFFINE_ADD) {
        if (divisible(a->lhs->divisor, m))
            return eo_affine_mod(ctx, a->rhs, b);
        if (divisible(a->rhs->divisor, m))
            return eo_affine_mod(ctx, a->lhs, b);
    }
    /* (x mod c) mod m -> x mod m when m divides c */
    const eo_affine_expr *c = const_rhs(a, EO_AFFINE_MOD);
    if (c && c->value >= 1 && c->value % m == 0)
        return eo_affine_mod(ctx, a->lhs, b);
    return raw_binary(ctx, EO_AFFINE_MOD, a, b);
}

/* ------------------------------------------------------------------ */
/* Accessors and evaluation                                            */
/* ------------------------------------------------------------------ */

eo_affine_kind
eo_affine_expr_kind(const eo_affine_expr *e)
{
    return e->kind;
}

int64_t
eo_affine_expr_value(const eo_affine_expr *e)
{
    return e->kind == EO_AFFINE_CONST ? e->value : 0;
}

unsigned
eo_affine_expr_pos(const eo_affine_expr *e)
{
    return (e->kind == EO_AFFINE_DIM || e->kind == EO_AFFINE_SYMBOL)
               ? e->pos : 0;
}

const eo_affine_expr *
eo_affine_expr_lhs(const eo_affine_expr *e)
{
    return e->lhs;
}

const eo_affine_expr *
eo_affine_expr_rhs(const eo_affine_expr *e)
{
    return e->rhs;
}

bool
eo_affine_expr_eval(const eo_affine_expr *e, const int64_t *dims,
                    const int64_t *syms, int64_t *out)
{
    int64_t l, r;
    switch (e->kind) {
    case EO_AFFINE_CONST:
        *out = e->value;
        return true;
    case EO_AFFINE_DIM:
        if (!dims)
            return false;
        *out = dims[e->pos];
        return true;
    case EO_AFFINE_SYMBOL:
        if (!syms)
            return false;
        *out = syms[e->pos];
        return true;
    default:
        break;
    }
    if (!eo_affine_expr_eval(e->lhs, dims, syms, &l) ||
        !eo_affine_expr_eval(e->rhs, dims, syms, &r))
        return false;
    switch (e->kind) {
    case EO_AFFINE_ADD:
        return !__builtin_add_overflow(l, r, out);
    case EO_AFFINE_MUL:
        return !__builtin_mul_overflow(l, r, out);
    case EO_AFFINE_FLOORDIV:
        if (r <= 0)
            return false;
        *out = floor_div(l, r);
        return true;
    case EO_AFFINE_CEILDIV:
        if (r <= 0)
            return false;
        *out = ceil_div(l, r);
        return true;
    case EO_AFFINE_MOD:
        if (r <= 0)
            return false;
        *out = mod_pos(l, r);
        return true;
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ */
/* Maps and sets                                                       */
/* ------------------------------------------------------------------ */

static bool
map_eq(const void *obj, const void *key)
{
    const eo_affine_map *a = obj, *b = key;
    return a->tag == TAG_MAP && a->ndims == b->ndims &&
           a->nsyms == b->nsyms && a->n == b->n &&
           (!a->n || memcmp(a->r, b->r, a->n * sizeof(void *)) == 0);
}

static bool
exprs_fit(size_t n, const eo_affine_expr *const *e, unsigned ndims,
          unsigned nsyms)
{
    if (n && !e)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!e[i] || e[i]->dims > ndims || e[i]->syms > nsyms)
            return false;
    return true;
}

const eo_affine_map *
eo_affine_map_get(eo_ctx *ctx, unsigned ndims, unsigned nsyms,
                  size_t nresults, const eo_affine_expr *const *r)
{
    if (!exprs_fit(nresults, r, ndims, nsyms) ||
        nresults > SIZE_MAX / sizeof(void *))
        return NULL;
    eo_affine_map k;
    memset(&k, 0, sizeof(k));
    k.tag = TAG_MAP;
    k.ndims = ndims;
    k.nsyms = nsyms;
    k.n = nresults;
    k.r = r;
    uint64_t h = eo_hash_u64(EO_HASH_SEED, TAG_MAP);
    h = eo_hash_u64(h, ndims);
    h = eo_hash_u64(h, nsyms);
    h = eo_hash_u64(h, nresults);
    if (nresults)
        h = eo_hash_bytes(h, r, nresults * sizeof(void *));
    k.hash = h;
    eo_uniq_set *set = eo_ctx_uniq(ctx, EO_UNIQ_AFFINE);
    eo_affine_map *m = eo_uniq_find(set, h, map_eq, &k);
    if (m)
        return m;
    m = eo_perm_alloc(ctx, sizeof(*m));
    if (!m)
        return NULL;
    *m = k;
    if (nresults) {
        m->r = eo_perm_dup(ctx, r, nresults * sizeof(void *));
        if (!m->r)
            return NULL;
    }
    if (eo_uniq_insert(ctx, set, h, m) != EO_OK)
        return NULL;
    return m;
}

const eo_affine_map *
eo_affine_map_identity(eo_ctx *ctx, unsigned n)
{
    const eo_affine_expr *small[8];
    const eo_affine_expr **r = small;
    if (n > 8) {
        r = eo_raw_alloc(ctx, (size_t)n * sizeof(*r));
        if (!r)
            return NULL;
    }
    const eo_affine_map *m = NULL;
    for (unsigned i = 0; i < n; i++) {
        r[i] = eo_affine_dim(ctx, i);
        if (!r[i])
            goto out;
    }
    m = eo_affine_map_get(ctx, n, 0, n, r);
out:
    if (r != small)
        eo_raw_free(ctx, r, (size_t)n * sizeof(*r));
    return m;
}

unsigned
eo_affine_map_num_dims(const eo_affine_map *m)
{
    return m->ndims;
}

unsigned
eo_affine_map_num_symbols(const eo_affine_map *m)
{
    return m->nsyms;
}

size_t
eo_affine_map_num_results(const eo_affine_map *m)
{
    return m->n;
}

const eo_affine_expr *
eo_affine_map_result(const eo_affine_map *m, size_t i)
{
    return i < m->n ? m->r[i] : NULL;
}

/* MLIR's isIdentity: as many results as dims, result i is d<i>. */
bool
eo_affine_map_is_identity(const eo_affine_map *m)
{
    if (m->ndims != m->n)
        return false;
    for (size_t i = 0; i < m->n; i++)
        if (m->r[i]->kind != EO_AFFINE_DIM || m->r[i]->pos != i)
            return false;
    return true;
}

static bool
set_eq(const void *obj, const void *key)
{
    const eo_integer_set *a = obj, *b = key;
    return a->tag == TAG_SET && a->ndims == b->ndims &&
           a->nsyms == b->nsyms && a->n == b->n &&
           (!a->n || (memcmp(a->c, b->c, a->n * sizeof(void *)) == 0 &&
                      memcmp(a->eq, b->eq, a->n * sizeof(bool)) == 0));
}

const eo_integer_set *
eo_integer_set_get(eo_ctx *ctx, unsigned ndims, unsigned nsyms, size_t n,
                   const eo_affine_expr *const *c, const bool *eq)
{
    if (!exprs_fit(n, c, ndims, nsyms) || (n && !eq) ||
        n > SIZE_MAX / sizeof(void *))
        return NULL;
    eo_integer_set k;
    memset(&k, 0, sizeof(k));
    k.tag = TAG_SET;
    k.ndims = ndims;
    k.nsyms = nsyms;
    k.n = n;
    k.c = c;
    k.eq = eq;
    uint64_t h = eo_hash_u64(EO_HASH_SEED, TAG_SET);
    h = eo_hash_u64(h, ndims);
    h = eo_hash_u64(h, nsyms);
    h = eo_hash_u64(h, n);
    if (n) {
        h = eo_hash_bytes(h, c, n * sizeof(void *));
        h = eo_hash_bytes(h, eq, n * sizeof(bool));
    }
    k.hash = h;
    eo_uniq_set *set = eo_ctx_uniq(ctx, EO_UNIQ_AFFINE);
    eo_integer_set *s = eo_uniq_find(set, h, set_eq, &k);
    if (s)
        return s;
    s = eo_perm_alloc(ctx, sizeof(*s));
    if (!s)
        return NULL;
    *s = k;
    if (n) {
        s->c = eo_perm_dup(ctx, c, n * sizeof(void *));
        s->eq = eo_perm_dup(ctx, eq, n * sizeof(bool));
        if (!s->c || !s->eq)
            return NULL;
    }
    if (eo_uniq_insert(ctx, set, h, s) != EO_OK)
        return NULL;
    return s;
}

unsigned
eo_integer_set_num_dims(const eo_integer_set *s)
{
    return s->ndims;
}

unsigned
eo_integer_set_num_symbols(const eo_integer_set *s)
{
    return s->nsyms;
}

size_t
eo_integer_set_num_constraints(const eo_integer_set *s)
{
    return s->n;
}

const eo_affine_expr *
eo_integer_set_constraint(const eo_integer_set *s, size_t i)
{
    return i < s->n ? s->c[i] : NULL;
}

bool
eo_integer_set_is_eq(const eo_integer_set *s, size_t i)
{
    return i < s->n && s->eq[i];
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

static void
put_i64(eo_strbuf *o, int64_t v)
{
    eo_strbuf_put_i64(o, v);
}

/* Negation as MLIR computes it (wrapping for INT64_MIN). */
static int64_t
neg(int64_t v)
{
    return (int64_t)(0 - (uint64_t)v);
}

/* 'strong': the context binds tighter than '+', so a compound expression
 * needs parentheses. Mirrors MLIR's printer, including its pretty forms
 * for subtraction and negation. */
static void
print_expr(eo_strbuf *o, const eo_affine_expr *e, bool strong)
{
    const char *op;
    switch (e->kind) {
    case EO_AFFINE_DIM:
        eo_strbuf_append(o, "d", 1);
        eo_strbuf_put_u64(o, e->pos);
        return;
    case EO_AFFINE_SYMBOL:
        eo_strbuf_append(o, "s", 1);
        eo_strbuf_put_u64(o, e->pos);
        return;
    case EO_AFFINE_CONST:
        put_i64(o, e->value);
        return;
    case EO_AFFINE_ADD: op = " + "; break;
    case EO_AFFINE_MUL: op = " * "; break;
    case EO_AFFINE_FLOORDIV: op = " floordiv "; break;
    case EO_AFFINE_CEILDIV: op = " ceildiv "; break;
    default: op = " mod "; break;
    }
    const eo_affine_expr *l = e->lhs, *r = e->rhs;
    if (strong)
        eo_strbuf_append(o, "(", 1);
    if (e->kind != EO_AFFINE_ADD) {
        if (e->kind == EO_AFFINE_MUL && is_const_val(r, -1)) {
            eo_strbuf_append(o, "-", 1);
            print_expr(o, l, true);
        } else {
            print_expr(o, l, true);
            eo_strbuf_puts(o, op);
            print_expr(o, r, true);
        }
    } else if (r->kind == EO_AFFINE_MUL && is_const(r->rhs) &&
               r->rhs->value == -1) {
        print_expr(o, l, false);
        eo_strbuf_puts(o, " - ");
        print_expr(o, r->lhs, r->lhs->kind == EO_AFFINE_ADD);
    } else if (r->kind == EO_AFFINE_MUL && is_const(r->rhs) &&
               r->rhs->value < -1) {
        print_expr(o, l, false);
        eo_strbuf_puts(o, " - ");
        print_expr(o, r->lhs, true);
        eo_strbuf_puts(o, " * ");
        put_i64(o, neg(r->rhs->value));
    } else if (is_const(r) && r->value < 0) {
        print_expr(o, l, false);
        eo_strbuf_puts(o, " - ");
        put_i64(o, neg(r->value));
    } else {
        print_expr(o, l, false);
        eo_strbuf_puts(o, " + ");
        print_expr(o, r, false);
    }
    if (strong)
        eo_strbuf_append(o, ")", 1);
}

static void
print_ids(eo_strbuf *o, unsigned ndims, unsigned nsyms)
{
    eo_strbuf_append(o, "(", 1);
    for (unsigned i = 0; i < ndims; i++)
        eo_strbuf_printf(o, i ? ", d%u" : "d%u", i);
    eo_strbuf_append(o, ")", 1);
    if (!nsyms)
        return;
    eo_strbuf_append(o, "[", 1);
    for (unsigned i = 0; i < nsyms; i++)
        eo_strbuf_printf(o, i ? ", s%u" : "s%u", i);
    eo_strbuf_append(o, "]", 1);
}

void
eo_affine_map_print(const eo_affine_map *m, eo_strbuf *out)
{
    print_ids(out, m->ndims, m->nsyms);
    eo_strbuf_puts(out, " -> (");
    for (size_t i = 0; i < m->n; i++) {
        if (i)
            eo_strbuf_puts(out, ", ");
        print_expr(out, m->r[i], false);
    }
    eo_strbuf_append(out, ")", 1);
}

void
eo_integer_set_print(const eo_integer_set *s, eo_strbuf *out)
{
    print_ids(out, s->ndims, s->nsyms);
    eo_strbuf_puts(out, " : (");
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            eo_strbuf_puts(out, ", ");
        print_expr(out, s->c[i], false);
        eo_strbuf_puts(out, s->eq[i] ? " == 0" : " >= 0");
    }
    eo_strbuf_append(out, ")", 1);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

/* Identifiers declared in "(d0, d1)[s0]": dims first, then symbols, with
 * an open-addressing index so lookups stay O(1). */
typedef struct ident_entry {
    const char *s;
    size_t len;
} ident_entry;

typedef struct aparser {
    eo_parser *p;
    eo_ctx *ctx;
    ident_entry *ids;
    size_t nids, cap;
    uint32_t *index;                  /* slot -> id number + 1, 0 empty */
    size_t index_cap;                 /* power of two */
    unsigned ndims, nsyms;
    bool nomem;                       /* an allocation failed */
} aparser;

static uint64_t
id_hash(const char *s, size_t len)
{
    return eo_hash_bytes(EO_HASH_SEED, s, len);
}

/* Position of identifier 's' among the declared ones, or -1. */
static long
id_find(const aparser *ap, const char *s, size_t len)
{
    if (!ap->index_cap)
        return -1;
    size_t mask = ap->index_cap - 1;
    for (size_t i = id_hash(s, len) & mask;; i = (i + 1) & mask) {
        uint32_t v = ap->index[i];
        if (!v)
            return -1;
        const ident_entry *e = &ap->ids[v - 1];
        if (e->len == len && memcmp(e->s, s, len) == 0)
            return (long)(v - 1);
    }
}

static void
id_index_put(aparser *ap, size_t id)
{
    size_t mask = ap->index_cap - 1;
    const ident_entry *e = &ap->ids[id];
    size_t i = id_hash(e->s, e->len) & mask;
    while (ap->index[i])
        i = (i + 1) & mask;
    ap->index[i] = (uint32_t)(id + 1);
}

static eo_status
id_add(aparser *ap, const eo_token *t)
{
    if (ap->nids >= UINT32_MAX - 1)
        return eo_parser_error_at(ap->p, t, "too many identifiers");
    if (ap->nids == ap->cap) {
        size_t ncap = ap->cap ? ap->cap * 2 : 8;
        ident_entry *n = eo_parser_scratch(ap->p, ncap * sizeof(*n));
        if (!n)
            return EO_NOMEM;
        if (ap->nids)
            memcpy(n, ap->ids, ap->nids * sizeof(*n));
        ap->ids = n;
        ap->cap = ncap;
    }
    ap->ids[ap->nids].s = t->text;
    ap->ids[ap->nids].len = t->len;
    ap->nids++;
    if (ap->nids * 2 > ap->index_cap) {
        size_t ncap = ap->index_cap ? ap->index_cap * 2 : 16;
        while (ap->nids * 2 > ncap)
            ncap *= 2;
        uint32_t *ix = eo_parser_scratch(ap->p, ncap * sizeof(*ix));
        if (!ix)
            return EO_NOMEM;
        memset(ix, 0, ncap * sizeof(*ix));
        ap->index = ix;
        ap->index_cap = ncap;
        for (size_t i = 0; i < ap->nids; i++)
            id_index_put(ap, i);
    } else {
        id_index_put(ap, ap->nids - 1);
    }
    return EO_OK;
}

static eo_status
err(aparser *ap, const char *msg)
{
    return eo_parser_error_at(ap->p, &ap->p->tok, "%s", msg);
}

/* A missing token: reported after the preceding text, as MLIR does. */
static eo_status
err_expected(aparser *ap, const char *msg)
{
    return eo_parser_error_expected(ap->p, "%s", msg);
}

static bool
at_keyword(eo_parser *p, const char *kw)
{
    size_t n = strlen(kw);
    return p->tok.kind == EO_TOK_BARE_IDENT && p->tok.len == n &&
           memcmp(p->tok.text, kw, n) == 0;
}

/* "(a, b)" or "[a, b]": declares identifiers. */
static eo_status
parse_id_list(aparser *ap, eo_tok_kind open, eo_tok_kind close,
              const char *what, unsigned *count)
{
    eo_parser *p = ap->p;
    char msg[64];
    if (!EO_AT(p, open)) {
        snprintf(msg, sizeof(msg), "expected '%c' in %s",
                 open == EO_TOK_LPAREN ? '(' : '[', what);
        return err_expected(ap, msg);
    }
    eo_parser_advance(p);
    *count = 0;
    if (EO_AT(p, close)) {
        eo_parser_advance(p);
        return EO_OK;
    }
    for (;;) {
        if (!EO_AT(p, EO_TOK_BARE_IDENT))
            return err_expected(ap, "expected bare identifier");
        if (id_find(ap, p->tok.text, p->tok.len) >= 0)
            return eo_parser_error_at(p, &p->tok,
                                      "redefinition of identifier '%.*s'",
                                      (int)p->tok.len, p->tok.text);
        eo_status st = id_add(ap, &p->tok);
        if (st != EO_OK)
            return st;
        (*count)++;
        eo_parser_advance(p);
        if (EO_AT(p, EO_TOK_COMMA)) {
            eo_parser_advance(p);
            continue;
        }
        if (EO_AT(p, close)) {
            eo_parser_advance(p);
            return EO_OK;
        }
        snprintf(msg, sizeof(msg), "expected '%c' in %s",
                 close == EO_TOK_RPAREN ? ')' : ']', what);
        return err_expected(ap, msg);
    }
}

/* Value of an integer token (decimal or 0x hex); false if over
 * UINT64_MAX. */
static bool
token_u64(const eo_token *t, uint64_t *out)
{
    uint64_t v = 0;
    size_t i = 0;
    unsigned base = 10;
    if (t->len > 2 && t->text[0] == '0' && t->text[1] == 'x') {
        base = 16;
        i = 2;
    }
    for (; i < t->len; i++) {
        char c = t->text[i];
        unsigned d = (c >= '0' && c <= '9') ? (unsigned)(c - '0')
                     : (c >= 'a' && c <= 'f') ? (unsigned)(c - 'a' + 10)
                     : (unsigned)(c - 'A' + 10);
        if (v > (UINT64_MAX - d) / base)
            return false;
        v = v * base + d;
    }
    *out = v;
    return true;
}

static const eo_affine_expr *parse_sum(aparser *ap);

/* Builds "l op r" (simplified); reports nesting beyond EO_MAX_DEPTH, and
 * records an allocation failure in ap->nomem. */
static const eo_affine_expr *
build(aparser *ap, eo_affine_kind k, const eo_affine_expr *l,
      const eo_affine_expr *r)
{
    if (!l || !r)
        return NULL;
    if (l->depth >= EO_MAX_DEPTH || r->depth >= EO_MAX_DEPTH) {
        err(ap, "affine expression nesting too deep");
        return NULL;
    }
    const eo_affine_expr *e;
    switch (k) {
    case EO_AFFINE_ADD: e = eo_affine_add(ap->ctx, l, r); break;
    case EO_AFFINE_MUL: e = eo_affine_mul(ap->ctx, l, r); break;
    case EO_AFFINE_FLOORDIV: e = eo_affine_floordiv(ap->ctx, l, r); break;
    case EO_AFFINE_CEILDIV: e = eo_affine_ceildiv(ap->ctx, l, r); break;
    default: e = eo_affine_mod(ap->ctx, l, r); break;
    }
    if (!e)
        ap->nomem = true;
    return e;
}

static const eo_affine_expr *
leaf(aparser *ap, const eo_affine_expr *e)
{
    if (!e)
        ap->nomem = true;
    return e;
}

static const eo_affine_expr *
negate(aparser *ap, const eo_affine_expr *e)
{
    return build(ap, EO_AFFINE_MUL, e, leaf(ap, eo_affine_const(ap->ctx, -1)));
}

static bool
enter(aparser *ap)
{
    if (ap->p->depth >= EO_MAX_DEPTH) {
        err(ap, "nesting too deep");
        return false;
    }
    ap->p->depth++;
    return true;
}

/* An operand: identifier, integer, "-" operand or "(" expr ")". */
static const eo_affine_expr *
parse_operand(aparser *ap, bool have_lhs)
{
    eo_parser *p = ap->p;
    eo_token t = p->tok;
    switch (t.kind) {
    case EO_TOK_BARE_IDENT: {
        if (at_keyword(p, "floordiv") || at_keyword(p, "ceildiv") ||
            at_keyword(p, "mod"))
            break;
        long id = id_find(ap, t.text, t.len);
        if (id < 0) {
            err(ap, "use of undeclared identifier");
            return NULL;
        }
        eo_parser_advance(p);
        if ((unsigned long)id < ap->ndims)
            return leaf(ap, eo_affine_dim(ap->ctx, (unsigned)id));
        return leaf(ap, eo_affine_symbol(ap->ctx, (unsigned)id - ap->ndims));
    }
    case EO_TOK_INTEGER: {
        uint64_t v;
        if (!token_u64(&t, &v) || v > (uint64_t)INT64_MAX) {
            err(ap, "constant too large for index");
            return NULL;
        }
        eo_parser_advance(p);
        return leaf(ap, eo_affine_const(ap->ctx, (int64_t)v));
    }
    case EO_TOK_MINUS: {
        if (!enter(ap))
            return NULL;
        eo_parser_advance(p);
        const eo_affine_expr *e = parse_operand(ap, have_lhs);
        p->depth--;
        return e ? negate(ap, e) : NULL;
    }
    case EO_TOK_LPAREN: {
        if (!enter(ap))
            return NULL;
        eo_parser_advance(p);
        if (EO_AT(p, EO_TOK_RPAREN)) {
            err(ap, "no expression inside parentheses");
            p->depth--;
            return NULL;
        }
        const eo_affine_expr *e = parse_sum(ap);
        p->depth--;
        if (!e)
            return NULL;
        if (!EO_AT(p, EO_TOK_RPAREN)) {
            err_expected(ap, "expected ')'");
            return NULL;
        }
        eo_parser_advance(p);
        return e;
    }
    case EO_TOK_PLUS:
    case EO_TOK_STAR:
        break;
    default:
        err(ap, have_lhs ? "missing right operand of binary operator"
                         : "expected affine expression");
        return NULL;
    }
    err(ap, have_lhs ? "missing right operand of binary operator"
                     : "missing left operand of binary operator");
    return NULL;
}

/* operand (("*" | "floordiv" | "ceildiv" | "mod") operand)* */
static const eo_affine_expr *
parse_product(aparser *ap, bool have_lhs)
{
    eo_parser *p = ap->p;
    const eo_affine_expr *lhs = parse_operand(ap, have_lhs);
    while (lhs) {
        eo_affine_kind k;
        const char *name;
        if (EO_AT(p, EO_TOK_STAR))
            k = EO_AFFINE_MUL, name = "*";
        else if (at_keyword(p, "floordiv"))
            k = EO_AFFINE_FLOORDIV, name = "floordiv";
        else if (at_keyword(p, "ceildiv"))
            k = EO_AFFINE_CEILDIV, name = "ceildiv";
        else if (at_keyword(p, "mod"))
            k = EO_AFFINE_MOD, name = "mod";
        else
            break;
        eo_token optok = p->tok;
        eo_parser_advance(p);
        const eo_affine_expr *rhs = parse_operand(ap, true);
        if (!rhs)
            return NULL;
        if (k == EO_AFFINE_MUL && !lhs->symbolic && !rhs->symbolic) {
            eo_parser_error_at(p, &optok, "non-affine expression: at least "
                               "one of the multiply operands has to be "
                               "either a constant or symbolic");
            return NULL;
        }
        if (k != EO_AFFINE_MUL && !rhs->symbolic) {
            eo_parser_error_at(p, &optok, "non-affine expression: right "
                               "operand of %s has to be either a constant "
                               "or symbolic", name);
            return NULL;
        }
        lhs = build(ap, k, lhs, rhs);
    }
    return lhs;
}

/* product (("+" | "-") product)*: a loop, so long sums do not recurse. */
static const eo_affine_expr *
parse_sum(aparser *ap)
{
    eo_parser *p = ap->p;
    const eo_affine_expr *lhs = parse_product(ap, false);
    while (lhs && (EO_AT(p, EO_TOK_PLUS) || EO_AT(p, EO_TOK_MINUS))) {
        bool sub = EO_AT(p, EO_TOK_MINUS);
        eo_parser_advance(p);
        const eo_affine_expr *rhs = parse_product(ap, true);
        if (rhs && sub)
            rhs = negate(ap, rhs);
        lhs = build(ap, EO_AFFINE_ADD, lhs, rhs);
    }
    return lhs;
}

/* Growable scratch array of expressions (and equality flags). */
typedef struct expr_list {
    const eo_affine_expr **e;
    bool *eq;
    size_t n, cap;
} expr_list;

static eo_status
list_push(eo_parser *p, expr_list *l, const eo_affine_expr *e, bool eq)
{
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 8;
        const eo_affine_expr **ne = eo_parser_scratch(p, ncap * sizeof(*ne));
        bool *nq = eo_parser_scratch(p, ncap * sizeof(*nq));
        if (!ne || !nq)
            return EO_NOMEM;
        if (l->n) {
            memcpy(ne, l->e, l->n * sizeof(*ne));
            memcpy(nq, l->eq, l->n * sizeof(*nq));
        }
        l->e = ne;
        l->eq = nq;
        l->cap = ncap;
    }
    l->e[l->n] = e;
    l->eq[l->n] = eq;
    l->n++;
    return EO_OK;
}

/* expr (">=" | "<=" | "==") expr, normalized to "e >= 0" / "e == 0". */
static const eo_affine_expr *
parse_constraint(aparser *ap, bool *is_eq)
{
    eo_parser *p = ap->p;
    const eo_affine_expr *lhs = parse_sum(ap);
    if (!lhs)
        return NULL;
    eo_tok_kind first = p->tok.kind;
    bool ok = false;
    if (first == EO_TOK_GREATER || first == EO_TOK_LESS ||
        first == EO_TOK_EQUAL) {
        eo_parser_advance(p);
        ok = EO_AT(p, EO_TOK_EQUAL);
    }
    if (!ok) {
        err(ap, "expected '== affine-expr' or '>= affine-expr' at end of "
            "affine constraint");
        return NULL;
    }
    eo_parser_advance(p);
    const eo_affine_expr *rhs = parse_sum(ap);
    if (!rhs)
        return NULL;
    *is_eq = first == EO_TOK_EQUAL;
    if (first == EO_TOK_LESS)
        return build(ap, EO_AFFINE_ADD, rhs, negate(ap, lhs));
    return build(ap, EO_AFFINE_ADD, lhs, negate(ap, rhs));
}

/* "(" item, ... ")" of results or constraints. */
static eo_status
parse_items(aparser *ap, bool set, expr_list *l)
{
    eo_parser *p = ap->p;
    const char *what = set ? "integer set constraint list"
                           : "affine map range";
    if (!EO_AT(p, EO_TOK_LPAREN))
        return eo_parser_error_expected(p, "expected '(' in %s", what);
    eo_parser_advance(p);
    if (EO_AT(p, EO_TOK_RPAREN)) {
        eo_parser_advance(p);
        return EO_OK;
    }
    for (;;) {
        bool eq = false;
        const eo_affine_expr *e = set ? parse_constraint(ap, &eq)
                                      : parse_sum(ap);
        if (!e)
            return ap->nomem ? EO_NOMEM : EO_ERROR;
        eo_status st = list_push(p, l, e, eq);
        if (st != EO_OK)
            return st;
        if (EO_AT(p, EO_TOK_COMMA)) {
            eo_parser_advance(p);
            continue;
        }
        if (EO_AT(p, EO_TOK_RPAREN)) {
            eo_parser_advance(p);
            return EO_OK;
        }
        return eo_parser_error_expected(p, "expected ')' in %s", what);
    }
}

static eo_status
parse_map_or_set(eo_parser *p, bool want_set, const eo_affine_map **map,
                 const eo_integer_set **set)
{
    aparser ap;
    memset(&ap, 0, sizeof(ap));
    ap.p = p;
    ap.ctx = p->ctx;
    eo_status st = parse_id_list(&ap, EO_TOK_LPAREN, EO_TOK_RPAREN,
                                 "dimensional identifier list", &ap.ndims);
    if (st != EO_OK)
        return st;
    if (EO_AT(p, EO_TOK_LSQUARE)) {
        st = parse_id_list(&ap, EO_TOK_LSQUARE, EO_TOK_RSQUARE,
                           "symbol list", &ap.nsyms);
        if (st != EO_OK)
            return st;
    }
    bool is_set;
    if (EO_AT(p, EO_TOK_ARROW))
        is_set = false;
    else if (EO_AT(p, EO_TOK_COLON))
        is_set = true;
    else
        return err_expected(&ap, "expected '->' or ':'");
    if (is_set != want_set)
        return err(&ap, want_set ? "expected IntegerSet, but got AffineMap"
                                 : "expected AffineMap, but got IntegerSet");
    eo_parser_advance(p);
    expr_list l;
    memset(&l, 0, sizeof(l));
    st = parse_items(&ap, is_set, &l);
    if (st != EO_OK)
        return st;
    if (!is_set) {
        *map = eo_affine_map_get(p->ctx, ap.ndims, ap.nsyms, l.n, l.e);
        return *map ? EO_OK : EO_NOMEM;
    }
    if (!l.n) {
        /* MLIR reads "()" as the trivially true set "0 == 0". */
        const eo_affine_expr *zero = eo_affine_const(p->ctx, 0);
        bool t = true;
        *set = zero ? eo_integer_set_get(p->ctx, ap.ndims, ap.nsyms, 1,
                                         &zero, &t) : NULL;
    } else {
        *set = eo_integer_set_get(p->ctx, ap.ndims, ap.nsyms, l.n, l.e,
                                  l.eq);
    }
    return *set ? EO_OK : EO_NOMEM;
}

eo_status
eo_parse_affine_map(eo_parser *p, const eo_affine_map **out)
{
    const eo_integer_set *unused = NULL;
    *out = NULL;
    return parse_map_or_set(p, false, out, &unused);
}

eo_status
eo_parse_integer_set(eo_parser *p, const eo_integer_set **out)
{
    const eo_affine_map *unused = NULL;
    *out = NULL;
    return parse_map_or_set(p, true, &unused, out);
}
