// Every knob error, with the position of the offending key or value.
// RUN: rm -rf %t && split-file %s %t
// RUN: not edge-opt %t/input.mlir -unroll --knobs %t/malformed.json 2>&1 | FileCheck %s --check-prefix=MALFORMED
// RUN: not edge-opt %t/input.mlir -unroll --knobs %t/array.json 2>&1 | FileCheck %s --check-prefix=ARRAY
// RUN: not edge-opt %t/input.mlir -unroll --knobs %t/float.json 2>&1 | FileCheck %s --check-prefix=FLOAT
// RUN: not edge-opt %t/input.mlir -unroll --knobs %t/noeq.txt 2>&1 | FileCheck %s --check-prefix=NOEQ
// RUN: not edge-opt %t/input.mlir -unroll --knobs %t/unknown.json 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not edge-opt %t/input.mlir -unroll --knobs %t/domain.txt 2>&1 | FileCheck %s --check-prefix=DOMAIN
// RUN: not edge-opt %t/input.mlir -unroll --knobs %t/kind.json 2>&1 | FileCheck %s --check-prefix=KIND
// RUN: not edge-opt %t/input.mlir -unroll --knobs %t/glob.txt 2>&1 | FileCheck %s --check-prefix=GLOB
// RUN: not edge-opt %t/input.mlir -unroll --knob 'unroll.*.factor=5' 2>&1 | FileCheck %s --check-prefix=GLOBDOMAIN
// RUN: not edge-opt %t/input.mlir -unroll --knob 'unroll.L.factor' 2>&1 | FileCheck %s --check-prefix=CMDLINE
// RUN: not edge-opt %t/input.mlir -unroll --knob 'unroll.M.factor=2' 2>&1 | FileCheck %s --check-prefix=CMDUNKNOWN
// RUN: not edge-opt %t/input.mlir -unroll --knobs %t/missing.json 2>&1 | FileCheck %s --check-prefix=MISSING

// MALFORMED: malformed.json:3:14: error: malformed JSON in knob file: expected a string key
// ARRAY: array.json:1:1: error: expected a JSON object of knob assignments
// FLOAT: float.json:2:22: error: knob 'unroll.L.factor': expected an integer, got '2.5'
// NOEQ: noeq.txt:2:3: error: expected 'name=value'
// UNKNOWN: unknown.json:3:3: error: unknown knob 'unroll.nope.factor': no such knob was asked in this run
// UNKNOWN-NEXT: "unroll.nope.factor": 4
// UNKNOWN-NEXT: ^
// DOMAIN: domain.txt:2:19: error: invalid value for knob 'unroll.L.factor': value 3 is outside the domain {1, 2, 4, 8}
// KIND: kind.json:1:21: error: invalid value for knob 'unroll.L.factor': expected an integer, got string "four"
// GLOB: glob.txt:2:1: error: knob pattern 'tile.*' matches no knob asked in this run
// GLOB-NOT: unroll.*
// GLOBDOMAIN: <command line>:1:17: error: invalid value for knob 'unroll.L.factor': value 5 is outside the domain {1, 2, 4, 8}
// GLOBDOMAIN: <command line>:1:1: note: assigned through the pattern 'unroll.*.factor'
// CMDLINE: <command line>:1:1: error: expected 'name=value'
// CMDUNKNOWN: <command line>:1:1: error: unknown knob 'unroll.M.factor'
// MISSING: error: cannot open knob file '{{.*}}missing.json'

//--- input.mlir
func.func @f(%x: index) -> index {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %x) -> index {
    %s = arith.addi %a, %i : index
    scf.yield %s : index
  } {name = "L"}
  return %r : index
}
//--- malformed.json
{
  "unroll.L.factor": 2,
  "other": 4,,
}
//--- array.json
[1, 2]
//--- float.json
{
  "unroll.L.factor": 2.5
}
//--- noeq.txt
unroll.L.factor=2
  unroll.L.factor 4
//--- unknown.json
{
  "unroll.L.factor": 2,
  "unroll.nope.factor": 4
}
//--- domain.txt
# comments and blank lines are fine
unroll.L.factor = 3
//--- kind.json
{"unroll.L.factor": "four"}
//--- glob.txt
unroll.*.factor=2
tile.*=4
