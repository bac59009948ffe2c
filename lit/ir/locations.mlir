// Locations of every kind: parsed (with MLIR's canonical forms: fused
// locations flattened and deduplicated, unknown children dropped) and
// printed as mlir-opt 19 prints them, inline and with #loc aliases.
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope %s | FileCheck %s
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-debuginfo %s | edge-opt --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope | FileCheck %s
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-debuginfo %s | FileCheck %s --check-prefix=ALIAS

#al = loc("aliased.c":5:6)

// CHECK: "test.l1"() : () -> () loc("file.mlir":3:7)
"test.l1"() : () -> () loc("file.mlir":3:7)

// CHECK: "test.l2"() : () -> () loc(unknown)
"test.l2"() : () -> () loc(unknown)

// CHECK: "test.l3"() : () -> () loc("name")
"test.l3"() : () -> () loc("name")

// CHECK: "test.l4"() : () -> () loc("name"("f":1:2))
"test.l4"() : () -> () loc("name"("f":1:2))

// CHECK: "test.l5"() : () -> () loc("n"("m"("f":1:1)))
"test.l5"() : () -> () loc("n"("m"("f":1:1)))

// CHECK: "test.l6"() : () -> () loc(callsite("a" at "b":1:2))
"test.l6"() : () -> () loc(callsite("a" at "b":1:2))

// CHECK: "test.l7"() : () -> () loc(callsite(callsite("a" at "b":1:2) at "c":3:4))
"test.l7"() : () -> () loc(callsite(callsite("a" at "b":1:2) at "c":3:4))

// CHECK: "test.l8"() : () -> () loc(callsite(unknown at unknown))
"test.l8"() : () -> () loc(callsite(unknown at unknown))

// CHECK: "test.l9"() : () -> () loc(fused["a", "b"])
"test.l9"() : () -> () loc(fused["a", "b"])

// CHECK: "test.l10"() : () -> () loc(fused<"meta">["a", "f":1:2])
"test.l10"() : () -> () loc(fused<"meta">["a", "f":1:2])

// CHECK: "test.l11"() : () -> () loc(fused<{a = 1 : i64}>["a", "f":1:2])
"test.l11"() : () -> () loc(fused<{a = 1}>["a", "f":1:2])

// CHECK: "test.l12"() : () -> () loc("a")
"test.l12"() : () -> () loc(fused["a"])

// CHECK: "test.l13"() : () -> () loc(unknown)
"test.l13"() : () -> () loc(fused[])

// CHECK: "test.l14"() : () -> () loc("a")
"test.l14"() : () -> () loc(fused["a", "a"])

// CHECK: "test.l15"() : () -> () loc("a")
"test.l15"() : () -> () loc(fused["a", unknown])

// CHECK: "test.l16"() : () -> () loc(fused["x", "y", "a"])
"test.l16"() : () -> () loc(fused[fused["x", "y"], "a"])

// CHECK: "test.l17"() : () -> () loc(fused<"m">[unknown])
"test.l17"() : () -> () loc(fused<"m">[])

// CHECK: "test.l18"() : () -> () loc(fused<"m">["a", "b", "c"])
"test.l18"() : () -> () loc(fused<"m">[fused<"m">["a", "b"], "c"])

// CHECK: "test.l19"() : () -> () loc(fused<"m">[fused<"n">["a", "b"], "c"])
"test.l19"() : () -> () loc(fused<"m">[fused<"n">["a", "b"], "c"])

// CHECK: "test.l20"() : () -> () loc("a")
"test.l20"() : () -> () loc("a"(unknown))

// CHECK: "test.l21"() : () -> () loc("tab\09and \22quote\22":1:2)
"test.l21"() : () -> () loc("tab\09and \"quote\"":1:2)

// CHECK: "test.l22"() : () -> () loc("aliased.c":5:6)
"test.l22"() : () -> () loc(#al)

// CHECK: "test.l23"() : () -> () loc(callsite("aliased.c":5:6 at "c.c":1:1))
"test.l23"() : () -> () loc(callsite(#al at "c.c":1:1))

// CHECK: "test.l24"() : () -> () loc("later.c":7:8)
"test.l24"() : () -> () loc(#later)

// Block and function arguments carry locations too.
// CHECK: func.func @args(%{{.*}}: i32 loc("arg.c":1:1), %{{.*}}: i32 loc(unknown))
func.func @args(%a: i32 loc("arg.c":1:1), %b: i32 loc(unknown)) {
  return
} loc(fused["f.c":1:1, "g"])
// CHECK: } loc(fused["f.c":1:1, "g"])

// Nested locations print through their aliases.
// ALIAS-DAG: #[[A:loc[0-9]*]] = loc("a")
// ALIAS-DAG: #[[B:loc[0-9]*]] = loc("b":1:2)
// ALIAS-DAG: #{{loc[0-9]*}} = loc(callsite(#[[A]] at #[[B]]))

#later = loc("later.c":7:8)
