// -canonicalize folds arith ops on tf32, f8E5M2, f8E4M3FN, f80 and f128
// constants exactly as mlir-opt 19 does (APFloat): random operands
// (specials, subnormals, values near the largest, NaN patterns) made by a
// seeded generator and kept here as the input.
// REQUIRES: mlir-opt
// RUN: edge-opt %s -canonicalize -o %t.edge.mlir
// RUN: %mlir_opt %s -canonicalize -o %t.ref.mlir
// RUN: diff %t.edge.mlir %t.ref.mlir

func.func @k1() -> i32 {
  %a = arith.constant 0x47A69 : tf32
  %r = arith.fptosi %a : tf32 to i32
  return %r : i32
}
func.func @k2() -> i32 {
  %a = arith.constant 0x6D722 : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k3() -> i32 {
  %a = arith.constant 0x4E963 : tf32
  %r = arith.fptosi %a : tf32 to i32
  return %r : i32
}
func.func @k4() -> tf32 {
  %a = arith.constant 0x7F85C : tf32
  %b = arith.constant 0x58C29 : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k5() -> tf32 {
  %a = arith.constant 0x32B55 : tf32
  %b = arith.constant 0x53B3B : tf32
  %r = arith.maximumf %a, %b : tf32
  return %r : tf32
}
func.func @k6() -> tf32 {
  %a = arith.constant 0x6A753 : tf32
  %b = arith.constant 0x079F5 : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k7() -> i1 {
  %a = arith.constant 0x400F7 : tf32
  %b = arith.constant 0x40000 : tf32
  %r = arith.cmpf uno, %a, %b : tf32
  return %r : i1
}
func.func @k8() -> tf32 {
  %a = arith.constant 0x19004 : tf32
  %r = arith.negf %a : tf32
  return %r : tf32
}
func.func @k9() -> tf32 {
  %a = arith.constant -78189 : i32
  %r = arith.sitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k10() -> tf32 {
  %a = arith.constant 0x41A63 : tf32
  %b = arith.constant 0x7FC47 : tf32
  %r = arith.divf %a, %b : tf32
  return %r : tf32
}
func.func @k11() -> tf32 {
  %a = arith.constant 0x6C5CD : tf32
  %b = arith.constant 0x7FC44 : tf32
  %r = arith.addf %a, %b : tf32
  return %r : tf32
}
func.func @k12() -> tf32 {
  %a = arith.constant 0x0011D : tf32
  %b = arith.constant 0x7FFB5 : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k13() -> tf32 {
  %a = arith.constant 0x7D7C6 : tf32
  %b = arith.constant 0x35BBB : tf32
  %r = arith.mulf %a, %b : tf32
  return %r : tf32
}
func.func @k14() -> i1 {
  %a = arith.constant 0x19681 : tf32
  %b = arith.constant 0x22880 : tf32
  %r = arith.cmpf ogt, %a, %b : tf32
  return %r : i1
}
func.func @k15() -> tf32 {
  %a = arith.constant 0x7F80F : tf32
  %b = arith.constant 0x761FD : tf32
  %r = arith.divf %a, %b : tf32
  return %r : tf32
}
func.func @k16() -> tf32 {
  %a = arith.constant 78802 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k17() -> tf32 {
  %a = arith.constant 185 : i32
  %r = arith.sitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k18() -> tf32 {
  %a = arith.constant 0x40000 : tf32
  %b = arith.constant 0x02834 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k19() -> tf32 {
  %a = arith.constant 0x403FB : tf32
  %b = arith.constant 0x49D9D : tf32
  %r = arith.divf %a, %b : tf32
  return %r : tf32
}
func.func @k20() -> i1 {
  %a = arith.constant 0x00000 : tf32
  %b = arith.constant 0x3FD08 : tf32
  %r = arith.cmpf ugt, %a, %b : tf32
  return %r : i1
}
func.func @k21() -> tf32 {
  %a = arith.constant 0x3F84C : tf32
  %b = arith.constant 0x3FE8B : tf32
  %r = arith.addf %a, %b : tf32
  return %r : tf32
}
func.func @k22() -> tf32 {
  %a = arith.constant 576 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k23() -> tf32 {
  %a = arith.constant 0x27C8A : tf32
  %b = arith.constant 0x68ADB : tf32
  %r = arith.maxnumf %a, %b : tf32
  return %r : tf32
}
func.func @k24() -> tf32 {
  %a = arith.constant 0x1448E : tf32
  %b = arith.constant 0x785F3 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k25() -> tf32 {
  %a = arith.constant 0x31B0D : tf32
  %b = arith.constant 0x4D409 : tf32
  %r = arith.mulf %a, %b : tf32
  return %r : tf32
}
func.func @k26() -> tf32 {
  %a = arith.constant 0x0D4A9 : tf32
  %b = arith.constant 0x4020C : tf32
  %r = arith.minnumf %a, %b : tf32
  return %r : tf32
}
func.func @k27() -> tf32 {
  %a = arith.constant 0 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k28() -> tf32 {
  %a = arith.constant 0x53A62 : tf32
  %b = arith.constant 0x4EA17 : tf32
  %r = arith.mulf %a, %b : tf32
  return %r : tf32
}
func.func @k29() -> tf32 {
  %a = arith.constant 0x7FFAB : tf32
  %b = arith.constant 0x3FC10 : tf32
  %r = arith.minnumf %a, %b : tf32
  return %r : tf32
}
func.func @k30() -> tf32 {
  %a = arith.constant 0x1FE15 : tf32
  %r = arith.negf %a : tf32
  return %r : tf32
}
func.func @k31() -> i32 {
  %a = arith.constant 0x7FA49 : tf32
  %r = arith.fptosi %a : tf32 to i32
  return %r : i32
}
func.func @k32() -> tf32 {
  %a = arith.constant 0x54165 : tf32
  %b = arith.constant 0x42CEE : tf32
  %r = arith.remf %a, %b : tf32
  return %r : tf32
}
func.func @k33() -> tf32 {
  %a = arith.constant 0x76381 : tf32
  %r = arith.negf %a : tf32
  return %r : tf32
}
func.func @k34() -> tf32 {
  %a = arith.constant -463 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k35() -> tf32 {
  %a = arith.constant 0x09A23 : tf32
  %b = arith.constant 0x2F134 : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k36() -> i1 {
  %a = arith.constant 0x5E58E : tf32
  %b = arith.constant 0x1094E : tf32
  %r = arith.cmpf ult, %a, %b : tf32
  return %r : i1
}
func.func @k37() -> tf32 {
  %a = arith.constant 312705832 : i32
  %r = arith.sitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k38() -> tf32 {
  %a = arith.constant 0x3088D : tf32
  %b = arith.constant 0x4DEF5 : tf32
  %r = arith.mulf %a, %b : tf32
  return %r : tf32
}
func.func @k39() -> tf32 {
  %a = arith.constant 1826 : i32
  %r = arith.sitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k40() -> tf32 {
  %a = arith.constant 0x0AB96 : tf32
  %b = arith.constant 0x41DC2 : tf32
  %r = arith.addf %a, %b : tf32
  return %r : tf32
}
func.func @k41() -> tf32 {
  %a = arith.constant -32936 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k42() -> i1 {
  %a = arith.constant 0x7FAB6 : tf32
  %b = arith.constant 0x7FCAD : tf32
  %r = arith.cmpf uno, %a, %b : tf32
  return %r : i1
}
func.func @k43() -> tf32 {
  %a = arith.constant 0x1EE8F : tf32
  %b = arith.constant 0x3FAA9 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k44() -> tf32 {
  %a = arith.constant 0x66E01 : tf32
  %b = arith.constant 0x75053 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k45() -> tf32 {
  %a = arith.constant 0x3134A : tf32
  %b = arith.constant 0x3FFAE : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k46() -> tf32 {
  %a = arith.constant 0x001FC : tf32
  %b = arith.constant 0x6CA2D : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k47() -> tf32 {
  %a = arith.constant 0x79999 : tf32
  %b = arith.constant 0x6932A : tf32
  %r = arith.maximumf %a, %b : tf32
  return %r : tf32
}
func.func @k48() -> tf32 {
  %a = arith.constant 85793331 : i32
  %r = arith.sitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k49() -> i1 {
  %a = arith.constant 0x7FB5B : tf32
  %b = arith.constant 0x39EAC : tf32
  %r = arith.cmpf ogt, %a, %b : tf32
  return %r : i1
}
func.func @k50() -> tf32 {
  %a = arith.constant 0x23998 : tf32
  %b = arith.constant 0x054F7 : tf32
  %r = arith.minnumf %a, %b : tf32
  return %r : tf32
}
func.func @k51() -> tf32 {
  %a = arith.constant 0x278E4 : tf32
  %b = arith.constant 0x48326 : tf32
  %r = arith.addf %a, %b : tf32
  return %r : tf32
}
func.func @k52() -> tf32 {
  %a = arith.constant 0x33DD3 : tf32
  %b = arith.constant 0x032A3 : tf32
  %r = arith.minnumf %a, %b : tf32
  return %r : tf32
}
func.func @k53() -> i32 {
  %a = arith.constant 0x7FC90 : tf32
  %r = arith.fptosi %a : tf32 to i32
  return %r : i32
}
func.func @k54() -> tf32 {
  %a = arith.constant 0x40224 : tf32
  %b = arith.constant 0x2F310 : tf32
  %r = arith.mulf %a, %b : tf32
  return %r : tf32
}
func.func @k55() -> tf32 {
  %a = arith.constant 0x19840 : tf32
  %b = arith.constant 0x20C5F : tf32
  %r = arith.maximumf %a, %b : tf32
  return %r : tf32
}
func.func @k56() -> tf32 {
  %a = arith.constant 0x60A58 : tf32
  %b = arith.constant 0x5B69F : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k57() -> i32 {
  %a = arith.constant 0x40116 : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k58() -> tf32 {
  %a = arith.constant 0x7F976 : tf32
  %b = arith.constant 0x325EB : tf32
  %r = arith.maxnumf %a, %b : tf32
  return %r : tf32
}
func.func @k59() -> tf32 {
  %a = arith.constant 0x40000 : tf32
  %b = arith.constant 0x001D0 : tf32
  %r = arith.addf %a, %b : tf32
  return %r : tf32
}
func.func @k60() -> i1 {
  %a = arith.constant 0x7FA46 : tf32
  %b = arith.constant 0x65FC7 : tf32
  %r = arith.cmpf uno, %a, %b : tf32
  return %r : i1
}
func.func @k61() -> tf32 {
  %a = arith.constant 0x3FBED : tf32
  %b = arith.constant 0x00000 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k62() -> i1 {
  %a = arith.constant 0x7FD8F : tf32
  %b = arith.constant 0x40000 : tf32
  %r = arith.cmpf ueq, %a, %b : tf32
  return %r : i1
}
func.func @k63() -> tf32 {
  %a = arith.constant 0x6D8A5 : tf32
  %b = arith.constant 0x00000 : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k64() -> tf32 {
  %a = arith.constant -542 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k65() -> tf32 {
  %a = arith.constant 1631824485 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k66() -> i32 {
  %a = arith.constant 0x0B02D : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k67() -> tf32 {
  %a = arith.constant 0x6A637 : tf32
  %b = arith.constant 0x51C68 : tf32
  %r = arith.maximumf %a, %b : tf32
  return %r : tf32
}
func.func @k68() -> tf32 {
  %a = arith.constant 0x6BFBD : tf32
  %r = arith.negf %a : tf32
  return %r : tf32
}
func.func @k69() -> tf32 {
  %a = arith.constant 0x7A366 : tf32
  %b = arith.constant 0x73446 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k70() -> tf32 {
  %a = arith.constant 154205133 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k71() -> i32 {
  %a = arith.constant 0x40000 : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k72() -> tf32 {
  %a = arith.constant 0x45A1A : tf32
  %b = arith.constant 0x480C0 : tf32
  %r = arith.divf %a, %b : tf32
  return %r : tf32
}
func.func @k73() -> i32 {
  %a = arith.constant 0x58724 : tf32
  %r = arith.fptosi %a : tf32 to i32
  return %r : i32
}
func.func @k74() -> tf32 {
  %a = arith.constant 0x7A7A8 : tf32
  %b = arith.constant 0x33BB7 : tf32
  %r = arith.minnumf %a, %b : tf32
  return %r : tf32
}
func.func @k75() -> tf32 {
  %a = arith.constant -16845 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k76() -> tf32 {
  %a = arith.constant 0x766F4 : tf32
  %b = arith.constant 0x7FECE : tf32
  %r = arith.addf %a, %b : tf32
  return %r : tf32
}
func.func @k77() -> i1 {
  %a = arith.constant 0x00000 : tf32
  %b = arith.constant 0x3FEBF : tf32
  %r = arith.cmpf ult, %a, %b : tf32
  return %r : i1
}
func.func @k78() -> tf32 {
  %a = arith.constant 0x3FDFE : tf32
  %b = arith.constant 0x4A86B : tf32
  %r = arith.divf %a, %b : tf32
  return %r : tf32
}
func.func @k79() -> i32 {
  %a = arith.constant 0x4FCFB : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k80() -> i32 {
  %a = arith.constant 0x02F9D : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k81() -> tf32 {
  %a = arith.constant 0x44E33 : tf32
  %b = arith.constant 0x7FE86 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k82() -> tf32 {
  %a = arith.constant 0x6CF60 : tf32
  %b = arith.constant 0x4B172 : tf32
  %r = arith.remf %a, %b : tf32
  return %r : tf32
}
func.func @k83() -> tf32 {
  %a = arith.constant 0x7FEF6 : tf32
  %b = arith.constant 0x738AE : tf32
  %r = arith.maximumf %a, %b : tf32
  return %r : tf32
}
func.func @k84() -> tf32 {
  %a = arith.constant 0x7F942 : tf32
  %b = arith.constant 0x1BEC2 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k85() -> tf32 {
  %a = arith.constant 0x1124B : tf32
  %b = arith.constant 0x10F71 : tf32
  %r = arith.mulf %a, %b : tf32
  return %r : tf32
}
func.func @k86() -> tf32 {
  %a = arith.constant 0x3FC63 : tf32
  %b = arith.constant 0x35F7F : tf32
  %r = arith.remf %a, %b : tf32
  return %r : tf32
}
func.func @k87() -> tf32 {
  %a = arith.constant 0x7FE83 : tf32
  %b = arith.constant 0x0C4B9 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k88() -> tf32 {
  %a = arith.constant 1.136184684427926e-05 : f64
  %r = arith.truncf %a : f64 to tf32
  return %r : tf32
}
func.func @k89() -> i32 {
  %a = arith.constant 0x3DB49 : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k90() -> tf32 {
  %a = arith.constant 0x3D9A7 : tf32
  %b = arith.constant 0x000BC : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k91() -> tf32 {
  %a = arith.constant 0x400A1 : tf32
  %b = arith.constant 0x3FEB1 : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k92() -> i1 {
  %a = arith.constant 0x002B9 : tf32
  %b = arith.constant 0x00000 : tf32
  %r = arith.cmpf ule, %a, %b : tf32
  return %r : i1
}
func.func @k93() -> tf32 {
  %a = arith.constant -14.375 : f64
  %r = arith.truncf %a : f64 to tf32
  return %r : tf32
}
func.func @k94() -> tf32 {
  %a = arith.constant 0x5EA28 : tf32
  %b = arith.constant 0x3FBAF : tf32
  %r = arith.maximumf %a, %b : tf32
  return %r : tf32
}
func.func @k95() -> f64 {
  %a = arith.constant 0x00000 : tf32
  %r = arith.extf %a : tf32 to f64
  return %r : f64
}
func.func @k96() -> i1 {
  %a = arith.constant 0x1870F : tf32
  %b = arith.constant 0x7DC87 : tf32
  %r = arith.cmpf ueq, %a, %b : tf32
  return %r : i1
}
func.func @k97() -> f64 {
  %a = arith.constant 0x7FC77 : tf32
  %r = arith.extf %a : tf32 to f64
  return %r : f64
}
func.func @k98() -> tf32 {
  %a = arith.constant 6363 : i32
  %r = arith.sitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k99() -> tf32 {
  %a = arith.constant 0x3F867 : tf32
  %b = arith.constant 0x7ECB4 : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k100() -> tf32 {
  %a = arith.constant 0x7FFC7 : tf32
  %b = arith.constant 0x2B3D8 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k101() -> i32 {
  %a = arith.constant 0x48E7D : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k102() -> f64 {
  %a = arith.constant 0x5235B : tf32
  %r = arith.extf %a : tf32 to f64
  return %r : f64
}
func.func @k103() -> tf32 {
  %a = arith.constant 0x02EBC : tf32
  %b = arith.constant 0x4006E : tf32
  %r = arith.maxnumf %a, %b : tf32
  return %r : tf32
}
func.func @k104() -> f64 {
  %a = arith.constant 0x7FD9B : tf32
  %r = arith.extf %a : tf32 to f64
  return %r : f64
}
func.func @k105() -> i32 {
  %a = arith.constant 0x40000 : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k106() -> tf32 {
  %a = arith.constant 0x42A57 : tf32
  %b = arith.constant 0x7F5F9 : tf32
  %r = arith.divf %a, %b : tf32
  return %r : tf32
}
func.func @k107() -> tf32 {
  %a = arith.constant 0x679E9 : tf32
  %b = arith.constant 0x46534 : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k108() -> tf32 {
  %a = arith.constant 60214 : i32
  %r = arith.uitofp %a : i32 to tf32
  return %r : tf32
}
func.func @k109() -> tf32 {
  %a = arith.constant 0x35D99 : tf32
  %r = arith.negf %a : tf32
  return %r : tf32
}
func.func @k110() -> tf32 {
  %a = arith.constant 0x3F924 : tf32
  %r = arith.negf %a : tf32
  return %r : tf32
}
func.func @k111() -> tf32 {
  %a = arith.constant 0x5FB63 : tf32
  %b = arith.constant 0x7FC0E : tf32
  %r = arith.maxnumf %a, %b : tf32
  return %r : tf32
}
func.func @k112() -> f64 {
  %a = arith.constant 0x5105E : tf32
  %r = arith.extf %a : tf32 to f64
  return %r : f64
}
func.func @k113() -> i1 {
  %a = arith.constant 0x40000 : tf32
  %b = arith.constant 0x066B9 : tf32
  %r = arith.cmpf ogt, %a, %b : tf32
  return %r : i1
}
func.func @k114() -> tf32 {
  %a = arith.constant 0x1CA25 : tf32
  %b = arith.constant 0x3D224 : tf32
  %r = arith.minnumf %a, %b : tf32
  return %r : tf32
}
func.func @k115() -> i32 {
  %a = arith.constant 0x1F31D : tf32
  %r = arith.fptosi %a : tf32 to i32
  return %r : i32
}
func.func @k116() -> tf32 {
  %a = arith.constant 0x403D6 : tf32
  %b = arith.constant 0x3FED3 : tf32
  %r = arith.subf %a, %b : tf32
  return %r : tf32
}
func.func @k117() -> tf32 {
  %a = arith.constant 15.75 : f64
  %r = arith.truncf %a : f64 to tf32
  return %r : tf32
}
func.func @k118() -> tf32 {
  %a = arith.constant 6.153252445357843e-05 : f64
  %r = arith.truncf %a : f64 to tf32
  return %r : tf32
}
func.func @k119() -> i32 {
  %a = arith.constant 0x7FC74 : tf32
  %r = arith.fptoui %a : tf32 to i32
  return %r : i32
}
func.func @k120() -> tf32 {
  %a = arith.constant 0x2DF9B : tf32
  %b = arith.constant 0x7FE70 : tf32
  %r = arith.minimumf %a, %b : tf32
  return %r : tf32
}
func.func @k121() -> i32 {
  %a = arith.constant 0xC0 : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k122() -> f8E5M2 {
  %a = arith.constant 0xEA : f8E5M2
  %b = arith.constant 0x02 : f8E5M2
  %r = arith.subf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k123() -> f8E5M2 {
  %a = arith.constant 0x80 : f8E5M2
  %b = arith.constant 0x9F : f8E5M2
  %r = arith.subf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k124() -> f8E5M2 {
  %a = arith.constant 0x02 : f8E5M2
  %b = arith.constant 0x00 : f8E5M2
  %r = arith.maximumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k125() -> f8E5M2 {
  %a = arith.constant -44784 : i32
  %r = arith.uitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k126() -> f8E5M2 {
  %a = arith.constant 0xD6 : f8E5M2
  %b = arith.constant 0xCD : f8E5M2
  %r = arith.divf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k127() -> f8E5M2 {
  %a = arith.constant 0xD2 : f8E5M2
  %b = arith.constant 0xC4 : f8E5M2
  %r = arith.minimumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k128() -> f8E5M2 {
  %a = arith.constant 0.0006726878879842247 : f64
  %r = arith.truncf %a : f64 to f8E5M2
  return %r : f8E5M2
}
func.func @k129() -> i1 {
  %a = arith.constant 0x5E : f8E5M2
  %b = arith.constant 0x76 : f8E5M2
  %r = arith.cmpf ogt, %a, %b : f8E5M2
  return %r : i1
}
func.func @k130() -> i32 {
  %a = arith.constant 0x6E : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k131() -> f8E5M2 {
  %a = arith.constant 0x7F : f8E5M2
  %b = arith.constant 0x00 : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k132() -> i1 {
  %a = arith.constant 0x7E : f8E5M2
  %b = arith.constant 0xB1 : f8E5M2
  %r = arith.cmpf ugt, %a, %b : f8E5M2
  return %r : i1
}
func.func @k133() -> f8E5M2 {
  %a = arith.constant -1.875 : f64
  %r = arith.truncf %a : f64 to f8E5M2
  return %r : f8E5M2
}
func.func @k134() -> f64 {
  %a = arith.constant 0xFE : f8E5M2
  %r = arith.extf %a : f8E5M2 to f64
  return %r : f64
}
func.func @k135() -> f8E5M2 {
  %a = arith.constant 0xBA : f8E5M2
  %b = arith.constant 0x3F : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k136() -> f64 {
  %a = arith.constant 0x79 : f8E5M2
  %r = arith.extf %a : f8E5M2 to f64
  return %r : f64
}
func.func @k137() -> f64 {
  %a = arith.constant 0xBD : f8E5M2
  %r = arith.extf %a : f8E5M2 to f64
  return %r : f64
}
func.func @k138() -> f8E5M2 {
  %a = arith.constant 0xD6 : f8E5M2
  %b = arith.constant 0x2D : f8E5M2
  %r = arith.maximumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k139() -> f8E5M2 {
  %a = arith.constant 0x80 : f8E5M2
  %b = arith.constant 0x48 : f8E5M2
  %r = arith.addf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k140() -> f8E5M2 {
  %a = arith.constant 0xFC : f8E5M2
  %b = arith.constant 0x81 : f8E5M2
  %r = arith.addf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k141() -> f8E5M2 {
  %a = arith.constant 0xCD : f8E5M2
  %r = arith.negf %a : f8E5M2
  return %r : f8E5M2
}
func.func @k142() -> f8E5M2 {
  %a = arith.constant 0x15 : f8E5M2
  %b = arith.constant 0xF9 : f8E5M2
  %r = arith.divf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k143() -> f8E5M2 {
  %a = arith.constant 0x15 : f8E5M2
  %b = arith.constant 0x00 : f8E5M2
  %r = arith.divf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k144() -> f8E5M2 {
  %a = arith.constant 0xA6 : f8E5M2
  %b = arith.constant 0xB6 : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k145() -> i32 {
  %a = arith.constant 0xE8 : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k146() -> f8E5M2 {
  %a = arith.constant 0xF9 : f8E5M2
  %b = arith.constant 0xAC : f8E5M2
  %r = arith.remf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k147() -> f8E5M2 {
  %a = arith.constant 0x89 : f8E5M2
  %b = arith.constant 0x12 : f8E5M2
  %r = arith.subf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k148() -> f8E5M2 {
  %a = arith.constant 0xD3 : f8E5M2
  %b = arith.constant 0x59 : f8E5M2
  %r = arith.addf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k149() -> f8E5M2 {
  %a = arith.constant 0xD5 : f8E5M2
  %b = arith.constant 0x80 : f8E5M2
  %r = arith.addf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k150() -> f8E5M2 {
  %a = arith.constant 580612750 : i32
  %r = arith.sitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k151() -> f8E5M2 {
  %a = arith.constant 0x00 : f8E5M2
  %b = arith.constant 0x4A : f8E5M2
  %r = arith.minnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k152() -> f8E5M2 {
  %a = arith.constant 0x0F : f8E5M2
  %b = arith.constant 0xBB : f8E5M2
  %r = arith.divf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k153() -> f8E5M2 {
  %a = arith.constant 0xF8 : f8E5M2
  %b = arith.constant 0xE9 : f8E5M2
  %r = arith.subf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k154() -> f8E5M2 {
  %a = arith.constant 0x04 : f8E5M2
  %b = arith.constant 0xE8 : f8E5M2
  %r = arith.subf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k155() -> f8E5M2 {
  %a = arith.constant -41291 : i32
  %r = arith.uitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k156() -> f8E5M2 {
  %a = arith.constant 27076 : i32
  %r = arith.uitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k157() -> f8E5M2 {
  %a = arith.constant 0xC5 : f8E5M2
  %b = arith.constant 0x7B : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k158() -> i32 {
  %a = arith.constant 0xF8 : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k159() -> f8E5M2 {
  %a = arith.constant 0xC6 : f8E5M2
  %b = arith.constant 0x7F : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k160() -> i32 {
  %a = arith.constant 0xDF : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k161() -> f8E5M2 {
  %a = arith.constant 0xB6 : f8E5M2
  %b = arith.constant 0xDF : f8E5M2
  %r = arith.maximumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k162() -> i32 {
  %a = arith.constant 0xC5 : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k163() -> f8E5M2 {
  %a = arith.constant 0x82 : f8E5M2
  %b = arith.constant 0x84 : f8E5M2
  %r = arith.subf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k164() -> f8E5M2 {
  %a = arith.constant 0x03 : f8E5M2
  %b = arith.constant 0x00 : f8E5M2
  %r = arith.remf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k165() -> f8E5M2 {
  %a = arith.constant 0x80 : f8E5M2
  %b = arith.constant 0x87 : f8E5M2
  %r = arith.divf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k166() -> i32 {
  %a = arith.constant 0xB1 : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k167() -> f8E5M2 {
  %a = arith.constant 0x7B : f8E5M2
  %b = arith.constant 0xEA : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k168() -> i32 {
  %a = arith.constant 0x70 : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k169() -> i1 {
  %a = arith.constant 0xF2 : f8E5M2
  %b = arith.constant 0x4F : f8E5M2
  %r = arith.cmpf ugt, %a, %b : f8E5M2
  return %r : i1
}
func.func @k170() -> f8E5M2 {
  %a = arith.constant 0x8E : f8E5M2
  %b = arith.constant 0xF9 : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k171() -> i32 {
  %a = arith.constant 0x7A : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k172() -> i32 {
  %a = arith.constant 0xC8 : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k173() -> f8E5M2 {
  %a = arith.constant 0x80 : f8E5M2
  %b = arith.constant 0x79 : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k174() -> f8E5M2 {
  %a = arith.constant 0x7C : f8E5M2
  %b = arith.constant 0xDB : f8E5M2
  %r = arith.minimumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k175() -> f8E5M2 {
  %a = arith.constant 0x26 : f8E5M2
  %r = arith.negf %a : f8E5M2
  return %r : f8E5M2
}
func.func @k176() -> f8E5M2 {
  %a = arith.constant 0xC1 : f8E5M2
  %b = arith.constant 0x7A : f8E5M2
  %r = arith.minnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k177() -> f8E5M2 {
  %a = arith.constant 0x81 : f8E5M2
  %b = arith.constant 0x81 : f8E5M2
  %r = arith.minnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k178() -> f64 {
  %a = arith.constant 0xB9 : f8E5M2
  %r = arith.extf %a : f8E5M2 to f64
  return %r : f64
}
func.func @k179() -> f8E5M2 {
  %a = arith.constant 0x00 : f8E5M2
  %b = arith.constant 0x21 : f8E5M2
  %r = arith.maximumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k180() -> f8E5M2 {
  %a = arith.constant 0x01 : f8E5M2
  %b = arith.constant 0x97 : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k181() -> f8E5M2 {
  %a = arith.constant 49673058 : i32
  %r = arith.sitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k182() -> i1 {
  %a = arith.constant 0xFC : f8E5M2
  %b = arith.constant 0x7B : f8E5M2
  %r = arith.cmpf une, %a, %b : f8E5M2
  return %r : i1
}
func.func @k183() -> i1 {
  %a = arith.constant 0xBA : f8E5M2
  %b = arith.constant 0xB3 : f8E5M2
  %r = arith.cmpf ord, %a, %b : f8E5M2
  return %r : i1
}
func.func @k184() -> i1 {
  %a = arith.constant 0x9B : f8E5M2
  %b = arith.constant 0x42 : f8E5M2
  %r = arith.cmpf one, %a, %b : f8E5M2
  return %r : i1
}
func.func @k185() -> i32 {
  %a = arith.constant 0x7A : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k186() -> f8E5M2 {
  %a = arith.constant 0xF9 : f8E5M2
  %b = arith.constant 0x02 : f8E5M2
  %r = arith.minnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k187() -> i32 {
  %a = arith.constant 0xE7 : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k188() -> i32 {
  %a = arith.constant 0x92 : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k189() -> f8E5M2 {
  %a = arith.constant 0xB4 : f8E5M2
  %b = arith.constant 0x32 : f8E5M2
  %r = arith.addf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k190() -> f8E5M2 {
  %a = arith.constant 0x32 : f8E5M2
  %b = arith.constant 0x22 : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k191() -> f8E5M2 {
  %a = arith.constant 0x6A : f8E5M2
  %b = arith.constant 0x54 : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k192() -> i32 {
  %a = arith.constant 0x5C : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k193() -> f8E5M2 {
  %a = arith.constant 0x22 : f8E5M2
  %b = arith.constant 0xFE : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k194() -> i1 {
  %a = arith.constant 0x43 : f8E5M2
  %b = arith.constant 0x82 : f8E5M2
  %r = arith.cmpf olt, %a, %b : f8E5M2
  return %r : i1
}
func.func @k195() -> f8E5M2 {
  %a = arith.constant 0x03 : f8E5M2
  %b = arith.constant 0x7F : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k196() -> f8E5M2 {
  %a = arith.constant 0x5C : f8E5M2
  %b = arith.constant 0x2F : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k197() -> f8E5M2 {
  %a = arith.constant 0x67 : f8E5M2
  %b = arith.constant 0x83 : f8E5M2
  %r = arith.remf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k198() -> f8E5M2 {
  %a = arith.constant 0xFA : f8E5M2
  %b = arith.constant 0x61 : f8E5M2
  %r = arith.addf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k199() -> f8E5M2 {
  %a = arith.constant 0x01 : f8E5M2
  %b = arith.constant 0x80 : f8E5M2
  %r = arith.divf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k200() -> f8E5M2 {
  %a = arith.constant 0x2C : f8E5M2
  %b = arith.constant 0x78 : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k201() -> f8E5M2 {
  %a = arith.constant 0x55 : f8E5M2
  %b = arith.constant 0x00 : f8E5M2
  %r = arith.remf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k202() -> f8E5M2 {
  %a = arith.constant 26503.221087668746 : f64
  %r = arith.truncf %a : f64 to f8E5M2
  return %r : f8E5M2
}
func.func @k203() -> f8E5M2 {
  %a = arith.constant 283324727 : i32
  %r = arith.sitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k204() -> i1 {
  %a = arith.constant 0x7A : f8E5M2
  %b = arith.constant 0x06 : f8E5M2
  %r = arith.cmpf oeq, %a, %b : f8E5M2
  return %r : i1
}
func.func @k205() -> i1 {
  %a = arith.constant 0xFE : f8E5M2
  %b = arith.constant 0x60 : f8E5M2
  %r = arith.cmpf ugt, %a, %b : f8E5M2
  return %r : i1
}
func.func @k206() -> i32 {
  %a = arith.constant 0xE0 : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k207() -> f8E5M2 {
  %a = arith.constant 0x7F : f8E5M2
  %b = arith.constant 0x79 : f8E5M2
  %r = arith.divf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k208() -> f64 {
  %a = arith.constant 0x3D : f8E5M2
  %r = arith.extf %a : f8E5M2 to f64
  return %r : f64
}
func.func @k209() -> f8E5M2 {
  %a = arith.constant 1059236543 : i32
  %r = arith.sitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k210() -> f8E5M2 {
  %a = arith.constant 0x00 : f8E5M2
  %b = arith.constant 0x21 : f8E5M2
  %r = arith.divf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k211() -> f8E5M2 {
  %a = arith.constant 0x93 : f8E5M2
  %r = arith.negf %a : f8E5M2
  return %r : f8E5M2
}
func.func @k212() -> i32 {
  %a = arith.constant 0x7D : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k213() -> f8E5M2 {
  %a = arith.constant 0x65 : f8E5M2
  %b = arith.constant 0x82 : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k214() -> f8E5M2 {
  %a = arith.constant 0x00 : f8E5M2
  %r = arith.negf %a : f8E5M2
  return %r : f8E5M2
}
func.func @k215() -> f8E5M2 {
  %a = arith.constant -178 : i32
  %r = arith.uitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k216() -> f8E5M2 {
  %a = arith.constant 0x7B : f8E5M2
  %b = arith.constant 0x04 : f8E5M2
  %r = arith.maximumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k217() -> f8E5M2 {
  %a = arith.constant 0xB2 : f8E5M2
  %b = arith.constant 0x33 : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k218() -> f8E5M2 {
  %a = arith.constant 0x83 : f8E5M2
  %r = arith.negf %a : f8E5M2
  return %r : f8E5M2
}
func.func @k219() -> f8E5M2 {
  %a = arith.constant -324 : i32
  %r = arith.sitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k220() -> f8E5M2 {
  %a = arith.constant 0x03 : f8E5M2
  %b = arith.constant 0x02 : f8E5M2
  %r = arith.minnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k221() -> f8E5M2 {
  %a = arith.constant 0x80 : f8E5M2
  %b = arith.constant 0xCA : f8E5M2
  %r = arith.minnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k222() -> i32 {
  %a = arith.constant 0xFA : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k223() -> f8E5M2 {
  %a = arith.constant 0xFD : f8E5M2
  %b = arith.constant 0xAA : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k224() -> i32 {
  %a = arith.constant 0xFE : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k225() -> f8E5M2 {
  %a = arith.constant 0x12 : f8E5M2
  %b = arith.constant 0x0B : f8E5M2
  %r = arith.addf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k226() -> f8E5M2 {
  %a = arith.constant 0x48 : f8E5M2
  %b = arith.constant 0x6C : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k227() -> f8E5M2 {
  %a = arith.constant 0x83 : f8E5M2
  %b = arith.constant 0x00 : f8E5M2
  %r = arith.addf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k228() -> i32 {
  %a = arith.constant 0x03 : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k229() -> f8E5M2 {
  %a = arith.constant -52842 : i32
  %r = arith.uitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k230() -> i32 {
  %a = arith.constant 0xC8 : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k231() -> f8E5M2 {
  %a = arith.constant 0xA2 : f8E5M2
  %b = arith.constant 0x85 : f8E5M2
  %r = arith.maximumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k232() -> f8E5M2 {
  %a = arith.constant 0xC5 : f8E5M2
  %b = arith.constant 0x02 : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k233() -> f8E5M2 {
  %a = arith.constant 0x8C : f8E5M2
  %b = arith.constant 0xC9 : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k234() -> f8E5M2 {
  %a = arith.constant -90738 : i32
  %r = arith.uitofp %a : i32 to f8E5M2
  return %r : f8E5M2
}
func.func @k235() -> i32 {
  %a = arith.constant 0x80 : f8E5M2
  %r = arith.fptoui %a : f8E5M2 to i32
  return %r : i32
}
func.func @k236() -> f8E5M2 {
  %a = arith.constant 0x43 : f8E5M2
  %b = arith.constant 0x07 : f8E5M2
  %r = arith.mulf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k237() -> f8E5M2 {
  %a = arith.constant 0x80 : f8E5M2
  %b = arith.constant 0x94 : f8E5M2
  %r = arith.maxnumf %a, %b : f8E5M2
  return %r : f8E5M2
}
func.func @k238() -> i1 {
  %a = arith.constant 0x0D : f8E5M2
  %b = arith.constant 0xF8 : f8E5M2
  %r = arith.cmpf ueq, %a, %b : f8E5M2
  return %r : i1
}
func.func @k239() -> f64 {
  %a = arith.constant 0x7F : f8E5M2
  %r = arith.extf %a : f8E5M2 to f64
  return %r : f64
}
func.func @k240() -> i32 {
  %a = arith.constant 0x7C : f8E5M2
  %r = arith.fptosi %a : f8E5M2 to i32
  return %r : i32
}
func.func @k241() -> f8E4M3FN {
  %a = arith.constant 0x80 : f8E4M3FN
  %b = arith.constant 0xB2 : f8E4M3FN
  %r = arith.minimumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k242() -> f8E4M3FN {
  %a = arith.constant 0xF5 : f8E4M3FN
  %b = arith.constant 0x80 : f8E4M3FN
  %r = arith.remf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k243() -> f8E4M3FN {
  %a = arith.constant 0x83 : f8E4M3FN
  %b = arith.constant 0x0A : f8E4M3FN
  %r = arith.addf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k244() -> f8E4M3FN {
  %a = arith.constant 0xFF : f8E4M3FN
  %r = arith.negf %a : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k245() -> f8E4M3FN {
  %a = arith.constant 0xEF : f8E4M3FN
  %b = arith.constant 0x00 : f8E4M3FN
  %r = arith.maxnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k246() -> i32 {
  %a = arith.constant 0xF8 : f8E4M3FN
  %r = arith.fptosi %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k247() -> f8E4M3FN {
  %a = arith.constant 0x00 : f8E4M3FN
  %b = arith.constant 0xF2 : f8E4M3FN
  %r = arith.minimumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k248() -> f8E4M3FN {
  %a = arith.constant 0x80 : f8E4M3FN
  %b = arith.constant 0xFE : f8E4M3FN
  %r = arith.subf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k249() -> f8E4M3FN {
  %a = arith.constant 0x91 : f8E4M3FN
  %b = arith.constant 0xDD : f8E4M3FN
  %r = arith.maximumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k250() -> f64 {
  %a = arith.constant 0x64 : f8E4M3FN
  %r = arith.extf %a : f8E4M3FN to f64
  return %r : f64
}
func.func @k251() -> f8E4M3FN {
  %a = arith.constant 0x70 : f8E4M3FN
  %b = arith.constant 0x3F : f8E4M3FN
  %r = arith.maximumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k252() -> f8E4M3FN {
  %a = arith.constant 0xCD : f8E4M3FN
  %b = arith.constant 0x01 : f8E4M3FN
  %r = arith.minimumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k253() -> f8E4M3FN {
  %a = arith.constant 0xC2 : f8E4M3FN
  %b = arith.constant 0x73 : f8E4M3FN
  %r = arith.maximumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k254() -> f8E4M3FN {
  %a = arith.constant 0x34 : f8E4M3FN
  %b = arith.constant 0x6B : f8E4M3FN
  %r = arith.mulf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k255() -> f8E4M3FN {
  %a = arith.constant 0x80 : f8E4M3FN
  %b = arith.constant 0xF2 : f8E4M3FN
  %r = arith.addf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k256() -> f8E4M3FN {
  %a = arith.constant 0xBD : f8E4M3FN
  %b = arith.constant 0xFB : f8E4M3FN
  %r = arith.minimumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k257() -> f8E4M3FN {
  %a = arith.constant -362.9098924570717 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k258() -> f64 {
  %a = arith.constant 0xD6 : f8E4M3FN
  %r = arith.extf %a : f8E4M3FN to f64
  return %r : f64
}
func.func @k259() -> f8E4M3FN {
  %a = arith.constant 0xF6 : f8E4M3FN
  %r = arith.negf %a : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k260() -> i32 {
  %a = arith.constant 0x71 : f8E4M3FN
  %r = arith.fptoui %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k261() -> f8E4M3FN {
  %a = arith.constant -1029111449 : i32
  %r = arith.uitofp %a : i32 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k262() -> f8E4M3FN {
  %a = arith.constant 0x60 : f8E4M3FN
  %b = arith.constant 0x81 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k263() -> i32 {
  %a = arith.constant 0x73 : f8E4M3FN
  %r = arith.fptoui %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k264() -> f8E4M3FN {
  %a = arith.constant 0x39 : f8E4M3FN
  %b = arith.constant 0x02 : f8E4M3FN
  %r = arith.minimumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k265() -> f8E4M3FN {
  %a = arith.constant 0x06 : f8E4M3FN
  %b = arith.constant 0x7B : f8E4M3FN
  %r = arith.addf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k266() -> f8E4M3FN {
  %a = arith.constant 0xF9 : f8E4M3FN
  %b = arith.constant 0xA9 : f8E4M3FN
  %r = arith.mulf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k267() -> f8E4M3FN {
  %a = arith.constant 0x37 : f8E4M3FN
  %b = arith.constant 0x5A : f8E4M3FN
  %r = arith.divf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k268() -> f8E4M3FN {
  %a = arith.constant 0xDE : f8E4M3FN
  %b = arith.constant 0xF6 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k269() -> f8E4M3FN {
  %a = arith.constant -925286597 : i32
  %r = arith.uitofp %a : i32 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k270() -> f8E4M3FN {
  %a = arith.constant 0xF9 : f8E4M3FN
  %b = arith.constant 0x79 : f8E4M3FN
  %r = arith.maximumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k271() -> i1 {
  %a = arith.constant 0x75 : f8E4M3FN
  %b = arith.constant 0xBE : f8E4M3FN
  %r = arith.cmpf une, %a, %b : f8E4M3FN
  return %r : i1
}
func.func @k272() -> f8E4M3FN {
  %a = arith.constant 0x7A : f8E4M3FN
  %r = arith.negf %a : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k273() -> f8E4M3FN {
  %a = arith.constant 10.75 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k274() -> f8E4M3FN {
  %a = arith.constant 0x4C : f8E4M3FN
  %b = arith.constant 0x53 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k275() -> f8E4M3FN {
  %a = arith.constant 0x00 : f8E4M3FN
  %r = arith.negf %a : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k276() -> i1 {
  %a = arith.constant 0xFD : f8E4M3FN
  %b = arith.constant 0x03 : f8E4M3FN
  %r = arith.cmpf ult, %a, %b : f8E4M3FN
  return %r : i1
}
func.func @k277() -> f8E4M3FN {
  %a = arith.constant 0x00 : f8E4M3FN
  %b = arith.constant 0xA0 : f8E4M3FN
  %r = arith.subf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k278() -> f8E4M3FN {
  %a = arith.constant 0x69 : f8E4M3FN
  %b = arith.constant 0x10 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k279() -> f64 {
  %a = arith.constant 0x80 : f8E4M3FN
  %r = arith.extf %a : f8E4M3FN to f64
  return %r : f64
}
func.func @k280() -> f8E4M3FN {
  %a = arith.constant 0x00 : f8E4M3FN
  %r = arith.negf %a : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k281() -> f8E4M3FN {
  %a = arith.constant 0x79 : f8E4M3FN
  %b = arith.constant 0x26 : f8E4M3FN
  %r = arith.minimumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k282() -> f64 {
  %a = arith.constant 0xFA : f8E4M3FN
  %r = arith.extf %a : f8E4M3FN to f64
  return %r : f64
}
func.func @k283() -> f8E4M3FN {
  %a = arith.constant 0x80 : f8E4M3FN
  %b = arith.constant 0xC3 : f8E4M3FN
  %r = arith.mulf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k284() -> i1 {
  %a = arith.constant 0x8F : f8E4M3FN
  %b = arith.constant 0xB0 : f8E4M3FN
  %r = arith.cmpf ueq, %a, %b : f8E4M3FN
  return %r : i1
}
func.func @k285() -> f64 {
  %a = arith.constant 0x77 : f8E4M3FN
  %r = arith.extf %a : f8E4M3FN to f64
  return %r : f64
}
func.func @k286() -> i1 {
  %a = arith.constant 0xF6 : f8E4M3FN
  %b = arith.constant 0x01 : f8E4M3FN
  %r = arith.cmpf true, %a, %b : f8E4M3FN
  return %r : i1
}
func.func @k287() -> f8E4M3FN {
  %a = arith.constant 69411 : i32
  %r = arith.uitofp %a : i32 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k288() -> f8E4M3FN {
  %a = arith.constant 0xEA : f8E4M3FN
  %b = arith.constant 0x20 : f8E4M3FN
  %r = arith.mulf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k289() -> f8E4M3FN {
  %a = arith.constant 0xD1 : f8E4M3FN
  %b = arith.constant 0x05 : f8E4M3FN
  %r = arith.divf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k290() -> f8E4M3FN {
  %a = arith.constant 0x83 : f8E4M3FN
  %b = arith.constant 0x7B : f8E4M3FN
  %r = arith.subf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k291() -> f8E4M3FN {
  %a = arith.constant 41503.5499418845 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k292() -> f8E4M3FN {
  %a = arith.constant 0x40 : f8E4M3FN
  %b = arith.constant 0x75 : f8E4M3FN
  %r = arith.maximumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k293() -> f8E4M3FN {
  %a = arith.constant 0x76 : f8E4M3FN
  %b = arith.constant 0xD4 : f8E4M3FN
  %r = arith.remf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k294() -> f8E4M3FN {
  %a = arith.constant 0x6B : f8E4M3FN
  %b = arith.constant 0x20 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k295() -> f8E4M3FN {
  %a = arith.constant 0x20 : f8E4M3FN
  %r = arith.negf %a : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k296() -> f8E4M3FN {
  %a = arith.constant 0xF9 : f8E4M3FN
  %b = arith.constant 0x00 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k297() -> f64 {
  %a = arith.constant 0x6B : f8E4M3FN
  %r = arith.extf %a : f8E4M3FN to f64
  return %r : f64
}
func.func @k298() -> f8E4M3FN {
  %a = arith.constant 0xFD : f8E4M3FN
  %b = arith.constant 0x81 : f8E4M3FN
  %r = arith.divf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k299() -> f8E4M3FN {
  %a = arith.constant 0x31 : f8E4M3FN
  %b = arith.constant 0xFD : f8E4M3FN
  %r = arith.divf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k300() -> f8E4M3FN {
  %a = arith.constant 0xE7 : f8E4M3FN
  %b = arith.constant 0x80 : f8E4M3FN
  %r = arith.maximumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k301() -> f8E4M3FN {
  %a = arith.constant 0x72 : f8E4M3FN
  %r = arith.negf %a : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k302() -> f64 {
  %a = arith.constant 0xFD : f8E4M3FN
  %r = arith.extf %a : f8E4M3FN to f64
  return %r : f64
}
func.func @k303() -> f8E4M3FN {
  %a = arith.constant 0x37 : f8E4M3FN
  %b = arith.constant 0xCC : f8E4M3FN
  %r = arith.remf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k304() -> f8E4M3FN {
  %a = arith.constant 0xD5 : f8E4M3FN
  %b = arith.constant 0x87 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k305() -> f8E4M3FN {
  %a = arith.constant 0x6E : f8E4M3FN
  %b = arith.constant 0x82 : f8E4M3FN
  %r = arith.addf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k306() -> i1 {
  %a = arith.constant 0x7C : f8E4M3FN
  %b = arith.constant 0x7B : f8E4M3FN
  %r = arith.cmpf ord, %a, %b : f8E4M3FN
  return %r : i1
}
func.func @k307() -> f8E4M3FN {
  %a = arith.constant 0x00 : f8E4M3FN
  %b = arith.constant 0xF2 : f8E4M3FN
  %r = arith.subf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k308() -> f8E4M3FN {
  %a = arith.constant 0x80 : f8E4M3FN
  %b = arith.constant 0xAB : f8E4M3FN
  %r = arith.mulf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k309() -> f8E4M3FN {
  %a = arith.constant 0x80 : f8E4M3FN
  %b = arith.constant 0xFF : f8E4M3FN
  %r = arith.minimumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k310() -> f8E4M3FN {
  %a = arith.constant -61929.81131305868 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k311() -> i32 {
  %a = arith.constant 0x7F : f8E4M3FN
  %r = arith.fptosi %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k312() -> f8E4M3FN {
  %a = arith.constant 0xF0 : f8E4M3FN
  %b = arith.constant 0x2D : f8E4M3FN
  %r = arith.addf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k313() -> f8E4M3FN {
  %a = arith.constant -476.0086405756786 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k314() -> i32 {
  %a = arith.constant 0x10 : f8E4M3FN
  %r = arith.fptoui %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k315() -> f64 {
  %a = arith.constant 0xF9 : f8E4M3FN
  %r = arith.extf %a : f8E4M3FN to f64
  return %r : f64
}
func.func @k316() -> f8E4M3FN {
  %a = arith.constant 0xF4 : f8E4M3FN
  %b = arith.constant 0xCD : f8E4M3FN
  %r = arith.divf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k317() -> f8E4M3FN {
  %a = arith.constant -2046574307 : i32
  %r = arith.sitofp %a : i32 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k318() -> f8E4M3FN {
  %a = arith.constant 0x02 : f8E4M3FN
  %b = arith.constant 0x81 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k319() -> f8E4M3FN {
  %a = arith.constant 21464.98385837357 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k320() -> f8E4M3FN {
  %a = arith.constant 0x75 : f8E4M3FN
  %r = arith.negf %a : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k321() -> f8E4M3FN {
  %a = arith.constant -149.66247094911768 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k322() -> f8E4M3FN {
  %a = arith.constant 0x52 : f8E4M3FN
  %b = arith.constant 0xD7 : f8E4M3FN
  %r = arith.minimumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k323() -> f8E4M3FN {
  %a = arith.constant 0x00 : f8E4M3FN
  %b = arith.constant 0xF6 : f8E4M3FN
  %r = arith.divf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k324() -> f8E4M3FN {
  %a = arith.constant 0x52 : f8E4M3FN
  %b = arith.constant 0xF6 : f8E4M3FN
  %r = arith.maxnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k325() -> f8E4M3FN {
  %a = arith.constant 0xC7 : f8E4M3FN
  %b = arith.constant 0x2D : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k326() -> f8E4M3FN {
  %a = arith.constant 0x80 : f8E4M3FN
  %b = arith.constant 0x52 : f8E4M3FN
  %r = arith.maximumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k327() -> f64 {
  %a = arith.constant 0x86 : f8E4M3FN
  %r = arith.extf %a : f8E4M3FN to f64
  return %r : f64
}
func.func @k328() -> i32 {
  %a = arith.constant 0x0E : f8E4M3FN
  %r = arith.fptosi %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k329() -> f8E4M3FN {
  %a = arith.constant 0xA0 : f8E4M3FN
  %b = arith.constant 0xF8 : f8E4M3FN
  %r = arith.divf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k330() -> i32 {
  %a = arith.constant 0x85 : f8E4M3FN
  %r = arith.fptosi %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k331() -> f8E4M3FN {
  %a = arith.constant 0x62 : f8E4M3FN
  %b = arith.constant 0x60 : f8E4M3FN
  %r = arith.subf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k332() -> i32 {
  %a = arith.constant 0x08 : f8E4M3FN
  %r = arith.fptosi %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k333() -> f8E4M3FN {
  %a = arith.constant 0xF8 : f8E4M3FN
  %b = arith.constant 0x80 : f8E4M3FN
  %r = arith.remf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k334() -> i1 {
  %a = arith.constant 0x54 : f8E4M3FN
  %b = arith.constant 0xBC : f8E4M3FN
  %r = arith.cmpf one, %a, %b : f8E4M3FN
  return %r : i1
}
func.func @k335() -> f8E4M3FN {
  %a = arith.constant 0xFD : f8E4M3FN
  %b = arith.constant 0x0D : f8E4M3FN
  %r = arith.remf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k336() -> f8E4M3FN {
  %a = arith.constant 0xE5 : f8E4M3FN
  %b = arith.constant 0x3B : f8E4M3FN
  %r = arith.maximumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k337() -> f8E4M3FN {
  %a = arith.constant 0xA6 : f8E4M3FN
  %b = arith.constant 0x24 : f8E4M3FN
  %r = arith.divf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k338() -> f8E4M3FN {
  %a = arith.constant 0x82 : f8E4M3FN
  %b = arith.constant 0x7A : f8E4M3FN
  %r = arith.maximumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k339() -> f8E4M3FN {
  %a = arith.constant -12.5 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k340() -> f8E4M3FN {
  %a = arith.constant -105 : i32
  %r = arith.uitofp %a : i32 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k341() -> f8E4M3FN {
  %a = arith.constant 0x8C : f8E4M3FN
  %b = arith.constant 0x10 : f8E4M3FN
  %r = arith.remf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k342() -> f8E4M3FN {
  %a = arith.constant -0.0005608274365383721 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k343() -> i32 {
  %a = arith.constant 0x07 : f8E4M3FN
  %r = arith.fptosi %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k344() -> i1 {
  %a = arith.constant 0x12 : f8E4M3FN
  %b = arith.constant 0x00 : f8E4M3FN
  %r = arith.cmpf one, %a, %b : f8E4M3FN
  return %r : i1
}
func.func @k345() -> i1 {
  %a = arith.constant 0xFE : f8E4M3FN
  %b = arith.constant 0x03 : f8E4M3FN
  %r = arith.cmpf uge, %a, %b : f8E4M3FN
  return %r : i1
}
func.func @k346() -> f8E4M3FN {
  %a = arith.constant 0xF2 : f8E4M3FN
  %b = arith.constant 0x7C : f8E4M3FN
  %r = arith.minimumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k347() -> f8E4M3FN {
  %a = arith.constant 0x01 : f8E4M3FN
  %b = arith.constant 0x77 : f8E4M3FN
  %r = arith.subf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k348() -> f8E4M3FN {
  %a = arith.constant -60336.799347164095 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k349() -> f8E4M3FN {
  %a = arith.constant 0xC5 : f8E4M3FN
  %b = arith.constant 0x25 : f8E4M3FN
  %r = arith.mulf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k350() -> f8E4M3FN {
  %a = arith.constant 0x6C : f8E4M3FN
  %b = arith.constant 0x74 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k351() -> i32 {
  %a = arith.constant 0x81 : f8E4M3FN
  %r = arith.fptoui %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k352() -> f8E4M3FN {
  %a = arith.constant 0x3C : f8E4M3FN
  %r = arith.negf %a : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k353() -> i32 {
  %a = arith.constant 0x07 : f8E4M3FN
  %r = arith.fptosi %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k354() -> f8E4M3FN {
  %a = arith.constant 0x7B : f8E4M3FN
  %b = arith.constant 0x83 : f8E4M3FN
  %r = arith.maxnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k355() -> i32 {
  %a = arith.constant 0x10 : f8E4M3FN
  %r = arith.fptosi %a : f8E4M3FN to i32
  return %r : i32
}
func.func @k356() -> f8E4M3FN {
  %a = arith.constant 0x44 : f8E4M3FN
  %b = arith.constant 0x7D : f8E4M3FN
  %r = arith.maxnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k357() -> f8E4M3FN {
  %a = arith.constant 0x80 : f8E4M3FN
  %b = arith.constant 0x87 : f8E4M3FN
  %r = arith.minnumf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k358() -> f8E4M3FN {
  %a = arith.constant 0x72 : f8E4M3FN
  %b = arith.constant 0x87 : f8E4M3FN
  %r = arith.divf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k359() -> f8E4M3FN {
  %a = arith.constant 0x19 : f8E4M3FN
  %b = arith.constant 0x35 : f8E4M3FN
  %r = arith.mulf %a, %b : f8E4M3FN
  return %r : f8E4M3FN
}
func.func @k360() -> f8E4M3FN {
  %a = arith.constant -17.625 : f64
  %r = arith.truncf %a : f64 to f8E4M3FN
  return %r : f8E4M3FN
}
func.func @v1() -> f80 {
  %a = arith.constant 0xC012FF91513D02C7BFF2 : f80
  %b = arith.constant 0x402E9D23735899F916B1 : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v2() -> f80 {
  %a = arith.constant 0x80002F0F54BC70A76E49 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v3() -> f80 {
  %a = arith.constant 0x57398B2E4C15D7A7BF5E : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v4() -> f80 {
  %a = arith.constant 0xC0258000000000000000 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v5() -> f80 {
  %a = arith.constant 0xFFFF8000000000000000 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v6() -> f80 {
  %a = arith.constant 0x83E7FBD5B1541529755D : f80
  %b = arith.constant 0xFFFF8000000000000000 : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v7() -> f80 {
  %a = arith.constant 0x204DAF85A53F5D02B200 : f80
  %b = arith.constant 0x8002EDF67275D293CA94 : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v8() -> f80 {
  %a = arith.constant 0x00000590DDDD6D5FCD18 : f80
  %b = arith.constant 0xBFD396CA53BC387BE8B8 : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v9() -> f80 {
  %a = arith.constant 0x377CCD108ED5581C14CF : f80
  %b = arith.constant 0x41CBAB79F77835737C8F : f80
  %r = arith.subf %a, %b : f80
  return %r : f80
}
func.func @v10() -> f80 {
  %a = arith.constant 0xC0349572B45DFD1032E8 : f80
  %b = arith.constant 0xC016DFCFC216C43547B6 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v11() -> f80 {
  %a = arith.constant 0x794EE693670EC54ACF4F : f80
  %b = arith.constant 0x3FBBCF3DEB173F5FCFF5 : f80
  %r = arith.divf %a, %b : f80
  return %r : f80
}
func.func @v12() -> f80 {
  %a = arith.constant 0xC5F5F6B88D5D061EEFE0 : f80
  %b = arith.constant 0xC000E45FD8783AC171B1 : f80
  %r = arith.subf %a, %b : f80
  return %r : f80
}
func.func @v13() -> f80 {
  %a = arith.constant 0x7FFEB8F0388BF2597377 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v14() -> f80 {
  %a = arith.constant 0xC03CDA3378B071F1F9A4 : f80
  %b = arith.constant 0xA47BD776354D074CE872 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v15() -> f80 {
  %a = arith.constant 0x476DC000000000000000 : f80
  %b = arith.constant 0x7FFF87865E3AFABF0A79 : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}
func.func @v16() -> i1 {
  %a = arith.constant 0xFB22B575BEDE0A095049 : f80
  %b = arith.constant 0x4020C74970DC94859972 : f80
  %r = arith.cmpf ult, %a, %b : f80
  return %r : i1
}
func.func @v17() -> f80 {
  %a = arith.constant 0x481BDAE59549B055A7F9 : f80
  %b = arith.constant 0x7FFF8957C7B9E5C106A2 : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v18() -> f80 {
  %a = arith.constant 0xC01AAD34A5E5B5D52797 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v19() -> f80 {
  %a = arith.constant 0x1B20D6ED74C0B35BC343 : f80
  %b = arith.constant 0x3FCB8A8A9ED252D700AC : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v20() -> f80 {
  %a = arith.constant 0xBFD0D90F09BE4F832EC8 : f80
  %b = arith.constant 0xFFFF8000000000000000 : f80
  %r = arith.remf %a, %b : f80
  return %r : f80
}
func.func @v21() -> f80 {
  %a = arith.constant 0xC02AD56D407F0E81A9FF : f80
  %b = arith.constant 0x00028000000000000000 : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}
func.func @v22() -> f80 {
  %a = arith.constant 0x000019C55C2AD949FA83 : f80
  %b = arith.constant 0x1C35C021E67A258DC101 : f80
  %r = arith.divf %a, %b : f80
  return %r : f80
}
func.func @v23() -> f80 {
  %a = arith.constant 0x7FFFEBE36774803A5856 : f80
  %b = arith.constant 0xBFC58000000000000000 : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v24() -> f80 {
  %a = arith.constant 0xFFFDD4E624DB709E60F1 : f80
  %b = arith.constant 0x000027F17EB6AE47CE5A : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v25() -> f80 {
  %a = arith.constant 0x293FAE300203E54C7793 : f80
  %b = arith.constant 0x1165C5ABA2A5CD07888B : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v26() -> f80 {
  %a = arith.constant 0x4026C000000000000000 : f80
  %b = arith.constant 0xC001E50BD352DF835744 : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v27() -> i1 {
  %a = arith.constant 0x3FFBD4404AFBD7BA5A65 : f80
  %b = arith.constant 0xB070D4490B229E285F7D : f80
  %r = arith.cmpf ueq, %a, %b : f80
  return %r : i1
}
func.func @v28() -> f80 {
  %a = arith.constant 0x4037E84898CC6649036A : f80
  %b = arith.constant 0x64F68E091D9D41323CC5 : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v29() -> f80 {
  %a = arith.constant 0x7FFEC000000000000000 : f80
  %b = arith.constant 0xEEC19B08D8E8DF675139 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v30() -> f80 {
  %a = arith.constant 0x00018000000000000000 : f80
  %b = arith.constant 0xFFFF8000000000000000 : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}
func.func @v31() -> f80 {
  %a = arith.constant 0x0001C4A3B7377F8C74B1 : f80
  %b = arith.constant 0x4040E67D9A9E206A26B4 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v32() -> f80 {
  %a = arith.constant 0xFFFEEB914351A2522A6D : f80
  %b = arith.constant 0x403DA3A628BBD84D6A6A : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v33() -> f80 {
  %a = arith.constant 0x60E9FFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0xFFFF8000000000000000 : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}
func.func @v34() -> i1 {
  %a = arith.constant 0x3FDA8DD7A2673B50C99D : f80
  %b = arith.constant 0xBFC78000000000000000 : f80
  %r = arith.cmpf false, %a, %b : f80
  return %r : i1
}
func.func @v35() -> f80 {
  %a = arith.constant 0xCED2FFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0xEC398000000000000000 : f80
  %r = arith.subf %a, %b : f80
  return %r : f80
}
func.func @v36() -> i1 {
  %a = arith.constant 0xC032E0DF058875FFD9D4 : f80
  %b = arith.constant 0xC0448000000000000000 : f80
  %r = arith.cmpf ule, %a, %b : f80
  return %r : i1
}
func.func @v37() -> f80 {
  %a = arith.constant 0x79F3E1F2F6DDCBFF2E68 : f80
  %b = arith.constant 0xAE5DF63575001F595596 : f80
  %r = arith.subf %a, %b : f80
  return %r : f80
}
func.func @v38() -> f80 {
  %a = arith.constant 0xA38F8FC5B1613A810BD9 : f80
  %b = arith.constant 0xC010C000000000000000 : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v39() -> f80 {
  %a = arith.constant 0xFFFDCFED8803E3B14630 : f80
  %b = arith.constant 0xAE4BB1531249576336E1 : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v40() -> f80 {
  %a = arith.constant 0x6B53B85D43A4F3C9FBED : f80
  %b = arith.constant 0x2BF48F43DE631A32AAF8 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v41() -> i1 {
  %a = arith.constant 0x2E6CCF7EB0079889EF92 : f80
  %b = arith.constant 0x7FFEF411A7835AD71734 : f80
  %r = arith.cmpf uge, %a, %b : f80
  return %r : i1
}
func.func @v42() -> f80 {
  %a = arith.constant 0x00029A3C2097E3AC0343 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v43() -> f80 {
  %a = arith.constant 0x401ED2E2A868541EF29A : f80
  %b = arith.constant 0x80018000000000000000 : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v44() -> f80 {
  %a = arith.constant 0xA7C99D40F6747031F12E : f80
  %b = arith.constant 0xBFF4D1ACB15C46217A66 : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v45() -> f80 {
  %a = arith.constant 0x976DA7B1C3CFF58592F2 : f80
  %b = arith.constant 0xC034B1C1B83077219708 : f80
  %r = arith.subf %a, %b : f80
  return %r : f80
}
func.func @v46() -> f80 {
  %a = arith.constant 0xBFEBE466FB1F86A8AD97 : f80
  %b = arith.constant 0xD461ECB214E49DBE784E : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v47() -> f80 {
  %a = arith.constant 0x3FDBD5B97CCFE3ED230A : f80
  %b = arith.constant 0x5603C000000000000000 : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v48() -> f80 {
  %a = arith.constant 0xB5DEA12B78C72DE4EB20 : f80
  %b = arith.constant 0xBFC68EF57DD173F9BDA5 : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v49() -> f80 {
  %a = arith.constant 0x3FEEC69E79E5D4F781F2 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v50() -> f80 {
  %a = arith.constant 0x6E20F7451EF641A34999 : f80
  %b = arith.constant 0xAEFBF48F6F212037E34E : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v51() -> f80 {
  %a = arith.constant 0x8DDD84635F7442BEA775 : f80
  %b = arith.constant 0xFFFDC28875679E0BBC20 : f80
  %r = arith.divf %a, %b : f80
  return %r : f80
}
func.func @v52() -> f80 {
  %a = arith.constant 0xEB6C8000000000000000 : f80
  %b = arith.constant 0x4037B337D7F3D7704260 : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v53() -> f80 {
  %a = arith.constant 0x80004000000000000000 : f80
  %b = arith.constant 0xFFFDC08ECA42D8D8DD47 : f80
  %r = arith.subf %a, %b : f80
  return %r : f80
}
func.func @v54() -> f80 {
  %a = arith.constant 0x3FBFC38D3FEF129A0537 : f80
  %b = arith.constant 0x7EC5B424DB604CB2A2E7 : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v55() -> f80 {
  %a = arith.constant 0xB264D6FE691BC6EBE139 : f80
  %b = arith.constant 0xA4AED8A0865D5D003E38 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v56() -> f80 {
  %a = arith.constant 0xBFD88000000000000000 : f80
  %b = arith.constant 0x0832E4AE8EC12254C765 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v57() -> f80 {
  %a = arith.constant 0x7FFE8000000000000000 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v58() -> f80 {
  %a = arith.constant 0x957A8000000000000000 : f80
  %b = arith.constant 0xC02882A6CA57F457DA46 : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v59() -> i1 {
  %a = arith.constant 0x3FD1B51B2F825F3557CA : f80
  %b = arith.constant 0x4006CF9D3E9287A0D63B : f80
  %r = arith.cmpf false, %a, %b : f80
  return %r : i1
}
func.func @v60() -> f80 {
  %a = arith.constant 0xA856875F11FAD6BE2478 : f80
  %b = arith.constant 0x7747DA6E0751C82B9142 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v61() -> f80 {
  %a = arith.constant 0x7AD6FFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0x7FFF8000000000000000 : f80
  %r = arith.divf %a, %b : f80
  return %r : f80
}
func.func @v62() -> f80 {
  %a = arith.constant 0x1C07C000000000000000 : f80
  %b = arith.constant 0xC009F362450E7AE27FB0 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v63() -> f80 {
  %a = arith.constant 0x88A2FFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0xBFE2F3CD95B5AC6BB15C : f80
  %r = arith.divf %a, %b : f80
  return %r : f80
}
func.func @v64() -> f80 {
  %a = arith.constant 0x7FFEFFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0xFFFF8000000000000000 : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v65() -> f80 {
  %a = arith.constant 0xFFFFA0D03A9E2D020AEF : f80
  %b = arith.constant 0xC02CD3DF3D756F1435EE : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v66() -> f80 {
  %a = arith.constant 0x7B3FFFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0xC9E0D9C5C90B8A9FC5ED : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v67() -> f80 {
  %a = arith.constant 0xCB259DD7DD570B17FD6D : f80
  %b = arith.constant 0xC035946153C923CD7316 : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v68() -> f80 {
  %a = arith.constant 0x4DECFFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0x7FFD92B8F394F885E234 : f80
  %r = arith.subf %a, %b : f80
  return %r : f80
}
func.func @v69() -> f80 {
  %a = arith.constant 0x8002A15F14FEA17C7D23 : f80
  %b = arith.constant 0x3FE2F950AF39EA729384 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v70() -> f80 {
  %a = arith.constant 0x83CAB9AE0EB10A9BCFDA : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v71() -> f80 {
  %a = arith.constant 0x7FFF8000000000000000 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v72() -> f80 {
  %a = arith.constant 0xEB7CC15AE8A11672D70C : f80
  %b = arith.constant 0x7FFF8000000000000000 : f80
  %r = arith.remf %a, %b : f80
  return %r : f80
}
func.func @v73() -> f80 {
  %a = arith.constant 0x1351A207058502900ABC : f80
  %b = arith.constant 0x21AE8F3747A35BA65528 : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v74() -> f80 {
  %a = arith.constant 0x0001C000000000000000 : f80
  %b = arith.constant 0xB401F4FC43CA47B2FDBF : f80
  %r = arith.remf %a, %b : f80
  return %r : f80
}
func.func @v75() -> f80 {
  %a = arith.constant 0x29F2A9B3E388B234AB46 : f80
  %b = arith.constant 0x638BAB96FF6F7A1A25BE : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v76() -> f80 {
  %a = arith.constant 0x7FFFB8164EDB3A827DF5 : f80
  %b = arith.constant 0xEDDDC000000000000000 : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}
func.func @v77() -> f80 {
  %a = arith.constant 0x3FD08000000000000000 : f80
  %b = arith.constant 0x5803C000000000000000 : f80
  %r = arith.remf %a, %b : f80
  return %r : f80
}
func.func @v78() -> f80 {
  %a = arith.constant 0x8002991844F9DF9F0836 : f80
  %b = arith.constant 0x400996428F8AFA49E1D6 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v79() -> f80 {
  %a = arith.constant 0x10C2FE978E99543F304C : f80
  %b = arith.constant 0x402FA7AD388113680B86 : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v80() -> f80 {
  %a = arith.constant 0x400F98F4A815442BEE89 : f80
  %b = arith.constant 0x00005BEFC28AC7EF741B : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v81() -> i1 {
  %a = arith.constant 0xEDF58692B2DD1BDC0CF6 : f80
  %b = arith.constant 0xD35C82C4AC6824BF9BD7 : f80
  %r = arith.cmpf ult, %a, %b : f80
  return %r : i1
}
func.func @v82() -> f80 {
  %a = arith.constant 0x1AEDCFB45C5E6F388E72 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v83() -> f80 {
  %a = arith.constant 0xFFFF8000000000000000 : f80
  %b = arith.constant 0x7FFF8E840C73C14A14F4 : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v84() -> f80 {
  %a = arith.constant 0x403CA881AD9CC48F30EF : f80
  %b = arith.constant 0xA7D7D051FF266BFBE3FD : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}
func.func @v85() -> f80 {
  %a = arith.constant 0x6E0CFDD473007C8FB5A6 : f80
  %b = arith.constant 0x7E0BC000000000000000 : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v86() -> f80 {
  %a = arith.constant 0xE8FAC3AC0E43A5F669F4 : f80
  %b = arith.constant 0xC026BCF158758C28589D : f80
  %r = arith.remf %a, %b : f80
  return %r : f80
}
func.func @v87() -> f80 {
  %a = arith.constant 0x7FFFBB96B613F0B18B34 : f80
  %b = arith.constant 0xBFF4C000000000000000 : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v88() -> f80 {
  %a = arith.constant 0x800197625216D33A5F7D : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v89() -> f80 {
  %a = arith.constant 0x402296D098FB29EB5AF8 : f80
  %b = arith.constant 0xAC28FFFFFFFFFFFFFFFF : f80
  %r = arith.remf %a, %b : f80
  return %r : f80
}
func.func @v90() -> f80 {
  %a = arith.constant 0x40298000000000000000 : f80
  %b = arith.constant 0x8D3D8000000000000000 : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v91() -> i1 {
  %a = arith.constant 0xC022AB03042373C9D49C : f80
  %b = arith.constant 0x3780CFDFEDEFB1F21BAA : f80
  %r = arith.cmpf false, %a, %b : f80
  return %r : i1
}
func.func @v92() -> f80 {
  %a = arith.constant 0xC2EFFFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0x0002F29FA750885E8A4A : f80
  %r = arith.subf %a, %b : f80
  return %r : f80
}
func.func @v93() -> f80 {
  %a = arith.constant 0x80003801608C6253D834 : f80
  %b = arith.constant 0x4E79F78B50B6CC62225A : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}
func.func @v94() -> f80 {
  %a = arith.constant 0x00003314A0B2F2BD6F9E : f80
  %b = arith.constant 0xFFFF8000000000000000 : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v95() -> f80 {
  %a = arith.constant 0x7FFF8DE62AEC3EA122FD : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v96() -> f80 {
  %a = arith.constant 0x879792CC2B2192F6C057 : f80
  %b = arith.constant 0xC019B112668F813B83C8 : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v97() -> i1 {
  %a = arith.constant 0x4E10D6E33AEA0E787C30 : f80
  %b = arith.constant 0x4034F9045B17ADE9B743 : f80
  %r = arith.cmpf uge, %a, %b : f80
  return %r : i1
}
func.func @v98() -> f80 {
  %a = arith.constant 0x00004ED2E4146B8B2FCE : f80
  %b = arith.constant 0x0B15ED836A7267CDF87E : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v99() -> f80 {
  %a = arith.constant 0xFFFE85938439261654C9 : f80
  %b = arith.constant 0x80007FFFFFFFFFFFFFFF : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}
func.func @v100() -> f80 {
  %a = arith.constant 0xBD038CBAF21A58993845 : f80
  %b = arith.constant 0x166BCFB310D9CD04CE5A : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v101() -> i1 {
  %a = arith.constant 0x4036CC0D6E6D903170F3 : f80
  %b = arith.constant 0xF876AE5A877E7468D86D : f80
  %r = arith.cmpf uge, %a, %b : f80
  return %r : i1
}
func.func @v102() -> f80 {
  %a = arith.constant 0xC024FFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0x1C5CF6DB84F922BE859F : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v103() -> f80 {
  %a = arith.constant 0xDBCE8000000000000000 : f80
  %b = arith.constant 0x80001824560ACA8975A6 : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v104() -> f80 {
  %a = arith.constant 0xB59EF776007BDA0FE803 : f80
  %b = arith.constant 0xFFFF8000000000000000 : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v105() -> f80 {
  %a = arith.constant 0x000299ED2B4A6A96F9A2 : f80
  %b = arith.constant 0xB78E97DADC56AE059D5C : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v106() -> f80 {
  %a = arith.constant 0x9F89F3333E144A1E1E93 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v107() -> f80 {
  %a = arith.constant 0xFFFF8000000000000000 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v108() -> f80 {
  %a = arith.constant 0x3A978000000000000000 : f80
  %b = arith.constant 0xBFD791B085CAD1B14B13 : f80
  %r = arith.remf %a, %b : f80
  return %r : f80
}
func.func @v109() -> f80 {
  %a = arith.constant 0xC020AF1DC04B937A6228 : f80
  %r = arith.negf %a : f80
  return %r : f80
}
func.func @v110() -> f80 {
  %a = arith.constant 0x81A8C998A39C2CA33624 : f80
  %b = arith.constant 0x0376DD6D9A2983419A94 : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v111() -> f80 {
  %a = arith.constant 0xC0168000000000000000 : f80
  %b = arith.constant 0xDE7AC0FC7B011719005D : f80
  %r = arith.mulf %a, %b : f80
  return %r : f80
}
func.func @v112() -> i1 {
  %a = arith.constant 0x4006C10E416F46D93804 : f80
  %b = arith.constant 0x3FF2C000000000000000 : f80
  %r = arith.cmpf true, %a, %b : f80
  return %r : i1
}
func.func @v113() -> f80 {
  %a = arith.constant 0x6B70A3DEDE747A871D7B : f80
  %b = arith.constant 0x4E508D9ECD46848AA646 : f80
  %r = arith.maximumf %a, %b : f80
  return %r : f80
}
func.func @v114() -> i1 {
  %a = arith.constant 0xFFFEB91AA3BD28EB140C : f80
  %b = arith.constant 0x3D1FC18E4A27E2A32C77 : f80
  %r = arith.cmpf olt, %a, %b : f80
  return %r : i1
}
func.func @v115() -> f80 {
  %a = arith.constant 0x401BF6846B723DA776C4 : f80
  %b = arith.constant 0xC030F716D8CDED65AE0E : f80
  %r = arith.minnumf %a, %b : f80
  return %r : f80
}
func.func @v116() -> i1 {
  %a = arith.constant 0x5D7AFFFFFFFFFFFFFFFF : f80
  %b = arith.constant 0xFA38E1759406F5163556 : f80
  %r = arith.cmpf ule, %a, %b : f80
  return %r : i1
}
func.func @v117() -> f80 {
  %a = arith.constant 0x3FED8B6771CF42579EA5 : f80
  %b = arith.constant 0xFFFFC17C0382E7DA9E3E : f80
  %r = arith.maxnumf %a, %b : f80
  return %r : f80
}
func.func @v118() -> f80 {
  %a = arith.constant 0x00000000000000000000 : f80
  %b = arith.constant 0xA3AFC656D58DC463B37E : f80
  %r = arith.subf %a, %b : f80
  return %r : f80
}
func.func @v119() -> f80 {
  %a = arith.constant 0xBFBAC000000000000000 : f80
  %b = arith.constant 0x8001F2DC2D7B82140008 : f80
  %r = arith.addf %a, %b : f80
  return %r : f80
}
func.func @v120() -> f80 {
  %a = arith.constant 0x800063B49DDD583FA9B2 : f80
  %b = arith.constant 0x3F15FFCE63BC7590BAE9 : f80
  %r = arith.minimumf %a, %b : f80
  return %r : f80
}
func.func @v121() -> f128 {
  %a = arith.constant 0xFFFE707D8675084A07DFBA82FAF6E48B : f128
  %b = arith.constant 0xAFF70000000000000000000000000001 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v122() -> f128 {
  %a = arith.constant 0xD746FFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v123() -> f128 {
  %a = arith.constant 0x3FC053D703982613286551B147CC5273 : f128
  %b = arith.constant 0x80006170FC1922B6406A322F2213AEBE : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v124() -> f128 {
  %a = arith.constant 0x00004017A700E1829714929394C39FE8 : f128
  %b = arith.constant 0x6A31870199705FE6B8A1259D406FD921 : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v125() -> f128 {
  %a = arith.constant 0xE6768E715D0B9D086C4FCC1C9E56E352 : f128
  %b = arith.constant 0xFFFEC34FD7231063C6B53EBD7FADA920 : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v126() -> f128 {
  %a = arith.constant 0x7FFE194A902444BD5B589D1202AB57D9 : f128
  %b = arith.constant 0x27B50000000000000000000000000000 : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v127() -> f128 {
  %a = arith.constant 0x47D3168F6B5D38AD4C30CAD58D0A5755 : f128
  %b = arith.constant 0xBFCD8E821449FDE84126FE3A19D0E173 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v128() -> f128 {
  %a = arith.constant 0xC03BAB42D5DEB03177F5E95B57D37CE9 : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v129() -> f128 {
  %a = arith.constant 0x2A5A2016C01351F3E5A91016DCD0002A : f128
  %b = arith.constant 0x3FFAFFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v130() -> f128 {
  %a = arith.constant 0x5F8A2B9991B4E08B062CEA986F2792FC : f128
  %b = arith.constant 0x8E170DB6B1188BD561CBE6465C677C3A : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v131() -> f128 {
  %a = arith.constant 0xBFF7742142BCCFC51CB7A190CA6F1946 : f128
  %b = arith.constant 0x40670000000000000000000000000000 : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v132() -> f128 {
  %a = arith.constant 0x5BA5FFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %b = arith.constant 0xFFFEABAC319478A99AE6A530255F769A : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v133() -> f128 {
  %a = arith.constant 0x3FE31A00C9B407178713250CB69E6BA4 : f128
  %b = arith.constant 0x80008000000000000000000000000000 : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v134() -> f128 {
  %a = arith.constant 0x2057C88380BBC5EF7DC117A3EB85C725 : f128
  %b = arith.constant 0x9DC61A7B3CFDD60B43DCD996D51BD121 : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v135() -> f128 {
  %a = arith.constant 0x764D589152363A818BCEAD3DDF8916BA : f128
  %b = arith.constant 0x3FEA5D337F21A7E3089E97769B6F0254 : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v136() -> f128 {
  %a = arith.constant 0x4058C56E7AE661249218C3F623C52E5A : f128
  %b = arith.constant 0x508FF2A5B25B35BF2DB58C01FF6E5D97 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v137() -> f128 {
  %a = arith.constant 0x3FA3FFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %b = arith.constant 0x8E36047583D9C46F1A7DA90BD64D60C4 : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v138() -> f128 {
  %a = arith.constant 0x5B28FFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %b = arith.constant 0x405E332C34E089459F2A5348A3C57EEB : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v139() -> f128 {
  %a = arith.constant 0x27656AE4E324620094122626BF6E8C20 : f128
  %b = arith.constant 0x97008000000000000000000000000000 : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v140() -> f128 {
  %a = arith.constant 0x406107775069AC8803DAD11224E405FE : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v141() -> f128 {
  %a = arith.constant 0x1537914DA5FF80DD13EED82E827BED53 : f128
  %b = arith.constant 0x8DF04D48FEFF34FF1975EFF9289A7987 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v142() -> f128 {
  %a = arith.constant 0x80014F7263BFD0F8D38D51077F2F660A : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v143() -> f128 {
  %a = arith.constant 0xBFC3DCA5C7B8C4D5F6F270DD31DB1955 : f128
  %b = arith.constant 0x2E63A5740CE0F393C17130BCAC141659 : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v144() -> f128 {
  %a = arith.constant 0xE6011F89BBE1B88C997684BC41661549 : f128
  %b = arith.constant 0x7B901E95CCEF1C9629EF5362C3340E56 : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v145() -> f128 {
  %a = arith.constant 0x0002761D163D63B30C704D6CAF108688 : f128
  %b = arith.constant 0xFFFFAFDA2F845F0E1CA245C1B679BBFF : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v146() -> f128 {
  %a = arith.constant 0x402CF6015ABCACF52CF1FE3288ED73B5 : f128
  %b = arith.constant 0x679A26EBFDEA53F3C42C442C293CD914 : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v147() -> f128 {
  %a = arith.constant 0x4057169847282655F4E0E919A5918C20 : f128
  %b = arith.constant 0xC029AFDFB4C29E36E8F2090FA5A07ED0 : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v148() -> f128 {
  %a = arith.constant 0xF651B90CCD379B9DC07D8DF9E9A852BC : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v149() -> f128 {
  %a = arith.constant 0x2C07B47B1CAF127B2A0F432F4EAED7D5 : f128
  %b = arith.constant 0xC02E07ED26F89A0470AE9A5EBF5FE415 : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v150() -> f128 {
  %a = arith.constant 0x7FFF0000000000000000000000000000 : f128
  %b = arith.constant 0x80003755BB9781B9B718FCAE35AB21E4 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v151() -> f128 {
  %a = arith.constant 0xF3FFF479E3B8510DDDAB6E7B60685CEE : f128
  %b = arith.constant 0xC0158BBC0B0B86F894EB97F605D38B01 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v152() -> f128 {
  %a = arith.constant 0xC9F20000000000000000000000000000 : f128
  %b = arith.constant 0xFFFF0000000000000000000000000000 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v153() -> f128 {
  %a = arith.constant 0xC061E0D84747B3EC9D82F5C5A3F42398 : f128
  %b = arith.constant 0x406C4AABAB6C24426D752B0AFE359A0B : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v154() -> f128 {
  %a = arith.constant 0x7FFE0000000000000000000000000001 : f128
  %b = arith.constant 0x7FFFC7F0219CC067D2068CC8AA4EB9E3 : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v155() -> i1 {
  %a = arith.constant 0xFFFF9EA2C5DCFC9708248342A9842F71 : f128
  %b = arith.constant 0xAD250000000000000000000000000000 : f128
  %r = arith.cmpf ult, %a, %b : f128
  return %r : i1
}
func.func @v156() -> f128 {
  %a = arith.constant 0xBFD0E25BEC210F72551A704DFAB89346 : f128
  %b = arith.constant 0xA6C30859B70214B72B837C0433752521 : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v157() -> f128 {
  %a = arith.constant 0x3FBC496E9EBB6430DAD7262579AD45EA : f128
  %b = arith.constant 0x0000971A0AAA68AE276AE23DAA5E5C6B : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v158() -> f128 {
  %a = arith.constant 0x3FB9FFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %b = arith.constant 0xBE898000000000000000000000000000 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v159() -> f128 {
  %a = arith.constant 0x20C582E645AAB3F7312CC42FB8EC37A6 : f128
  %b = arith.constant 0x3FC7B4E9DDBD54E328C04A77BA8EEFC5 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v160() -> f128 {
  %a = arith.constant 0x8000302BC36E66ACFBDAEDB957184B28 : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v161() -> f128 {
  %a = arith.constant 0xBFF3F9226D13CE1B301F37D18DA2B708 : f128
  %b = arith.constant 0xC009B4AA3DCB944E8AC562CE094C583B : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v162() -> f128 {
  %a = arith.constant 0xFFFF28AE1433D0B47EA3FB2CE38F541E : f128
  %b = arith.constant 0x000016DDB09654CDAC86873E8EFE314B : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v163() -> f128 {
  %a = arith.constant 0xBFC40000000000000000000000000000 : f128
  %b = arith.constant 0x3FDEF12CD3D29920AD9E53B344BB1D31 : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v164() -> f128 {
  %a = arith.constant 0x10769A0E11573E90B2ADCCF310438341 : f128
  %b = arith.constant 0xBA0E2A22DCE286B0AB471980388219E5 : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v165() -> f128 {
  %a = arith.constant 0xF1A98000000000000000000000000000 : f128
  %b = arith.constant 0x3FEFBAAEF55912D5DE33B3E8EF6107F4 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v166() -> f128 {
  %a = arith.constant 0x5E262311E77EA0281C1DF52DBAE382A6 : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v167() -> f128 {
  %a = arith.constant 0xFFFFBEF13CE5D672A0B6E9CCCE184BFF : f128
  %b = arith.constant 0xBED21E115C22C5C30EEC7934196230D2 : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v168() -> f128 {
  %a = arith.constant 0xC358EA27BC391B73EFB814CA9833AA08 : f128
  %b = arith.constant 0x7FFF0000000000000000000000000000 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v169() -> f128 {
  %a = arith.constant 0xBF95A078BEE4A01FC1F021AC1014FF9D : f128
  %b = arith.constant 0xC02D44F2C8A78A917BE5941542A704DE : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v170() -> f128 {
  %a = arith.constant 0xCC2BB6B16B45CF8E9CDFF7B3A49022F8 : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v171() -> f128 {
  %a = arith.constant 0xBA488E7496674A48481BC87A0882FD86 : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v172() -> f128 {
  %a = arith.constant 0x0000A56F901E08808BFEB22E24BE78A3 : f128
  %b = arith.constant 0x406FEE4DC67EBA0618534AD7C2B144C3 : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v173() -> f128 {
  %a = arith.constant 0xEA7581070E35E2A61D69E48A17E38F94 : f128
  %b = arith.constant 0x4029C056BD5712552955AD4D03BD60D1 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v174() -> f128 {
  %a = arith.constant 0x372A971629D1241569D839297FF59EF8 : f128
  %b = arith.constant 0x6F6C055537C004BC0055C498332EAA8A : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v175() -> f128 {
  %a = arith.constant 0x7FFF0000000000000000000000000000 : f128
  %b = arith.constant 0x7FFF2DC7DF1B14AD7B3CD7BB6138216A : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v176() -> f128 {
  %a = arith.constant 0x00025511DB7F39263BE5F9F5A1F69B1A : f128
  %b = arith.constant 0x0000730C1BD91F8E9AA4BCB312C2AE27 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v177() -> f128 {
  %a = arith.constant 0x8001668D2E9AF79C804947A024ADF7DE : f128
  %b = arith.constant 0xFB1E0000000000000000000000000001 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v178() -> f128 {
  %a = arith.constant 0x8000881FC975742993113B5F8DA1E23E : f128
  %b = arith.constant 0x2DD1FFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v179() -> f128 {
  %a = arith.constant 0x7FFF0000000000000000000000000001 : f128
  %b = arith.constant 0xC00B221E0FF2E3F7F05D4765C2EA6BDC : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v180() -> f128 {
  %a = arith.constant 0x66A64E0913A69CD27C4B1B32C84BBB93 : f128
  %b = arith.constant 0xB0368000000000000000000000000000 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v181() -> f128 {
  %a = arith.constant 0x407049FEDF8B5FB851D6A12B4625BF1A : f128
  %b = arith.constant 0x3FDBB53FBBD2B3D03AEA4061F3779294 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v182() -> f128 {
  %a = arith.constant 0x6A246CDCAA91FC6C5D7A5FD3994CCA12 : f128
  %b = arith.constant 0xFFFF9A18B9DEA5F01AF983492B1CB6C4 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v183() -> f128 {
  %a = arith.constant 0xC1038000000000000000000000000000 : f128
  %b = arith.constant 0x7D5117BB8BE7A2BF80E86B5372F9C40A : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v184() -> f128 {
  %a = arith.constant 0xC02B0B0592725C15FD3CD2BD83326BC9 : f128
  %b = arith.constant 0x7DEF2C4BE9FD30CD6178847BEBB2FA32 : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v185() -> f128 {
  %a = arith.constant 0x24B0FFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %b = arith.constant 0xFF35FD7E5ABF6D7F6FD2652C94DAABA3 : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v186() -> f128 {
  %a = arith.constant 0x0001923AE0CD20744847EFDF09782C84 : f128
  %b = arith.constant 0x496D8000000000000000000000000000 : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v187() -> f128 {
  %a = arith.constant 0x0000A9DEFA97ADF441F2FDF979CE208A : f128
  %b = arith.constant 0xFFFFA9081D5AA741A88A6088D56265CB : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v188() -> f128 {
  %a = arith.constant 0x40123ADD58042E8B63EF0AFC5DE0CDD9 : f128
  %b = arith.constant 0xBE31612F22CA4AF84756F76F697EC133 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v189() -> f128 {
  %a = arith.constant 0x00007F5F00FD9567FF1DB661B6CA9424 : f128
  %b = arith.constant 0x166233E14B10450402FFACD6CF1C79CD : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v190() -> f128 {
  %a = arith.constant 0x00008000000000000000000000000000 : f128
  %b = arith.constant 0xC0739ADC02BCB66037F0766D8D5F7773 : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v191() -> f128 {
  %a = arith.constant 0x0BABA2FEEE3883EFB1650986DCC18817 : f128
  %b = arith.constant 0x3F8E217D0CC309BA2A9B00DC315C1A7B : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v192() -> f128 {
  %a = arith.constant 0x4067B25DA5A38B7DE788F7A7B876CBA1 : f128
  %b = arith.constant 0xFFFF0000000000000000000000000000 : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v193() -> f128 {
  %a = arith.constant 0x4022EB2820183281650175ABC24020CF : f128
  %b = arith.constant 0xFD830000000000000000000000000001 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v194() -> i1 {
  %a = arith.constant 0xC00417B11ECDB38C1E70676533112F0A : f128
  %b = arith.constant 0x7FFF0000000000000000000000000000 : f128
  %r = arith.cmpf ogt, %a, %b : f128
  return %r : i1
}
func.func @v195() -> f128 {
  %a = arith.constant 0x8002354CC83E7523884BD5A6638D7BD8 : f128
  %b = arith.constant 0x8002D75412296EAFC22D87324297CBB0 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v196() -> f128 {
  %a = arith.constant 0xC04593F6CBC2D0CD107FBA222BEC4C0F : f128
  %b = arith.constant 0x3918CCBC1DA064E6FE9354850E7CC2E4 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v197() -> f128 {
  %a = arith.constant 0x909B0000000000000000000000000001 : f128
  %b = arith.constant 0x43E36AE4C718E3DAB46E1A5C553F0B50 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v198() -> f128 {
  %a = arith.constant 0x3FF20000000000000000000000000001 : f128
  %b = arith.constant 0x0001F9BFCFCB19414E8C05BF3E895F58 : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v199() -> f128 {
  %a = arith.constant 0x91763F5455DD72CD2CE4AA0D632108E1 : f128
  %b = arith.constant 0x6F630000000000000000000000000001 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v200() -> f128 {
  %a = arith.constant 0x6B1DAE172791756B4B0F7ABCA3B7E04E : f128
  %b = arith.constant 0x444B10D21EB2B43B3B70AE018364961C : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v201() -> f128 {
  %a = arith.constant 0xC5544650E1C5152F41AFE9C9BD9481C7 : f128
  %b = arith.constant 0x40538000000000000000000000000000 : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v202() -> f128 {
  %a = arith.constant 0x800037ED4450EC6D814BDE04565EBB97 : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v203() -> f128 {
  %a = arith.constant 0x7FFF0000000000000000000000000000 : f128
  %b = arith.constant 0x5F925201B72ECA5B7F8EDBE6BAD4A869 : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v204() -> i1 {
  %a = arith.constant 0x16D05B17BEFE985819B1D543CDA3C6E3 : f128
  %b = arith.constant 0xC0655E7B0ED158B5BA9E14DA2559355F : f128
  %r = arith.cmpf ult, %a, %b : f128
  return %r : i1
}
func.func @v205() -> f128 {
  %a = arith.constant 0x000049B9EAD0F5CA94E6A5FA8E0C34E6 : f128
  %b = arith.constant 0x3FE675A5B6381E33E2F5B7704A7F8904 : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v206() -> f128 {
  %a = arith.constant 0xBFAFA8544966A7D40D21AD2A1C1DF5EF : f128
  %b = arith.constant 0xC064943348A6E5E925D14069A985DB76 : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v207() -> f128 {
  %a = arith.constant 0x52B58000000000000000000000000000 : f128
  %b = arith.constant 0x9559499536316C843D63518C849DEE18 : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v208() -> f128 {
  %a = arith.constant 0xC035B71D1B2CCC813A157A82BA5A4B8E : f128
  %b = arith.constant 0x846FF3AAB106D7A444063464AF2D0356 : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v209() -> f128 {
  %a = arith.constant 0xBF9C8000000000000000000000000000 : f128
  %b = arith.constant 0x3FB3666A344880695D8983AEE0D6111D : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v210() -> f128 {
  %a = arith.constant 0x80005A4A31FA5C2BDCAC11FE10DBF422 : f128
  %b = arith.constant 0xDA514F6699BE3C8457E717938720B2E4 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v211() -> f128 {
  %a = arith.constant 0x7FFEDE3ADB05A32CB8BB5CED04093375 : f128
  %b = arith.constant 0xB53BE92BC5070728E755A40F3129A133 : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v212() -> f128 {
  %a = arith.constant 0xC01BD21CD2A787DAB33FBACCC908C9D6 : f128
  %b = arith.constant 0x7FFF0000000000000000000000000000 : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v213() -> i1 {
  %a = arith.constant 0x7FFD43001DDBA74A7292BD2EDAC5EBAB : f128
  %b = arith.constant 0x404E3611C3D16CF807276E23F0B75064 : f128
  %r = arith.cmpf uge, %a, %b : f128
  return %r : i1
}
func.func @v214() -> f128 {
  %a = arith.constant 0x7FFF58EF25305D16F024BDB866A2E648 : f128
  %b = arith.constant 0x4722C98CC95AC93D8ED1BC7A1B5C6BE2 : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v215() -> i1 {
  %a = arith.constant 0x3FF9A962CB6279806042531C11E38A68 : f128
  %b = arith.constant 0x91D39D2ED6CF87D9EF93C0A0474A2F24 : f128
  %r = arith.cmpf ole, %a, %b : f128
  return %r : i1
}
func.func @v216() -> f128 {
  %a = arith.constant 0xBFBD4FBEC5950FD26240BD8FDA69A533 : f128
  %b = arith.constant 0xB938A1937E732C4915DF5E07C04D8534 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v217() -> f128 {
  %a = arith.constant 0xFFFF5154C7FB7D19646ABE8DC7291C24 : f128
  %b = arith.constant 0xF1517DE41E0592FF36718FF607C0083D : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v218() -> f128 {
  %a = arith.constant 0x8F6E36F432B6FF2ACEB81093EFCEE5D3 : f128
  %b = arith.constant 0x9E8AFFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v219() -> i1 {
  %a = arith.constant 0xB4EDF9A391F967623A2D6FF5D0BD78A6 : f128
  %b = arith.constant 0x5812AA753C0A7235DD76E8D66F470088 : f128
  %r = arith.cmpf ord, %a, %b : f128
  return %r : i1
}
func.func @v220() -> f128 {
  %a = arith.constant 0xC03C177F37DE4E5FF54329D9C55C9A4D : f128
  %b = arith.constant 0x043D8000000000000000000000000000 : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v221() -> f128 {
  %a = arith.constant 0x0000946051F6E3188E64FFEAA389168D : f128
  %b = arith.constant 0x0000ED41BDF7D06BC52BDFD37F6FA004 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v222() -> f128 {
  %a = arith.constant 0x2AECFFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v223() -> i1 {
  %a = arith.constant 0x66E18000000000000000000000000000 : f128
  %b = arith.constant 0xBFE08000000000000000000000000000 : f128
  %r = arith.cmpf false, %a, %b : f128
  return %r : i1
}
func.func @v224() -> f128 {
  %a = arith.constant 0xEA288000000000000000000000000000 : f128
  %b = arith.constant 0xFA971DE0DF7CB93086B8B5E76E54433F : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v225() -> f128 {
  %a = arith.constant 0x8000C68AF997A6340E4384C0B282F2D9 : f128
  %b = arith.constant 0x9B3FCCE059658EA26D0468C2EECA0248 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v226() -> f128 {
  %a = arith.constant 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %b = arith.constant 0x0000525278F8EFD6FDA42325EDB5375D : f128
  %r = arith.minimumf %a, %b : f128
  return %r : f128
}
func.func @v227() -> f128 {
  %a = arith.constant 0x2A81723E119E0FCA06ECD5FC4D1B00F0 : f128
  %b = arith.constant 0x8000A52926EB1ED16CF926D747BDBD8E : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v228() -> f128 {
  %a = arith.constant 0x9A2A34BEB97EBDA4B16CDD5BCCDA3046 : f128
  %b = arith.constant 0x80000E6233A30AAA76B61EA8A5EDDBA0 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v229() -> f128 {
  %a = arith.constant 0x8000D0D1B5BACCFA6891C3D2924D02D9 : f128
  %b = arith.constant 0x80009870DC6897DC3FA3C51DDB6225ED : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v230() -> f128 {
  %a = arith.constant 0x263D360E25E15FB4CECC5CA21EEE4D49 : f128
  %b = arith.constant 0x91B27C1666576792F6FA17B028AD5FBB : f128
  %r = arith.minnumf %a, %b : f128
  return %r : f128
}
func.func @v231() -> f128 {
  %a = arith.constant 0x3E29FFFFFFFFFFFFFFFFFFFFFFFFFFFF : f128
  %b = arith.constant 0xFFFDF48444C652B8BF6D7778FC8F9B41 : f128
  %r = arith.maximumf %a, %b : f128
  return %r : f128
}
func.func @v232() -> f128 {
  %a = arith.constant 0xE52F0000000000000000000000000000 : f128
  %b = arith.constant 0x40457E0790F95A7373396548BAD01EDD : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v233() -> f128 {
  %a = arith.constant 0x8002C013858EE4B6069548700E46CFBE : f128
  %b = arith.constant 0x3FF3986CE6E0633A76DCA56830B553D7 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v234() -> f128 {
  %a = arith.constant 0xFFFDF8E5F91512E6AEAA41AF2F1DB231 : f128
  %b = arith.constant 0x23F30000000000000000000000000001 : f128
  %r = arith.maxnumf %a, %b : f128
  return %r : f128
}
func.func @v235() -> f128 {
  %a = arith.constant 0xFFFF35B4F3371B550E4E34FED0B44419 : f128
  %b = arith.constant 0x7FFF0000000000000000000000000000 : f128
  %r = arith.divf %a, %b : f128
  return %r : f128
}
func.func @v236() -> f128 {
  %a = arith.constant 0xFB130000000000000000000000000000 : f128
  %b = arith.constant 0x298AAFD6C08F0F4C7C42BF1C082F3D3F : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
func.func @v237() -> f128 {
  %a = arith.constant 0xA18B72E80D6769EEA01978AD4AB39F6E : f128
  %b = arith.constant 0x3F948000000000000000000000000000 : f128
  %r = arith.mulf %a, %b : f128
  return %r : f128
}
func.func @v238() -> f128 {
  %a = arith.constant 0xADDCAA608AAB3BE1E15AF1F61CC3340C : f128
  %r = arith.negf %a : f128
  return %r : f128
}
func.func @v239() -> f128 {
  %a = arith.constant 0x68B42D6EFBFC13D56E04B5CE53FE0D91 : f128
  %b = arith.constant 0xD59F3AE9ED361B2DD0943A38B384308B : f128
  %r = arith.addf %a, %b : f128
  return %r : f128
}
func.func @v240() -> f128 {
  %a = arith.constant 0x3BE20000000000000000000000000001 : f128
  %b = arith.constant 0xFFFFAE4059DA30B0AE14E0B5EC71C7AE : f128
  %r = arith.subf %a, %b : f128
  return %r : f128
}
