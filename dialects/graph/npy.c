/* dialects/graph/npy.c - reading and writing NumPy .npy files (format
 * versions 1.0, 2.0 and 3.0; little-endian, C order) as host tensors.
 * Files are read whole; every length and count in them is checked before
 * use, so a truncated or corrupt file gives a diagnostic naming it.
 */
#include "dialects/graph/interp.h"
#include "ir/ir.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Largest header we accept (numpy itself refuses headers over 10 KB
 * unless told otherwise; shapes of rank <= 8 fit in far less). */
#define NPY_MAX_HEADER 65536u

static const char npy_magic[6] = { '\x93', 'N', 'U', 'M', 'P', 'Y' };

/* The .npy type string of each dtype, without the byte-order mark. */
static const struct {
    eo_dtype dt;
    char kind;          /* 'f', 'i', 'u', 'b' */
    unsigned size;
} npy_types[] = {
    { EO_DT_F32, 'f', 4 }, { EO_DT_F64, 'f', 8 }, { EO_DT_F16, 'f', 2 },
    { EO_DT_I8, 'i', 1 },  { EO_DT_U8, 'u', 1 },  { EO_DT_I16, 'i', 2 },
    { EO_DT_U16, 'u', 2 }, { EO_DT_I32, 'i', 4 }, { EO_DT_U32, 'u', 4 },
    { EO_DT_I64, 'i', 8 }, { EO_DT_U64, 'u', 8 }, { EO_DT_BOOL, 'b', 1 },
};

#define NPY_NUM_TYPES (sizeof npy_types / sizeof npy_types[0])

static eo_status
npy_error(eo_ctx *ctx, const char *path, const char *what)
{
    return eo_emit_error(ctx, eo_loc_unknown(ctx), "'%s': %s", path, what);
}

/* Reads all of 'path' (a regular file) into a malloc'ed buffer (*buf,
 * *len). */
static eo_status
read_file(eo_ctx *ctx, const char *path, unsigned char **buf, size_t *len)
{
    *buf = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return eo_emit_error(ctx, eo_loc_unknown(ctx),
                             "'%s': cannot open: %s", path, strerror(errno));
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return npy_error(ctx, path, "not a regular file");
    }
    if ((uint64_t)sb.st_size > SIZE_MAX - 1) {
        fclose(f);
        return npy_error(ctx, path, "file too large");
    }
    size_t n = (size_t)sb.st_size;
    unsigned char *data = malloc(n ? n : 1);
    if (!data) {
        fclose(f);
        (void)npy_error(ctx, path, "out of memory reading the file");
        return EO_NOMEM;
    }
    size_t got = fread(data, 1, n, f);
    bool failed = ferror(f) != 0;
    int saved = errno;
    fclose(f);
    if (got != n) {
        free(data);
        return eo_emit_error(ctx, eo_loc_unknown(ctx), "'%s': read error: %s",
                             path, failed ? strerror(saved)
                                          : "the file shrank while read");
    }
    *buf = data;
    *len = n;
    return EO_OK;
}

/* A cursor over the header dictionary text. */
typedef struct hdr {
    const char *p, *end;
} hdr;

static void
skip_ws(hdr *h)
{
    while (h->p < h->end && (*h->p == ' ' || *h->p == '\t' ||
                             *h->p == '\n' || *h->p == '\r'))
        h->p++;
}

static bool
eat(hdr *h, char c)
{
    skip_ws(h);
    if (h->p < h->end && *h->p == c) {
        h->p++;
        return true;
    }
    return false;
}

/* A quoted Python string literal without escapes: *s, *n. */
static bool
parse_str(hdr *h, const char **s, size_t *n)
{
    skip_ws(h);
    if (h->p >= h->end || (*h->p != '\'' && *h->p != '"'))
        return false;
    char q = *h->p++;
    const char *start = h->p;
    while (h->p < h->end && *h->p != q) {
        if (*h->p == '\\')
            return false;
        h->p++;
    }
    if (h->p >= h->end)
        return false;
    *s = start;
    *n = (size_t)(h->p - start);
    h->p++;
    return true;
}

static bool
word_is(hdr *h, const char *w)
{
    size_t n = strlen(w);
    skip_ws(h);
    if ((size_t)(h->end - h->p) < n || memcmp(h->p, w, n) != 0)
        return false;
    h->p += n;
    return true;
}

/* A tuple of non-negative integers: "()", "(3,)", "(2, 3)", "(2, 3,)". */
static const char *
parse_shape(hdr *h, size_t *rank, int64_t *shape)
{
    if (!eat(h, '('))
        return "malformed 'shape' in the header";
    *rank = 0;
    for (;;) {
        if (eat(h, ')'))
            return NULL;
        skip_ws(h);
        if (h->p >= h->end || *h->p < '0' || *h->p > '9')
            return "malformed 'shape' in the header";
        int64_t v = 0;
        while (h->p < h->end && *h->p >= '0' && *h->p <= '9') {
            if (v > (INT64_MAX - 9) / 10)
                return "dimension too large in 'shape'";
            v = v * 10 + (*h->p++ - '0');
        }
        if (h->p < h->end && (*h->p == 'L' || *h->p == 'l'))
            h->p++;             /* Python 2 long suffix */
        if (*rank == EO_GRAPH_MAX_RANK)
            return "unsupported rank (more than 8 dimensions)";
        shape[(*rank)++] = v;
        if (eat(h, ','))
            continue;
        if (!eat(h, ')'))
            return "malformed 'shape' in the header";
        /* "(3)" is not a tuple; numpy never writes it, accept it. */
        return NULL;
    }
}

/* Maps a descr string to a dtype; returns a message on failure. */
static const char *
parse_descr(const char *s, size_t n, eo_dtype *dt)
{
    if (n < 3)
        return "unsupported 'descr' in the header";
    char order = s[0], kind = s[1];
    unsigned size = 0;
    for (size_t i = 2; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || size > 1000)
            return "unsupported 'descr' in the header";
        size = size * 10 + (unsigned)(s[i] - '0');
    }
    if (order != '<' && order != '|' && order != '>' && order != '=')
        return "unsupported 'descr' in the header";
    if (order == '>' && size > 1)
        return "big-endian data is unsupported";
    for (size_t i = 0; i < NPY_NUM_TYPES; i++) {
        if (npy_types[i].kind == kind && npy_types[i].size == size) {
            *dt = npy_types[i].dt;
            return NULL;
        }
    }
    return "unsupported 'descr' in the header";
}

typedef struct npy_header {
    eo_dtype dt;
    size_t rank;
    int64_t shape[EO_GRAPH_MAX_RANK];
} npy_header;

/* Parses "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }". */
static const char *
parse_dict(hdr *h, npy_header *out)
{
    bool seen_descr = false, seen_order = false, seen_shape = false;
    if (!eat(h, '{'))
        return "malformed header (expected a dictionary)";
    for (;;) {
        if (eat(h, '}'))
            break;
        const char *key;
        size_t klen;
        if (!parse_str(h, &key, &klen) || !eat(h, ':'))
            return "malformed header dictionary";
        if (klen == 5 && memcmp(key, "descr", 5) == 0) {
            const char *v;
            size_t vlen;
            if (seen_descr)
                return "duplicate 'descr' in the header";
            seen_descr = true;
            if (!parse_str(h, &v, &vlen))
                return "unsupported 'descr' in the header";
            const char *err = parse_descr(v, vlen, &out->dt);
            if (err)
                return err;
        } else if (klen == 13 && memcmp(key, "fortran_order", 13) == 0) {
            if (seen_order)
                return "duplicate 'fortran_order' in the header";
            seen_order = true;
            if (word_is(h, "True"))
                return "Fortran-order data is unsupported";
            if (!word_is(h, "False"))
                return "malformed 'fortran_order' in the header";
        } else if (klen == 5 && memcmp(key, "shape", 5) == 0) {
            if (seen_shape)
                return "duplicate 'shape' in the header";
            seen_shape = true;
            const char *err = parse_shape(h, &out->rank, out->shape);
            if (err)
                return err;
        } else {
            return "unexpected key in the header dictionary";
        }
        if (eat(h, ','))
            continue;
        if (!eat(h, '}'))
            return "malformed header dictionary";
        break;
    }
    if (!seen_descr || !seen_order || !seen_shape)
        return "header lacks 'descr', 'fortran_order' or 'shape'";
    skip_ws(h);
    if (h->p != h->end)
        return "trailing characters after the header dictionary";
    return NULL;
}

/* Parses a whole .npy image; 'out' receives an owned tensor. */
static eo_status
parse_npy(eo_ctx *ctx, const char *path, const unsigned char *buf,
          size_t len, eo_tensor *out)
{
    if (len < 10 || memcmp(buf, npy_magic, sizeof npy_magic) != 0)
        return npy_error(ctx, path, "not a .npy file (bad magic)");
    unsigned major = buf[6];
    size_t hlen, off;
    if (major == 1) {
        hlen = (size_t)buf[8] | (size_t)buf[9] << 8;
        off = 10;
    } else if (major == 2 || major == 3) {
        if (len < 12)
            return npy_error(ctx, path, "truncated header");
        uint32_t l = (uint32_t)buf[8] | (uint32_t)buf[9] << 8 |
                     (uint32_t)buf[10] << 16 | (uint32_t)buf[11] << 24;
        if (l > NPY_MAX_HEADER)
            return npy_error(ctx, path, "header too large");
        hlen = l;
        off = 12;
    } else {
        return eo_emit_error(ctx, eo_loc_unknown(ctx),
                             "'%s': unsupported .npy format version %u.%u",
                             path, major, (unsigned)buf[7]);
    }
    if (hlen > len - off)
        return npy_error(ctx, path, "truncated header");
    npy_header h = { .dt = EO_DT_F32 };
    hdr cur = { (const char *)buf + off, (const char *)buf + off + hlen };
    const char *err = parse_dict(&cur, &h);
    if (err)
        return npy_error(ctx, path, err);

    size_t esize = eo_dtype_size(h.dt);
    uint64_t numel = 1;
    for (size_t i = 0; i < h.rank; i++) {
        uint64_t d = (uint64_t)h.shape[i];
        if (d != 0 && numel > UINT64_MAX / d)
            return npy_error(ctx, path, "shape too large");
        numel *= d;
    }
    size_t data_len = len - off - hlen;
    if (numel > data_len / esize)
        return npy_error(ctx, path, "truncated data");
    if (numel * esize != data_len)
        return npy_error(ctx, path, "trailing bytes after the data");

    eo_status st = eo_tensor_alloc(out, h.dt, h.rank, h.shape);
    if (st != EO_OK) {
        (void)npy_error(ctx, path, "out of memory");
        return st;
    }
    if (data_len)
        memcpy(out->data, buf + off + hlen, data_len);
    if (h.dt == EO_DT_BOOL) {
        unsigned char *b = out->data;
        for (size_t i = 0; i < data_len; i++)
            b[i] = b[i] != 0;
    }
    return EO_OK;
}

eo_status
eo_tensor_load_npy(eo_ctx *ctx, const char *path, eo_tensor *out)
{
    memset(out, 0, sizeof *out);
    unsigned char *buf = NULL;
    size_t len = 0;
    eo_status st = read_file(ctx, path, &buf, &len);
    if (st != EO_OK)
        return st;
    st = parse_npy(ctx, path, buf, len, out);
    free(buf);
    return st;
}

/* The descr string for 'dt' ("<f4", "|u1", ...); NULL if unknown. */
static bool
descr_of(eo_dtype dt, char out[8])
{
    for (size_t i = 0; i < NPY_NUM_TYPES; i++) {
        if (npy_types[i].dt == dt) {
            snprintf(out, 8, "%c%c%u", npy_types[i].size == 1 ? '|' : '<',
                     npy_types[i].kind, npy_types[i].size);
            return true;
        }
    }
    return false;
}

eo_status
eo_tensor_save_npy(eo_ctx *ctx, const char *path, const eo_tensor *t)
{
    char descr[8];
    if (!descr_of(t->dtype, descr))
        return npy_error(ctx, path, "cannot save a tensor of unknown dtype");
    if (t->rank > EO_GRAPH_MAX_RANK)
        return npy_error(ctx, path, "cannot save a tensor of rank over 8");
    int64_t numel = eo_tensor_numel(t);
    size_t esize = eo_dtype_size(t->dtype);
    if (numel < 0 || (numel > 0 && !t->data) ||
        (uint64_t)numel > SIZE_MAX / esize ||
        t->nbytes < (size_t)numel * esize)
        return npy_error(ctx, path,
                         "tensor data does not match its shape and dtype");
    size_t nbytes = (size_t)numel * esize;

    /* Header: magic, version, length, dict, spaces, '\n'; the total is a
     * multiple of 64 as numpy writes it. */
    char dict[512];
    int n = snprintf(dict, sizeof dict,
                     "{'descr': '%s', 'fortran_order': False, 'shape': (",
                     descr);
    for (size_t i = 0; i < t->rank; i++)
        n += snprintf(dict + n, sizeof dict - (size_t)n, "%s%lld",
                      i ? ", " : "", (long long)t->shape[i]);
    n += snprintf(dict + n, sizeof dict - (size_t)n, "%s), }",
                  t->rank == 1 ? "," : "");
    size_t dlen = (size_t)n;
    size_t total = (10 + dlen + 1 + 63) / 64 * 64;
    size_t hlen = total - 10;
    unsigned char pre[10];
    memcpy(pre, npy_magic, sizeof npy_magic);
    pre[6] = 1;
    pre[7] = 0;
    pre[8] = (unsigned char)(hlen & 0xff);
    pre[9] = (unsigned char)(hlen >> 8);
    char pad[64];
    memset(pad, ' ', sizeof pad);

    FILE *f = fopen(path, "wb");
    if (!f)
        return eo_emit_error(ctx, eo_loc_unknown(ctx),
                             "'%s': cannot open for writing: %s", path,
                             strerror(errno));
    bool ok = fwrite(pre, 1, sizeof pre, f) == sizeof pre &&
              fwrite(dict, 1, dlen, f) == dlen &&
              fwrite(pad, 1, hlen - dlen - 1, f) == hlen - dlen - 1 &&
              fputc('\n', f) != EOF &&
              (nbytes == 0 || fwrite(t->data, 1, nbytes, f) == nbytes);
    int saved = errno;
    if (fclose(f) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (!ok)
        return eo_emit_error(ctx, eo_loc_unknown(ctx),
                             "'%s': write error: %s", path, strerror(saved));
    return EO_OK;
}
