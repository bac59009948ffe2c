/* rewrite/plugin.c - loading dialect and pass plugins: shared objects
 * opened with dlopen that export one versioned entry point returning an
 * eo_plugin_info, whose register hook adds dialects or passes to a
 * context (as mlir-opt's --load-dialect-plugin / --load-pass-plugin). */
#include "rewrite/rewrite.h"

#include <dlfcn.h>
#include <stdbool.h>
#include <stddef.h>

typedef const eo_plugin_info *(*info_fn)(void);

eo_status
eo_plugin_load(eo_ctx *ctx, const char *path, eo_plugin_kind kind)
{
    const char *what = kind == EO_PLUGIN_DIALECT ? "dialect" : "pass";
    const char *entry = kind == EO_PLUGIN_DIALECT ? EO_DIALECT_PLUGIN_ENTRY
                                                  : EO_PASS_PLUGIN_ENTRY;
    if (!path || !*path)
        return eo_emit_error(ctx, NULL, "no %s plugin path given", what);
    /* RTLD_NOW: a plugin missing a symbol fails here, with the name,
     * rather than in the middle of a run. The handle is kept open: the
     * plugin's tables and hooks live in it for the life of the process. */
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        return eo_emit_error(ctx, NULL, "failed to load %s plugin '%s': %s",
                             what, path, why ? why : "unknown error");
    }
    /* POSIX: a function pointer travels through void * via dlsym. */
    info_fn get;
    void *sym = dlsym(h, entry);
    *(void **)&get = sym;
    if (!sym) {
        dlclose(h);
        return eo_emit_error(ctx, NULL,
                             "'%s' is not an edge-opt %s plugin: it does "
                             "not export '%s'", path, what, entry);
    }
    const eo_plugin_info *info = get();
    if (!info) {
        dlclose(h);
        return eo_emit_error(ctx, NULL, "%s plugin '%s' returned no info",
                             what, path);
    }
    if (info->api_version != EO_PLUGIN_API_VERSION) {
        dlclose(h);
        return eo_emit_error(ctx, NULL,
                             "%s plugin '%s' was built for plugin API "
                             "version %u, this edge-opt has version %u",
                             what, path, (unsigned)info->api_version,
                             (unsigned)EO_PLUGIN_API_VERSION);
    }
    if (!info->register_fn) {
        dlclose(h);
        return eo_emit_error(ctx, NULL, "%s plugin '%s' has no register "
                             "function", what, path);
    }
    eo_status st = info->register_fn(ctx);
    if (st != EO_OK)
        return st == EO_NOMEM ? st
               : eo_emit_error(ctx, NULL, "%s plugin '%s' (%s) failed to "
                               "register", what, path,
                               info->name ? info->name : "unnamed");
    return EO_OK;
}
