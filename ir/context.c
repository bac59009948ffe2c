/* ir/context.c - the context: allocator, arenas, uniquing sets,
 * identifiers, the dialect registry and source buffers for diagnostics.
 *
 * Memory comes in three lifetimes: raw (user allocator, for growable
 * tables), recycled (eo_ctx_alloc/free: size classes with free lists, for
 * ops, blocks and their arrays) and permanent (eo_perm_alloc: bump memory
 * for uniqued objects, released only with the context).
 */
#include "ir/internal.h"

#include <pthread.h>
#include <stdatomic.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Recycled allocations are rounded up to 16 bytes; sizes up to
 * SMALL_MAX come from chunks and go back to a free list per size class,
 * bigger ones are raw allocations linked into a list for cleanup. */
#define GRAIN 16u
#define SMALL_MAX 1024u
#define NUM_CLASSES (SMALL_MAX / GRAIN)
#define CHUNK_SIZE (256u * 1024u)
/* Chunks double up to this: a big module takes a few hundred big
 * blocks (which the C library maps whole and returns whole) instead of
 * thousands of small ones mixed with the growing tables. */
#define HUGE_CHUNK (2u * 1024u * 1024u)
/* Op pieces (eo_ctx_alloc_op) have an 8-byte grain, their own chunks and
 * free lists: they pack tighter without misaligning the rest. */
#define OP_GRAIN 8u
#define OP_CLASSES (SMALL_MAX / OP_GRAIN)

/* Under AddressSanitizer freed recycled memory is poisoned (past the
 * free-list link), so a use after eo_ctx_free is reported, not silently
 * read from the next object. */
#if defined(__SANITIZE_ADDRESS__)
#define EO_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EO_ASAN 1
#endif
#endif
#ifdef EO_ASAN
void __asan_poison_memory_region(void const volatile *addr, size_t size);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
#define POISON(p, n) __asan_poison_memory_region((p), (n))
#define UNPOISON(p, n) __asan_unpoison_memory_region((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} chunk;

typedef struct free_node {
    struct free_node *next;
} free_node;

/* Header of a large recycled allocation (doubly linked for O(1) free). */
typedef struct big_node {
    struct big_node *prev, *next;
    size_t size;
    size_t pad;                       /* keeps the payload 16-aligned */
} big_node;

typedef struct source {
    const char *name;
    const char *buf;
    size_t len;
    struct source *next;
} source;

/* A thread's own recycled memory during a parallel section: chunks and
 * free lists handed back to the context by eo_ctx_threads_end. Each free
 * list keeps its last node (set when a node goes onto an empty list; a
 * LIFO list keeps that node last until it empties), so the hand-back
 * splices a whole list in O(1). */
typedef struct heap {
    struct heap *next;
    chunk *chunks;
    free_node *free_lists[NUM_CLASSES + 1];
    free_node *free_tails[NUM_CLASSES + 1];
    chunk *op_chunks;
    free_node *op_lists[OP_CLASSES + 1];
    free_node *op_tails[OP_CLASSES + 1];
} heap;

typedef struct ext_slot {
    const void *key;
    void *value;
    void (*destroy)(eo_ctx *ctx, void *value);
    struct ext_slot *next;
} ext_slot;

struct eo_ctx {
    eo_alloc alloc;
    ext_slot *exts;
    /* Parallel sections (eo_ctx_threads_begin/end): the mutex guards
     * uniquing, permanent and big memory, file locations and the heap
     * list; each thread allocates from its own heap. */
    pthread_mutex_t mu;
    bool threaded;
    unsigned section;                 /* bumped by each begin */
    heap *heaps;
    chunk *chunks;                    /* recycled small objects */
    free_node *free_lists[NUM_CLASSES + 1];
    chunk *op_chunks;                 /* op pieces (eo_ctx_alloc_op) */
    free_node *op_lists[OP_CLASSES + 1];
    big_node big_head;
    chunk *perm;                      /* permanent bump memory */
    eo_uniq_set idents;
    eo_uniq_set uniq[EO_UNIQ_NUM];
    eo_dialect *dialects, *dialects_tail;
    eo_uniq_set op_defs;              /* const eo_op_def *, by name */
    source *sources;
    eo_diag_handler handler;
    void *handler_ud;
    void *symcache;                   /* symbol.c, during verification */
    void *loc_tables;                 /* loc.c: file locations by line */
    void *op_attr_table;              /* op.c: discardable attributes */
    const eo_attr *empty_dict;        /* made once, read by op creation */
    const eo_type *type_cache[EO_TYPE_CACHE_SIZE];    /* type.c */
    bool allow_unregistered;
};

/* ------------------------------------------------------------------ */
/* Threads                                                             */
/* ------------------------------------------------------------------ */

/* The calling thread's heap for (ctx, section); other values are stale. */
static _Thread_local struct {
    eo_ctx *ctx;
    unsigned section;
    heap *h;
} tl_heap;
/* The uniquing mutex this thread holds after a lookup that missed. */
static _Thread_local void *tl_held;
/* Bumped by the begin and the end of every parallel section (of any
 * context): the per-thread lookup caches trust only entries made under
 * the current value, so an entry never outlives its section (nor a
 * context whose address a later one reuses). */
static atomic_ulong uniq_epoch;
/* A small direct-mapped cache of uniquing hits per thread, used only in
 * parallel sections: a hit there takes no lock (uniqued objects are
 * immutable and live as long as their context). */
#define TL_UNIQ_CACHE 512
typedef struct tl_uniq_entry {
    const eo_uniq_set *set;
    unsigned long epoch;
    uint64_t hash;
    void *obj;
} tl_uniq_entry;
static _Thread_local tl_uniq_entry tl_uniq_cache[TL_UNIQ_CACHE];
/* The symbol cache of a thread during a parallel section. */
static _Thread_local struct {
    eo_ctx *ctx;
    unsigned section;
    void *cache;
} tl_symcache;

void
eo_ctx_lock(eo_ctx *ctx)
{
    if (ctx->threaded)
        pthread_mutex_lock(&ctx->mu);
}

void
eo_ctx_unlock(eo_ctx *ctx)
{
    if (ctx->threaded)
        pthread_mutex_unlock(&ctx->mu);
}

static void
set_locks(eo_ctx *ctx, void *lock)
{
    ctx->idents.lock = lock;
    for (int i = 0; i < EO_UNIQ_NUM; i++)
        ctx->uniq[i].lock = lock;
    /* op_defs: registration never happens inside a section, so lookups
     * need no lock. */
}

eo_status
eo_ctx_threads_begin(eo_ctx *ctx)
{
    if (ctx->threaded)
        return EO_ERROR;
    ctx->section++;
    ctx->threaded = true;
    set_locks(ctx, &ctx->mu);
    atomic_fetch_add_explicit(&uniq_epoch, 1, memory_order_acq_rel);
    return EO_OK;
}

/* Releases what the calling thread holds (a uniquing lock kept after a
 * lookup that found nothing and inserted nothing). */
void
eo_ctx_thread_done(eo_ctx *ctx)
{
    if (ctx->threaded && tl_held == &ctx->mu) {
        tl_held = NULL;
        pthread_mutex_unlock(&ctx->mu);
    }
}

/* Moves the chunks of list 'from' onto list '*to'. */
static void
move_chunks(chunk **to, chunk *from)
{
    while (from) {
        chunk *next = from->next;
        from->next = *to;
        *to = from;
        from = next;
    }
}

/* Splices the 'n' free lists 'from' (last nodes 'tails') in front of
 * the lists 'to', one pointer write per non-empty list. */
static void
move_free_lists(free_node **to, free_node **from, free_node **tails,
                size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (!from[k])
            continue;
        tails[k]->next = to[k];
        to[k] = from[k];
    }
}

void
eo_ctx_threads_end(eo_ctx *ctx)
{
    if (!ctx->threaded)
        return;
    eo_ctx_thread_done(ctx);
    for (heap *h = ctx->heaps; h;) {
        heap *next = h->next;
        move_chunks(&ctx->chunks, h->chunks);
        move_chunks(&ctx->op_chunks, h->op_chunks);
        move_free_lists(ctx->free_lists, h->free_lists, h->free_tails,
                        NUM_CLASSES + 1);
        move_free_lists(ctx->op_lists, h->op_lists, h->op_tails,
                        OP_CLASSES + 1);
        eo_raw_free(ctx, h, sizeof(*h));
        h = next;
    }
    ctx->heaps = NULL;
    set_locks(ctx, NULL);
    ctx->threaded = false;
    atomic_fetch_add_explicit(&uniq_epoch, 1, memory_order_acq_rel);
}

/* The calling thread's heap, made on first use; NULL on failure. */
static heap *
thread_heap(eo_ctx *ctx)
{
    if (tl_heap.ctx == ctx && tl_heap.section == ctx->section)
        return tl_heap.h;
    pthread_mutex_lock(&ctx->mu);
    heap *h = ctx->alloc.malloc ? ctx->alloc.malloc(ctx->alloc.ud, sizeof(*h))
                                : malloc(sizeof(*h));
    if (h) {
        memset(h, 0, sizeof(*h));
        h->next = ctx->heaps;
        ctx->heaps = h;
    }
    pthread_mutex_unlock(&ctx->mu);
    if (h) {
        tl_heap.ctx = ctx;
        tl_heap.section = ctx->section;
        tl_heap.h = h;
    }
    return h;
}

/* ------------------------------------------------------------------ */
/* Raw allocation                                                      */
/* ------------------------------------------------------------------ */

void *
eo_raw_alloc(eo_ctx *ctx, size_t size)
{
    if (size == 0)
        size = 1;
    if (ctx->alloc.malloc) {
        eo_ctx_lock(ctx);     /* a user allocator need not be thread-safe */
        void *p = ctx->alloc.malloc(ctx->alloc.ud, size);
        eo_ctx_unlock(ctx);
        return p;
    }
    return malloc(size);
}

void *
eo_raw_realloc(eo_ctx *ctx, void *p, size_t old, size_t size)
{
    if (size == 0)
        size = 1;
    if (ctx->alloc.realloc) {
        eo_ctx_lock(ctx);
        void *q = ctx->alloc.realloc(ctx->alloc.ud, p, old, size);
        eo_ctx_unlock(ctx);
        return q;
    }
    if (ctx->alloc.malloc) {
        void *q = ctx->alloc.malloc(ctx->alloc.ud, size);
        if (!q)
            return NULL;
        if (p) {
            memcpy(q, p, old < size ? old : size);
            eo_raw_free(ctx, p, old);
        }
        return q;
    }
    return realloc(p, size);
}

void
eo_raw_free(eo_ctx *ctx, void *p, size_t size)
{
    if (!p)
        return;
    if (ctx->alloc.free) {
        eo_ctx_lock(ctx);
        ctx->alloc.free(ctx->alloc.ud, p, size ? size : 1);
        eo_ctx_unlock(ctx);
    } else if (!ctx->alloc.malloc) {
        free(p);
    }
}

eo_status
eo_raw_grow(eo_ctx *ctx, void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return EO_OK;
    size_t ncap = *cap ? *cap : 4;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return EO_NOMEM;
        ncap *= 2;
    }
    void *p = eo_raw_realloc(ctx, *arr, *cap * elem, ncap * elem);
    if (!p)
        return EO_NOMEM;
    *arr = p;
    *cap = ncap;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Recycled arena                                                      */
/* ------------------------------------------------------------------ */

static void *
chunk_carve(eo_ctx *ctx, chunk **list, size_t size)
{
    chunk *c = *list;
    if (!c || c->size - c->used < size) {
        /* With the C library's allocator, twice the last chunk (small
         * modules stay small) up to HUGE_CHUNK; a user allocator gets
         * CHUNK_SIZE pieces. Bigger if one object needs more. */
        size_t total = CHUNK_SIZE;
        if (!ctx->alloc.malloc && c && c->size + sizeof(chunk) >= CHUNK_SIZE)
            total = c->size + sizeof(chunk) >= HUGE_CHUNK / 2
                        ? HUGE_CHUNK : 2 * (c->size + sizeof(chunk));
        if (size > total - sizeof(chunk))
            total = sizeof(chunk) + size;
        c = eo_raw_alloc(ctx, total);
        if (!c)
            return NULL;
        size_t csize = total - sizeof(chunk);
        c->size = csize;
        c->used = 0;
        c->next = *list;
        *list = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    return p;
}

void *
eo_ctx_alloc(eo_ctx *ctx, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - GRAIN - sizeof(big_node))
        return NULL;
    size_t rounded = (size + GRAIN - 1) & ~(size_t)(GRAIN - 1);
    if (rounded <= SMALL_MAX) {
        size_t cls = rounded / GRAIN;
        free_node **lists = ctx->free_lists;
        chunk **chunks = &ctx->chunks;
        if (ctx->threaded) {
            heap *h = thread_heap(ctx);
            if (!h)
                return NULL;
            lists = h->free_lists;
            chunks = &h->chunks;
        }
        void *p = lists[cls];
        if (p)
            lists[cls] = ((free_node *)p)->next;
        else
            p = chunk_carve(ctx, chunks, rounded);
        if (p) {
            UNPOISON(p, rounded);
            memset(p, 0, rounded);
        }
        return p;
    }
    big_node *b = eo_raw_alloc(ctx, sizeof(big_node) + rounded);
    if (!b)
        return NULL;
    eo_ctx_lock(ctx);
    b->size = rounded;
    b->prev = &ctx->big_head;
    b->next = ctx->big_head.next;
    if (b->next)
        b->next->prev = b;
    ctx->big_head.next = b;
    eo_ctx_unlock(ctx);
    memset(b + 1, 0, rounded);
    return b + 1;
}

void
eo_ctx_free(eo_ctx *ctx, void *p, size_t size)
{
    if (!p)
        return;
    if (size == 0)
        size = 1;
    size_t rounded = (size + GRAIN - 1) & ~(size_t)(GRAIN - 1);
    if (rounded <= SMALL_MAX) {
        free_node *n = p;
        size_t cls = rounded / GRAIN;
        free_node **lists = ctx->free_lists;
        if (ctx->threaded) {
            heap *h = thread_heap(ctx);
            if (!h)
                return;     /* kept until the context goes */
            lists = h->free_lists;
            if (!lists[cls])
                h->free_tails[cls] = n;
        }
        n->next = lists[cls];
        lists[cls] = n;
        POISON((char *)p + sizeof(*n), rounded - sizeof(*n));
        return;
    }
    big_node *b = (big_node *)p - 1;
    eo_ctx_lock(ctx);
    b->prev->next = b->next;
    if (b->next)
        b->next->prev = b->prev;
    eo_ctx_unlock(ctx);
    eo_raw_free(ctx, b, sizeof(big_node) + b->size);
}

void *
eo_ctx_alloc_op(eo_ctx *ctx, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SMALL_MAX)
        return eo_ctx_alloc(ctx, size);
    size_t rounded = (size + OP_GRAIN - 1) & ~(size_t)(OP_GRAIN - 1);
    size_t cls = rounded / OP_GRAIN;
    free_node **lists = ctx->op_lists;
    chunk **chunks = &ctx->op_chunks;
    if (ctx->threaded) {
        heap *h = thread_heap(ctx);
        if (!h)
            return NULL;
        lists = h->op_lists;
        chunks = &h->op_chunks;
    }
    void *p = lists[cls];
    if (p)
        lists[cls] = ((free_node *)p)->next;
    else
        p = chunk_carve(ctx, chunks, rounded);
    if (p) {
        UNPOISON(p, rounded);
        memset(p, 0, rounded);
    }
    return p;
}

void
eo_ctx_free_op(eo_ctx *ctx, void *p, size_t size)
{
    if (!p)
        return;
    if (size == 0)
        size = 1;
    if (size > SMALL_MAX) {
        eo_ctx_free(ctx, p, size);
        return;
    }
    size_t rounded = (size + OP_GRAIN - 1) & ~(size_t)(OP_GRAIN - 1);
    size_t cls = rounded / OP_GRAIN;
    free_node **lists = ctx->op_lists;
    free_node *n = p;
    if (ctx->threaded) {
        heap *h = thread_heap(ctx);
        if (!h)
            return;     /* kept until the context goes */
        lists = h->op_lists;
        if (!lists[cls])
            h->op_tails[cls] = n;
    }
    n->next = lists[cls];
    lists[cls] = n;
    POISON((char *)p + sizeof(*n), rounded - sizeof(*n));
}

void *
eo_perm_alloc(eo_ctx *ctx, size_t size)
{
    if (size > SIZE_MAX - GRAIN)
        return NULL;
    size_t rounded = (size + GRAIN - 1) & ~(size_t)(GRAIN - 1);
    if (rounded == 0)
        rounded = GRAIN;
    eo_ctx_lock(ctx);
    void *p = chunk_carve(ctx, &ctx->perm, rounded);
    eo_ctx_unlock(ctx);
    if (p)
        memset(p, 0, rounded);
    return p;
}

void *
eo_perm_dup(eo_ctx *ctx, const void *p, size_t size)
{
    char *q = eo_perm_alloc(ctx, size + 1);
    if (!q)
        return NULL;
    if (size)
        memcpy(q, p, size);
    q[size] = '\0';
    return q;
}

static void
free_chunks(eo_ctx *ctx, chunk *c)
{
    while (c) {
        chunk *next = c->next;
        eo_raw_free(ctx, c, sizeof(chunk) + c->size);
        c = next;
    }
}

/* ------------------------------------------------------------------ */
/* Hashing and uniquing sets                                           */
/* ------------------------------------------------------------------ */

uint64_t
eo_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    /* 8 bytes at a time: fast enough for megabytes of dense data. */
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
        s += 8;
        n -= 8;
    }
    while (n--) {
        h ^= *s++;
        h *= 0x100000001b3ull;
    }
    return h;
}

static tl_uniq_entry *
tl_uniq_slot(const eo_uniq_set *s, uint64_t hash)
{
    uint64_t h = (hash ^ (uint64_t)((uintptr_t)s >> 4)) *
                 0x9E3779B97F4A7C15ull;
    return &tl_uniq_cache[(h >> 40) & (TL_UNIQ_CACHE - 1)];
}

static void
tl_uniq_fill(const eo_uniq_set *s, uint64_t hash, void *obj)
{
    tl_uniq_entry *e = tl_uniq_slot(s, hash);
    e->set = s;
    e->epoch = atomic_load_explicit(&uniq_epoch, memory_order_acquire);
    e->hash = hash;
    e->obj = obj;
}

void *
eo_uniq_find(const eo_uniq_set *s, uint64_t hash, eo_uniq_eq eq,
             const void *key)
{
    /* In a parallel section a miss keeps the lock for the insert that
     * follows; a hit releases it. Hits in the thread's cache take no
     * lock at all. */
    if (s->lock && tl_held != s->lock) {
        tl_uniq_entry *e = tl_uniq_slot(s, hash);
        if (e->set == s && e->hash == hash &&
            e->epoch == atomic_load_explicit(&uniq_epoch,
                                             memory_order_acquire) &&
            eq(e->obj, key))
            return e->obj;
        pthread_mutex_lock(s->lock);
        tl_held = s->lock;
    }
    void *found = NULL;
    if (s->cap) {
        size_t mask = s->cap - 1;
        for (size_t i = hash & mask;; i = (i + 1) & mask) {
            void *obj = s->slots[i];
            if (!obj)
                break;
            if (s->hashes[i] == hash && eq(obj, key)) {
                found = obj;
                break;
            }
        }
    }
    if (found && s->lock) {
        tl_uniq_fill(s, hash, found);
        tl_held = NULL;
        pthread_mutex_unlock(s->lock);
    }
    return found;
}

static eo_status
uniq_rehash(eo_ctx *ctx, eo_uniq_set *s, size_t ncap)
{
    void **slots = eo_raw_alloc(ctx, ncap * sizeof(void *));
    uint64_t *hashes = eo_raw_alloc(ctx, ncap * sizeof(uint64_t));
    if (!slots || !hashes) {
        eo_raw_free(ctx, slots, ncap * sizeof(void *));
        eo_raw_free(ctx, hashes, ncap * sizeof(uint64_t));
        return EO_NOMEM;
    }
    memset(slots, 0, ncap * sizeof(void *));
    size_t mask = ncap - 1;
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->slots[i])
            continue;
        size_t j = s->hashes[i] & mask;
        while (slots[j])
            j = (j + 1) & mask;
        slots[j] = s->slots[i];
        hashes[j] = s->hashes[i];
    }
    eo_raw_free(ctx, s->slots, s->cap * sizeof(void *));
    eo_raw_free(ctx, s->hashes, s->cap * sizeof(uint64_t));
    s->slots = slots;
    s->hashes = hashes;
    s->cap = ncap;
    return EO_OK;
}

eo_status
eo_uniq_insert(eo_ctx *ctx, eo_uniq_set *s, uint64_t hash, void *obj)
{
    void *lock = s->lock;
    if (lock && tl_held != lock)
        pthread_mutex_lock(lock);
    eo_status st = EO_OK;
    if ((s->count + 1) * 4 > s->cap * 3) {
        size_t ncap = s->cap ? s->cap * 2 : 64;
        st = uniq_rehash(ctx, s, ncap);
    }
    if (st == EO_OK) {
        size_t mask = s->cap - 1;
        size_t i = hash & mask;
        while (s->slots[i])
            i = (i + 1) & mask;
        s->slots[i] = obj;
        s->hashes[i] = hash;
        s->count++;
        if (lock)
            tl_uniq_fill(s, hash, obj);
    }
    if (lock) {
        tl_held = NULL;
        pthread_mutex_unlock(lock);
    }
    return st == EO_OK ? EO_OK : EO_NOMEM;
}

void
eo_uniq_free(eo_ctx *ctx, eo_uniq_set *s)
{
    eo_raw_free(ctx, s->slots, s->cap * sizeof(void *));
    eo_raw_free(ctx, s->hashes, s->cap * sizeof(uint64_t));
    memset(s, 0, sizeof(*s));
}

eo_uniq_set *
eo_ctx_uniq(eo_ctx *ctx, eo_uniq_kind k)
{
    return &ctx->uniq[k];
}

/* ------------------------------------------------------------------ */
/* Identifiers                                                         */
/* ------------------------------------------------------------------ */

typedef struct str_key {
    const char *s;
    size_t len;
} str_key;

static bool
ident_eq(const void *obj, const void *key)
{
    const eo_ident *id = obj;
    const str_key *k = key;
    return id->len == k->len && memcmp(id->str, k->s, k->len) == 0;
}

const eo_ident *
eo_ident_get(eo_ctx *ctx, const char *s, size_t len)
{
    uint64_t h = eo_hash_bytes(EO_HASH_SEED, s, len);
    str_key k = { s, len };
    eo_ident *id = eo_uniq_find(&ctx->idents, h, ident_eq, &k);
    if (id)
        return id;
    id = eo_perm_alloc(ctx, sizeof(eo_ident) + len + 1);
    if (!id)
        return NULL;
    id->len = len;
    id->hash = h;
    if (len)
        memcpy(id->str, s, len);
    id->str[len] = '\0';
    if (eo_uniq_insert(ctx, &ctx->idents, h, id) != EO_OK)
        return NULL;
    return id;
}

const eo_opname *
eo_opname_get(eo_ctx *ctx, const eo_ident *name, const eo_op_def *def)
{
    /* Idents are the context's own permanent memory. */
    eo_ident *id = (eo_ident *)(uintptr_t)name;
    eo_ctx_lock(ctx);
    eo_opname *n = id->opnames;
    while (n && n->def != def)
        n = n->next;
    if (!n) {
        n = eo_perm_alloc(ctx, sizeof(*n));
        if (n) {
            n->def = def;
            n->name = name;
            n->ctx = ctx;
            n->next = id->opnames;
            id->opnames = n;
        }
    }
    eo_ctx_unlock(ctx);
    return n;
}

const eo_ident *
eo_ident_cstr(eo_ctx *ctx, const char *s)
{
    return eo_ident_get(ctx, s, strlen(s));
}

const char *
eo_ident_str(const eo_ident *id)
{
    return id->str;
}

size_t
eo_ident_len(const eo_ident *id)
{
    return id->len;
}

/* ------------------------------------------------------------------ */
/* Context                                                             */
/* ------------------------------------------------------------------ */

eo_ctx *
eo_ctx_create(const eo_alloc *alloc)
{
    eo_ctx *ctx;
    if (alloc && alloc->malloc)
        ctx = alloc->malloc(alloc->ud, sizeof(*ctx));
    else
        ctx = malloc(sizeof(*ctx));
    if (!ctx)
        return NULL;
    memset(ctx, 0, sizeof(*ctx));
    if (alloc)
        ctx->alloc = *alloc;
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&ctx->mu, &ma);
    pthread_mutexattr_destroy(&ma);
    if (eo_builtin_register(ctx) != EO_OK) {
        eo_ctx_destroy(ctx);
        return NULL;
    }
    ctx->empty_dict = eo_attr_get_dict(ctx, 0, NULL);
    eo_type_cache_fill(ctx);
    return ctx;
}

void
eo_ctx_destroy(eo_ctx *ctx)
{
    if (!ctx)
        return;
    /* Extensions first: their destructors may still use the context. */
    while (ctx->exts) {
        ext_slot *e = ctx->exts;
        ctx->exts = e->next;
        if (e->destroy)
            e->destroy(ctx, e->value);
        eo_raw_free(ctx, e, sizeof(*e));
    }
    big_node *b = ctx->big_head.next;
    while (b) {
        big_node *next = b->next;
        eo_raw_free(ctx, b, sizeof(big_node) + b->size);
        b = next;
    }
    eo_resources_free(ctx);
    eo_loc_tables_free(ctx);
    eo_op_attr_table_free(ctx);
    for (source *s = ctx->sources; s;) {
        source *next = s->next;
        eo_raw_free(ctx, s, sizeof(*s));
        s = next;
    }
    for (eo_dialect *d = ctx->dialects; d;) {
        eo_dialect *next = d->next;
        eo_raw_free(ctx, d, sizeof(*d));
        d = next;
    }
    eo_uniq_free(ctx, &ctx->idents);
    eo_uniq_free(ctx, &ctx->op_defs);
    for (int i = 0; i < EO_UNIQ_NUM; i++)
        eo_uniq_free(ctx, &ctx->uniq[i]);
    free_chunks(ctx, ctx->chunks);
    free_chunks(ctx, ctx->op_chunks);
    free_chunks(ctx, ctx->perm);
    pthread_mutex_destroy(&ctx->mu);
    eo_alloc alloc = ctx->alloc;
    if (alloc.malloc) {
        if (alloc.free)
            alloc.free(alloc.ud, ctx, sizeof(*ctx));
    } else {
        free(ctx);
    }
}

void *
eo_ctx_ext_get(eo_ctx *ctx, const void *key)
{
    for (ext_slot *e = ctx->exts; e; e = e->next)
        if (e->key == key)
            return e->value;
    return NULL;
}

eo_status
eo_ctx_ext_set(eo_ctx *ctx, const void *key, void *value,
               void (*destroy)(eo_ctx *ctx, void *value))
{
    for (ext_slot *e = ctx->exts; e; e = e->next) {
        if (e->key != key)
            continue;
        if (e->destroy && e->value != value)
            e->destroy(ctx, e->value);
        e->value = value;
        e->destroy = destroy;
        return EO_OK;
    }
    ext_slot *e = eo_raw_alloc(ctx, sizeof(*e));
    if (!e)
        return EO_NOMEM;
    e->key = key;
    e->value = value;
    e->destroy = destroy;
    e->next = ctx->exts;
    ctx->exts = e;
    return EO_OK;
}

void **
eo_ctx_symcache(eo_ctx *ctx)
{
    /* Each thread of a parallel section verifies with its own cache. */
    if (ctx->threaded) {
        if (tl_symcache.ctx != ctx || tl_symcache.section != ctx->section) {
            tl_symcache.ctx = ctx;
            tl_symcache.section = ctx->section;
            tl_symcache.cache = NULL;
        }
        return &tl_symcache.cache;
    }
    return &ctx->symcache;
}

const eo_type **
eo_ctx_type_cache(eo_ctx *ctx)
{
    return ctx->type_cache;
}

const eo_attr *
eo_ctx_empty_dict(eo_ctx *ctx)
{
    return ctx->empty_dict;
}

void **
eo_ctx_op_attr_table(eo_ctx *ctx)
{
    return &ctx->op_attr_table;
}

void **
eo_ctx_loc_tables(eo_ctx *ctx)
{
    return &ctx->loc_tables;
}

void
eo_ctx_set_allow_unregistered(eo_ctx *ctx, bool allow)
{
    ctx->allow_unregistered = allow;
}

bool
eo_ctx_allow_unregistered(const eo_ctx *ctx)
{
    return ctx->allow_unregistered;
}

void
eo_ctx_set_diag_handler(eo_ctx *ctx, eo_diag_handler h, void *ud)
{
    ctx->handler = h;
    ctx->handler_ud = ud;
}

bool
eo_ctx_get_diag_handler(eo_ctx *ctx, eo_diag_handler *h, void **ud)
{
    *h = ctx->handler;
    *ud = ctx->handler_ud;
    return ctx->handler != NULL;
}

/* ------------------------------------------------------------------ */
/* Dialect registry                                                    */
/* ------------------------------------------------------------------ */

typedef struct def_key {
    const char *name;
    size_t len;
} def_key;

static bool
def_eq(const void *obj, const void *key)
{
    const eo_op_def *d = obj;
    const def_key *k = key;
    return strncmp(d->name, k->name, k->len) == 0 && d->name[k->len] == '\0';
}

const eo_op_def *
eo_op_def_lookup(eo_ctx *ctx, const char *name, size_t len)
{
    return eo_uniq_find(&ctx->op_defs, eo_hash_bytes(EO_HASH_SEED, name, len),
                        def_eq, &(def_key){ name, len });
}

eo_dialect *
eo_dialect_lookup(eo_ctx *ctx, const char *name, size_t len)
{
    for (eo_dialect *d = ctx->dialects; d; d = d->next)
        if (eo_ident_len(d->name) == len &&
            memcmp(eo_ident_str(d->name), name, len) == 0)
            return d;
    return NULL;
}

const char *
eo_dialect_name(const eo_dialect *d)
{
    return eo_ident_str(d->name);
}

const eo_dialect_desc *
eo_dialect_get_desc(const eo_dialect *d)
{
    return d->desc;
}

void
eo_dialect_foreach(eo_ctx *ctx, void (*f)(const eo_dialect *d, void *ud),
                   void *ud)
{
    for (eo_dialect *d = ctx->dialects; d; d = d->next)
        f(d, ud);
}

static eo_status
register_desc(eo_ctx *ctx, const eo_dialect_desc *desc, bool copy)
{
    const eo_loc *nowhere = eo_loc_unknown(ctx);
    size_t nlen = desc->name ? strlen(desc->name) : 0;
    if (!nlen)
        return eo_emit_error(ctx, nowhere, "dialect without a name");
    eo_dialect *old = eo_dialect_lookup(ctx, desc->name, nlen);
    if (old) {
        if (old->desc->ops == desc->ops)
            return EO_OK;   /* the same table again */
        return eo_emit_error(ctx, nowhere, "dialect '%s' is already "
                             "registered", desc->name);
    }
    /* Check every row before changing anything. */
    for (size_t i = 0; i < desc->num_ops; i++) {
        const eo_op_def *d = &desc->ops[i];
        if (!d->name)
            return eo_emit_error(ctx, nowhere, "dialect '%s': op table slot "
                                 "%zu is empty", desc->name, i);
        if (strncmp(d->name, desc->name, nlen) != 0 || d->name[nlen] != '.' ||
            !d->name[nlen + 1])
            return eo_emit_error(ctx, nowhere, "dialect '%s': op name '%s' "
                                 "lacks the '%s.' prefix", desc->name,
                                 d->name, desc->name);
        if (eo_op_def_lookup(ctx, d->name, strlen(d->name)))
            return eo_emit_error(ctx, nowhere, "op '%s' is already "
                                 "registered", d->name);
        for (size_t j = 0; j < i; j++)
            if (strcmp(desc->ops[j].name, d->name) == 0)
                return eo_emit_error(ctx, nowhere, "op '%s' appears twice "
                                     "in dialect '%s'", d->name, desc->name);
    }
    eo_dialect *dl = eo_raw_alloc(ctx, sizeof(*dl));
    if (!dl)
        return EO_NOMEM;
    memset(dl, 0, sizeof(*dl));
    if (copy) {
        dl->own = *desc;
        dl->desc = &dl->own;
    } else {
        dl->desc = desc;
    }
    dl->name = eo_ident_get(ctx, desc->name, nlen);
    if (!dl->name) {
        eo_raw_free(ctx, dl, sizeof(*dl));
        return EO_NOMEM;
    }
    for (size_t i = 0; i < desc->num_ops; i++) {
        const eo_op_def *d = &desc->ops[i];
        uint64_t h = eo_hash_bytes(EO_HASH_SEED, d->name, strlen(d->name));
        if (eo_uniq_insert(ctx, &ctx->op_defs, h, (void *)d) != EO_OK) {
            /* Leave no half-registered dialect behind. */
            for (size_t j = 0; j < i; j++)
                eo_ctx_forget_def(ctx, &desc->ops[j]);
            eo_raw_free(ctx, dl, sizeof(*dl));
            return EO_NOMEM;
        }
    }
    if (ctx->dialects_tail)
        ctx->dialects_tail->next = dl;
    else
        ctx->dialects = dl;
    ctx->dialects_tail = dl;
    return EO_OK;
}

/* Removes one def from the lookup set (rollback on allocation failure):
 * rebuilds the set without it. */
void
eo_ctx_forget_def(eo_ctx *ctx, const eo_op_def *def)
{
    eo_uniq_set *s = &ctx->op_defs;
    for (size_t i = 0; i < s->cap; i++) {
        if (s->slots[i] != def)
            continue;
        /* Backward-shift deletion keeps linear probing chains intact. */
        size_t mask = s->cap - 1, j = i;
        for (;;) {
            j = (j + 1) & mask;
            if (!s->slots[j])
                break;
            size_t home = s->hashes[j] & mask;
            bool move = (j > i) ? (home <= i || home > j)
                                : (home <= i && home > j);
            if (move) {
                s->slots[i] = s->slots[j];
                s->hashes[i] = s->hashes[j];
                i = j;
            }
        }
        s->slots[i] = NULL;
        s->count--;
        return;
    }
}

eo_status
eo_dialect_register(eo_ctx *ctx, const char *name, const eo_op_def *ops,
                    size_t n)
{
    eo_dialect_desc d = { .name = name, .ops = ops, .num_ops = n };
    return register_desc(ctx, &d, true);
}

eo_status
eo_dialect_register_desc(eo_ctx *ctx, const eo_dialect_desc *desc)
{
    return register_desc(ctx, desc, false);
}

bool
eo_op_def_is_inherent_attr(const eo_op_def *d, const char *name)
{
    if (!d)
        return false;
    if (d->attrs)
        for (const char *const *a = d->attrs; *a; a++)
            if (strcmp(*a, name) == 0)
                return true;
    if (d->opt_attrs)
        for (const char *const *a = d->opt_attrs; *a; a++)
            if (strcmp(*a, name) == 0)
                return true;
    return false;
}

/* ------------------------------------------------------------------ */
/* Sources                                                             */
/* ------------------------------------------------------------------ */

eo_status
eo_ctx_add_source(eo_ctx *ctx, const char *name, const char *buf, size_t len)
{
    for (source *s = ctx->sources; s; s = s->next) {
        if (strcmp(s->name, name) == 0) {
            s->buf = buf;
            s->len = len;
            return EO_OK;
        }
    }
    source *s = eo_raw_alloc(ctx, sizeof(*s));
    if (!s)
        return EO_NOMEM;
    memset(s, 0, sizeof(*s));
    s->name = eo_perm_dup(ctx, name, strlen(name));
    if (!s->name) {
        eo_raw_free(ctx, s, sizeof(*s));
        return EO_NOMEM;
    }
    s->buf = buf;
    s->len = len;
    s->next = ctx->sources;
    ctx->sources = s;
    return EO_OK;
}

/* Finds line 'line' of the registered source 'file' (without newline). */
bool
eo_ctx_source_line(eo_ctx *ctx, const char *file, unsigned line,
                   const char **text, size_t *len)
{
    source *s = ctx->sources;
    while (s && strcmp(s->name, file) != 0)
        s = s->next;
    if (!s || line == 0)
        return false;
    /* Scan from the start: diagnostics are rare, sources may be huge, so
     * no index is kept. */
    const char *p = s->buf, *end = s->buf + s->len;
    for (unsigned l = 1; l < line; l++) {
        p = memchr(p, '\n', (size_t)(end - p));
        if (!p)
            return false;
        p++;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e)
        e = end;
    *text = p;
    *len = (size_t)(e - p);
    return true;
}

/* ------------------------------------------------------------------ */
/* String buffers                                                      */
/* ------------------------------------------------------------------ */

static bool
strbuf_reserve(eo_strbuf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < b->len + extra + 1) {
        if (ncap > SIZE_MAX / 2) {
            b->oom = true;
            return false;
        }
        ncap *= 2;
    }
    char *p = realloc(b->data, ncap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = ncap;
    return true;
}

void
eo_strbuf_append(eo_strbuf *b, const char *s, size_t n)
{
    /* Printers append many short pieces: copy those inline (overlapping
     * fixed-size moves) instead of calling memcpy. */
    if (!b->oom && n < b->cap - b->len && n <= 16) {
        char *d = b->data + b->len;
        if (n >= 8) {
            memcpy(d, s, 8);
            memcpy(d + n - 8, s + n - 8, 8);
        } else if (n >= 4) {
            memcpy(d, s, 4);
            memcpy(d + n - 4, s + n - 4, 4);
        } else {
            for (size_t i = 0; i < n; i++)
                d[i] = s[i];
        }
        b->len += n;
        d[n] = '\0';
        return;
    }
    if (!strbuf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void
eo_strbuf_put_u64(eo_strbuf *b, uint64_t v)
{
    char tmp[20];
    size_t i = sizeof(tmp);
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    eo_strbuf_append(b, tmp + i, sizeof(tmp) - i);
}

void
eo_strbuf_put_i64(eo_strbuf *b, int64_t v)
{
    if (v < 0) {
        eo_strbuf_append(b, "-", 1);
        eo_strbuf_put_u64(b, 0 - (uint64_t)v);
        return;
    }
    eo_strbuf_put_u64(b, (uint64_t)v);
}

void
eo_strbuf_puts(eo_strbuf *b, const char *s)
{
    eo_strbuf_append(b, s, strlen(s));
}

void
eo_strbuf_printf(eo_strbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof(small)) {
        eo_strbuf_append(b, small, (size_t)n);
        return;
    }
    if (!strbuf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void
eo_strbuf_free(eo_strbuf *b)
{
    free(b->data);
    memset(b, 0, sizeof(*b));
}
