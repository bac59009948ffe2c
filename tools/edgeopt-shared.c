/* tools/edgeopt-shared.c - libedgeopt.so is every edge-opt library linked
 * whole into one shared object; this file only gives the target a source.
 * Only EO_API functions are exported (the build uses -fvisibility=hidden).
 */
#include "ir/ir.h"

/* The library's version string, as EO_VERSION_STRING at build time. */
EO_API const char *eo_shared_version(void);

const char *
eo_shared_version(void)
{
    return EO_VERSION_STRING;
}
