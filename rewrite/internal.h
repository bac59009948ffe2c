/* rewrite/internal.h - declarations shared by the files of rewrite/ only.
 *
 * Each built-in pass lives in its own file and defines exactly one of the
 * eo_pass_<name> definitions below (pass_canonicalize.c, pass_cse.c,
 * pass_dce.c defines dce and symbol_dce, pass_inline.c, pass_unroll.c);
 * rewrite/passes.c registers them all in eo_passes_register.
 */
#ifndef EO_REWRITE_INTERNAL_H
#define EO_REWRITE_INTERNAL_H

#include "rewrite/rewrite.h"

/* One pass definition per pass file (see above). */
EO_HIDDEN extern const eo_pass_def eo_pass_canonicalize, eo_pass_cse,
    eo_pass_dce, eo_pass_symbol_dce, eo_pass_inline, eo_pass_unroll;

#endif /* EO_REWRITE_INTERNAL_H */
