// optional(...) and any(...) make which passes run a knob of the run:
// pipeline.optional.<k> (bool, default true) and pipeline.any.<k> (an enum
// of the alternatives, default the first), numbered in textual order.
// RUN: edge-opt %s --pass-pipeline='builtin.module(optional(cse),any(canonicalize,func.func(cse)))' | FileCheck %s --check-prefix=DEFAULT
// DEFAULT-LABEL: func.func @f
// DEFAULT-NEXT:    arith.muli %arg0, %arg0
// DEFAULT-NEXT:    return

// RUN: edge-opt %s --pass-pipeline='builtin.module(optional(cse),any(canonicalize,func.func(cse)))' --knob pipeline.optional.0=false --knob 'pipeline.any.1=func.func(cse)' | FileCheck %s --check-prefix=CSEONLY
// RUN: printf '{"pipeline.optional.0": false, "pipeline.any.1": "func.func(cse)"}' > %t.json
// RUN: edge-opt %s --pass-pipeline='builtin.module(optional(cse),any(canonicalize,func.func(cse)))' --knobs %t.json | FileCheck %s --check-prefix=CSEONLY
// CSEONLY-LABEL: func.func @f
// CSEONLY-NEXT:    arith.constant 0
// CSEONLY-NEXT:    arith.addi
// CSEONLY-NEXT:    arith.muli
// CSEONLY-NEXT:    return

// RUN: edge-opt %s --pass-pipeline='builtin.module(optional(cse,canonicalize))' --knob pipeline.optional.0=false | FileCheck %s --check-prefix=NONE
// NONE-LABEL: func.func @f
// NONE-NEXT:    arith.constant 0
// NONE-NEXT:    arith.addi
// NONE-NEXT:    arith.addi

// The space: every choice asked, with its domain; a choice inside a branch
// not taken is not asked.
// RUN: edge-opt %s --pass-pipeline='builtin.module(optional(cse),any(canonicalize{max-iterations=2},func.func(cse)))' --list-knobs | FileCheck %s --check-prefix=SPACE
// SPACE-DAG: "name": "pipeline.optional.0"
// SPACE-DAG: "domain": {"kind": "bool"}
// SPACE-DAG: "name": "pipeline.any.1"
// SPACE-DAG: "names": ["canonicalize{max-iterations=2}", "func.func(cse)"]
// SPACE-NOT: func.func @f
// RUN: edge-opt %s --pass-pipeline='builtin.module(optional(optional(cse)))' --knob pipeline.optional.0=false --list-knobs=%t.space -o /dev/null
// RUN: FileCheck %s --input-file=%t.space --check-prefix=SKIPPED
// SKIPPED: "name": "pipeline.optional.0"
// SKIPPED-NOT: "name": "pipeline.optional.1"

// The assignment used, for replay.
// RUN: edge-opt %s --pass-pipeline='builtin.module(any(cse,canonicalize))' --knob pipeline.any.0=canonicalize --knobs-out %t.out -o /dev/null
// RUN: FileCheck %s --input-file=%t.out --check-prefix=OUT
// RUN: edge-opt %s --pass-pipeline='builtin.module(any(cse,canonicalize))' --knobs %t.out | FileCheck %s --check-prefix=DEFAULT
// OUT: "pipeline.any.0": "canonicalize"

// Knob errors: a value outside the domain, a name no run asked.
// RUN: not edge-opt %s --pass-pipeline='builtin.module(optional(cse))' --knob pipeline.optional.0=maybe 2>&1 | FileCheck %s --check-prefix=BADVAL
// BADVAL: error: invalid value for knob 'pipeline.optional.0'
// RUN: not edge-opt %s --pass-pipeline='builtin.module(optional(cse))' --knob pipeline.optional.7=true 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: unknown knob 'pipeline.optional.7'

func.func @f(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %a, %c0 : i32
  %1 = arith.addi %a, %c0 : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}
