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

struct eo_resource {
    eo_ctx *ctx;
    const char *key;          /* permanent, NUL-terminated */
    size_t key_len;
    void *block;              /* raw allocation holding the data */
    size_t block_size;
    unsigned char *data;      /* aligned inside 'block'; NULL: absent */
    size_t size;
    uint32_t align;
};

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

void *
eo_resource_provide(eo_resource *r, size_t size, uint32_t align)
{
    if (align == 0 || (align & (align - 1)))
        align = 1;
    size_t extra = align > 16 ? align - 1 : 0;
    if (size > SIZE_MAX - extra - 1)
        return NULL;
    size_t bsize = size + extra + 1;
    void *block = eo_raw_alloc(r->ctx, bsize);
    if (!block)
        return NULL;
    if (r->block)
        eo_raw_free(r->ctx, r->block, r->block_size);
    uintptr_t base = (uintptr_t)block;
    uintptr_t aligned = (base + (align > 16 ? align - 1 : 0)) &
                        ~(uintptr_t)(align > 16 ? align - 1 : 0);
    r->block = block;
    r->block_size = bsize;
    r->data = (unsigned char *)aligned;
    r->size = size;
    r->align = align;
    return r->data;
}

eo_resource *
eo_resource_create(eo_ctx *ctx, const char *key, const void *data,
                   size_t size, uint32_t align)
{
    if (!ctx || !key || (size && !data))
        return NULL;
    size_t len = strlen(key);
    eo_resource *r = eo_attr_resource_slot_find(ctx, key, len);
    if (r) {
        /* Taken: "key_1", "key_2", ... as MLIR renames blobs. */
        char buf[256];
        eo_strbuf b = {0};
        for (unsigned i = 1;; i++) {
            b.len = 0;
            eo_strbuf_append(&b, key, len);
            snprintf(buf, sizeof buf, "_%u", i);
            eo_strbuf_puts(&b, buf);
            if (b.oom) {
                eo_strbuf_free(&b);
                return NULL;
            }
            if (!eo_attr_resource_slot_find(ctx, b.data, b.len))
                break;
        }
        r = res_new(ctx, b.data, b.len);
        eo_strbuf_free(&b);
    } else {
        r = res_new(ctx, key, len);
    }
    if (!r)
        return NULL;
    if (data) {
        void *dst = eo_resource_provide(r, size, align);
        if (!dst)
            return NULL;
        if (size)
            memcpy(dst, data, size);
    }
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
    if (r->block)
        eo_raw_free(r->ctx, r->block, r->block_size);
    r->block = NULL;
    r->data = NULL;
}

void
eo_resources_free(eo_ctx *ctx)
{
    eo_attr_resource_slots_foreach(ctx, free_one, NULL);
}
