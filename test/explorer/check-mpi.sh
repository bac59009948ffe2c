#!/bin/sh
# test/explorer/check-mpi.sh MPI_CHECK [MODEL TARGET] - runs mpi_check.c
# under mpirun with 3 ranks on localhost in every mode (and with the real
# evaluator on MODEL/TARGET when given), each under a 60 s timeout so that
# a hang is a failure. Exit 77 (skipped) without mpirun.
set -u
bin=$1
model=${2:-}
target=${3:-}
if ! command -v mpirun >/dev/null 2>&1; then
    echo "mpirun not found: MPI test skipped"
    exit 77
fi
# Root in containers; 3 ranks on fewer cores; no fork warning; OpenMPI's
# own allocations are not ours to check for leaks.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_MCA_mpi_warn_on_fork=0
here=$(cd "$(dirname "$0")" && pwd)
# (OpenMPI has no frame pointers: only the slow unwinder reaches the
# frames the suppressions name.)
supp="suppressions=$here/mpi-lsan.supp:print_suppressions=0"
export LSAN_OPTIONS="$supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# run NAME NP ARGS...: runs mpi_check under mpirun, output in $tmp/NAME.
run() {
    name=$1 np=$2
    shift 2
    if [ "$np" = 0 ]; then
        timeout 60 "$bin" "$@" >"$tmp/$name" 2>&1
    else
        timeout 60 mpirun -np "$np" --oversubscribe "$bin" "$@" \
            >"$tmp/$name" 2>&1
    fi
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "FAIL: $name: exit $rc"
        cat "$tmp/$name"
        fail=1
        return 1
    fi
    return 0
}

# expect NAME TEXT: the output of NAME has a line containing TEXT.
expect() {
    if ! grep -qF -- "$2" "$tmp/$1"; then
        echo "FAIL: $1: no line with: $2"
        cat "$tmp/$1"
        fail=1
    fi
}

if run basic 3 basic; then
    expect basic "rank 0: batch of 48 equal to in-process (4 failed)"
    expect basic "rank 0: batch of 0 equal to in-process"
    expect basic "rank 0: done"
    expect basic "rank 1: done"
    expect basic "rank 2: done"
    # Both workers got a share.
    if grep -q "served 0$" "$tmp/basic"; then
        echo "FAIL: basic: a worker served nothing"
        cat "$tmp/basic"
        fail=1
    fi
fi
if run mismatch 3 mismatch; then
    expect mismatch "rank 0: error: MPI: the search space of rank 2 ("
    expect mismatch "rank 2: error: MPI (rank 2): not serving: its search"
    expect mismatch "rank 1: error: MPI (rank 1): not serving: another"
fi
if run root-stops 3 root-stops; then
    expect root-stops "rank 1: error: MPI (rank 1): not serving: rank 0"
    expect root-stops "rank 2: error: MPI (rank 2): not serving: rank 0"
fi
if run worker-fails 3 worker-fails; then
    expect worker-fails "rank 0: error: MPI: rank 1 could not start serving"
    expect worker-fails "rank 2: error: MPI (rank 2): not serving: another"
    expect worker-fails "rank 0: done"
fi
if run eval-error 3 eval-error; then
    expect eval-error "error: fake evaluator: internal error on"
    expect eval-error "rank 0: error: MPI: rank"
    expect eval-error "could not evaluate candidate"
    expect eval-error "rank 0: batch of 8 equal to in-process"
fi
if run grow 3 grow; then
    expect grow "rank 0: batch of 12: "
    expect grow "rank 0: batch of 40 equal to in-process"
    expect grow "rank 0: batch of 3 equal to in-process"
    expect grow "rank 0: done"
    expect grow "rank 1: done"
    expect grow "rank 2: done"
fi
if run single 0 single; then
    expect single "rank 0: error: MPI: the pool needs at least 2 ranks"
fi
if [ -n "$model" ] && [ -n "$target" ]; then
    if run evaluator 3 evaluator "$model" "$target"; then
        expect evaluator "rank 0: batch of 12 equal to in-process"
        expect evaluator "rank 1: served"
    fi
fi
[ $fail -eq 0 ] && echo "all MPI checks passed"
exit $fail
