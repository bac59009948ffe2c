// Source locations become DWARF line tables.
// RUN: edge-opt %s --emit=llvm --target=x86_64-unknown-linux-gnu,O=0 | FileCheck %s
// RUN: edge-opt %s --emit=obj --target=aarch64-linux-gnu -o %t.o
// RUN: llvm-dwarfdump --debug-line %t.o | FileCheck %s --check-prefix=LINES

// CHECK: define float @f(float %0) !dbg ![[SP:[0-9]+]]
// CHECK: fmul float %0, %0, !dbg ![[L1:[0-9]+]]
// CHECK: call float @llvm.exp.f32(float %{{.*}}), !dbg ![[L2:[0-9]+]]
// CHECK: !llvm.dbg.cu = !{![[CU:[0-9]+]]}
// CHECK: ![[CU]] = distinct !DICompileUnit(language: DW_LANG_C, file: ![[FILE:[0-9]+]], producer: "edge-opt"
// CHECK: ![[FILE]] = !DIFile(filename: "debug-info.mlir"
// CHECK: !{i32 2, !"Debug Info Version", i32 3}
// CHECK: ![[SP]] = distinct !DISubprogram(name: "f", {{.*}}line: 20
// CHECK: ![[L1]] = !DILocation(line: 21, column: 8, scope: ![[SP]])
// CHECK: ![[L2]] = !DILocation(line: 22, column: 8, scope: ![[SP]])

// LINES: name: "debug-info.mlir"
// LINES: 0x{{[0-9a-f]+}} 21 8 0 0 0 0 is_stmt
// LINES: 0x{{[0-9a-f]+}} 22 8 0 0 0 0 is_stmt
func.func @f(%a: f32) -> f32 {
  %0 = arith.mulf %a, %a : f32
  %1 = math.exp %0 : f32
  return %1 : f32
}
