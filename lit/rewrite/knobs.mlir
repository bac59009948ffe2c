// Knob flags: --list-knobs writes the space (every knob asked, with its
// domain, default, value, asker, site and location), --knobs-out the
// assignment used, which replays through --knobs.
// RUN: edge-opt %s -unroll -inline=default-pipeline= --list-knobs=%t.space.json --knobs-out=%t.out.json --knob 'unroll.*.factor=2' --knob inline.c1.enable=false | FileCheck %s --check-prefix=IR
// RUN: FileCheck %s --check-prefix=SPACE --input-file=%t.space.json
// RUN: FileCheck %s --check-prefix=OUT --input-file=%t.out.json
// RUN: edge-opt %s -unroll -inline=default-pipeline= --knobs %t.out.json > %t.replay.mlir
// RUN: edge-opt %s -unroll -inline=default-pipeline= --knob 'unroll.*.factor=2' --knob inline.c1.enable=false | diff - %t.replay.mlir
// RUN: edge-opt %s -unroll -inline=default-pipeline= --list-knobs | FileCheck %s --check-prefix=STDOUT

// IR-LABEL: func.func @main
// IR:         call @callee(%{{.*}}) {name = "c1"}
// IR-NOT:     call
// IR:         return

// SPACE:      "knobs": [
// SPACE:        "name": "inline.c1.enable",
// SPACE-NEXT:   "domain": {"kind": "bool"},
// SPACE-NEXT:   "default": true,
// SPACE-NEXT:   "value": false,
// SPACE-NEXT:   "assigned": true,
// SPACE-NEXT:   "asker": "inline",
// SPACE-NEXT:   "site": "c1",
// SPACE-NEXT:   "loc": "{{.*}}knobs.mlir:[[@LINE+35]]:{{[0-9]+}}",
// SPACE-NEXT:   "asks": 1,
// SPACE-NEXT:   "depends_on": []
// SPACE:        "name": "inline.c2.enable",
// SPACE:        "value": true,
// SPACE:        "name": "unroll.loop.factor",
// SPACE-NEXT:   "domain": {"kind": "set", "values": [1, 2, 4, 8]},
// SPACE-NEXT:   "default": 1,
// SPACE-NEXT:   "value": 2,
// SPACE-NEXT:   "assigned": true,
// SPACE-NEXT:   "asker": "unroll",
// SPACE-NEXT:   "site": "loop",

// OUT:      {
// OUT-NEXT:   "inline.c1.enable": false,
// OUT-NEXT:   "inline.c2.enable": true,
// OUT-NEXT:   "unroll.loop.factor": 2
// OUT-NEXT: }

// STDOUT: "name": "inline.c1.enable",
// STDOUT: "name": "inline.c2.enable",
// STDOUT: "name": "unroll.loop.factor",

func.func private @callee(%x: index) -> index {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %x) -> index {
    %s = arith.addi %a, %i : index
    scf.yield %s : index
  } {name = "loop"}
  return %r : index
}

func.func @main(%x: index) -> index {
  %0 = func.call @callee(%x) {name = "c1"} : (index) -> index
  %1 = func.call @callee(%0) {name = "c2"} : (index) -> index
  return %1 : index
}
