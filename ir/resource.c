/* ir/resource.c - named blobs of a context (dense_resource<key>).
 *
 * A resource is created "declared but absent" when a dense_resource<key>
 * names it before (or without) a blob, and gets its bytes from
 * eo_resource_create or the file's dialect_resources section. The table
 * lives in the context's attribute set (see attr.c); blobs are raw
 * allocations freed by eo_resources_free.
 */
#include "ir/ir.h"
#include "ir/internal.h"

#include <stdio.h>
#include <string.h>

/* One "key: value" of an external_resources group, kept verbatim so it
 * prints back as mlir-opt prints resources nobody claimed. */
typedef struct ext_entry {
    const char *key;          /* permanent */
    size_t key_len;
    const char *str;          /* string value (unescaped), or NULL */
    size_t len;
    bool bval;                /* the value when str is NULL */
} ext_entry;

typedef struct ext_group {
    const char *name;         /* permanent */
    size_t name_len;
    ext_entry *entries;       /* raw array */
    size_t n, cap;
} ext_group;

typedef struct ext_table {
    ext_group *groups;        /* raw array, in order of appearance */
    size_t n, cap;
} ext_table;

struct eo_resource {
    eo_ctx *ctx;
    const char *key;          /* permanent, NUL-terminated */
    size_t key_len;
    void *block;              /* raw allocation holding the data */
    size_t block_size;
    unsigned char *data;      /* aligned inside 'block'; NULL: absent */
    size_t size;
    uint32_t align;
    ext_table *ext;           /* only in the holder of external entries */
    /* Borrowed data (eo_resource_create_borrowed): released, not freed. */
    void (*release)(void *ud);
    void *release_ud;
};

/* The holder of external_resources entries is a resource under a key no
 * identifier can spell. */
static const char ext_key[] = "\0external";
#define EXT_KEY_LEN (sizeof ext_key - 1)

static eo_resource *
res_new(eo_ctx *ctx, const char *key, size_t len)
{
    eo_resource *r = eo_perm_alloc(ctx, sizeof(*r));
    char *k = eo_perm_dup(ctx, key, len);
    if (!r || !k)
        return NULL;
    r->ctx = ctx;
    r->key = k;
    r->key_len = len;
    r->align = 1;
    if (eo_attr_resource_slot_add(ctx, k, len, r) != EO_OK)
        return NULL;
    return r;
}

eo_resource *
eo_resource_declare(eo_ctx *ctx, const char *key, size_t len)
{
    eo_resource *r = eo_attr_resource_slot_find(ctx, key, len);
    return r ? r : res_new(ctx, key, len);
}

/* Drops the blob of 'r': frees an owned one, releases a borrowed one. */
static void
drop_data(eo_resource *r)
{
    if (r->block)
        eo_raw_free(r->ctx, r->block, r->block_size);
    if (r->release)
        r->release(r->release_ud);
    r->block = NULL;
    r->release = NULL;
    r->release_ud = NULL;
    r->data = NULL;
}

void *
eo_resource_provide(eo_resource *r, size_t size, uint32_t align)
{
    uint32_t given = align;
    if (align == 0 || (align & (align - 1)))
        align = 1;
    size_t extra = align > 16 ? align - 1 : 0;
    if (size > SIZE_MAX - extra - 1)
        return NULL;
    size_t bsize = size + extra + 1;
    void *block = eo_raw_alloc(r->ctx, bsize);
    if (!block)
        return NULL;
    drop_data(r);
    uintptr_t base = (uintptr_t)block;
    uintptr_t aligned = (base + (align > 16 ? align - 1 : 0)) &
                        ~(uintptr_t)(align > 16 ? align - 1 : 0);
    r->block = block;
    r->block_size = bsize;
    r->data = (unsigned char *)aligned;
    r->size = size;
    r->align = given;
    return r->data;
}

/* Whether 'r' owns a copy (not a borrowed blob) of exactly 'size' bytes
 * 'data' at alignment 'align'. */
static bool
same_blob(const eo_resource *r, const void *data, size_t size,
          uint32_t align)
{
    return r->data && r->block && r->align == align && r->size == size &&
           (size == 0 || memcmp(r->data, data, size) == 0);
}

/* The resource a new blob under 'key' goes to: a key declared by
 * dense_resource<key> with its blob absent gets it; any other taken key
 * becomes "key_1", "key_2", ... as MLIR renames blobs. With 'data', an
 * owned blob under 'key' or one of its renamings holding the same bytes
 * at the same alignment is returned instead and *found set (borrowed
 * blobs pass no 'data' and are never shared): a pass that
 * folds the same constant on every run (the explorer compiles a model
 * thousands of times in one context) shares one blob. */
static eo_resource *
slot_for_new_blob(eo_ctx *ctx, const char *key, bool has_data,
                  const void *data, size_t size, uint32_t align, bool *found)
{
    size_t len = strlen(key);
    *found = false;
    eo_resource *r = eo_attr_resource_slot_find(ctx, key, len);
    if (r && data && same_blob(r, data, size, align)) {
        *found = true;
        return r;
    }
    if (r && (r->data || !has_data)) {
        eo_strbuf b = {0};
        for (unsigned i = 1;; i++) {
            char suffix[16];
            b.len = 0;
            eo_strbuf_append(&b, key, len);
            snprintf(suffix, sizeof suffix, "_%u", i);
            eo_strbuf_puts(&b, suffix);
            if (b.oom) {
                eo_strbuf_free(&b);
                return NULL;
            }
            eo_resource *o = eo_attr_resource_slot_find(ctx, b.data, b.len);
            if (!o)
                break;
            if (data && same_blob(o, data, size, align)) {
                eo_strbuf_free(&b);
                *found = true;
                return o;
            }
        }
        r = res_new(ctx, b.data, b.len);
        eo_strbuf_free(&b);
    } else if (!r) {
        r = res_new(ctx, key, len);
    }
    return r;
}

eo_resource *
eo_resource_create(eo_ctx *ctx, const char *key, const void *data,
                   size_t size, uint32_t align)
{
    if (!ctx || !key || (size && !data))
        return NULL;
    bool found;
    eo_resource *r = slot_for_new_blob(ctx, key, data != NULL, data, size,
                                       align, &found);
    if (!r)
        return NULL;
    if (data && !found) {
        void *dst = eo_resource_provide(r, size, align);
        if (!dst)
            return NULL;
        if (size)
            memcpy(dst, data, size);
    }
    return r;
}

eo_resource *
eo_resource_create_borrowed(eo_ctx *ctx, const char *key, const void *data,
                            size_t size, uint32_t align,
                            void (*release)(void *ud), void *ud)
{
    if (!ctx || !key || !data)
        return NULL;
    if (align == 0 || (align & (align - 1))
        || ((uintptr_t)data & (uintptr_t)(align - 1)))
        return NULL;
    bool found;
    eo_resource *r = slot_for_new_blob(ctx, key, true, NULL, 0, 0, &found);
    if (!r)
        return NULL;
    drop_data(r);
    r->data = (unsigned char *)data;   /* read-only through the API */
    r->size = size;
    r->align = align;
    r->release = release;
    r->release_ud = ud;
    return r;
}

eo_resource *
eo_resource_lookup(eo_ctx *ctx, const char *key)
{
    if (!ctx || !key)
        return NULL;
    return eo_attr_resource_slot_find(ctx, key, strlen(key));
}

const char *
eo_resource_key(const eo_resource *r)
{
    return r->key;
}

const void *
eo_resource_data(const eo_resource *r, size_t *size)
{
    if (size)
        *size = r->data ? r->size : 0;
    return r->data;
}

uint32_t
eo_resource_align(const eo_resource *r)
{
    return r->align;
}

static void
free_one(void *res, void *ud)
{
    eo_resource *r = res;
    (void)ud;
    drop_data(r);
    if (r->ext) {
        ext_table *t = r->ext;
        for (size_t i = 0; i < t->n; i++)
            eo_raw_free(r->ctx, t->groups[i].entries,
                        t->groups[i].cap * sizeof(ext_entry));
        eo_raw_free(r->ctx, t->groups, t->cap * sizeof(ext_group));
        t->groups = NULL;
        t->n = t->cap = 0;
    }
}

static ext_table *
ext_get(eo_ctx *ctx, bool create)
{
    eo_resource *h = eo_attr_resource_slot_find(ctx, ext_key, EXT_KEY_LEN);
    if (!h && create) {
        h = res_new(ctx, ext_key, EXT_KEY_LEN);
        if (h)
            h->ext = eo_perm_alloc(ctx, sizeof(ext_table));
        if (h && !h->ext)
            return NULL;
    }
    return h ? h->ext : NULL;
}

eo_status
eo_resource_add_external(eo_ctx *ctx, const char *group, size_t glen,
                         const char *key, size_t klen, const char *str,
                         size_t slen, bool bval)
{
    ext_table *t = ext_get(ctx, true);
    if (!t)
        return EO_NOMEM;
    ext_group *g = NULL;
    for (size_t i = 0; i < t->n; i++)
        if (t->groups[i].name_len == glen &&
            memcmp(t->groups[i].name, group, glen) == 0)
            g = &t->groups[i];
    if (!g) {
        const char *name = eo_perm_dup(ctx, group, glen);
        if (!name || eo_raw_grow(ctx, (void **)&t->groups, &t->cap, t->n + 1,
                                 sizeof(ext_group)) != EO_OK)
            return EO_NOMEM;
        g = &t->groups[t->n++];
        memset(g, 0, sizeof(*g));
        g->name = name;
        g->name_len = glen;
    }
    if (!key)                 /* an empty group: remembered, not printed */
        return EO_OK;
    ext_entry e = {0};
    e.key = eo_perm_dup(ctx, key, klen);
    e.key_len = klen;
    if (str) {
        e.str = eo_perm_dup(ctx, str, slen);
        e.len = slen;
    }
    e.bval = bval;
    if (!e.key || (str && !e.str) ||
        eo_raw_grow(ctx, (void **)&g->entries, &g->cap, g->n + 1,
                    sizeof(ext_entry)) != EO_OK)
        return EO_NOMEM;
    g->entries[g->n++] = e;
    return EO_OK;
}

bool
eo_resources_print_external(eo_ctx *ctx, eo_strbuf *out)
{
    ext_table *t = ext_get(ctx, false);
    bool any = false;
    for (size_t i = 0; t && i < t->n; i++)
        any = any || t->groups[i].n;
    if (!any)
        return false;
    eo_strbuf_puts(out, "  external_resources: {\n");
    bool first = true;
    for (size_t i = 0; i < t->n; i++) {
        const ext_group *g = &t->groups[i];
        if (!g->n)
            continue;
        if (!first)
            eo_strbuf_puts(out, ",\n");
        first = false;
        eo_strbuf_puts(out, "    ");
        eo_print_keyword_or_string(out, g->name, g->name_len);
        eo_strbuf_puts(out, ": {\n");
        for (size_t k = 0; k < g->n; k++) {
            const ext_entry *e = &g->entries[k];
            eo_strbuf_puts(out, "      ");
            eo_print_keyword_or_string(out, e->key, e->key_len);
            eo_strbuf_puts(out, ": ");
            if (e->str)
                eo_string_print_escaped(out, e->str, e->len);
            else
                eo_strbuf_puts(out, e->bval ? "true" : "false");
            eo_strbuf_puts(out, k + 1 < g->n ? ",\n" : "\n");
        }
        eo_strbuf_puts(out, "    }");
    }
    eo_strbuf_puts(out, "\n  }\n");
    return true;
}

void
eo_resources_free(eo_ctx *ctx)
{
    eo_attr_resource_slots_foreach(ctx, free_one, NULL);
}
