/* ir/attr.c - uniqued attributes: constructors, accessors, float formats.
 *
 * Every attribute is hash-consed in the context's EO_UNIQ_ATTR set and
 * lives in permanent memory. Start at struct eo_attr and attr_unique();
 * the float format conversions (f16, bf16, f8, tf32, f80, f128 <-> double)
 * are at the end.
 */
#include "ir/ir.h"
#include "ir/internal.h"

#include <math.h>
#include <string.h>

/* Fields by kind:
 *   INTEGER         w[0] (<= 64 bits) or p = words, n = #words
 *   FLOAT           w[0] = bits, w[1] = high bits (f80/f128)
 *   STRING          p = bytes (NUL-terminated), n = length
 *   ARRAY           p = const eo_attr *[n]
 *   DICT            p = eo_named_attr[n], sorted by name
 *   TYPE            q = the type
 *   SYMBOL_REF      q = root ident, p = const eo_ident *[n]
 *   DENSE           p = data, n = bytes, splat
 *   DENSE_RESOURCE  q = resource
 *   DENSE_ARRAY     q = element type, p = data, n = elements
 *   AFFINE_MAP      q = map;  INTEGER_SET  q = set;  LOCATION  q = loc
 *   STRIDED_LAYOUT  p = int64_t[n] strides, w[0] = offset
 *   OPAQUE          q = dialect ident, p = body, n = length
 *   DIALECT         q = dialect ident, r = mnemonic, p = params[n]
 * Resource entries of resource.c share the set under a private kind. */
struct eo_attr {
    eo_ctx *ctx;
    const eo_type *type;
    uint64_t hash;
    unsigned kind;
    bool splat;
    size_t n;
    uint64_t w[2];
    const void *p;
    const void *q;
    const void *r;
};

/* The private kind of resource.c's entries. */
#define ATTR_KIND_RESOURCE 1000u

static uint64_t
attr_hash(const eo_attr *k)
{
    uint64_t h = eo_hash_u64(EO_HASH_SEED, k->kind);
    h = eo_hash_ptr(h, k->type);
    h = eo_hash_u64(h, k->n);
    h = eo_hash_u64(h, k->w[0]);
    h = eo_hash_u64(h, k->w[1]);
    h = eo_hash_ptr(h, k->q);
    h = eo_hash_ptr(h, k->r);
    h = eo_hash_u64(h, k->splat);
    switch (k->kind) {
    case EO_ATTR_INTEGER:
        if (k->p)
            h = eo_hash_bytes(h, k->p, k->n * 8);
        break;
    case EO_ATTR_STRING:
    case EO_ATTR_DENSE:
    case EO_ATTR_OPAQUE:
        h = eo_hash_bytes(h, k->p, k->n);
        break;
    case EO_ATTR_ARRAY:
    case EO_ATTR_SYMBOL_REF:
    case EO_ATTR_DIALECT:
        h = eo_hash_bytes(h, k->p, k->n * sizeof(void *));
        break;
    case EO_ATTR_DICT:
        h = eo_hash_bytes(h, k->p, k->n * sizeof(eo_named_attr));
        break;
    case EO_ATTR_DENSE_ARRAY:
        h = eo_hash_bytes(h, k->p, k->n * eo_dense_elem_bytes(k->q));
        break;
    case EO_ATTR_STRIDED_LAYOUT:
        h = eo_hash_bytes(h, k->p, k->n * sizeof(int64_t));
        break;
    default:
        break;
    }
    /* Final avalanche: the set indexes by the low bits. */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
}

static size_t
payload_bytes(const eo_attr *a)
{
    switch (a->kind) {
    case EO_ATTR_INTEGER:
        return a->p ? a->n * 8 : 0;
    case EO_ATTR_STRING:
    case EO_ATTR_DENSE:
    case EO_ATTR_OPAQUE:
        return a->n;
    case EO_ATTR_ARRAY:
    case EO_ATTR_SYMBOL_REF:
    case EO_ATTR_DIALECT:
        return a->n * sizeof(void *);
    case EO_ATTR_DICT:
        return a->n * sizeof(eo_named_attr);
    case EO_ATTR_DENSE_ARRAY:
        return a->n * eo_dense_elem_bytes(a->q);
    case EO_ATTR_STRIDED_LAYOUT:
        return a->n * sizeof(int64_t);
    default:
        return 0;
    }
}

static bool
attr_eq(const void *obj, const void *key)
{
    const eo_attr *a = obj, *k = key;
    if (a->kind != k->kind || a->type != k->type || a->n != k->n ||
        a->w[0] != k->w[0] || a->w[1] != k->w[1] || a->q != k->q ||
        a->r != k->r || a->splat != k->splat)
        return false;
    size_t nb = payload_bytes(a);
    if ((a->p == NULL) != (k->p == NULL))
        return false;
    return nb == 0 || memcmp(a->p, k->p, nb) == 0;
}

/* Finds or creates the attribute described by 'k' (whose p points at
 * caller memory: it is copied into permanent memory on creation). */
static const eo_attr *
attr_unique(eo_ctx *ctx, eo_attr *k)
{
    k->ctx = ctx;
    k->hash = attr_hash(k);
    eo_uniq_set *set = eo_ctx_uniq(ctx, EO_UNIQ_ATTR);
    eo_attr *a = eo_uniq_find(set, k->hash, attr_eq, k);
    if (a)
        return a;
    a = eo_perm_alloc(ctx, sizeof(*a));
    if (!a)
        return NULL;
    *a = *k;
    size_t nb = payload_bytes(k);
    if (k->p && (nb || k->kind == EO_ATTR_STRING ||
                 k->kind == EO_ATTR_OPAQUE)) {
        /* Strings and bodies stay NUL-terminated (+1); arrays of
         * pointers and named attributes need no terminator (an array of
         * one fits the 16-byte grain exactly, so +1 would double it). */
        bool text = k->kind == EO_ATTR_STRING || k->kind == EO_ATTR_DENSE ||
                    k->kind == EO_ATTR_OPAQUE;
        void *copy = text ? eo_perm_dup(ctx, k->p, nb)
                          : eo_perm_alloc(ctx, nb);
        if (!copy)
            return NULL;
        if (!text)
            memcpy(copy, k->p, nb);
        a->p = copy;
    }
    if (eo_uniq_insert(ctx, set, a->hash, a) != EO_OK)
        return NULL;
    return a;
}

static void
key_init(eo_attr *k, unsigned kind)
{
    memset(k, 0, sizeof(*k));
    k->kind = kind;
}

/* ------------------------------------------------------------------ */
/* Resource entries (for resource.c): kept in the same set             */
/* ------------------------------------------------------------------ */

static bool
res_eq(const void *obj, const void *key)
{
    const eo_attr *a = obj;
    const eo_attr *k = key;
    return a->kind == ATTR_KIND_RESOURCE && a->n == k->n &&
           memcmp(a->p, k->p, k->n) == 0;
}

static uint64_t
res_hash(const char *key, size_t len)
{
    uint64_t h = eo_hash_bytes(eo_hash_u64(EO_HASH_SEED, ATTR_KIND_RESOURCE),
                               key, len);
    return eo_hash_u64(h, len);
}

void *
eo_attr_resource_slot_find(eo_ctx *ctx, const char *key, size_t len)
{
    eo_attr k;
    key_init(&k, ATTR_KIND_RESOURCE);
    k.p = key;
    k.n = len;
    eo_attr *a = eo_uniq_find(eo_ctx_uniq(ctx, EO_UNIQ_ATTR),
                              res_hash(key, len), res_eq, &k);
    return a ? (void *)a->q : NULL;
}

eo_status
eo_attr_resource_slot_add(eo_ctx *ctx, const char *key, size_t len,
                          void *res)
{
    eo_attr *a = eo_perm_alloc(ctx, sizeof(*a));
    if (!a)
        return EO_NOMEM;
    a->ctx = ctx;
    a->kind = ATTR_KIND_RESOURCE;
    a->p = key;
    a->n = len;
    a->q = res;
    a->hash = res_hash(key, len);
    return eo_uniq_insert(ctx, eo_ctx_uniq(ctx, EO_UNIQ_ATTR), a->hash, a);
}

void
eo_attr_resource_slots_foreach(eo_ctx *ctx, void (*f)(void *res, void *ud),
                               void *ud)
{
    eo_uniq_set *s = eo_ctx_uniq(ctx, EO_UNIQ_ATTR);
    for (size_t i = 0; i < s->cap; i++) {
        const eo_attr *a = s->slots[i];
        if (a && a->kind == ATTR_KIND_RESOURCE)
            f((void *)a->q, ud);
    }
}

/* ------------------------------------------------------------------ */
/* Integers                                                            */
/* ------------------------------------------------------------------ */

static unsigned
int_width(const eo_type *t)
{
    return eo_type_is_index(t) ? 64 : eo_type_int_width(t);
}

static bool
is_int_like(const eo_type *t)
{
    return t && (eo_type_is_int(t) || eo_type_is_index(t));
}

static uint64_t
low_mask(unsigned bits)
{
    return bits >= 64 ? ~0ull : (1ull << bits) - 1;
}

const eo_attr *
eo_attr_get_int_words(eo_ctx *ctx, const eo_type *type, size_t nwords,
                      const uint64_t *words)
{
    if (!ctx || !is_int_like(type) || (nwords && !words))
        return NULL;
    unsigned width = int_width(type);
    eo_attr k;
    key_init(&k, EO_ATTR_INTEGER);
    k.type = type;
    if (width <= 64) {
        k.w[0] = (nwords ? words[0] : 0) & low_mask(width);
        return attr_unique(ctx, &k);
    }
    size_t need = (width + 63) / 64;
    uint64_t small[4];
    uint64_t *buf = need <= 4 ? small : eo_raw_alloc(ctx, need * 8);
    if (!buf)
        return NULL;
    for (size_t i = 0; i < need; i++)
        buf[i] = i < nwords ? words[i] : 0;
    buf[need - 1] &= low_mask(width - (need - 1) * 64);
    k.p = buf;
    k.n = need;
    const eo_attr *a = attr_unique(ctx, &k);
    if (buf != small)
        eo_raw_free(ctx, buf, need * 8);
    return a;
}

const eo_attr *
eo_attr_get_int(eo_ctx *ctx, const eo_type *type, int64_t v)
{
    if (!ctx || !is_int_like(type))
        return NULL;
    unsigned width = int_width(type);
    if (width <= 64) {
        uint64_t w = (uint64_t)v;
        return eo_attr_get_int_words(ctx, type, 1, &w);
    }
    size_t need = (width + 63) / 64;
    uint64_t small[4];
    uint64_t *buf = need <= 4 ? small : eo_raw_alloc(ctx, need * 8);
    if (!buf)
        return NULL;
    buf[0] = (uint64_t)v;
    for (size_t i = 1; i < need; i++)
        buf[i] = v < 0 ? ~0ull : 0;
    const eo_attr *a = eo_attr_get_int_words(ctx, type, need, buf);
    if (buf != small)
        eo_raw_free(ctx, buf, need * 8);
    return a;
}

const eo_attr *
eo_attr_get_bool(eo_ctx *ctx, bool v)
{
    const eo_type *i1 = eo_type_get_int(ctx, 1);
    return i1 ? eo_attr_get_int(ctx, i1, v) : NULL;
}

/* ------------------------------------------------------------------ */
/* Floats                                                              */
/* ------------------------------------------------------------------ */

const eo_attr *
eo_attr_get_float_wide(eo_ctx *ctx, const eo_type *type, uint64_t lo,
                       uint64_t hi)
{
    if (!ctx || !type || !eo_type_is_float(type))
        return NULL;
    unsigned width = eo_type_float_width(type);
    eo_attr k;
    key_init(&k, EO_ATTR_FLOAT);
    k.type = type;
    k.w[0] = lo & low_mask(width);
    k.w[1] = width > 64 ? hi & low_mask(width - 64) : 0;
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_float_bits(eo_ctx *ctx, const eo_type *type, uint64_t bits)
{
    return eo_attr_get_float_wide(ctx, type, bits, 0);
}

const eo_attr *
eo_attr_get_float(eo_ctx *ctx, const eo_type *type, double v)
{
    if (!ctx || !type || !eo_type_is_float(type))
        return NULL;
    uint64_t lo, hi;
    eo_float_from_double(eo_type_float_kind(type), v, &lo, &hi);
    return eo_attr_get_float_wide(ctx, type, lo, hi);
}

/* ------------------------------------------------------------------ */
/* Strings, arrays, dictionaries, unit, types, symbols                 */
/* ------------------------------------------------------------------ */

const eo_attr *
eo_attr_get_string(eo_ctx *ctx, const char *s, size_t len,
                   const eo_type *type)
{
    if (!ctx || (len && !s))
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_STRING);
    k.type = type;
    k.p = s ? s : "";
    k.n = len;
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_array(eo_ctx *ctx, size_t n, const eo_attr *const *elems)
{
    if (!ctx || (n && !elems))
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!elems[i])
            return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_ARRAY);
    k.p = n ? (const void *)elems : NULL;
    k.n = n;
    return attr_unique(ctx, &k);
}

static int
ident_cmp(const eo_ident *a, const eo_ident *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->str, b->str, n);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

const eo_attr *
eo_attr_get_dict(eo_ctx *ctx, size_t n, const eo_named_attr *attrs)
{
    if (!ctx || (n && !attrs))
        return NULL;
    eo_named_attr small[16];
    eo_named_attr *buf = n <= 16 ? small
                                 : eo_raw_alloc(ctx, n * sizeof(*buf));
    if (!buf)
        return NULL;
    const eo_attr *res = NULL;
    /* Sorted already (the usual case: a dictionary's own entries) is
     * checked first; otherwise a merge sort keeps this O(n log n). */
    bool sorted = true;
    for (size_t i = 0; i < n; i++) {
        if (!attrs[i].name || !attrs[i].value)
            goto out;
        buf[i] = attrs[i];
        if (i && ident_cmp(attrs[i - 1].name, attrs[i].name) >= 0)
            sorted = false;
    }
    if (!sorted) {
        eo_named_attr *tmp = eo_raw_alloc(ctx, n * sizeof(*tmp));
        if (!tmp)
            goto out;
        for (size_t width = 1; width < n; width *= 2) {
            for (size_t lo = 0; lo < n; lo += 2 * width) {
                size_t mid = lo + width < n ? lo + width : n;
                size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
                size_t i = lo, j = mid, o = lo;
                while (i < mid && j < hi)
                    tmp[o++] = ident_cmp(buf[j].name, buf[i].name) < 0
                                   ? buf[j++] : buf[i++];
                while (i < mid)
                    tmp[o++] = buf[i++];
                while (j < hi)
                    tmp[o++] = buf[j++];
            }
            memcpy(buf, tmp, n * sizeof(*buf));
        }
        eo_raw_free(ctx, tmp, n * sizeof(*tmp));
        for (size_t i = 1; i < n; i++)
            if (buf[i - 1].name == buf[i].name)
                goto out;
    }
    eo_attr k;
    key_init(&k, EO_ATTR_DICT);
    k.p = n ? buf : NULL;
    k.n = n;
    res = attr_unique(ctx, &k);
out:
    if (buf != small)
        eo_raw_free(ctx, buf, n * sizeof(*buf));
    return res;
}

const eo_attr *
eo_attr_get_unit(eo_ctx *ctx)
{
    if (!ctx)
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_UNIT);
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_type(eo_ctx *ctx, const eo_type *t)
{
    if (!ctx || !t)
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_TYPE);
    k.q = t;
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_symbol_ref(eo_ctx *ctx, const eo_ident *root, size_t n,
                       const eo_ident *const *nested)
{
    if (!ctx || !root || (n && !nested))
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!nested[i])
            return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_SYMBOL_REF);
    k.q = root;
    k.p = n ? (const void *)nested : NULL;
    k.n = n;
    return attr_unique(ctx, &k);
}

/* ------------------------------------------------------------------ */
/* Dense elements                                                      */
/* ------------------------------------------------------------------ */

size_t
eo_dense_elem_bytes(const eo_type *elem)
{
    if (!elem)
        return 0;
    switch (eo_type_get_kind(elem)) {
    case EO_TYPE_INTEGER:
        return eo_type_int_width(elem) == 0 ? 1
                                            : (eo_type_int_width(elem) + 7) / 8;
    case EO_TYPE_INDEX:
        return 8;
    case EO_TYPE_FLOAT:
        return (eo_type_float_width(elem) + 7) / 8;
    case EO_TYPE_COMPLEX: {
        const eo_type *e = eo_type_elem(elem);
        if (e && eo_type_get_kind(e) == EO_TYPE_COMPLEX)
            return 0;
        return 2 * eo_dense_elem_bytes(e);
    }
    default:
        return 0;
    }
}

static bool
dense_type_ok(const eo_type *type)
{
    if (!type)
        return false;
    eo_type_kind k = eo_type_get_kind(type);
    if (k != EO_TYPE_TENSOR && k != EO_TYPE_VECTOR && k != EO_TYPE_MEMREF)
        return false;
    return eo_type_num_elements(type) >= 0 &&
           eo_dense_elem_bytes(eo_type_elem(type)) != 0;
}

/* For integer elements whose width is not a multiple of 8, the bits
 * above the width in the top byte of each (complex part's) element; 0
 * if none. Such bits are cleared so equal values unique equally. */
static unsigned
elem_pad_mask(const eo_type *et, size_t *part)
{
    if (eo_type_get_kind(et) == EO_TYPE_COMPLEX)
        et = eo_type_elem(et);
    *part = eo_dense_elem_bytes(et);
    if (eo_type_get_kind(et) != EO_TYPE_INTEGER)
        return 0;
    unsigned w = eo_type_int_width(et);
    if (w == 0)
        return 0xFFu;
    return w % 8 ? 0xFFu & ~((1u << (w % 8)) - 1) : 0;
}

static const eo_attr *dense_get(eo_ctx *ctx, const eo_type *type,
                                const void *data, size_t size, bool splat);

const eo_attr *
eo_attr_get_dense(eo_ctx *ctx, const eo_type *type, const void *data,
                  size_t size, bool splat)
{
    if (!ctx || !dense_type_ok(type) || (size && !data))
        return NULL;
    size_t part;
    unsigned pad = elem_pad_mask(eo_type_elem(type), &part);
    if (!pad || !size)
        return dense_get(ctx, type, data, size, splat);
    unsigned char *copy = eo_raw_alloc(ctx, size);
    if (!copy)
        return NULL;
    memcpy(copy, data, size);
    for (size_t i = part - 1; i < size; i += part)
        copy[i] &= (unsigned char)~pad;
    const eo_attr *a = dense_get(ctx, type, copy, size, splat);
    eo_raw_free(ctx, copy, size);
    return a;
}

static const eo_attr *
dense_get(eo_ctx *ctx, const eo_type *type, const void *data, size_t size,
          bool splat)
{
    size_t eb = eo_dense_elem_bytes(eo_type_elem(type));
    uint64_t num = (uint64_t)eo_type_num_elements(type);
    if (splat) {
        if (size != eb)
            return NULL;
        if (num == 0) {         /* nothing to splat: dense<> */
            splat = false;
            size = 0;
        }
    } else {
        if (num > SIZE_MAX / eb || size != num * eb)
            return NULL;
        /* All elements equal: stored (and printed) as a splat, as MLIR
         * does. An empty shape stays non-splat. */
        if (num > 0) {
            const unsigned char *d = data;
            bool same = true;
            for (uint64_t i = 1; i < num && same; i++)
                same = memcmp(d, d + i * eb, eb) == 0;
            if (same) {
                splat = true;
                size = eb;
            }
        }
    }
    eo_attr k;
    key_init(&k, EO_ATTR_DENSE);
    k.type = type;
    k.p = size ? data : NULL;
    k.n = size;
    k.splat = splat;
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_dense_resource(eo_ctx *ctx, const eo_type *type,
                           eo_resource *res)
{
    if (!ctx || !res || !type)
        return NULL;
    eo_type_kind k0 = eo_type_get_kind(type);
    if (k0 != EO_TYPE_TENSOR && k0 != EO_TYPE_VECTOR && k0 != EO_TYPE_MEMREF)
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_DENSE_RESOURCE);
    k.type = type;
    k.q = res;
    return attr_unique(ctx, &k);
}

/* MLIR's DenseArrayAttr: i1, or an integer or float type whose width is
 * a multiple of 8. */
static bool
dense_array_elem_ok(const eo_type *t)
{
    if (!t)
        return false;
    if (eo_type_get_kind(t) == EO_TYPE_INTEGER) {
        unsigned w = eo_type_int_width(t);
        return (w == 1 && eo_type_int_signedness(t) == EO_SIGNLESS) ||
               (w && w % 8 == 0);
    }
    if (eo_type_get_kind(t) == EO_TYPE_FLOAT)
        return eo_type_float_width(t) % 8 == 0;
    return false;
}

const eo_attr *
eo_attr_get_dense_array(eo_ctx *ctx, const eo_type *elem, size_t n,
                        const void *data)
{
    if (!ctx || !dense_array_elem_ok(elem) || (n && !data))
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_DENSE_ARRAY);
    k.q = elem;
    k.p = n ? data : NULL;
    k.n = n;
    return attr_unique(ctx, &k);
}

/* ------------------------------------------------------------------ */
/* Affine, strided, locations, opaque and dialect attributes           */
/* ------------------------------------------------------------------ */

const eo_attr *
eo_attr_get_affine_map(eo_ctx *ctx, const eo_affine_map *m)
{
    if (!ctx || !m)
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_AFFINE_MAP);
    k.q = m;
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_integer_set(eo_ctx *ctx, const eo_integer_set *s)
{
    if (!ctx || !s)
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_INTEGER_SET);
    k.q = s;
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_strided(eo_ctx *ctx, size_t n, const int64_t *strides,
                    int64_t offset)
{
    if (!ctx || (n && !strides))
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_STRIDED_LAYOUT);
    k.p = n ? strides : NULL;
    k.n = n;
    k.w[0] = (uint64_t)offset;
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_location(eo_ctx *ctx, const eo_loc *l)
{
    if (!ctx || !l)
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_LOCATION);
    k.q = l;
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_opaque(eo_ctx *ctx, const eo_ident *dialect, const char *body,
                   size_t len, const eo_type *type)
{
    if (!ctx || !dialect || (len && !body))
        return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_OPAQUE);
    k.q = dialect;
    k.p = body ? body : "";
    k.n = len;
    k.type = type;
    return attr_unique(ctx, &k);
}

const eo_attr *
eo_attr_get_dialect(eo_ctx *ctx, const eo_ident *dialect,
                    const eo_ident *mnemonic, size_t n,
                    const eo_attr *const *params)
{
    if (!ctx || !dialect || !mnemonic || (n && !params))
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (!params[i])
            return NULL;
    eo_attr k;
    key_init(&k, EO_ATTR_DIALECT);
    k.q = dialect;
    k.r = mnemonic;
    k.p = n ? (const void *)params : NULL;
    k.n = n;
    return attr_unique(ctx, &k);
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */
/* ------------------------------------------------------------------ */

eo_attr_kind
eo_attr_get_kind(const eo_attr *a)
{
    return (eo_attr_kind)a->kind;
}

eo_ctx *
eo_attr_ctx(const eo_attr *a)
{
    return a->ctx;
}

const eo_type *
eo_attr_type(const eo_attr *a)
{
    return a->type;
}

bool
eo_attr_is_bool(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_INTEGER &&
           eo_type_is_signless_int(a->type, 1);
}

int64_t
eo_attr_int_value(const eo_attr *a)
{
    if (!a || a->kind != EO_ATTR_INTEGER)
        return 0;
    unsigned width = int_width(a->type);
    uint64_t v = a->p ? ((const uint64_t *)a->p)[0] : a->w[0];
    if (width == 0 || width >= 64)
        return (int64_t)v;
    if (!eo_type_is_index(a->type) &&
        eo_type_int_signedness(a->type) == EO_UNSIGNED)
        return (int64_t)v;
    uint64_t sign = 1ull << (width - 1);
    return (int64_t)((v ^ sign) - sign);
}

uint64_t
eo_attr_int_uvalue(const eo_attr *a)
{
    if (!a || a->kind != EO_ATTR_INTEGER)
        return 0;
    return a->p ? ((const uint64_t *)a->p)[0] : a->w[0];
}

size_t
eo_attr_int_num_words(const eo_attr *a)
{
    if (!a || a->kind != EO_ATTR_INTEGER)
        return 0;
    return a->p ? a->n : 1;
}

const uint64_t *
eo_attr_int_words(const eo_attr *a)
{
    if (!a || a->kind != EO_ATTR_INTEGER)
        return NULL;
    return a->p ? a->p : &a->w[0];
}

double
eo_attr_float_value(const eo_attr *a)
{
    if (!a || a->kind != EO_ATTR_FLOAT)
        return 0.0;
    return eo_float_to_double(eo_type_float_kind(a->type), a->w[0], a->w[1]);
}

uint64_t
eo_attr_float_bits(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_FLOAT ? a->w[0] : 0;
}

uint64_t
eo_attr_float_bits_hi(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_FLOAT ? a->w[1] : 0;
}

const char *
eo_attr_string(const eo_attr *a, size_t *len)
{
    if (!a || a->kind != EO_ATTR_STRING) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = a->n;
    return a->p;
}

size_t
eo_attr_array_size(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_ARRAY ? a->n : 0;
}

const eo_attr *
eo_attr_array_at(const eo_attr *a, size_t i)
{
    if (!a || a->kind != EO_ATTR_ARRAY || i >= a->n)
        return NULL;
    return ((const eo_attr *const *)a->p)[i];
}

size_t
eo_attr_dict_size(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_DICT ? a->n : 0;
}

const eo_named_attr *
eo_attr_dict_at(const eo_attr *a, size_t i)
{
    if (!a || a->kind != EO_ATTR_DICT || i >= a->n)
        return NULL;
    return &((const eo_named_attr *)a->p)[i];
}

const eo_attr *
eo_attr_dict_get(const eo_attr *a, const char *name)
{
    if (!a || a->kind != EO_ATTR_DICT || !name)
        return NULL;
    const eo_named_attr *v = a->p;
    size_t len = strlen(name);
    size_t lo = 0, hi = a->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const eo_ident *id = v[mid].name;
        size_t m = id->len < len ? id->len : len;
        int c = memcmp(id->str, name, m);
        if (!c)
            c = id->len < len ? -1 : id->len > len;
        if (!c)
            return v[mid].value;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const eo_type *
eo_attr_type_value(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_TYPE ? a->q : NULL;
}

const eo_ident *
eo_attr_symbol_root(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_SYMBOL_REF ? a->q : NULL;
}

size_t
eo_attr_symbol_num_nested(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_SYMBOL_REF ? a->n : 0;
}

const eo_ident *
eo_attr_symbol_nested(const eo_attr *a, size_t i)
{
    if (!a || a->kind != EO_ATTR_SYMBOL_REF || i >= a->n)
        return NULL;
    return ((const eo_ident *const *)a->p)[i];
}

bool
eo_attr_dense_is_splat(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_DENSE && a->splat;
}

const void *
eo_attr_dense_data(const eo_attr *a, size_t *size)
{
    if (!a || a->kind != EO_ATTR_DENSE) {
        if (size)
            *size = 0;
        return NULL;
    }
    if (size)
        *size = a->n;
    return a->p;
}

/* Reads an integer element of 'eb' little-endian bytes, extended as the
 * element type says (signless and signed: sign-extended). */
static int64_t
read_int_elem(const unsigned char *d, size_t eb, const eo_type *t)
{
    uint64_t v = 0;
    size_t nb = eb < 8 ? eb : 8;
    for (size_t i = 0; i < nb; i++)
        v |= (uint64_t)d[i] << (8 * i);
    unsigned width = int_width(t);
    if (width == 0 || width >= 64)
        return (int64_t)v;
    v &= low_mask(width);
    if (eo_type_is_index(t) || eo_type_int_signedness(t) != EO_UNSIGNED) {
        if (width == 1)
            return (int64_t)v;   /* i1 reads as 0/1 */
        uint64_t sign = 1ull << (width - 1);
        return (int64_t)((v ^ sign) - sign);
    }
    return (int64_t)v;
}

static double
read_float_elem(const unsigned char *d, size_t eb, eo_float_kind k)
{
    uint64_t lo = 0, hi = 0;
    for (size_t i = 0; i < eb && i < 16; i++) {
        if (i < 8)
            lo |= (uint64_t)d[i] << (8 * i);
        else
            hi |= (uint64_t)d[i] << (8 * (i - 8));
    }
    return eo_float_to_double(k, lo, hi);
}

int64_t
eo_attr_dense_int(const eo_attr *a, size_t i)
{
    if (!a || a->kind != EO_ATTR_DENSE)
        return 0;
    const eo_type *et = eo_type_elem(a->type);
    if (!is_int_like(et))
        return 0;
    size_t eb = eo_dense_elem_bytes(et);
    if (a->splat)
        i = 0;
    if ((i + 1) * eb > a->n)
        return 0;
    return read_int_elem((const unsigned char *)a->p + i * eb, eb, et);
}

double
eo_attr_dense_float(const eo_attr *a, size_t i)
{
    if (!a || a->kind != EO_ATTR_DENSE)
        return 0.0;
    const eo_type *et = eo_type_elem(a->type);
    if (!et || !eo_type_is_float(et))
        return 0.0;
    size_t eb = eo_dense_elem_bytes(et);
    if (a->splat)
        i = 0;
    if ((i + 1) * eb > a->n)
        return 0.0;
    return read_float_elem((const unsigned char *)a->p + i * eb, eb,
                           eo_type_float_kind(et));
}

eo_resource *
eo_attr_resource(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_DENSE_RESOURCE ? (eo_resource *)a->q
                                                   : NULL;
}

size_t
eo_attr_dense_array_size(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_DENSE_ARRAY ? a->n : 0;
}

const eo_type *
eo_attr_dense_array_elem(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_DENSE_ARRAY ? a->q : NULL;
}

const void *
eo_attr_dense_array_data(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_DENSE_ARRAY ? a->p : NULL;
}

int64_t
eo_attr_dense_array_int(const eo_attr *a, size_t i)
{
    if (!a || a->kind != EO_ATTR_DENSE_ARRAY || i >= a->n ||
        !eo_type_is_int(a->q))
        return 0;
    size_t eb = eo_dense_elem_bytes(a->q);
    return read_int_elem((const unsigned char *)a->p + i * eb, eb, a->q);
}

double
eo_attr_dense_array_float(const eo_attr *a, size_t i)
{
    if (!a || a->kind != EO_ATTR_DENSE_ARRAY || i >= a->n ||
        !eo_type_is_float(a->q))
        return 0.0;
    size_t eb = eo_dense_elem_bytes(a->q);
    return read_float_elem((const unsigned char *)a->p + i * eb, eb,
                           eo_type_float_kind(a->q));
}

const eo_affine_map *
eo_attr_affine_map(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_AFFINE_MAP ? a->q : NULL;
}

const eo_integer_set *
eo_attr_integer_set(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_INTEGER_SET ? a->q : NULL;
}

size_t
eo_attr_strided_rank(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_STRIDED_LAYOUT ? a->n : 0;
}

const int64_t *
eo_attr_strided_strides(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_STRIDED_LAYOUT ? a->p : NULL;
}

int64_t
eo_attr_strided_offset(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_STRIDED_LAYOUT ? (int64_t)a->w[0] : 0;
}

const eo_loc *
eo_attr_location(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_LOCATION ? a->q : NULL;
}

const eo_ident *
eo_attr_dialect_name(const eo_attr *a)
{
    if (!a || (a->kind != EO_ATTR_OPAQUE && a->kind != EO_ATTR_DIALECT))
        return NULL;
    return a->q;
}

const char *
eo_attr_opaque_body(const eo_attr *a, size_t *len)
{
    if (!a || a->kind != EO_ATTR_OPAQUE) {
        if (len)
            *len = 0;
        return NULL;
    }
    if (len)
        *len = a->n;
    return a->p;
}

const eo_ident *
eo_attr_mnemonic(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_DIALECT ? a->r : NULL;
}

size_t
eo_attr_num_params(const eo_attr *a)
{
    return a && a->kind == EO_ATTR_DIALECT ? a->n : 0;
}

const eo_attr *
eo_attr_param(const eo_attr *a, size_t i)
{
    if (!a || a->kind != EO_ATTR_DIALECT || i >= a->n)
        return NULL;
    return ((const eo_attr *const *)a->p)[i];
}

static bool
bytes_zero(const void *p, size_t n)
{
    const unsigned char *d = p;
    for (size_t i = 0; i < n; i++)
        if (d[i])
            return false;
    return true;
}

bool
eo_attr_is_zero(const eo_attr *a)
{
    if (!a)
        return false;
    switch (a->kind) {
    case EO_ATTR_INTEGER:
        if (!a->p)
            return a->w[0] == 0;
        return bytes_zero(a->p, a->n * 8);
    case EO_ATTR_FLOAT:
        /* +0.0 only: -0.0 is not an additive identity for x + c. */
        return a->w[0] == 0 && a->w[1] == 0;
    case EO_ATTR_DENSE:
        return a->splat && bytes_zero(a->p, a->n);
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ */
/* Float formats                                                       */
/* ------------------------------------------------------------------ */

/* IEEE-like formats up to 64 bits: exponent and mantissa widths and the
 * exponent bias; 'fn' formats (APFloat's NanOnly: f8E4M3FN and the FNUZ
 * types) have no infinity and use the top exponent for numbers. 'uz'
 * formats (FNUZ) have no negative zero: their only NaN is the sign bit
 * alone; the other 'fn' formats have one NaN per sign (all ones). */
typedef struct float_fmt {
    int ebits, mbits, bias;
    bool fn, uz;
} float_fmt;

static bool
small_fmt(eo_float_kind k, float_fmt *f)
{
    switch (k) {
    case EO_F16: *f = (float_fmt){5, 10, 15, false, false}; return true;
    case EO_BF16: *f = (float_fmt){8, 7, 127, false, false}; return true;
    case EO_F32: *f = (float_fmt){8, 23, 127, false, false}; return true;
    case EO_F64: *f = (float_fmt){11, 52, 1023, false, false}; return true;
    case EO_TF32: *f = (float_fmt){8, 10, 127, false, false}; return true;
    case EO_F8E5M2: *f = (float_fmt){5, 2, 15, false, false}; return true;
    case EO_F8E4M3FN: *f = (float_fmt){4, 3, 7, true, false}; return true;
    case EO_F8E4M3: *f = (float_fmt){4, 3, 7, false, false}; return true;
    case EO_F8E4M3FNUZ: *f = (float_fmt){4, 3, 8, true, true}; return true;
    case EO_F8E5M2FNUZ: *f = (float_fmt){5, 2, 16, true, true}; return true;
    case EO_F8E4M3B11FNUZ:
        *f = (float_fmt){4, 3, 11, true, true};
        return true;
    default: return false;
    }
}

static uint64_t
dbits(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

static double
bitsd(uint64_t b)
{
    double d;
    memcpy(&d, &b, 8);
    return d;
}

/* Rounds |d| (finite, nonzero) into the format, ties to even. */
static uint64_t
round_to_fmt(const float_fmt *f, uint64_t sig, int e)
{
    /* value = sig * 2^e, sig normalized to 53 bits */
    int bias = f->bias;
    int emin = 1 - bias;
    int lead = e + 52;
    int q = (lead < emin ? emin : lead) - f->mbits;
    int shift = q - e;
    uint64_t m;
    if (shift <= 0) {
        m = sig << -shift;
    } else if (shift >= 64) {
        m = 0;
    } else {
        uint64_t rem = sig & ((1ull << shift) - 1);
        uint64_t half = 1ull << (shift - 1);
        m = sig >> shift;
        if (rem > half || (rem == half && (m & 1)))
            m++;
    }
    if (m >> (f->mbits + 1)) {
        m >>= 1;
        q++;
    }
    uint64_t biased = 0;
    if (m >> f->mbits) {
        biased = (uint64_t)(q + f->mbits + bias);
        m &= (1ull << f->mbits) - 1;
    }
    uint64_t emax = (1ull << f->ebits) - 1;
    uint64_t all = (1ull << (f->ebits + f->mbits)) - 1;
    if (f->uz) {
        if (biased > emax)
            return 1ull << (f->ebits + f->mbits);   /* overflow: NaN */
        return (biased << f->mbits) | m;
    }
    if (f->fn) {
        uint64_t v = (biased << f->mbits) | m;
        if (biased > emax || v >= all)
            return all;           /* overflow: NaN (no infinity) */
        return v;
    }
    if (biased >= emax)
        return emax << f->mbits;  /* infinity */
    return (biased << f->mbits) | m;
}

void
eo_float_from_double(eo_float_kind k, double d, uint64_t *lo, uint64_t *hi)
{
    uint64_t b = dbits(d);
    uint64_t sign = b >> 63;
    int dexp = (int)((b >> 52) & 0x7FF);
    uint64_t dman = b & ((1ull << 52) - 1);
    *hi = 0;
    float_fmt f;
    if (small_fmt(k, &f)) {
        int tot = f.ebits + f.mbits;
        uint64_t sbit = sign << tot;
        uint64_t emax = (1ull << f.ebits) - 1;
        if (dexp == 0x7FF && f.uz) {
            *lo = 1ull << tot;    /* the only NaN; no infinity */
            return;
        }
        if (dexp == 0x7FF) {
            if (f.fn) {
                *lo = sbit | ((1ull << tot) - 1);
            } else if (dman) {
                uint64_t pl = dman >> (52 - f.mbits);
                pl |= 1ull << (f.mbits - 1);
                *lo = sbit | (emax << f.mbits) | pl;
            } else {
                *lo = sbit | (emax << f.mbits);
            }
            return;
        }
        if (dexp == 0 && dman == 0) {
            *lo = f.uz ? 0 : sbit;
            return;
        }
        uint64_t sig = dexp ? dman | (1ull << 52) : dman;
        int e = dexp ? dexp - 1075 : -1074;
        while (!(sig & (1ull << 52))) {
            sig <<= 1;
            e--;
        }
        uint64_t r = round_to_fmt(&f, sig, e);
        /* FNUZ: NaN carries no sign, and a zero is never negative. */
        *lo = f.uz && (r == 0 || r == 1ull << tot) ? r : sbit | r;
        return;
    }
    /* f80 (explicit integer bit) and f128: every double is exact. */
    int ebias = 16383;
    uint64_t expo, sig;
    bool special = dexp == 0x7FF;
    if (special) {
        expo = 0x7FFF;
        sig = dman;
    } else if (dexp == 0 && dman == 0) {
        expo = 0;
        sig = 0;
    } else {
        uint64_t s = dexp ? dman | (1ull << 52) : dman;
        int e = dexp ? dexp - 1023 : -1022;
        while (!(s & (1ull << 52))) {
            s <<= 1;
            e--;
        }
        expo = (uint64_t)(e + ebias);
        sig = s & ((1ull << 52) - 1);
    }
    if (k == EO_F80) {
        uint64_t mant;
        if (special)
            mant = (1ull << 63) | (dman ? (1ull << 62) | (dman << 11) : 0);
        else if (expo == 0)
            mant = 0;
        else
            mant = (1ull << 63) | (sig << 11);
        *lo = mant;
        *hi = (sign << 15) | expo;
        return;
    }
    /* f128: 1 sign, 15 exponent, 112 mantissa bits. */
    uint64_t m = sig;
    if (special && dman)
        m |= 1ull << 51;   /* quiet NaN */
    *lo = m << 60;
    *hi = (sign << 63) | (expo << 48) | (m >> 4);
}

double
eo_float_to_double(eo_float_kind k, uint64_t lo, uint64_t hi)
{
    float_fmt f;
    if (small_fmt(k, &f)) {
        if (k == EO_F64)
            return bitsd(lo);
        int tot = f.ebits + f.mbits;
        int sign = (int)((lo >> tot) & 1);
        uint64_t emax = (1ull << f.ebits) - 1;
        uint64_t ex = (lo >> f.mbits) & emax;
        uint64_t m = lo & ((1ull << f.mbits) - 1);
        int bias = f.bias;
        double v;
        if (f.uz && sign && !ex && !m)
            return NAN;           /* FNUZ: the only NaN */
        if (!f.uz && f.fn && ex == emax && m == (1ull << f.mbits) - 1)
            v = NAN;
        else if (!f.fn && ex == emax)
            v = m ? NAN : INFINITY;
        else if (ex == 0)
            v = ldexp((double)m, 1 - bias - f.mbits);
        else
            v = ldexp((double)(m | (1ull << f.mbits)),
                      (int)ex - bias - f.mbits);
        return sign ? -v : v;
    }
    if (k == EO_F80) {
        int sign = (int)((hi >> 15) & 1);
        int ex = (int)(hi & 0x7FFF);
        double v;
        if (ex == 0x7FFF)
            v = (lo << 1) ? NAN : INFINITY;
        else {
            /* Round the 64-bit significand to 53 bits via two parts. */
            double h = ldexp((double)(lo >> 11), ex - 16383 - 52);
            double l = ldexp((double)(lo & 0x7FF), ex - 16383 - 63);
            v = h + l;
            if (ex == 0)
                v = ldexp((double)(lo >> 11), -16382 - 52) +
                    ldexp((double)(lo & 0x7FF), -16382 - 63);
        }
        return sign ? -v : v;
    }
    /* f128 */
    int sign = (int)(hi >> 63);
    int ex = (int)((hi >> 48) & 0x7FFF);
    uint64_t mhi = hi & ((1ull << 48) - 1);
    double v;
    if (ex == 0x7FFF) {
        v = (mhi || lo) ? NAN : INFINITY;
    } else {
        int e = ex ? ex - 16383 : -16382;
        double top = (double)((ex ? (1ull << 48) : 0) | mhi);
        v = ldexp(top, e - 48) + ldexp((double)lo, e - 112);
    }
    return sign ? -v : v;
}
