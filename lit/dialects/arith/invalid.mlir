// Every arith verifier diagnostic, worded as MLIR 19 words it (checked
// against mlir-opt --verify-diagnostics).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = "arith.addi"(%x, %x) : (f32, f32) -> f32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.subf' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = "arith.subf"(%a, %a) : (i32, i32) -> i32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.muli' op requires the same type for all operands and results}}
  %0 = "arith.muli"(%a, %a) : (i32, i32) -> i64
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.addi' op attribute 'overflowFlags' failed to satisfy constraint: Integer overflow arith flags}}
  %0 = "arith.addi"(%a, %a) {overflowFlags = 1 : i32} : (i32, i32) -> i32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.addf' op attribute 'fastmath' failed to satisfy constraint: Floating point fast math flags}}
  %0 = "arith.addf"(%x, %x) {fastmath = #arith.overflow<nsw>} : (f32, f32) -> f32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.negf' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = "arith.negf"(%a) : (i32) -> i32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.extsi' op operand type 'i32' and result type 'i8' are cast incompatible}}
  %0 = arith.extsi %a : i32 to i8
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.extui' op operand type 'i32' and result type 'i32' are cast incompatible}}
  %0 = arith.extui %a : i32 to i32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.trunci' op operand type 'i32' and result type 'i64' are cast incompatible}}
  %0 = arith.trunci %a : i32 to i64
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.extf' op operand type 'f32' and result type 'f16' are cast incompatible}}
  %0 = arith.extf %x : f32 to f16
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.truncf' op operand type 'f32' and result type 'f64' are cast incompatible}}
  %0 = arith.truncf %x : f32 to f64
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.index_cast' op operand type 'i32' and result type 'i64' are cast incompatible}}
  %0 = arith.index_cast %a : i32 to i64
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.bitcast' op operand type 'i32' and result type 'i64' are cast incompatible}}
  %0 = arith.bitcast %a : i32 to i64
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.sitofp' op operand #0 must be signless-fixed-width-integer-like, but got 'f32'}}
  %0 = arith.sitofp %x : f32 to f32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.fptoui' op result #0 must be signless-fixed-width-integer-like, but got 'f32'}}
  %0 = arith.fptoui %x : f32 to f32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.extsi' op requires the same shape for all operands and results}}
  %0 = arith.extsi %v : vector<4xi32> to i64
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.extsi' op result #0 must be signless-fixed-width-integer-like, but got 'index'}}
  %0 = "arith.extsi"(%a) : (i32) -> index
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.bitcast' op operand type 'i32' and result type 'index' are cast incompatible}}
  %0 = "arith.bitcast"(%a) : (i32) -> index
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.index_cast' op operand #0 must be signless-integer-like or memref of signless-integer, but got 'f32'}}
  %0 = "arith.index_cast"(%x) : (f32) -> index
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.constant' op failed to verify that all of {value, result} have same type}}
  %0 = "arith.constant"() <{value = 1 : i64}> : () -> i32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.constant' op value must be an integer, float, or elements attribute}}
  %0 = "arith.constant"() <{value = "s"}> : () -> none
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.constant' op integer return type must be signless}}
  %0 = "arith.constant"() <{value = 1 : si32}> : () -> si32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.constant' op requires attribute 'value'}}
  %0 = "arith.constant"() : () -> i32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.cmpi' op result #0 must be bool-like, but got 'i32'}}
  %0 = "arith.cmpi"(%a, %a) {predicate = 0 : i64} : (i32, i32) -> i32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.cmpi' op attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}
  %0 = "arith.cmpi"(%a, %a) {predicate = 42 : i64} : (i32, i32) -> i1
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.cmpf' op attribute 'predicate' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}}
  %0 = "arith.cmpf"(%x, %x) {predicate = 16 : i64} : (f32, f32) -> i1
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.cmpi' op requires attribute 'predicate'}}
  %0 = "arith.cmpi"(%a, %a) : (i32, i32) -> i1
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.cmpi' op operand #0 must be signless-integer-like, but got 'f32'}}
  %0 = "arith.cmpi"(%x, %x) {predicate = 0 : i64} : (f32, f32) -> i1
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.cmpi' op failed to verify that result type has i1 element type and same shape as operands}}
  %0 = "arith.cmpi"(%a, %a) {predicate = 0 : i64} : (i32, i32) -> vector<2xi1>
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.cmpf' op requires all operands to have the same type}}
  %0 = "arith.cmpf"(%x, %y) {predicate = 0 : i64} : (f32, f64) -> i1
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.select' op failed to verify that condition is signless i1 or has matching shape}}
  %0 = arith.select %vc, %v, %v : vector<2xi1>, vector<4xi32>
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.select' op failed to verify that all of {true_value, false_value, result} have same type}}
  %0 = "arith.select"(%c, %a, %a) : (i1, i32, i32) -> i64
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.select' op operand #0 must be bool-like, but got 'i32'}}
  %0 = "arith.select"(%a, %a, %a) : (i32, i32, i32) -> i32
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.addui_extended' op result #1 must be bool-like, but got 'i32'}}
  %0:2 = "arith.addui_extended"(%a, %a) : (i32, i32) -> (i32, i32)
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.mulsi_extended' op failed to verify that all of {lhs, rhs, low, high} have same type}}
  %0:2 = "arith.mulsi_extended"(%a, %a) : (i32, i32) -> (i32, i64)
  return
}

// -----

func.func @f(%a: i32, %b: i64, %x: f32, %y: f64, %c: i1, %v: vector<4xi32>, %vc: vector<2xi1>, %t: tensor<2xi32>, %m: memref<2xi32>) {
  // expected-error@+1 {{'arith.truncf' op attribute 'roundingmode' failed to satisfy constraint: Floating point rounding mode}}
  %0 = "arith.truncf"(%x) {roundingmode = 7 : i32} : (f32) -> f16
  return
}

// -----

func.func @f(%a: i32) {
  // expected-error@+1 {{'arith.bitcast' op result #0 must be signless-integer-or-float-like or memref of signless-integer or float, but got 'complex<f32>'}}
  %0 = "arith.bitcast"(%a) : (i32) -> complex<f32>
  return
}

// -----

func.func @f(%m: memref<2xindex>) {
  // expected-error@+1 {{'arith.bitcast' op operand type 'memref<2xindex>' and result type 'memref<2xi64>' are cast incompatible}}
  %0 = arith.bitcast %m : memref<2xindex> to memref<2xi64>
  return
}

// -----

func.func @f(%a: i32) {
  // expected-error@+1 {{custom op 'arith.cmpi' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]}}
  %0 = arith.cmpi foo, %a, %a : i32
  return
}
