// The pass manager's flags of edge-opt.
// --list-passes: names, descriptions, options (with types and defaults),
// sorted by name; --help lists them too.
// RUN: edge-opt --list-passes | FileCheck %s --check-prefix=LIST
// RUN: edge-opt --help | FileCheck %s --check-prefix=LIST
// LIST:      Available passes:
// LIST:        --canonicalize {{ *}}-   Canonicalize operations
// LIST-NEXT:     --disable-patterns=<string> {{ *}}- {{.+}}
// LIST:          --max-iterations=<long> {{ *}}- {{.+}} (default: 10)
// LIST:          --top-down {{ *}}- {{.+}} (default: true)
// LIST:        --cse {{ *}}-   Eliminate common sub-expressions
// LIST:        --symbol-dce {{ *}}-   {{.+}}

// Pass flags take one or two dashes and options after '='; unknown ones
// get a suggestion.
// RUN: edge-opt %s -cse | FileCheck %s --check-prefix=CSE
// RUN: edge-opt %s --cse | FileCheck %s --check-prefix=CSE
// CSE:      %[[A:.*]] = arith.addi %arg0, %arg0
// CSE-NEXT: arith.muli %[[A]], %[[A]]
// RUN: not edge-opt %s --cse2 2>&1 | FileCheck %s --check-prefix=SUGGEST
// SUGGEST:      edge-opt: Unknown command line argument '--cse2'.  Try: 'edge-opt --help'
// SUGGEST-NEXT: edge-opt: Did you mean '--cse'?

// --verify-each is on by default and takes a boolean.
// RUN: edge-opt %s -cse --verify-each=false | FileCheck %s --check-prefix=CSE
// RUN: edge-opt %s -cse --verify-each=0 | FileCheck %s --check-prefix=CSE
// RUN: not edge-opt %s -cse --verify-each=maybe 2>&1 | FileCheck %s --check-prefix=VBOOL
// VBOOL: edge-opt: for the --verify-each option: 'maybe' is invalid value for boolean argument! Try 0 or 1

// Threads: --mlir-disable-threading, --mlir-num-threads=N.
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse))' --mlir-disable-threading | FileCheck %s --check-prefix=CSE
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse))' --mlir-num-threads=2 | FileCheck %s --check-prefix=CSE
// RUN: not edge-opt %s -cse --mlir-num-threads=many 2>&1 | FileCheck %s --check-prefix=NT
// NT: edge-opt: for the --mlir-num-threads option: 'many' value invalid for uint argument!

// --dump-pass-pipeline prints the pipeline (every option spelled out) as
// mlir-opt does; it reads back as the same pipeline.
// RUN: edge-opt %s -cse --canonicalize=max-iterations=3 --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP
// DUMP:      Pass Manager with 2 passes:
// DUMP-NEXT: builtin.module(cse,canonicalize{{[{]}}{{.*}}max-iterations=3{{.*}}})
// DUMP-EMPTY:
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse),optional(any(cse,symbol-dce)))' --dump-pass-pipeline -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP2
// DUMP2:      Pass Manager with 2 passes:
// DUMP2-NEXT: builtin.module(func.func(cse),optional(any(cse,symbol-dce)))

// Value flags need their value.
// RUN: not edge-opt %s --pass-pipeline 2>&1 | FileCheck %s --check-prefix=NOVAL
// NOVAL: edge-opt: for the --pass-pipeline option: requires a value!
// RUN: not edge-opt %s --knob 2>&1 | FileCheck %s --check-prefix=NOKNOB
// NOKNOB: edge-opt: for the --knob option: requires a value!

// An unreadable knob file is an error.
// RUN: not edge-opt %s -cse --knobs %t.missing 2>&1 | FileCheck %s --check-prefix=NOFILE
// NOFILE: error: {{.*}}missing

func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
