/* targets/json_pos.c - source positions for cJSON nodes. cJSON keeps none,
 * so the text it accepted is scanned again: values appear in the text in
 * the same pre-order as in the tree, and the two sequences are zipped.
 * Any mismatch (cJSON accepting something this scanner reads differently)
 * gives no positions rather than wrong ones.
 */
#include "targets/internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct scan {
    const char *s;
    size_t len, i;
    eo_jpos *out;
    size_t n, cap;
    bool bad;
} scan;

static void
ws(scan *sc)
{
    while (sc->i < sc->len && (unsigned char)sc->s[sc->i] <= 32)
        sc->i++;
}

static void
record(scan *sc, size_t key_off, size_t val_off)
{
    if (sc->n == sc->cap) {
        size_t cap = sc->cap ? sc->cap * 2 : 64;
        eo_jpos *p = realloc(sc->out, cap * sizeof(*p));
        if (!p) {
            sc->bad = true;
            return;
        }
        sc->out = p;
        sc->cap = cap;
    }
    sc->out[sc->n++] = (eo_jpos){ .key_off = key_off, .val_off = val_off };
}

static void
skip_string(scan *sc)
{
    sc->i++;    /* the opening quote */
    while (sc->i < sc->len && sc->s[sc->i] != '"') {
        if (sc->s[sc->i] == '\\')
            sc->i++;
        sc->i++;
    }
    if (sc->i >= sc->len)
        sc->bad = true;
    else
        sc->i++;
}

static bool
eat(scan *sc, char c)
{
    ws(sc);
    if (sc->i < sc->len && sc->s[sc->i] == c) {
        sc->i++;
        return true;
    }
    return false;
}

static void
value(scan *sc, size_t key_off, int depth)
{
    ws(sc);
    if (sc->bad || sc->i >= sc->len || depth > CJSON_NESTING_LIMIT + 1) {
        sc->bad = true;
        return;
    }
    size_t at = sc->i;
    record(sc, key_off, at);
    char c = sc->s[at];
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        sc->i++;
        if (eat(sc, close))
            return;
        do {
            size_t k = sc->i;
            if (c == '{') {
                ws(sc);
                k = sc->i;
                if (sc->i >= sc->len || sc->s[sc->i] != '"') {
                    sc->bad = true;
                    return;
                }
                skip_string(sc);
                if (!eat(sc, ':')) {
                    sc->bad = true;
                    return;
                }
            } else {
                ws(sc);
                k = sc->i;
            }
            value(sc, k, depth + 1);
            if (sc->bad)
                return;
        } while (eat(sc, ','));
        if (!eat(sc, close))
            sc->bad = true;
    } else if (c == '"') {
        skip_string(sc);
    } else {
        while (sc->i < sc->len && strchr("0123456789+-.eEtruefalsn",
                                         sc->s[sc->i]) && sc->s[sc->i])
            sc->i++;
        if (sc->i == at)
            sc->bad = true;
    }
}

/* Pre-order walk of the tree, numbering nodes as 'value' recorded them. */
static bool
zip(const cJSON *node, eo_jpos *pos, size_t n, size_t *k, int depth)
{
    if (*k >= n || depth > CJSON_NESTING_LIMIT + 1)
        return false;
    pos[(*k)++].node = node;
    for (const cJSON *c = node->child; c; c = c->next)
        if (!zip(c, pos, n, k, depth + 1))
            return false;
    return true;
}

static int
by_node(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const eo_jpos *)a)->node;
    uintptr_t y = (uintptr_t)((const eo_jpos *)b)->node;
    return x < y ? -1 : x > y;
}

eo_jpos *
eo_json_positions(const cJSON *root, const char *text, size_t len, size_t *n)
{
    scan sc = { .s = text, .len = len };
    *n = 0;
    /* cJSON skips a UTF-8 byte order mark. */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        sc.i = 3;
    value(&sc, 0, 0);
    size_t k = 0;
    if (sc.bad || !root || !zip(root, sc.out, sc.n, &k, 0) || k != sc.n) {
        free(sc.out);
        return NULL;
    }
    qsort(sc.out, sc.n, sizeof(*sc.out), by_node);
    *n = sc.n;
    return sc.out;
}

const eo_jpos *
eo_json_position_of(const eo_jpos *pos, size_t n, const cJSON *node)
{
    if (!pos || !node)
        return NULL;
    eo_jpos key = { .node = node };
    return bsearch(&key, pos, n, sizeof(*pos), by_node);
}
