/* test/fuzz/fuzz_attr.c - libFuzzer target for the type and attribute
 * parsers on their own (eo_type_parse, eo_attr_parse), where a whole-file
 * target would spend most inputs on op syntax.
 *
 * The first byte picks the parser (even: attribute, odd: type), the rest
 * is the text. Whatever parses must print, and the printed text must
 * parse back to the very same uniqued object: printer and parser agree on
 * every value. A broken round trip traps. One exception, as in MLIR: an
 * opaque body ("#foo<...>", "!foo<...>") is printed verbatim and may not
 * parse again (mlir-opt prints "#foo.a-" as "#foo<a->", which it cannot
 * read); if such text fails to parse, that is not reported. And, as in
 * MLIR, f80 and f128 decimals are read through a double, so values of
 * those types are not checked. run-fuzz.sh runs this target with
 * FUZZ_TARGET=fuzz_attr.
 */
#include "dialects/dialects.h"
#include "ir/ir.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Whether 's' has "#name<" or "!name<" with no dot in the name: an
 * opaque dialect attribute or type. */
static bool
has_opaque(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '#' && s[i] != '!')
            continue;
        size_t j = i + 1;
        while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '_'
                         || s[j] == '$'))
            j++;
        if (j > i + 1 && j < n && s[j] == '<')
            return true;
    }
    return false;
}

/* Whether the printed form may legitimately not round-trip. */
static bool
contains(const eo_strbuf *b, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; b->data && i + n <= b->len; i++)
        if (memcmp(b->data + i, word, n) == 0)
            return true;
    return false;
}

static bool
exempt(const eo_strbuf *out)
{
    return contains(out, "f80") || contains(out, "f128");
}

static void
drop_diag(const eo_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return 0;
    eo_ctx_set_allow_unregistered(ctx, true);
    eo_ctx_set_diag_handler(ctx, drop_diag, NULL);
    if (eo_register_all_dialects(ctx) != EO_OK) {
        eo_ctx_destroy(ctx);
        return 0;
    }
    bool is_type = data[0] & 1;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    eo_strbuf out = {0};
    if (is_type) {
        const eo_type *t = eo_type_parse(ctx, text, len);
        if (t) {
            eo_type_print(t, &out);
            const eo_type *again = out.oom ? NULL
                                 : eo_type_parse(ctx, out.data, out.len);
            if (!exempt(&out)
                && (again ? again != t : !has_opaque(out.data, out.len)))
                __builtin_trap();
        }
    } else {
        const eo_attr *a = eo_attr_parse(ctx, text, len);
        if (a) {
            eo_attr_print(a, &out);
            const eo_attr *again = out.oom ? NULL
                                 : eo_attr_parse(ctx, out.data, out.len);
            if (!exempt(&out)
                && (again ? again != a : !has_opaque(out.data, out.len)))
                __builtin_trap();
        }
    }
    eo_strbuf_free(&out);
    eo_ctx_destroy(ctx);
    return 0;
}
