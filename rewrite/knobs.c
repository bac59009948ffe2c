/* rewrite/knobs.c - the knob store: answers knob questions from an
 * assignment (files, --knob) or with the default, and records every knob
 * asked so that the search space is discovered, not declared.
 *
 *   load/assign --> assignments (exact keys + globs, with file:line:col)
 *   ask (provider, any thread) --> best assignment or default --> record
 *   check (after the run) --> unknown keys, out-of-domain/wrong-kind values
 *   space_json / assignment_json --> --list-knobs / --knobs-out
 *
 * Matching: an exact key wins over any glob. Among globs ('*' matches any
 * run of characters, dots included; '?' one character) the most specific
 * wins: fewest wildcards, then the longest literal prefix (characters
 * before the first wildcard), then the longest key, then the assignment
 * made last. Assigning the same key twice keeps the later value (so
 * --knob after --knobs overrides the file).
 *
 * Values: true/false for bool knobs (0 and 1 are accepted too), integers
 * for range and set knobs, strings naming an entry for enum knobs.
 *
 * Conditional knobs: when a knob is asked, the store records which knobs
 * were "active", i.e. asked earlier in the run and able to decide whether
 * this question is asked at all (their values never change once asked):
 *   - every pass-sequence knob ("pipeline.*", e.g. "pipeline.optional.0")
 *     asked before it: those decide which passes run at all;
 *   - every knob asked earlier for the same site key (e.g.
 *     "unroll.L.factor" before "vectorize.L.width").
 * Both are kept implicitly (a count and a per-site chain), so recording
 * stays O(1) per ask however many knobs a run asks.
 * Asking the same name again returns the first answer (so cloned sites
 * that share a key get one decision) and only counts the ask.
 *
 * The provider is thread-safe (a mutex): the pass manager asks from
 * worker threads. Outputs are sorted by name, so they do not depend on
 * the order in which threads asked.
 */
#include "rewrite/rewrite.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Data                                                                */
/* ------------------------------------------------------------------ */

typedef enum val_kind { VAL_BOOL, VAL_INT, VAL_STRING } val_kind;

/* A value as written in an assignment. */
typedef struct knob_val {
    val_kind kind;
    int64_t i;                        /* BOOL (0/1) and INT */
    char *s;                          /* STRING (malloc'd) */
} knob_val;

typedef struct assignment {
    char *key;                        /* malloc'd */
    size_t key_len;
    uint64_t key_hash;                /* hash_n of the key */
    knob_val val;
    const eo_loc *key_loc;            /* where the key is written */
    const eo_loc *val_loc;            /* where the value is written */
    unsigned wildcards;               /* '*' and '?' count; 0: exact */
    size_t prefix;                    /* literal characters before the
                                         first wildcard */
    size_t order;                     /* later assignments win ties */
    size_t matched;                   /* knobs it answered or tried to */
    int bad_record;                   /* first knob it failed, or -1 */
    char *bad_reason;                 /* malloc'd message for that */
    bool replaced;                    /* superseded by a later same key */
} assignment;

/* Records live as long as the store and are never freed one by one:
 * their strings and domain copies come from an arena freed with it, and
 * askers and site keys are interned (records share one copy), so a run
 * that asks hundreds of knobs makes a few allocations, not several per
 * knob. */
typedef struct record {
    char *name;                       /* arena */
    eo_knob_domain dom;               /* deep copy in the arena */
    int64_t def, value;
    const char *asker;                /* interned, may be NULL */
    const char *site;                 /* site key, interned, may be NULL */
    const eo_loc *loc;                /* the site's file location, or NULL
                                         (printed file:line:col in JSON) */
    size_t pipeline_before;           /* pipeline knobs asked before it */
    size_t asks;
    uint64_t name_hash, site_hash;    /* hash_n of name and site */
    int assigned;                     /* assignment index used, or -1 */
    size_t prev_same_site;            /* record index + 1, or 0 */
} record;

/* A block of the arena: records' strings and domains. */
typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    max_align_t data[];
} arena_block;

struct eo_knob_store {
    eo_ctx *ctx;
    eo_knob_provider provider;
    pthread_mutex_t lock;
    bool oom;

    assignment *asg;
    size_t num_asg, cap_asg;
    /* Open addressing: index + 1 of the live exact (glob-free) assignment
     * by key; globs are few and kept in 'globs' (indices). */
    size_t *exact;
    size_t exact_cap, num_exact;
    size_t *globs;
    size_t num_globs, cap_globs;

    record *recs;
    size_t num_recs, cap_recs;
    /* Open addressing: record index + 1 by name; 0 is empty. */
    size_t *by_name;
    size_t name_cap;
    /* Open addressing: latest record index + 1 by site key. */
    size_t *by_site;
    size_t site_cap;
    /* Records of pass-sequence knobs ("pipeline.*"), in ask order. */
    size_t *pipeline;
    size_t num_pipeline, cap_pipeline;
    /* Askers seen (interned in the arena; there are a handful). */
    const char **askers;
    size_t num_askers, cap_askers;
    arena_block *arena;
    eo_strbuf scratch;                /* site keys while asking */
    /* "<command line>" and its 1:1 location, for assignments made by
     * eo_knob_store_assign_value (looked up once). */
    const eo_ident *cmdline;
    const eo_loc *cmdline_loc;
};

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static bool
grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap * 2 : 8;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * elem);
    if (!p)
        return false;
    *arr = p;
    *cap = n;
    return true;
}

static char *
dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static char *
dup_str(const char *s)
{
    return s ? dup_n(s, strlen(s)) : NULL;
}

/* A hash of n bytes, eight at a time (knob names are long and asked
 * often; byte-at-a-time FNV was a visible share of an explorer run). */
static uint64_t
hash_n(const char *s, size_t n)
{
    const uint64_t m = 0x9e3779b97f4a7c15ull;
    uint64_t h = 0x243f6a8885a308d3ull ^ (n * m);
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * m;
        h ^= h >> 29;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)(unsigned char)s[i] << (8 * i);
    h = (h ^ w) * m;
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ull;
    return h ^ (h >> 32);
}

static uint64_t
hash_str(const char *s)
{
    return hash_n(s, strlen(s));
}

/* Finds the slot of 'key' (hash 'h') in a table of record indices + 1,
 * by record name or by site key; returns the slot (empty or
 * matching). */
static size_t
probe_h(const eo_knob_store *ks, const size_t *tab, size_t cap,
        const char *key, uint64_t h, bool by_site)
{
    size_t i = (size_t)h & (cap - 1);
    for (;;) {
        size_t r = tab[i];
        if (!r)
            return i;
        const record *rec = &ks->recs[r - 1];
        if ((by_site ? rec->site_hash : rec->name_hash) == h &&
            strcmp(by_site ? rec->site : rec->name, key) == 0)
            return i;
        i = (i + 1) & (cap - 1);
    }
}

static bool
rehash(eo_knob_store *ks, bool by_site)
{
    size_t **tabp = by_site ? &ks->by_site : &ks->by_name;
    size_t *capp = by_site ? &ks->site_cap : &ks->name_cap;
    size_t ncap = *capp ? *capp * 2 : 64;
    size_t *nt = calloc(ncap, sizeof *nt);
    if (!nt)
        return false;
    size_t *old = *tabp, ocap = *capp;
    *tabp = nt;
    *capp = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i])
            continue;
        const record *r = &ks->recs[old[i] - 1];
        const char *k = by_site ? r->site : r->name;
        nt[probe_h(ks, nt, ncap, k, by_site ? r->site_hash : r->name_hash,
                   by_site)] = old[i];
    }
    free(old);
    return true;
}

static bool
in_domain(const eo_knob_domain *d, int64_t v)
{
    switch (d->kind) {
    case EO_KNOB_BOOL:
        return v == 0 || v == 1;
    case EO_KNOB_RANGE: {
        if (v < d->lo || v > d->hi)
            return false;
        int64_t step = d->step > 0 ? d->step : 1;
        return ((uint64_t)v - (uint64_t)d->lo) % (uint64_t)step == 0;
    }
    case EO_KNOB_SET:
        for (size_t i = 0; i < d->count; i++)
            if (d->values[i] == v)
                return true;
        return false;
    case EO_KNOB_ENUM:
        return v >= 0 && (uint64_t)v < d->count;
    }
    return false;
}

/* 'n' bytes (aligned for any type) from the store's arena, which grows
 * by blocks of at least 16 KiB; NULL when out of memory. */
static void *
arena_alloc(eo_knob_store *ks, size_t n)
{
    const size_t al = _Alignof(max_align_t);
    n = n ? n : 1;
    if (n > SIZE_MAX - al)
        return NULL;
    n = (n + al - 1) & ~(al - 1);
    arena_block *b = ks->arena;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        if (cap > SIZE_MAX - sizeof *b)
            return NULL;
        if (!(b = malloc(sizeof *b + cap)))
            return NULL;
        b->next = ks->arena;
        b->used = 0;
        b->cap = cap;
        ks->arena = b;
    }
    void *p = (unsigned char *)b->data + b->used;
    b->used += n;
    return p;
}

static char *
arena_dup(eo_knob_store *ks, const char *s, size_t n)
{
    char *p = arena_alloc(ks, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* 'asker' interned: the store's copy, NULL when out of memory. */
static const char *
intern_asker(eo_knob_store *ks, const char *asker)
{
    for (size_t i = ks->num_askers; i-- > 0;)
        if (strcmp(ks->askers[i], asker) == 0)
            return ks->askers[i];
    const char *c = arena_dup(ks, asker, strlen(asker));
    if (!c || !grow((void **)&ks->askers, &ks->cap_askers,
                    ks->num_askers + 1, sizeof *ks->askers))
        return NULL;
    ks->askers[ks->num_askers++] = c;
    return c;
}

/* A copy of 'src' in the arena. */
static bool
copy_domain(eo_knob_store *ks, eo_knob_domain *dst,
            const eo_knob_domain *src)
{
    *dst = *src;
    dst->values = NULL;
    dst->names = NULL;
    if (src->kind == EO_KNOB_SET && src->count) {
        if (src->count > SIZE_MAX / sizeof(int64_t))
            return false;
        int64_t *v = arena_alloc(ks, src->count * sizeof *v);
        if (!v)
            return false;
        memcpy(v, src->values, src->count * sizeof *v);
        dst->values = v;
    } else if (src->kind == EO_KNOB_ENUM && src->count) {
        if (src->count > SIZE_MAX / sizeof(char *))
            return false;
        char **n = arena_alloc(ks, src->count * sizeof *n);
        if (!n)
            return false;
        for (size_t i = 0; i < src->count; i++) {
            const char *e = src->names[i] ? src->names[i] : "";
            if (!(n[i] = arena_dup(ks, e, strlen(e))))
                return false;
        }
        dst->names = (const char *const *)n;
    }
    return true;
}

/* The value written 'v' for domain 'd': true with *out in the domain, or
 * false with a message in 'why' (wrong kind or outside the domain). */
static bool
convert(const knob_val *v, const eo_knob_domain *d, int64_t *out,
        eo_strbuf *why)
{
    switch (d->kind) {
    case EO_KNOB_BOOL:
        if (v->kind == VAL_STRING) {
            eo_strbuf_printf(why, "expected true or false, got string "
                             "\"%s\"", v->s);
            return false;
        }
        if (v->i != 0 && v->i != 1) {
            eo_strbuf_printf(why, "value %" PRId64 " is outside the bool "
                             "domain {false, true}", v->i);
            return false;
        }
        *out = v->i;
        return true;
    case EO_KNOB_RANGE:
    case EO_KNOB_SET:
        if (v->kind != VAL_INT) {
            if (v->kind == VAL_BOOL)
                eo_strbuf_printf(why, "expected an integer, got %s",
                                 v->i ? "true" : "false");
            else
                eo_strbuf_printf(why, "expected an integer, got string "
                                 "\"%s\"", v->s);
            return false;
        }
        if (!in_domain(d, v->i)) {
            eo_strbuf_printf(why, "value %" PRId64 " is outside the domain ",
                             v->i);
            if (d->kind == EO_KNOB_RANGE) {
                eo_strbuf_printf(why, "[%" PRId64 ", %" PRId64 "]", d->lo,
                                 d->hi);
                if (d->step > 1)
                    eo_strbuf_printf(why, " step %" PRId64, d->step);
            } else {
                eo_strbuf_puts(why, "{");
                for (size_t i = 0; i < d->count; i++)
                    eo_strbuf_printf(why, "%s%" PRId64, i ? ", " : "",
                                     d->values[i]);
                eo_strbuf_puts(why, "}");
            }
            return false;
        }
        *out = v->i;
        return true;
    case EO_KNOB_ENUM:
        if (v->kind != VAL_STRING) {
            eo_strbuf_puts(why, "expected a string naming an enum entry");
            return false;
        }
        for (size_t i = 0; i < d->count; i++) {
            if (strcmp(d->names[i], v->s) == 0) {
                *out = (int64_t)i;
                return true;
            }
        }
        eo_strbuf_printf(why, "\"%s\" is not in the domain {", v->s);
        for (size_t i = 0; i < d->count; i++)
            eo_strbuf_printf(why, "%s\"%s\"", i ? ", " : "", d->names[i]);
        eo_strbuf_puts(why, "}");
        return false;
    }
    return false;
}

/* Glob match: '*' any run (possibly empty), '?' one character.
 * Iterative with one backtrack point: linear for one star, O(n*m)
 * worst case. */
static bool
glob_match(const char *pat, const char *s)
{
    const char *star = NULL, *resume = NULL;
    while (*s) {
        if (*pat == '*') {
            star = pat++;
            resume = s;
        } else if (*pat == '?' || *pat == *s) {
            pat++;
            s++;
        } else if (star) {
            pat = star + 1;
            s = ++resume;
        } else {
            return false;
        }
    }
    while (*pat == '*')
        pat++;
    return *pat == '\0';
}

/* Whether assignment a is more specific than b. */
static bool
more_specific(const assignment *a, const assignment *b)
{
    if (a->wildcards != b->wildcards)
        return a->wildcards < b->wildcards;
    if (a->prefix != b->prefix)
        return a->prefix > b->prefix;
    if (a->key_len != b->key_len)
        return a->key_len > b->key_len;
    return a->order > b->order;
}

/* The slot of exact key 'key' in ks->exact (empty or holding it). */
static size_t
exact_probe(const eo_knob_store *ks, const size_t *tab, size_t cap,
            const char *key, uint64_t h)
{
    size_t i = (size_t)h & (cap - 1);
    while (tab[i] && (ks->asg[tab[i] - 1].key_hash != h ||
                      strcmp(ks->asg[tab[i] - 1].key, key) != 0))
        i = (i + 1) & (cap - 1);
    return i;
}

/* The assignment answering 'name', or -1: the exact key if there is one
 * (an exact key beats every glob), else the most specific glob. Every
 * glob whose key matches counts the match (a pattern always beaten by
 * more specific keys is still in use). Constant time for exact keys,
 * linear in the number of globs. */
static int
find_assignment(eo_knob_store *ks, const char *name, uint64_t h)
{
    int best = -1;
    if (ks->exact_cap) {
        size_t e = ks->exact[exact_probe(ks, ks->exact, ks->exact_cap,
                                         name, h)];
        if (e) {
            best = (int)(e - 1);
            ks->asg[best].matched++;
        }
    }
    for (size_t g = 0; g < ks->num_globs; g++) {
        assignment *a = &ks->asg[ks->globs[g]];
        if (a->replaced || !glob_match(a->key, name))
            continue;
        a->matched++;
        if (best < 0 || more_specific(a, &ks->asg[best]))
            best = (int)ks->globs[g];
    }
    return best;
}

/* ------------------------------------------------------------------ */
/* Provider                                                            */
/* ------------------------------------------------------------------ */

/* The interned site key of 'site': the copy an earlier record of the same
 * site holds, else a new one; NULL when out of memory. */
static const char *
intern_site(eo_knob_store *ks, const eo_op *site, uint64_t *h)
{
    eo_strbuf *b = &ks->scratch;
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    eo_op_site_key(site, b);
    if (b->oom) {
        b->oom = false;
        return NULL;
    }
    const char *key = b->data ? b->data : "";
    *h = hash_n(key, b->len);
    if (ks->site_cap) {
        size_t r = ks->by_site[probe_h(ks, ks->by_site, ks->site_cap, key,
                                       *h, true)];
        if (r)
            return ks->recs[r - 1].site;
    }
    return arena_dup(ks, key, b->len);
}

/* Records a new knob (lock held). Returns false on allocation failure
 * (the answer is still given). */
static bool
record_new(eo_knob_store *ks, const char *name, uint64_t h,
           const eo_knob_domain *dom, int64_t def, int64_t value,
           int assigned, const eo_op *site, const char *asker)
{
    if (!grow((void **)&ks->recs, &ks->cap_recs, ks->num_recs + 1,
              sizeof *ks->recs))
        return false;
    if ((ks->num_recs + 1) * 2 > ks->name_cap && !rehash(ks, false))
        return false;
    record *r = &ks->recs[ks->num_recs];
    memset(r, 0, sizeof *r);
    r->def = def;
    r->value = value;
    r->asks = 1;
    r->assigned = assigned;
    r->name_hash = h;
    /* On failure what the arena holds is freed with the store. */
    bool ok = (r->name = arena_dup(ks, name, strlen(name))) != NULL &&
              copy_domain(ks, &r->dom, dom) &&
              (!asker || (r->asker = intern_asker(ks, asker)) != NULL);
    if (ok && site) {
        r->site = intern_site(ks, site, &r->site_hash);
        ok = r->site != NULL;
        r->loc = eo_loc_find_file(eo_op_loc(site));
    }
    if (!ok)
        return false;
    size_t idx = ks->num_recs++;
    ks->by_name[probe_h(ks, ks->by_name, ks->name_cap, name, h, false)] =
        idx + 1;

    /* Dependencies (see the top of the file) are kept implicitly: a
     * prefix of the pipeline list and the chain of earlier records of
     * the same site; their values never change once asked. */
    r->pipeline_before = ks->num_pipeline;
    if (strncmp(name, "pipeline.", 9) == 0) {
        if (!grow((void **)&ks->pipeline, &ks->cap_pipeline,
                  ks->num_pipeline + 1, sizeof *ks->pipeline))
            return false;
        ks->pipeline[ks->num_pipeline++] = idx;
    }
    if (r->site) {
        if (ks->num_recs * 2 > ks->site_cap && !rehash(ks, true))
            return false;
        size_t slot = probe_h(ks, ks->by_site, ks->site_cap, r->site,
                              r->site_hash, true);
        r->prev_same_site = ks->by_site[slot];
        ks->by_site[slot] = idx + 1;
    }
    return true;
}

static int64_t
store_ask(void *ud, const char *name, const eo_knob_domain *dom, int64_t def,
          const eo_op *site, const char *asker)
{
    eo_knob_store *ks = ud;
    if (!name || !dom)
        return def;
    pthread_mutex_lock(&ks->lock);
    int64_t value = def;
    uint64_t h = hash_str(name);
    if (ks->name_cap) {
        size_t r = ks->by_name[probe_h(ks, ks->by_name, ks->name_cap, name,
                                       h, false)];
        if (r) {
            record *rec = &ks->recs[r - 1];
            rec->asks++;
            if (in_domain(dom, rec->value))
                value = rec->value;
            pthread_mutex_unlock(&ks->lock);
            return value;
        }
    }
    int ai = find_assignment(ks, name, h);
    if (ai >= 0) {
        assignment *a = &ks->asg[ai];
        eo_strbuf why = {0};
        int64_t v;
        if (convert(&a->val, dom, &v, &why)) {
            value = v;
        } else {
            /* Reported by eo_knob_store_check; the default is used. */
            ai = -1;
            if (a->bad_record < 0) {
                a->bad_record = (int)ks->num_recs;
                a->bad_reason = why.data;
                why.data = NULL;
            }
        }
        eo_strbuf_free(&why);
    }
    if (!record_new(ks, name, h, dom, def, value, ai, site, asker))
        ks->oom = true;
    pthread_mutex_unlock(&ks->lock);
    return value;
}

/* ------------------------------------------------------------------ */
/* Store lifetime                                                      */
/* ------------------------------------------------------------------ */

eo_knob_store *
eo_knob_store_create(eo_ctx *ctx)
{
    eo_knob_store *ks = calloc(1, sizeof *ks);
    if (!ks)
        return NULL;
    if (pthread_mutex_init(&ks->lock, NULL) != 0) {
        free(ks);
        return NULL;
    }
    ks->ctx = ctx;
    ks->provider.ask = store_ask;
    ks->provider.ud = ks;
    return ks;
}

void
eo_knob_store_destroy(eo_knob_store *ks)
{
    if (!ks)
        return;
    for (size_t i = 0; i < ks->num_asg; i++) {
        free(ks->asg[i].key);
        free(ks->asg[i].val.s);
        free(ks->asg[i].bad_reason);
    }
    free(ks->asg);
    free(ks->exact);
    free(ks->globs);
    free(ks->recs);
    free(ks->by_name);
    free(ks->by_site);
    free(ks->pipeline);
    free(ks->askers);
    for (arena_block *b = ks->arena, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    eo_strbuf_free(&ks->scratch);
    pthread_mutex_destroy(&ks->lock);
    free(ks);
}

const eo_knob_provider *
eo_knob_store_provider(eo_knob_store *ks)
{
    return ks ? &ks->provider : NULL;
}

size_t
eo_knob_store_num_asked(const eo_knob_store *ks)
{
    return ks ? ks->num_recs : 0;
}

/* ------------------------------------------------------------------ */
/* Loading assignments                                                 */
/* ------------------------------------------------------------------ */

static const eo_loc *
file_loc(eo_ctx *ctx, const char *file, unsigned line, unsigned col)
{
    const eo_ident *f = eo_ident_cstr(ctx, file);
    return f ? eo_loc_file(ctx, f, line, col) : eo_loc_unknown(ctx);
}

static bool
valid_key(const char *k, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)k[i];
        if (c <= ' ' || c == '=' || c == '"' || c == '#' || c >= 0x7f)
            return false;
    }
    return true;
}

/* Adds an assignment (takes 'val.s'). */
static eo_status
add_assignment(eo_knob_store *ks, const char *key, size_t klen, knob_val val,
               const eo_loc *kloc, const eo_loc *vloc)
{
    if (!valid_key(key, klen)) {
        free(val.s);
        return eo_emit_error(ks->ctx, kloc, "invalid knob name '%.*s'",
                             (int)klen, key);
    }
    if (!grow((void **)&ks->asg, &ks->cap_asg, ks->num_asg + 1,
              sizeof *ks->asg)) {
        free(val.s);
        return EO_NOMEM;
    }
    assignment *a = &ks->asg[ks->num_asg];
    memset(a, 0, sizeof *a);
    if (!(a->key = dup_n(key, klen))) {
        free(val.s);
        return EO_NOMEM;
    }
    a->key_len = klen;
    a->key_hash = hash_n(key, klen);
    a->val = val;
    a->key_loc = kloc;
    a->val_loc = vloc;
    a->order = ks->num_asg;
    a->bad_record = -1;
    a->prefix = klen;
    for (size_t i = 0; i < klen; i++) {
        if (key[i] == '*' || key[i] == '?') {
            if (!a->wildcards)
                a->prefix = i;
            a->wildcards++;
        }
    }
    size_t idx = ks->num_asg;
    if (a->wildcards) {
        if (!grow((void **)&ks->globs, &ks->cap_globs, ks->num_globs + 1,
                  sizeof *ks->globs)) {
            free(a->key);
            free(val.s);
            return EO_NOMEM;
        }
        for (size_t g = 0; g < ks->num_globs; g++)
            if (!strcmp(ks->asg[ks->globs[g]].key, a->key))
                ks->asg[ks->globs[g]].replaced = true;
        ks->globs[ks->num_globs++] = idx;
        ks->num_asg++;
        return EO_OK;
    }
    if ((ks->num_exact + 1) * 2 > ks->exact_cap) {
        size_t ncap = ks->exact_cap ? ks->exact_cap * 2 : 64;
        size_t *nt = calloc(ncap, sizeof *nt);
        if (!nt) {
            free(a->key);
            free(val.s);
            return EO_NOMEM;
        }
        for (size_t i = 0; i < ks->exact_cap; i++)
            if (ks->exact[i])
                nt[exact_probe(ks, nt, ncap,
                               ks->asg[ks->exact[i] - 1].key,
                               ks->asg[ks->exact[i] - 1].key_hash)] =
                    ks->exact[i];
        free(ks->exact);
        ks->exact = nt;
        ks->exact_cap = ncap;
    }
    ks->num_asg++;
    size_t slot = exact_probe(ks, ks->exact, ks->exact_cap, a->key,
                              a->key_hash);
    if (ks->exact[slot])        /* the same key again: the later wins */
        ks->asg[ks->exact[slot] - 1].replaced = true;
    else
        ks->num_exact++;
    ks->exact[slot] = idx + 1;
    return EO_OK;
}

/* Parses a bare value of a "name=value" line: true/false, an integer, a
 * quoted string, or else a bare word taken as a string. */
static eo_status
parse_line_value(eo_knob_store *ks, const char *v, size_t n,
                 const eo_loc *loc, knob_val *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0)
        return eo_emit_error(ks->ctx, loc, "expected a value after '='");
    if ((n == 4 && !memcmp(v, "true", 4)) ||
        (n == 5 && !memcmp(v, "false", 5))) {
        out->kind = VAL_BOOL;
        out->i = n == 4;
        return EO_OK;
    }
    if (v[0] == '"') {
        if (n < 2 || v[n - 1] != '"' || memchr(v + 1, '"', n - 2))
            return eo_emit_error(ks->ctx, loc, "unterminated string value");
        out->kind = VAL_STRING;
        return (out->s = dup_n(v + 1, n - 2)) ? EO_OK : EO_NOMEM;
    }
    bool numeric = (v[0] >= '0' && v[0] <= '9') ||
                   ((v[0] == '-' || v[0] == '+') && n > 1);
    if (numeric) {
        char buf[32], *end;
        if (n >= sizeof buf)
            return eo_emit_error(ks->ctx, loc, "integer value '%.*s' is too "
                                 "large", (int)n, v);
        memcpy(buf, v, n);
        buf[n] = '\0';
        const char *digits = buf + (buf[0] == '-' || buf[0] == '+');
        bool hex = digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X');
        errno = 0;
        long long x = strtoll(buf, &end, hex ? 16 : 10);
        if (*end != '\0')
            return eo_emit_error(ks->ctx, loc, "expected an integer, true, "
                                 "false or a name, got '%.*s'", (int)n, v);
        if (errno == ERANGE)
            return eo_emit_error(ks->ctx, loc, "integer value '%.*s' is out "
                                 "of range", (int)n, v);
        out->kind = VAL_INT;
        out->i = (int64_t)x;
        return EO_OK;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c <= ' ' || c == '=' || c == '"' || c >= 0x7f)
            return eo_emit_error(ks->ctx, loc, "invalid character in value "
                                 "'%.*s'", (int)n, v);
    }
    out->kind = VAL_STRING;
    return (out->s = dup_n(v, n)) ? EO_OK : EO_NOMEM;
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* One "name=value" line [s, e) numbered 'line'; 'col0' is the column of
 * s (1-based). Blank lines and '#' comments are skipped; a comment may
 * also follow the value after whitespace. */
static eo_status
parse_line(eo_knob_store *ks, const char *file, unsigned line, unsigned col0,
           const char *s, const char *e)
{
    const char *p = s;
    while (p < e && is_space(*p))
        p++;
    if (p == e || *p == '#')
        return EO_OK;
    /* Strip a trailing comment (" # ..." outside quotes). */
    const char *end = p;
    bool quoted = false;
    for (const char *q = p; q < e; q++) {
        if (*q == '"')
            quoted = !quoted;
        if (*q == '#' && !quoted && q > p && is_space(q[-1]))
            break;
        end = q + 1;
    }
    while (end > p && is_space(end[-1]))
        end--;
    const char *eq = memchr(p, '=', (size_t)(end - p));
    unsigned kcol = col0 + (unsigned)(p - s);
    if (!eq)
        return eo_emit_error(ks->ctx, file_loc(ks->ctx, file, line, kcol),
                             "expected 'name=value'");
    const char *ke = eq;
    while (ke > p && is_space(ke[-1]))
        ke--;
    const char *v = eq + 1;
    while (v < end && is_space(*v))
        v++;
    const eo_loc *kloc = file_loc(ks->ctx, file, line, kcol);
    const eo_loc *vloc = file_loc(ks->ctx, file, line,
                                  col0 + (unsigned)(v - s));
    if (ke == p)
        return eo_emit_error(ks->ctx, kloc, "expected a knob name before "
                             "'='");
    knob_val val;
    eo_status st = parse_line_value(ks, v, (size_t)(end - v), vloc, &val);
    if (st != EO_OK)
        return st;
    return add_assignment(ks, p, (size_t)(ke - p), val, kloc, vloc);
}

static eo_status
load_lines(eo_knob_store *ks, const char *file, const char *text, size_t len)
{
    eo_status result = EO_OK;
    unsigned line = 1;
    const char *s = text, *end = text + len;
    while (s < end) {
        const char *e = memchr(s, '\n', (size_t)(end - s));
        if (!e)
            e = end;
        eo_status st = parse_line(ks, file, line, 1, s, e);
        if (st == EO_NOMEM)
            return st;
        if (st != EO_OK)
            result = st;   /* keep going: report every bad line */
        s = e + 1;
        line++;
    }
    return result;
}

/* Line and column (1-based, bytes) of 'p' in 'text'. */
static void
line_col(const char *text, const char *p, unsigned *line, unsigned *col)
{
    unsigned l = 1;
    const char *ls = text;
    for (const char *q = text; q < p; q++) {
        if (*q == '\n') {
            l++;
            ls = q + 1;
        }
    }
    *line = l;
    *col = (unsigned)(p - ls) + 1;
}

/* A cursor over JSON text already validated by cJSON: finds where each
 * top-level key and value starts (cJSON keeps no positions). */
static const char *
json_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

static const char *
json_skip_string(const char *p, const char *end)
{
    for (p++; p < end && *p != '"'; p++)
        if (*p == '\\')
            p++;
    return p < end ? p + 1 : end;
}

/* Skips one value (iteratively: nesting depth does not matter). */
static const char *
json_skip_value(const char *p, const char *end)
{
    size_t depth = 0;
    do {
        p = json_ws(p, end);
        if (p >= end)
            return end;
        if (*p == '"') {
            p = json_skip_string(p, end);
        } else if (*p == '{' || *p == '[') {
            depth++;
            p++;
        } else if (*p == '}' || *p == ']') {
            depth--;
            p++;
        } else if (*p == ',' || *p == ':') {
            p++;
        } else {
            while (p < end && !strchr(",:}] \t\r\n", *p))
                p++;
        }
    } while (depth > 0);
    return p;
}

/* Validates JSON text and finds the first error exactly (cJSON reports
 * positions only roughly): returns NULL if the text is one valid JSON
 * value, else the error position with a message in *msg. Iterative, with
 * an explicit container stack of bounded depth. */
#define JSON_MAX_DEPTH 256

static const char *
json_scan_string(const char *p, const char *end, const char **msg)
{
    for (p++; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"')
            return p + 1;
        if (c < 0x20) {
            *msg = "control character in string";
            return NULL;
        }
        if (c == '\\') {
            p++;
            if (p >= end)
                break;
            if (*p == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (p + i >= end || !strchr("0123456789abcdefABCDEF",
                                                p[i]) || !p[i]) {
                        *msg = "invalid \\u escape";
                        return NULL;
                    }
                p += 4;
            } else if (!*p || !strchr("\"\\/bfnrt", *p)) {
                *msg = "invalid escape in string";
                return NULL;
            }
        }
    }
    *msg = "unterminated string";
    return NULL;
}

static const char *
json_validate(const char *text, const char *end, const char **msg)
{
    char stack[JSON_MAX_DEPTH];
    size_t depth = 0;
    const char *p = text;
    enum { VALUE, KEY, AFTER } want = VALUE;
    for (;;) {
        p = json_ws(p, end);
        if (want == KEY) {
            if (p >= end || *p != '"') {
                *msg = "expected a string key";
                return p;
            }
            const char *q = json_scan_string(p, end, msg);
            if (!q)
                return p;
            p = json_ws(q, end);
            if (p >= end || *p != ':') {
                *msg = "expected ':' after the key";
                return p;
            }
            p++;
            want = VALUE;
            continue;
        }
        if (want == AFTER) {
            if (!depth) {
                if (p < end && *p) {
                    *msg = "unexpected text after the JSON value";
                    return p;
                }
                return NULL;
            }
            char top = stack[depth - 1];
            if (p < end && *p == ',') {
                p++;
                want = top == '{' ? KEY : VALUE;
            } else if (p < end && *p == (top == '{' ? '}' : ']')) {
                p++;
                depth--;
            } else {
                *msg = top == '{' ? "expected ',' or '}'"
                                  : "expected ',' or ']'";
                return p;
            }
            continue;
        }
        /* VALUE */
        if (p >= end || !*p) {
            *msg = "expected a JSON value";
            return p;
        }
        if (*p == '{' || *p == '[') {
            if (depth == JSON_MAX_DEPTH) {
                *msg = "JSON nested too deeply";
                return p;
            }
            char open = *p;
            stack[depth++] = open;
            p = json_ws(p + 1, end);
            if (p < end && *p == (open == '{' ? '}' : ']')) {
                p++;
                depth--;
                want = AFTER;
            } else {
                want = open == '{' ? KEY : VALUE;
            }
            continue;
        }
        if (*p == '"') {
            const char *q = json_scan_string(p, end, msg);
            if (!q)
                return p;
            p = q;
        } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
            const char *q = p + (*p == '-');
            if (q >= end || *q < '0' || *q > '9') {
                *msg = "invalid number";
                return p;
            }
            if (*q == '0')
                q++;
            else
                while (q < end && *q >= '0' && *q <= '9')
                    q++;
            if (q < end && *q == '.') {
                q++;
                if (q >= end || *q < '0' || *q > '9') {
                    *msg = "invalid number";
                    return p;
                }
                while (q < end && *q >= '0' && *q <= '9')
                    q++;
            }
            if (q < end && (*q == 'e' || *q == 'E')) {
                q++;
                if (q < end && (*q == '+' || *q == '-'))
                    q++;
                if (q >= end || *q < '0' || *q > '9') {
                    *msg = "invalid number";
                    return p;
                }
                while (q < end && *q >= '0' && *q <= '9')
                    q++;
            }
            p = q;
        } else {
            static const char *const words[] = { "true", "false", "null" };
            size_t k = 0;
            for (; k < 3; k++) {
                size_t n = strlen(words[k]);
                if ((size_t)(end - p) >= n && !memcmp(p, words[k], n)) {
                    p += n;
                    break;
                }
            }
            if (k == 3) {
                *msg = "expected a JSON value";
                return p;
            }
        }
        want = AFTER;
    }
}

static eo_status
load_json(eo_knob_store *ks, const char *file, const char *text, size_t len)
{
    const char *msg = NULL, *err = json_validate(text, text + len, &msg);
    unsigned line, col;
    if (err) {
        line_col(text, err, &line, &col);
        return eo_emit_error(ks->ctx, file_loc(ks->ctx, file, line, col),
                             "malformed JSON in knob file: %s", msg);
    }
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &err, false);
    if (!root)                  /* valid JSON: only memory can fail */
        return EO_NOMEM;
    const char *end = text + len;
    const char *p = json_ws(text, end);
    line_col(text, p, &line, &col);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return eo_emit_error(ks->ctx, file_loc(ks->ctx, file, line, col),
                             "expected a JSON object of knob assignments");
    }
    p++;                                /* '{' */
    eo_status result = EO_OK;
    for (cJSON *it = root->child; it; it = it->next) {
        p = json_ws(p, end);
        if (*p == ',')
            p = json_ws(p + 1, end);
        const char *kp = p;
        p = json_ws(json_skip_string(p, end), end);   /* key, then ':' */
        const char *vp = json_ws(p + 1, end);
        p = json_skip_value(vp, end);
        unsigned vl, vc;
        line_col(text, kp, &line, &col);
        line_col(text, vp, &vl, &vc);
        const eo_loc *kloc = file_loc(ks->ctx, file, line, col);
        const eo_loc *vloc = file_loc(ks->ctx, file, vl, vc);
        knob_val val = {0};
        eo_status st = EO_OK;
        if (cJSON_IsBool(it)) {
            val.kind = VAL_BOOL;
            val.i = cJSON_IsTrue(it);
        } else if (cJSON_IsString(it)) {
            val.kind = VAL_STRING;
            if (!(val.s = dup_str(it->valuestring)))
                st = EO_NOMEM;
        } else if (cJSON_IsNumber(it)) {
            /* Exact integers from the text (cJSON keeps a double). */
            char buf[32], *e2;
            size_t n = (size_t)(p - vp);
            bool ok = n < sizeof buf;
            if (ok) {
                memcpy(buf, vp, n);
                buf[n] = '\0';
                errno = 0;
                val.i = strtoll(buf, &e2, 10);
                ok = *e2 == '\0' && errno != ERANGE;
            }
            val.kind = VAL_INT;
            if (!ok)
                st = eo_emit_error(ks->ctx, vloc, "knob '%s': expected an "
                                   "integer, got '%.*s'", it->string,
                                   (int)n, vp);
        } else {
            st = eo_emit_error(ks->ctx, vloc, "knob '%s': expected true, "
                               "false, an integer or a string",
                               it->string);
        }
        if (st == EO_OK)
            st = add_assignment(ks, it->string, strlen(it->string), val,
                                kloc, vloc);
        else
            free(val.s);
        if (st == EO_NOMEM) {
            cJSON_Delete(root);
            return st;
        }
        if (st != EO_OK)
            result = st;
    }
    cJSON_Delete(root);
    return result;
}

eo_status
eo_knob_store_load_buffer(eo_knob_store *ks, const char *name,
                          const char *data, size_t len)
{
    /* The context's source registry borrows the text for diagnostics, so
     * it lives in the context's arena (freed with the context). */
    char *text = eo_ctx_alloc(ks->ctx, len + 1);
    if (!text)
        return EO_NOMEM;
    if (len)
        memcpy(text, data, len);
    text[len] = '\0';
    (void)eo_ctx_add_source(ks->ctx, name, text, len);
    const char *p = text;
    while (p < text + len && (*p == ' ' || *p == '\t' || *p == '\n' ||
                              *p == '\r'))
        p++;
    /* JSON when it opens like JSON ('[' only to report it is no object). */
    if (p < text + len && (*p == '{' || *p == '['))
        return load_json(ks, name, text, len);
    return load_lines(ks, name, text, len);
}

eo_status
eo_knob_store_load(eo_knob_store *ks, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return eo_emit_error(ks->ctx, eo_loc_unknown(ks->ctx),
                             "cannot open knob file '%s': %s", path,
                             strerror(errno));
    char *text = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (!grow((void **)&text, &cap, len + 4097, 1)) {
            free(text);
            fclose(f);
            return EO_NOMEM;
        }
        size_t n = fread(text + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(text);
        return eo_emit_error(ks->ctx, eo_loc_unknown(ks->ctx),
                             "cannot read knob file '%s'", path);
    }
    eo_status st = eo_knob_store_load_buffer(ks, path, text, len);
    free(text);
    return st;
}

eo_status
eo_knob_store_assign(eo_knob_store *ks, const char *text)
{
    const char *e = text + strlen(text);
    if (memchr(text, '\n', (size_t)(e - text)))
        return eo_emit_error(ks->ctx, file_loc(ks->ctx, "<command line>", 1,
                                               1),
                             "expected one 'name=value' assignment");
    const char *p = text;
    while (p < e && is_space(*p))
        p++;
    if (p == e || *p == '#')
        return eo_emit_error(ks->ctx, file_loc(ks->ctx, "<command line>", 1,
                                               1),
                             "expected 'name=value'");
    return parse_line(ks, "<command line>", 1, 1, text, e);
}

eo_status
eo_knob_store_assign_value(eo_knob_store *ks, const char *name,
                           const char *value)
{
    size_t klen = strlen(name), n = strlen(value);
    /* Placed as eo_knob_store_assign("<name>=<value>") places them. */
    if (!ks->cmdline_loc) {
        ks->cmdline = eo_ident_cstr(ks->ctx, "<command line>");
        ks->cmdline_loc = ks->cmdline ? eo_loc_file(ks->ctx, ks->cmdline,
                                                    1, 1)
                                      : eo_loc_unknown(ks->ctx);
    }
    const eo_ident *f = ks->cmdline;
    const eo_loc *kloc = ks->cmdline_loc;
    const eo_loc *vloc = f ? eo_loc_file(ks->ctx, f, 1, (unsigned)klen + 2)
                           : kloc;
    if (klen == 0)
        return eo_emit_error(ks->ctx, kloc, "expected a knob name before "
                             "'='");
    knob_val val;
    eo_status st = parse_line_value(ks, value, n, vloc, &val);
    if (st != EO_OK)
        return st;
    return add_assignment(ks, name, klen, val, kloc, vloc);
}

/* ------------------------------------------------------------------ */
/* Checking                                                            */
/* ------------------------------------------------------------------ */

eo_status
eo_knob_store_check(eo_knob_store *ks)
{
    eo_status result = EO_OK;
    pthread_mutex_lock(&ks->lock);
    for (size_t i = 0; i < ks->num_asg; i++) {
        const assignment *a = &ks->asg[i];
        if (a->replaced)
            continue;
        if (!a->matched) {
            eo_emit_error(ks->ctx, a->key_loc,
                          a->wildcards ? "knob pattern '%s' matches no knob "
                                         "asked in this run"
                                       : "unknown knob '%s': no such knob "
                                         "was asked in this run",
                          a->key);
            result = EO_ERROR;
        } else if (a->bad_record >= 0 &&
                   (size_t)a->bad_record < ks->num_recs) {
            const record *r = &ks->recs[a->bad_record];
            eo_diag_builder *b = eo_diag_begin(
                ks->ctx, EO_SEV_ERROR, a->val_loc, "invalid value for knob "
                "'%s': %s", r->name, a->bad_reason ? a->bad_reason : "");
            if (b && a->wildcards)
                eo_diag_note(b, a->key_loc, "assigned through the pattern "
                             "'%s'", a->key);
            (void)eo_diag_emit(b);
            result = EO_ERROR;
        }
    }
    bool oom = ks->oom;
    pthread_mutex_unlock(&ks->lock);
    return oom ? EO_NOMEM : result;
}

/* ------------------------------------------------------------------ */
/* JSON output                                                         */
/* ------------------------------------------------------------------ */

static void
json_string(eo_strbuf *out, const char *s)
{
    eo_strbuf_puts(out, "\"");
    while (*s) {
        /* Runs of characters that need no escape go in one append (the
         * knob-space JSON of a real model writes megabytes of names). */
        size_t n = 0;
        while (s[n] && s[n] != '"' && s[n] != '\\' &&
               (unsigned char)s[n] >= 0x20)
            n++;
        if (n) {
            eo_strbuf_append(out, s, n);
            s += n;
            continue;
        }
        unsigned char c = (unsigned char)*s++;
        if (c == '"' || c == '\\')
            eo_strbuf_printf(out, "\\%c", c);
        else if (c == '\n')
            eo_strbuf_puts(out, "\\n");
        else if (c == '\t')
            eo_strbuf_puts(out, "\\t");
        else
            eo_strbuf_printf(out, "\\u%04x", c);
    }
    eo_strbuf_puts(out, "\"");
}

/* A value in its domain's JSON spelling. */
static void
json_value(eo_strbuf *out, const eo_knob_domain *d, int64_t v)
{
    if (d->kind == EO_KNOB_BOOL)
        eo_strbuf_puts(out, v ? "true" : "false");
    else if (d->kind == EO_KNOB_ENUM && v >= 0 && (uint64_t)v < d->count)
        json_string(out, d->names[v]);
    else
        eo_strbuf_printf(out, "%" PRId64, v);
}

static void
json_dep(eo_strbuf *out, const record *o, size_t i)
{
    eo_strbuf_puts(out, i ? ", {\"name\": " : "{\"name\": ");
    json_string(out, o->name);
    eo_strbuf_puts(out, ", \"value\": ");
    json_value(out, &o->dom, o->value);
    eo_strbuf_puts(out, "}");
}

static void
json_domain(eo_strbuf *out, const eo_knob_domain *d)
{
    switch (d->kind) {
    case EO_KNOB_BOOL:
        eo_strbuf_puts(out, "{\"kind\": \"bool\"}");
        break;
    case EO_KNOB_RANGE:
        eo_strbuf_printf(out, "{\"kind\": \"range\", \"lo\": %" PRId64
                         ", \"hi\": %" PRId64 ", \"step\": %" PRId64 "}",
                         d->lo, d->hi, d->step > 0 ? d->step : 1);
        break;
    case EO_KNOB_SET:
        eo_strbuf_puts(out, "{\"kind\": \"set\", \"values\": [");
        for (size_t i = 0; i < d->count; i++)
            eo_strbuf_printf(out, "%s%" PRId64, i ? ", " : "", d->values[i]);
        eo_strbuf_puts(out, "]}");
        break;
    case EO_KNOB_ENUM:
        eo_strbuf_puts(out, "{\"kind\": \"enum\", \"names\": [");
        for (size_t i = 0; i < d->count; i++) {
            if (i)
                eo_strbuf_puts(out, ", ");
            json_string(out, d->names[i]);
        }
        eo_strbuf_puts(out, "]}");
        break;
    }
}

/* Record indices sorted by name (malloc'd), NULL if none or on failure. */
static size_t *
sorted_records(const eo_knob_store *ks, eo_strbuf *out)
{
    if (!ks->num_recs)
        return NULL;
    size_t *idx = malloc(ks->num_recs * sizeof *idx);
    if (!idx) {
        out->oom = true;
        return NULL;
    }
    size_t n = ks->num_recs, *tmp = malloc(n * sizeof *tmp);
    if (!tmp) {
        free(idx);
        out->oom = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    /* Bottom-up merge sort by name (qsort has no user data pointer). */
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n;
            size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = strcmp(ks->recs[idx[j]].name,
                                  ks->recs[idx[i]].name) < 0 ? idx[j++]
                                                             : idx[i++];
            while (i < mid)
                tmp[k++] = idx[i++];
            while (j < hi)
                tmp[k++] = idx[j++];
        }
        memcpy(idx, tmp, n * sizeof *idx);
    }
    free(tmp);
    return idx;
}

void
eo_knob_store_space_json(const eo_knob_store *ks, eo_strbuf *out)
{
    eo_knob_store *mks = (eo_knob_store *)ks;
    pthread_mutex_lock(&mks->lock);
    size_t *idx = sorted_records(ks, out);
    eo_strbuf_puts(out, "{\n  \"knobs\": [");
    for (size_t k = 0; idx && k < ks->num_recs; k++) {
        const record *r = &ks->recs[idx[k]];
        eo_strbuf_puts(out, k ? ",\n    {\n" : "\n    {\n");
        eo_strbuf_puts(out, "      \"name\": ");
        json_string(out, r->name);
        eo_strbuf_puts(out, ",\n      \"domain\": ");
        json_domain(out, &r->dom);
        eo_strbuf_puts(out, ",\n      \"default\": ");
        json_value(out, &r->dom, r->def);
        eo_strbuf_puts(out, ",\n      \"value\": ");
        json_value(out, &r->dom, r->value);
        eo_strbuf_puts(out, ",\n      \"assigned\": ");
        eo_strbuf_puts(out, r->assigned >= 0 ? "true" : "false");
        eo_strbuf_puts(out, ",\n      \"asker\": ");
        if (r->asker)
            json_string(out, r->asker);
        else
            eo_strbuf_puts(out, "null");
        eo_strbuf_puts(out, ",\n      \"site\": ");
        if (r->site)
            json_string(out, r->site);
        else
            eo_strbuf_puts(out, "null");
        eo_strbuf_puts(out, ",\n      \"loc\": ");
        if (r->loc) {
            mks->scratch.len = 0;
            eo_strbuf_printf(&mks->scratch, "%s:%u:%u",
                             eo_ident_str(eo_loc_filename(r->loc)),
                             eo_loc_line(r->loc), eo_loc_col(r->loc));
            if (mks->scratch.oom) {
                mks->scratch.oom = false;
                out->oom = true;
            } else {
                eo_strbuf_append(&mks->scratch, "", 1);
                json_string(out, mks->scratch.data);
            }
        } else {
            eo_strbuf_puts(out, "null");
        }
        eo_strbuf_printf(out, ",\n      \"asks\": %zu", r->asks);
        eo_strbuf_puts(out, ",\n      \"depends_on\": [");
        size_t nd = 0;
        for (size_t d = 0; d < r->pipeline_before; d++)
            json_dep(out, &ks->recs[ks->pipeline[d]], nd++);
        /* The same-site chain runs newest first: print it reversed. */
        size_t n = 0;
        for (size_t p = r->prev_same_site; p;
             p = ks->recs[p - 1].prev_same_site)
            n++;
        size_t *chain = n ? malloc(n * sizeof *chain) : NULL;
        if (n && !chain)
            out->oom = true;
        size_t c = 0;
        for (size_t p = r->prev_same_site; p && chain;
             p = ks->recs[p - 1].prev_same_site)
            chain[c++] = p - 1;
        while (chain && c-- > 0)
            if (strncmp(ks->recs[chain[c]].name, "pipeline.", 9) != 0)
                json_dep(out, &ks->recs[chain[c]], nd++);
        free(chain);
        eo_strbuf_puts(out, "]\n    }");
    }
    eo_strbuf_puts(out, ks->num_recs ? "\n  ]\n}\n" : "]\n}\n");
    free(idx);
    pthread_mutex_unlock(&mks->lock);
}

void
eo_knob_store_assignment_json(const eo_knob_store *ks, eo_strbuf *out)
{
    eo_knob_store *mks = (eo_knob_store *)ks;
    pthread_mutex_lock(&mks->lock);
    size_t *idx = sorted_records(ks, out);
    eo_strbuf_puts(out, "{");
    for (size_t k = 0; idx && k < ks->num_recs; k++) {
        const record *r = &ks->recs[idx[k]];
        eo_strbuf_puts(out, k ? ",\n  " : "\n  ");
        json_string(out, r->name);
        eo_strbuf_puts(out, ": ");
        json_value(out, &r->dom, r->value);
    }
    eo_strbuf_puts(out, ks->num_recs ? "\n}\n" : "}\n");
    free(idx);
    pthread_mutex_unlock(&mks->lock);
}
