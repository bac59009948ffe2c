/* targets/internal.h - declarations shared by the targets/ sources: the
 * schema tables (schema.c) that the generic loader, printer, copier and
 * path resolver (target.c) walk, JSON source positions (json_pos.c) and
 * host detection (detect.c).
 */
#ifndef EO_TARGETS_INTERNAL_H
#define EO_TARGETS_INTERNAL_H

#include "targets/targets.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Field kinds: how a JSON value maps onto a C member. */
typedef enum tkind {
    T_STR,      /* const char * (malloc'd, or eo_target_empty) */
    T_ENUM,     /* an enum (int-sized) from a string in 'names' */
    T_INT,      /* int64_t */
    T_NUM,      /* double */
    T_BOOL,     /* bool */
    T_SET,      /* uint32_t mask from an array of strings in 'names' */
    T_OBJ,      /* nested struct in place ('sub'); 'aux' = presence bool */
    T_ARR,      /* array of 'sub' structs; 'aux' = size_t count */
} tkind;

#define T_NO_AUX ((size_t)-1)

typedef struct tschema tschema;

typedef struct tfield {
    const char *key;
    tkind kind;
    size_t off;
    bool required;
    bool min_excl;          /* T_NUM: value must be > min */
    double min, max;        /* T_INT, T_NUM */
    double def;             /* default of optional T_INT/T_NUM/T_BOOL/T_ENUM */
    const char *const *names;
    size_t num_names;
    const tschema *sub;
    size_t aux;
    /* Whether the field is unused given its object's other fields (then
     * it is neither accepted in files nor printed). NULL: always used. */
    bool (*unused)(const void *obj);
    const char *unused_why;
} tfield;

struct tschema {
    const char *what;
    const tfield *fields;
    size_t num_fields;
    size_t size;
};

struct eo_target {
    eo_target_desc d;
    char *file;
    char *variant;
};

EO_HIDDEN extern const tschema eo_target_schema;
EO_HIDDEN extern const char eo_target_empty[];
EO_HIDDEN extern const char *const eo_target_dtype_names[EO_TDT_COUNT];
EO_HIDDEN extern const char *const eo_target_kind_names[EO_TARGET_NUM_KINDS];

/* Source positions of a parsed document: for each cJSON node, the byte
 * offset of its value and (members) of its key. */
typedef struct eo_jpos {
    const cJSON *node;
    size_t key_off, val_off;
} eo_jpos;

/* Positions of every node of 'root' (parsed from text[0..len)), sorted by
 * node; NULL (*n = 0) if out of memory or the text does not match. The
 * caller frees the result. */
EO_HIDDEN eo_jpos *eo_json_positions(const cJSON *root, const char *text,
                                     size_t len, size_t *n);
/* The entry of 'node', or NULL. */
EO_HIDDEN const eo_jpos *eo_json_position_of(const eo_jpos *pos, size_t n,
                                             const cJSON *node);

/* Fills the "detect" fields of a host description from the machine
 * (under 'sysroot', "" for the real one) and clears d->detect. Fields it
 * cannot find keep the file's values. */
EO_HIDDEN void eo_target_detect(eo_target_desc *d, const char *sysroot);

/* Edit distance of two strings, capped at 'cap' + 1. */
EO_HIDDEN size_t eo_target_edit_distance(const char *a, const char *b,
                                         size_t cap);

#endif /* EO_TARGETS_INTERNAL_H */
