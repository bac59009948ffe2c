// --view-op-graph writes Graphviz DOT of each function (to stderr, or to
// the file of its filename option) and leaves the IR unchanged; dot
// renders it where Graphviz is installed.
// RUN: edge-opt %s --view-op-graph -o %t.mlir 2> %t.err.dot
// RUN: FileCheck %s --input-file=%t.err.dot
// RUN: edge-opt %s | diff - %t.mlir
// RUN: edge-opt %s --pass-pipeline='builtin.module(view-op-graph{filename=%t.dot})' -o /dev/null
// RUN: diff %t.err.dot %t.dot
// RUN: not edge-opt %s --view-op-graph=filename=%t.missing/g.dot -o /dev/null 2>&1 | FileCheck %s --check-prefix=ERR

// CHECK:      digraph "main" {
// CHECK:        subgraph cluster_0 {
// CHECK-NEXT:     label="func.func @main";
// CHECK-NEXT:     [[ARG:v[0-9]+]] [shape=ellipse, label="%arg0\ntensor<1x1x3x3xf32>"];
// CHECK-NEXT:     [[W:v[0-9]+]] [label="graph.constant\ntensor<1x1x2x2xf32>\nsite: view-op-graph.mlir:{{[0-9]+}}:8"];
// CHECK-NEXT:     [[C:v[0-9]+]] [label="graph.conv2d\ntensor<1x1x2x2xf32>\nsite: c1"];
// CHECK-NEXT:     [[S0:v[0-9]+]] [label="graph.split\ntensor<1x1x1x2xf32>\ntensor<1x1x1x2xf32>\nsite: s"];
// CHECK-NEXT:     [[R:v[0-9]+]] [label="func.return\nsite: {{.*}}"];
// CHECK-NEXT:   }
// CHECK-DAG:    [[ARG]] -> [[C]] [label="0"];
// CHECK-DAG:    [[W]] -> [[C]] [label="1"];
// CHECK-DAG:    [[C]] -> [[S0]];
// CHECK-DAG:    [[S0]] -> [[R]] [label="0"];
// CHECK-DAG:    [[S0]] -> [[R]] [label="1"];
// CHECK:      }
// CHECK:      digraph "loop" {
// CHECK:          label="scf.for";
// CHECK-NEXT:     v{{[0-9]+}} [label="scf.for\ni32\nsite: l"];
// CHECK-NEXT:     subgraph cluster_{{[0-9]+}} {
// CHECK-NEXT:       label="region 0";

// ERR: error: view-op-graph: cannot open '{{.*}}g.dot'

func.func @main(%x: tensor<1x1x3x3xf32>) -> (tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>) {
  %w = graph.constant dense<0.5> : tensor<1x1x2x2xf32>
  %c = graph.conv2d %x, %w {name = "c1"} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  %a, %b = graph.split %c {axis = 2 : i64, sizes = array<i64: 1, 1>, name = "s"} : (tensor<1x1x2x2xf32>) -> (tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>)
  return %a, %b : tensor<1x1x1x2xf32>, tensor<1x1x1x2xf32>
}

func.func @loop(%n: index, %x: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> (i32) {
    %s = arith.addi %a, %a : i32
    scf.yield %s : i32
  } {name = "l"}
  return %r : i32
}
