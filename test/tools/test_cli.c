/* test/tools/test_cli.c - the tools' shared command-line parsing
 * (tools/cli.c, compiled into each tool; included here): flag lookup, the
 * --help table, value and boolean flags, positional arguments, number
 * parsing and the error messages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tools/cli.c"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct opts {
    bool verbose, help;
    const char *name;
    const char *file;
    int64_t count;
    const char *list[4];
    size_t nlist;
    bool maybe_set;
    const char *maybe;
} opts;

enum { SLOT_NAME, SLOT_COUNT, SLOT_ITEM, SLOT_MAYBE };

static const eo_cli_flag flags[] = {
    EO_CLI_VALUE_FLAG("count", SLOT_COUNT, "n", "How many (1 to 9)"),
    EO_CLI_BOOL_FLAG(opts, "help", help, "Print help"),
    EO_CLI_VALUE_FLAG("item", SLOT_ITEM, "x", "An item (repeatable)"),
    { "maybe", EO_CLI_OPT_VALUE, 0, SLOT_MAYBE, "v", "Optional value" },
    EO_CLI_VALUE_FLAG("name", SLOT_NAME, "s", "A name; 'bad' is refused"),
    EO_CLI_VALUE_FLAG("o", SLOT_NAME, "file", "One letter"),
    EO_CLI_BOOL_FLAG(opts, "verbose", verbose, "Say more"),
};
#define NFLAGS (sizeof flags / sizeof flags[0])

static eo_cli_set
set(void *p, const eo_cli_flag *fl, const char *v)
{
    opts *o = p;
    switch (fl->slot) {
    case SLOT_NAME:
        if (strcmp(v, "bad") == 0) {
            fprintf(stderr, "t: error: bad name\n");
            return EO_CLI_SET_REPORTED;
        }
        o->name = v;
        return EO_CLI_SET_OK;
    case SLOT_COUNT:
        return eo_cli_parse_int(v, 1, 9, &o->count) ? EO_CLI_SET_OK
                                                    : EO_CLI_SET_INVALID;
    case SLOT_ITEM:
        if (o->nlist == 4)
            return EO_CLI_SET_INVALID;
        o->list[o->nlist++] = v;
        return EO_CLI_SET_OK;
    case SLOT_MAYBE:
        o->maybe_set = true;
        o->maybe = v;
        return EO_CLI_SET_OK;
    default:
        return EO_CLI_SET_INVALID;
    }
}

static bool
positional(void *p, const char *a)
{
    opts *o = p;
    if (o->file) {
        fprintf(stderr, "t: error: two files\n");
        return false;
    }
    o->file = a;
    return true;
}

/* Parses the NULL-terminated arguments; *err gets what went to stderr
 * (malloc'ed). */
static bool
parse(opts *o, char **err, ...)
{
    char *argv[32] = { "t" };
    int argc = 1;
    va_list ap;
    va_start(ap, err);
    for (char *a; (a = va_arg(ap, char *)) && argc < 31;)
        argv[argc++] = a;
    va_end(ap);
    memset(o, 0, sizeof *o);
    const eo_cli cli = { "t", flags, NFLAGS, o, set, positional };
    fflush(stderr);
    FILE *f = tmpfile();
    assert_non_null(f);
    int saved = dup(fileno(stderr));
    assert_true(saved >= 0);
    assert_true(dup2(fileno(f), fileno(stderr)) >= 0);
    bool ok = eo_cli_parse(&cli, argc, argv);
    fflush(stderr);
    assert_true(dup2(saved, fileno(stderr)) >= 0);
    close(saved);
    long n = ftell(f);
    assert_true(n >= 0);
    *err = calloc((size_t)n + 1, 1);
    assert_non_null(*err);
    rewind(f);
    assert_int_equal(fread(*err, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return ok;
}

static void
test_find(void **state)
{
    (void)state;
    assert_ptr_equal(eo_cli_find(flags, NFLAGS, "count", 5), &flags[0]);
    assert_ptr_equal(eo_cli_find(flags, NFLAGS, "countx", 5), &flags[0]);
    assert_null(eo_cli_find(flags, NFLAGS, "coun", 4));
    assert_null(eo_cli_find(flags, NFLAGS, "nope", 4));
}

static void
test_help_table(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    eo_cli_print_flags(f, flags, NFLAGS);
    long n = ftell(f);
    char buf[1024] = { 0 };
    rewind(f);
    assert_true(n > 0 && (size_t)n < sizeof buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    assert_string_equal(buf,
        "  --count=<n>   - How many (1 to 9)\n"
        "  --help        - Print help\n"
        "  --item=<x>    - An item (repeatable)\n"
        "  --maybe[=<v>] - Optional value\n"
        "  --name=<s>    - A name; 'bad' is refused\n"
        "  -o <file>     - One letter\n"
        "  --verbose     - Say more\n");
}

static void
test_parse_ok(void **state)
{
    (void)state;
    opts o;
    char *err;
    assert_true(parse(&o, &err, "--verbose", "in.mlir", "--count", "3",
                      "-item=a", "--item", "b", "--name=x", "--maybe",
                      "--help=false", NULL));
    assert_string_equal(err, "");
    free(err);
    assert_true(o.verbose);
    assert_false(o.help);
    assert_string_equal(o.file, "in.mlir");
    assert_int_equal(o.count, 3);
    assert_int_equal(o.nlist, 2);
    assert_string_equal(o.list[1], "b");
    assert_string_equal(o.name, "x");
    assert_true(o.maybe_set);
    assert_null(o.maybe);
    /* "--" ends the flags; a lone "-" is positional (stdin). */
    assert_true(parse(&o, &err, "--maybe=v", "--verbose=0", "--",
                      "--count", NULL));
    free(err);
    assert_string_equal(o.maybe, "v");
    assert_false(o.verbose);
    assert_string_equal(o.file, "--count");
    assert_true(parse(&o, &err, "-", "--verbose=True", NULL));
    free(err);
    assert_string_equal(o.file, "-");
    assert_true(o.verbose);
}

static void
test_parse_errors(void **state)
{
    (void)state;
    opts o;
    char *err;
    /* Every problem is reported, in order. */
    assert_false(parse(&o, &err, "--bogus", "--count=0", "--verbose=maybe",
                       "--name=bad", "a", "b", "--count", NULL));
    assert_string_equal(err,
        "t: error: unknown option '--bogus' (see t --help)\n"
        "t: error: invalid value '0' for --count\n"
        "t: error: --verbose takes no value other than true or false, "
        "got 'maybe'\n"
        "t: error: bad name\n"
        "t: error: two files\n"
        "t: error: --count needs a value\n");
    free(err);
}

static void
test_numbers(void **state)
{
    (void)state;
    int64_t i;
    uint64_t u;
    double d;
    const char *rest;
    assert_true(eo_cli_parse_int("-5", -9, 9, &i));
    assert_int_equal(i, -5);
    assert_false(eo_cli_parse_int("10", -9, 9, &i));
    assert_false(eo_cli_parse_int("", 0, 9, &i));
    assert_false(eo_cli_parse_int("3x", 0, 9, &i));
    assert_false(eo_cli_parse_int("99999999999999999999", 0, INT64_MAX, &i));
    assert_true(eo_cli_parse_u64("18446744073709551615", 0, UINT64_MAX,
                                 &u));
    assert_true(u == UINT64_MAX);
    assert_false(eo_cli_parse_u64("-1", 0, UINT64_MAX, &u));
    assert_false(eo_cli_parse_u64("+1", 0, UINT64_MAX, &u));
    assert_false(eo_cli_parse_u64("0", 1, 5, &u));
    assert_true(eo_cli_parse_nonneg("1e-3", &d, NULL));
    assert_true(d == 1e-3);
    assert_false(eo_cli_parse_nonneg("-1", &d, NULL));
    assert_false(eo_cli_parse_nonneg("nan", &d, NULL));
    assert_false(eo_cli_parse_nonneg("inf", &d, NULL));
    assert_false(eo_cli_parse_nonneg("2ms", &d, NULL));
    assert_true(eo_cli_parse_nonneg("2ms", &d, &rest));
    assert_true(d == 2);
    assert_string_equal(rest, "ms");
    bool b = false;
    assert_true(eo_cli_parse_bool("TRUE", &b));
    assert_true(b);
    assert_true(eo_cli_parse_bool("0", &b));
    assert_false(b);
    assert_false(eo_cli_parse_bool("yes", &b));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_help_table),
        cmocka_unit_test(test_parse_ok),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
