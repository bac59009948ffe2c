// Affine maps and integer sets: parsed, simplified as MLIR simplifies
// them, and printed with mlir-opt 19's spelling (inline and as aliases).
// RUN: edge-opt --allow-unregistered-dialect --mlir-print-local-scope %s | FileCheck %s
// RUN: edge-opt --allow-unregistered-dialect %s | edge-opt --allow-unregistered-dialect --mlir-print-local-scope | FileCheck %s
// RUN: edge-opt --allow-unregistered-dialect %s | FileCheck %s --check-prefix=ALIAS

// CHECK: "test.simple"() {a = affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>} : () -> ()
"test.simple"() {a = affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>} : () -> ()

// CHECK: "test.ops"() {a = affine_map<(d0)[s0] -> (d0 - s0, d0 * 2, d0 floordiv 2, d0 ceildiv 4, d0 mod 3)>} : () -> ()
"test.ops"() {a = affine_map<(d0)[s0] -> (d0 - s0, d0 * 2, d0 floordiv 2, d0 ceildiv 4, d0 mod 3)>} : () -> ()

// CHECK: "test.empty"() {a = affine_map<(d0, d1) -> ()>} : () -> ()
"test.empty"() {a = affine_map<(d0, d1) -> ()>} : () -> ()

// CHECK: "test.nodims"() {a = affine_map<() -> (0)>} : () -> ()
"test.nodims"() {a = affine_map<() -> (0)>} : () -> ()

// CHECK: "test.symonly"() {a = affine_map<()[s0] -> (s0)>} : () -> ()
"test.symonly"() {a = affine_map<()[s0] -> (s0)>} : () -> ()

// CHECK: "test.named"() {a = affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>} : () -> ()
"test.named"() {a = affine_map<(i, j)[N] -> (i + N, j)>} : () -> ()

// CHECK: "test.fold"() {a = affine_map<(d0) -> (d0, d0, 0, d0 + 3, d0 * 2, d0 + 3, d0 * 6, d0, 0, 1, -4, -3, 2)>} : () -> ()
"test.fold"() {a = affine_map<(d0) -> (d0 + 0, d0 * 1, d0 * 0, 3 + d0, 2 * d0, (d0 + 1) + 2, (d0 * 2) * 3, d0 floordiv 1, d0 mod 1, 7 mod 3, -7 floordiv 2, -7 ceildiv 2, -7 mod 3)>} : () -> ()

// CHECK: "test.order"() {a = affine_map<(d0, d1)[s0, s1] -> (d0 * s0, d0 * s0, d0 + s0 floordiv 2, d0 * s0 + s1 + 1, (d0 * s0) * 2)>} : () -> ()
"test.order"() {a = affine_map<(d0, d1)[s0, s1] -> (d0 * s0, s0 * d0, s0 floordiv 2 + d0, d0 * s0 + 1 + s1, (d0 * 2) * s0)>} : () -> ()

// CHECK: "test.sub"() {a = affine_map<(d0, d1) -> (d0 - d1 * 2, -d0, d0 - (d1 + 2), -(d0 + d1), -d0, d0 - 3, d0 - 3, d0 * -3 - d1 * 2)>} : () -> ()
"test.sub"() {a = affine_map<(d0, d1) -> (d0 - d1 * 2, -d0, d0 - (d1 + 2), -(d0 + d1), d0 * -1, d0 + -3, d0 - 3, d0 * -3 + d1 * -2)>} : () -> ()

// CHECK: "test.paren"() {a = affine_map<(d0, d1) -> ((d0 + d1) * 2, (d0 + d1) floordiv 2, (d0 * 2) mod 3, d0 mod 4 + 1, -(d0 floordiv 2))>} : () -> ()
"test.paren"() {a = affine_map<(d0, d1) -> ((d0 + d1) * 2, (d0 + d1) floordiv 2, (d0 * 2) mod 3, (d0 mod 4) + 1, (d0 floordiv 2) * -1)>} : () -> ()

// CHECK: "test.merge"() {a = affine_map<(d0) -> (d0 * 2, d0 * 3, 0, d0 * 7)>} : () -> ()
"test.merge"() {a = affine_map<(d0) -> (d0 + d0, d0 * 2 + d0, d0 - d0, d0 * 3 + d0 * 4)>} : () -> ()

// CHECK: "test.div"() {a = affine_map<(d0) -> (d0 * 2, 0, d0 + 2, d0 * 2 + 1, 1, (d0 * 6) ceildiv 4, (d0 floordiv 4) floordiv 2)>} : () -> ()
"test.div"() {a = affine_map<(d0) -> ((d0 * 4) floordiv 2, (d0 * 4) mod 2, (d0 * 4 + 8) floordiv 4, (d0 * 4 + 3) floordiv 2, (d0 * 4 + 3) mod 2, (d0 * 6) ceildiv 4, (d0 floordiv 4) floordiv 2)>} : () -> ()

// CHECK: "test.mod"() {a = affine_map<(d0)[s0] -> (d0 mod 4, d0 mod s0, d0 mod 4, (d0 mod 4) mod 8, 0)>} : () -> ()
"test.mod"() {a = affine_map<(d0)[s0] -> (d0 - (d0 floordiv 4) * 4, d0 - (d0 floordiv s0) * s0, (d0 mod 8) mod 4, (d0 mod 4) mod 8, (((d0 * 4) mod 8) floordiv 2) mod 2)>} : () -> ()

// CHECK: "test.undef"() {a = affine_map<(d0) -> (d0 floordiv 0, d0 mod 0, d0 mod -2, 5 floordiv 0, 7 mod -2, -4)>} : () -> ()
"test.undef"() {a = affine_map<(d0) -> (d0 floordiv 0, d0 mod 0, d0 mod -2, 5 floordiv 0, 7 mod -2, 7 floordiv -2)>} : () -> ()

// CHECK: "test.overflow"() {a = affine_map<(d0) -> (d0 * -2, 9223372036854775807 + 1)>} : () -> ()
"test.overflow"() {a = affine_map<(d0) -> (d0 * 9223372036854775807 * 2, 9223372036854775807 + 1)>} : () -> ()

// CHECK: "test.set1"() {a = affine_set<(d0)[s0] : (d0 - 10 >= 0, -d0 + s0 == 0)>} : () -> ()
"test.set1"() {a = affine_set<(d0)[s0] : (d0 - 10 >= 0, s0 - d0 == 0)>} : () -> ()

// CHECK: "test.set2"() {a = affine_set<(d0) : (d0 >= 0, -d0 + 5 >= 0, d0 - 3 == 0, -d0 + 4 >= 0)>} : () -> ()
"test.set2"() {a = affine_set<(d0) : (d0 >= 0, -d0 + 5 >= 0, d0 == 3, d0 <= 4)>} : () -> ()

// CHECK: "test.set3"() {a = affine_set<(d0) : (0 == 0)>} : () -> ()
"test.set3"() {a = affine_set<(d0) : ()>} : () -> ()

// CHECK: "test.set4"() {a = affine_set<() : (1 == 0)>} : () -> ()
"test.set4"() {a = affine_set<() : (1 == 0)>} : () -> ()

// Maps used twice share one alias; sets get #set aliases.
// ALIAS-DAG: #[[M:map[0-9]*]] = affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>
// ALIAS-DAG: #[[S:set[0-9]*]] = affine_set<(d0)[s0] : (d0 - 10 >= 0, -d0 + s0 == 0)>
// ALIAS: "test.twice"() {a = #[[M]], b = #[[M]], c = #[[S]]} : () -> ()
"test.twice"() {a = affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>, b = affine_map<(a, b)[c] -> (a + c, b)>, c = affine_set<(d0)[s0] : (d0 - 10 >= 0, s0 - d0 == 0)>} : () -> ()
