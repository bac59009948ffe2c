// Canonicalization of arith ops: constant folding (integers at every
// width, floats with NaN/-0.0 handling), fold-time identities and the
// patterns of MLIR's ArithCanonicalization.td. The CHECK lines are
// mlir-opt 19 -canonicalize output on this file, with result names
// normalized by canon_ssa_names.py (edge-opt names results differently).
// RUN: edge-opt %s -canonicalize | %python %S/../../interop/Inputs/canon_ssa_names.py | FileCheck %s

func.func @reassoc(%x: i32, %y: i32, %i: index) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, index) {
  %c3 = arith.constant 3 : i32
  %c5 = arith.constant 5 : i32
  %c7 = arith.constant 7 : i32
  %a = arith.addi %x, %c3 overflow<nsw> : i32
  %a1 = arith.addi %a, %c5 overflow<nsw, nuw> : i32
  %s = arith.subi %x, %c3 : i32
  %a2 = arith.addi %s, %c5 : i32
  %s2 = arith.subi %c3, %x : i32
  %a3 = arith.addi %s2, %c7 : i32
  %b = arith.addi %x, %c3 : i32
  %s3 = arith.subi %b, %c7 : i32
  %s4 = arith.subi %c7, %b : i32
  %s5 = arith.subi %s, %c7 : i32
  %s6 = arith.subi %s2, %c7 : i32
  %s7 = arith.subi %c7, %s : i32
  %s8 = arith.subi %c7, %s2 : i32
  %m = arith.muli %x, %c3 : i32
  %m2 = arith.muli %m, %c5 : i32
  %c1 = arith.constant 1 : index
  %ii = arith.addi %i, %c1 : index
  %ij = arith.addi %ii, %c1 : index
  return %a1, %a2, %a3, %s3, %s4, %s5, %s6, %s7, %s8, %m2, %ij : i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, index
}
func.func @ident(%x: i32, %v: vector<4xi32>, %f: f32, %b: i1) -> (i32, i32, i32, i32, i32, vector<4xi32>, vector<4xi32>, f32, f32, f32, i32, i32, i32, i1, i1) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %cm1 = arith.constant -1 : i32
  %vz = arith.constant dense<0> : vector<4xi32>
  %vo = arith.constant dense<1> : vector<4xi32>
  %a = arith.addi %x, %c0 : i32
  %b2 = arith.muli %x, %c1 : i32
  %c = arith.muli %x, %c0 : i32
  %d = arith.subi %x, %x : i32
  %e = arith.ori %x, %cm1 : i32
  %vv = arith.muli %v, %vo : vector<4xi32>
  %vs = arith.subi %v, %v : vector<4xi32>
  %nz = arith.constant -0.0 : f32
  %fa = arith.addf %f, %nz : f32
  %pz = arith.constant 0.0 : f32
  %fb = arith.subf %f, %pz : f32
  %fc = arith.addf %f, %pz : f32
  %n = arith.xori %x, %cm1 : i32
  %an = arith.andi %x, %n : i32
  %on = arith.ori %n, %x : i32
  %dv = arith.divsi %x, %c1 : i32
  %true = arith.constant true
  %sel = arith.select %b, %true, %b : i1
  %false = arith.constant false
  %sel2 = arith.select %b, %false, %true : i1
  return %a, %b2, %c, %d, %e, %vv, %vs, %fa, %fb, %fc, %an, %on, %dv, %sel, %sel2 : i32, i32, i32, i32, i32, vector<4xi32>, vector<4xi32>, f32, f32, f32, i32, i32, i32, i1, i1
}
func.func @splat() -> (vector<4xi32>, vector<2xf16>, vector<4xi1>, tensor<2xi8>, vector<2xi32>, vector<2xf32>, vector<3xi64>) {
  %a = arith.constant dense<7> : vector<4xi32>
  %b = arith.constant dense<-3> : vector<4xi32>
  %r = arith.divsi %a, %b : vector<4xi32>
  %h = arith.constant dense<1.0> : vector<2xf16>
  %h2 = arith.constant dense<0.0004883> : vector<2xf16>
  %hr = arith.addf %h, %h2 : vector<2xf16>
  %c = arith.cmpi slt, %a, %b : vector<4xi32>
  %t = arith.constant dense<[1, -128]> : tensor<2xi8>
  %t2 = arith.constant dense<[3, -1]> : tensor<2xi8>
  %tr = arith.divsi %t, %t2 : tensor<2xi8>
  %nd = arith.constant dense<[5, 6]> : vector<2xi32>
  %nd2 = arith.constant dense<[2, 3]> : vector<2xi32>
  %ndr = arith.shli %nd, %nd2 : vector<2xi32>
  %fi = arith.sitofp %nd : vector<2xi32> to vector<2xf32>
  %e = arith.constant dense<[1, -2, 3]> : vector<3xi8>
  %ee = arith.extsi %e : vector<3xi8> to vector<3xi64>
  return %r, %hr, %c, %tr, %ndr, %fi, %ee : vector<4xi32>, vector<2xf16>, vector<4xi1>, tensor<2xi8>, vector<2xi32>, vector<2xf32>, vector<3xi64>
}
func.func @casts(%x: i8, %y: i16, %b: i1, %i: index, %f: f16) -> (i32, i8, i16, i64, index, f16, i32, i1, i1, i32, i64) {
  %e1 = arith.extsi %x : i8 to i16
  %e2 = arith.extsi %e1 : i16 to i32
  %t1 = arith.extui %x : i8 to i32
  %t2 = arith.trunci %t1 : i32 to i8
  %t3 = arith.extsi %x : i8 to i64
  %t4 = arith.trunci %t3 : i64 to i16
  %u = arith.extui %x : i8 to i16
  %s = arith.extsi %u : i16 to i64
  %ic = arith.extsi %x : i8 to i32
  %ic2 = arith.index_cast %ic : i32 to index
  %ef = arith.extf %f : f16 to f32
  %tf = arith.truncf %ef : f32 to f16
  %bc = arith.bitcast %f : f16 to i16
  %bc2 = arith.bitcast %bc : i16 to bf16
  %bc3 = arith.extui %b : i1 to i32
  %bc4 = arith.extui %b : i1 to i32
  %bx = arith.xori %bc3, %bc4 : i32
  %c0 = arith.constant 0 : i32
  %cz = arith.cmpi ne, %bc3, %c0 : i32
  %ey = arith.extsi %y : i16 to i32
  %ey2 = arith.extsi %y : i16 to i32
  %cc = arith.cmpi eq, %ey, %ey2 : i32
  %ex1 = arith.extsi %x : i8 to i32
  %ex2 = arith.extsi %y : i16 to i32
  %ccc = arith.cmpi eq, %ex1, %ex2 : i32
  %tt = arith.trunci %t3 : i64 to i32
  %sum, %ov = arith.addui_extended %t3, %t3 : i64, i1
  return %e2, %t2, %t4, %s, %ic2, %tf, %bx, %cz, %cc, %tt, %sum : i32, i8, i16, i64, index, f16, i32, i1, i1, i32, i64
}
func.func @sel(%c: i1, %d: i1, %x: i32, %y: i32, %z: i32) -> (i32, i32, i32, i1) {
  %true = arith.constant true
  %n = arith.xori %c, %true : i1
  %s = arith.select %n, %x, %y : i32
  %s1 = arith.select %c, %x, %y : i32
  %s2 = arith.select %c, %s1, %z : i32
  %s3 = arith.select %c, %z, %s1 : i32
  %cmp = arith.cmpi slt, %x, %y : i32
  %nc = arith.xori %cmp, %true : i1
  return %s, %s2, %s3, %nc : i32, i32, i32, i1
}
func.func @ext(%x: i32, %y: i32) -> (i32, i32, i64, i64, i32) {
  %c1 = arith.constant 1 : i32
  %l, %h = arith.mulsi_extended %x, %c1 : i32
  %l2, %h2 = arith.mului_extended %x, %y : i32
  %a = arith.extsi %l : i32 to i64
  %b = arith.extsi %h : i32 to i64
  return %l, %l2, %a, %b, %x : i32, i32, i64, i64, i32
}

func.func @p1(%x: f32, %y: i32, %z: i64, %b: i1, %i: index, %h: f16) -> (f32, f32, f32, f32, f32, i32, i32, i32, i32, i32, i32) {
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %nan = arith.constant 0x7FC00000 : f32
  %m = arith.mulf %x, %zero fastmath<nnan,nsz> : f32
  %mx = arith.maxnumf %x, %ninf : f32
  %mx2 = arith.maxnumf %x, %nan : f32
  %n1 = arith.negf %x : f32
  %n2 = arith.negf %x : f32
  %mm = arith.mulf %n1, %n2 : f32
  %dd = arith.divf %n1, %n2 : f32
  %c5 = arith.constant 5 : i32
  %xx = arith.xori %y, %c5 : i32
  %xx2 = arith.xori %xx, %c5 : i32
  %a1 = arith.andi %y, %c5 : i32
  %a2 = arith.andi %y, %a1 : i32
  %mu = arith.muli %y, %c5 overflow<nuw> : i32
  %dv = arith.divui %mu, %c5 : i32
  %c1 = arith.constant 1 : i32
  %r = arith.remui %y, %c1 : i32
  %cm1 = arith.constant -1 : i32
  %mn = arith.muli %y, %cm1 : i32
  %ad = arith.addi %y, %mn : i32
  %s1 = arith.subi %y, %c5 : i32
  %s2 = arith.subi %s1, %y : i32
  return %m, %mx, %mx2, %mm, %dd, %xx2, %a2, %dv, %r, %ad, %s2 : f32, f32, f32, f32, f32, i32, i32, i32, i32, i32, i32
}
func.func @p2(%x: f64, %y: i32, %z: i64, %b: i1, %i: index, %s: i16) -> (f32, f32, i16, i16, f32, f32, index, i32, i32, i1, i1, i1) {
  %c = arith.constant 0.1 : f64
  %t = arith.truncf %c : f64 to f32
  %c2 = arith.constant 0.5 : f64
  %t2 = arith.truncf %c2 : f64 to f32
  %e = arith.extsi %s : i16 to i64
  %sh = arith.constant 48 : i64
  %sr = arith.shrsi %e, %sh : i64
  %tr = arith.trunci %sr : i64 to i16
  %e2 = arith.extsi %s : i16 to i64
  %tr2 = arith.trunci %e2 : i64 to i16
  %si = arith.sitofp %y : i32 to f64
  %tf = arith.truncf %si : f64 to f32
  %ex = arith.extsi %s : i16 to i32
  %sf = arith.sitofp %ex : i32 to f32
  %ic = arith.index_cast %y : i32 to index
  %ic2 = arith.index_cast %ic : index to i32
  %ic3 = arith.index_cast %i : index to i32
  %ic4 = arith.index_cast %ic3 : i32 to index
  %eb = arith.extsi %b : i1 to i32
  %zz = arith.constant 0 : i32
  %cp = arith.cmpi ne, %eb, %zz : i32
  %cp2 = arith.cmpi slt, %zz, %y : i32
  %cp3 = arith.cmpi eq, %b, %b : i1
  %nv = arith.constant dense<[true, false]> : vector<2xi1>
  return %t, %t2, %tr, %tr2, %tf, %sf, %ic4, %ic2, %y, %cp2, %cp, %cp3 : f32, f32, i16, i16, f32, f32, index, i32, i32, i1, i1, i1
}
func.func @p3(%b: i1, %y: i32) -> (vector<2xi32>, i32, i32, i32, f32, f16) {
  %nv = arith.constant dense<[true, false]> : vector<2xi1>
  %a = arith.constant dense<[1, 2]> : vector<2xi32>
  %bb = arith.constant dense<[3, 4]> : vector<2xi32>
  %s = arith.select %nv, %a, %bb : vector<2xi1>, vector<2xi32>
  %c1 = arith.constant 1 : i32
  %c0 = arith.constant 0 : i32
  %s2 = arith.select %b, %c1, %c0 : i32
  %s3 = arith.select %b, %c0, %c1 : i32
  %cb = arith.constant 7 : i32
  %ceq = arith.cmpi eq, %y, %cb : i32
  %s4 = arith.select %ceq, %y, %cb : i32
  %f = arith.constant 1.0e10 : f32
  %cf = arith.constant 1.0e-8 : f32
  %cf2 = arith.addf %f, %cf : f32
  %h1 = arith.constant 1.0 : f16
  %h2 = arith.constant 0.0004883 : f16
  %h3 = arith.addf %h1, %h2 : f16
  return %s, %s2, %s3, %s4, %cf2, %h3 : vector<2xi32>, i32, i32, i32, f32, f16
}

func.func @f(%a: i32) -> (f32, f32, f32, f32, f32, i32, i32) {
  %z = arith.constant 0.0 : f32
  %nz = arith.constant -0.0 : f32
  %nan = arith.constant 0x7FC00000 : f32
  %x = arith.maxnumf %nz, %z : f32
  %y = arith.maxnumf %z, %nz : f32
  %d = arith.divf %z, %z : f32
  %n2 = arith.constant 0xFFC00001 : f32
  %e = arith.addf %n2, %z : f32
  %m = arith.maximumf %n2, %z : f32
  %c = arith.constant -2147483648 : i32
  %m1 = arith.constant -1 : i32
  %q = arith.divsi %c, %m1 : i32
  %q2 = arith.ceildivsi %c, %m1 : i32
  return %x, %y, %d, %e, %m, %q, %q2 : f32, f32, f32, f32, f32, i32, i32
}

func.func @f2() -> (i32, i32, i32, f32, f32, f32, f32, f16, i8, i8, i8, f32) {
  %min = arith.constant -2147483648 : i32
  %c5 = arith.constant 5 : i32
  %m5 = arith.constant -5 : i32
  %c2 = arith.constant 2 : i32
  %a = arith.ceildivsi %c5, %min : i32
  %b = arith.ceildivsi %m5, %min : i32
  %c = arith.ceildivsi %min, %c2 : i32
  %snan = arith.constant 0x7FA00000 : f32
  %one = arith.constant 1.0 : f32
  %d = arith.maxnumf %snan, %one : f32
  %e = arith.maximumf %snan, %one : f32
  %f = arith.addf %snan, %one : f32
  %n1 = arith.constant 0xFFC00001 : f32
  %n2 = arith.constant 0x7FC00002 : f32
  %g = arith.mulf %one, %n2 : f32
  %h1 = arith.constant 0x7E01 : f16
  %hh = arith.constant 1.0 : f16
  %h = arith.subf %hh, %h1 : f16
  %fp = arith.constant -0.5 : f32
  %i = arith.fptoui %fp : f32 to i8
  %fp2 = arith.constant 255.9 : f32
  %j = arith.fptoui %fp2 : f32 to i8
  %fp3 = arith.constant -128.9 : f32
  %k = arith.fptosi %fp3 : f32 to i8
  %inf = arith.constant 0x7F800000 : f32
  %z = arith.constant 0.0 : f32
  %l = arith.mulf %inf, %z : f32
  return %a, %b, %c, %d, %e, %f, %g, %h, %i, %j, %k, %l : i32, i32, i32, f32, f32, f32, f32, f16, i8, i8, i8, f32
}

func.func @f3() -> (f32, f32, f32, f32, f32, f32, f32, f32) {
  %snan = arith.constant 0x7FA00000 : f32
  %qnan = arith.constant 0x7FC00001 : f32
  %one = arith.constant 1.0 : f32
  %nz = arith.constant -0.0 : f32
  %z = arith.constant 0.0 : f32
  %a = arith.maxnumf %qnan, %one : f32
  %b = arith.maxnumf %one, %qnan : f32
  %c = arith.maxnumf %one, %snan : f32
  %d = arith.minnumf %nz, %z : f32
  %e = arith.minnumf %z, %nz : f32
  %f = arith.minimumf %z, %nz : f32
  %g = arith.maximumf %nz, %z : f32
  %h = arith.minnumf %qnan, %one : f32
  return %a, %b, %c, %d, %e, %f, %g, %h : f32, f32, f32, f32, f32, f32, f32, f32
}

// CHECK-LABEL: func.func @reassoc(%arg0: i32, %arg1: i32, %arg2: index) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, index) {
// CHECK-NEXT: %v0 = arith.constant 2 : index
// CHECK-NEXT: %v1 = arith.constant 15 : i32
// CHECK-NEXT: %v2 = arith.constant 4 : i32
// CHECK-NEXT: %v3 = arith.constant -4 : i32
// CHECK-NEXT: %v4 = arith.constant 10 : i32
// CHECK-NEXT: %v5 = arith.constant 2 : i32
// CHECK-NEXT: %v6 = arith.constant 8 : i32
// CHECK-NEXT: %v7 = arith.addi %arg0, %v6 overflow<nsw> : i32
// CHECK-NEXT: %v8 = arith.addi %arg0, %v5 : i32
// CHECK-NEXT: %v9 = arith.subi %v4, %arg0 : i32
// CHECK-NEXT: %v10 = arith.addi %arg0, %v3 : i32
// CHECK-NEXT: %v11 = arith.subi %v2, %arg0 : i32
// CHECK-NEXT: %v12 = arith.subi %arg0, %v4 : i32
// CHECK-NEXT: %v13 = arith.subi %v3, %arg0 : i32
// CHECK-NEXT: %v14 = arith.subi %v4, %arg0 : i32
// CHECK-NEXT: %v15 = arith.addi %arg0, %v2 : i32
// CHECK-NEXT: %v16 = arith.muli %arg0, %v1 : i32
// CHECK-NEXT: %v17 = arith.addi %arg2, %v0 : index
// CHECK-NEXT: return %v7, %v8, %v9, %v10, %v11, %v12, %v13, %v14, %v15, %v16, %v17 : i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, index
// CHECK-LABEL: func.func @ident(%arg0: i32, %arg1: vector<4xi32>, %arg2: f32, %arg3: i1) -> (i32, i32, i32, i32, i32, vector<4xi32>, vector<4xi32>, f32, f32, f32, i32, i32, i32, i1, i1) {
// CHECK-NEXT: %v18 = arith.constant true
// CHECK-NEXT: %v19 = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %v20 = arith.constant 0 : i32
// CHECK-NEXT: %v21 = arith.constant -1 : i32
// CHECK-NEXT: %v22 = arith.constant dense<0> : vector<4xi32>
// CHECK-NEXT: %v23 = arith.addf %arg2, %v19 : f32
// CHECK-NEXT: %v24 = arith.select %arg3, %v18, %arg3 : i1
// CHECK-NEXT: %v25 = arith.xori %arg3, %v18 : i1
// CHECK-NEXT: return %arg0, %arg0, %v20, %v20, %v21, %arg1, %v22, %arg2, %arg2, %v23, %v20, %v21, %arg0, %v24, %v25 : i32, i32, i32, i32, i32, vector<4xi32>, vector<4xi32>, f32, f32, f32, i32, i32, i32, i1, i1
// CHECK-LABEL: func.func @splat() -> (vector<4xi32>, vector<2xf16>, vector<4xi1>, tensor<2xi8>, vector<2xi32>, vector<2xf32>, vector<3xi64>) {
// CHECK-NEXT: %v26 = arith.constant dense<[1, -2, 3]> : vector<3xi64>
// CHECK-NEXT: %v27 = arith.constant dense<[5.000000e+00, 6.000000e+00]> : vector<2xf32>
// CHECK-NEXT: %v28 = arith.constant dense<[20, 48]> : vector<2xi32>
// CHECK-NEXT: %v29 = arith.constant dense<[3, -1]> : tensor<2xi8>
// CHECK-NEXT: %v30 = arith.constant dense<[1, -128]> : tensor<2xi8>
// CHECK-NEXT: %v31 = arith.constant dense<-2> : vector<4xi32>
// CHECK-NEXT: %v32 = arith.constant dense<1.000000e+00> : vector<2xf16>
// CHECK-NEXT: %v33 = arith.constant dense<false> : vector<4xi1>
// CHECK-NEXT: %v34 = arith.divsi %v30, %v29 : tensor<2xi8>
// CHECK-NEXT: return %v31, %v32, %v33, %v34, %v28, %v27, %v26 : vector<4xi32>, vector<2xf16>, vector<4xi1>, tensor<2xi8>, vector<2xi32>, vector<2xf32>, vector<3xi64>
// CHECK-LABEL: func.func @casts(%arg0: i8, %arg1: i16, %arg2: i1, %arg3: index, %arg4: f16) -> (i32, i8, i16, i64, index, f16, i32, i1, i1, i32, i64) {
// CHECK-NEXT: %v35 = arith.constant true
// CHECK-NEXT: %v36 = arith.constant 0 : i32
// CHECK-NEXT: %v37 = arith.extsi %arg0 : i8 to i32
// CHECK-NEXT: %v38 = arith.extsi %arg0 : i8 to i64
// CHECK-NEXT: %v39 = arith.extsi %arg0 : i8 to i16
// CHECK-NEXT: %v40 = arith.extui %arg0 : i8 to i64
// CHECK-NEXT: %v41 = arith.index_cast %arg0 : i8 to index
// CHECK-NEXT: %v42 = arith.extf %arg4 : f16 to f32
// CHECK-NEXT: %v43 = arith.truncf %v42 : f32 to f16
// CHECK-NEXT: %v44 = arith.extsi %arg0 : i8 to i32
// CHECK-NEXT: %v45 = arith.addi %v38, %v38 : i64
// CHECK-NEXT: return %v37, %arg0, %v39, %v40, %v41, %v43, %v36, %arg2, %v35, %v44, %v45 : i32, i8, i16, i64, index, f16, i32, i1, i1, i32, i64
// CHECK-LABEL: func.func @sel(%arg0: i1, %arg1: i1, %arg2: i32, %arg3: i32, %arg4: i32) -> (i32, i32, i32, i1) {
// CHECK-NEXT: %v46 = arith.select %arg0, %arg3, %arg2 : i32
// CHECK-NEXT: %v47 = arith.select %arg0, %arg2, %arg4 : i32
// CHECK-NEXT: %v48 = arith.select %arg0, %arg4, %arg3 : i32
// CHECK-NEXT: %v49 = arith.cmpi sge, %arg2, %arg3 : i32
// CHECK-NEXT: return %v46, %v47, %v48, %v49 : i32, i32, i32, i1
// CHECK-LABEL: func.func @ext(%arg0: i32, %arg1: i32) -> (i32, i32, i64, i64, i32) {
// CHECK-NEXT: %v50 = arith.constant 0 : i32
// CHECK-NEXT: %v51 = arith.cmpi slt, %arg0, %v50 : i32
// CHECK-NEXT: %v52 = arith.muli %arg0, %arg1 : i32
// CHECK-NEXT: %v53 = arith.extsi %arg0 : i32 to i64
// CHECK-NEXT: %v54 = arith.extsi %v51 : i1 to i64
// CHECK-NEXT: return %arg0, %v52, %v53, %v54, %arg0 : i32, i32, i64, i64, i32
// CHECK-LABEL: func.func @p1(%arg0: f32, %arg1: i32, %arg2: i64, %arg3: i1, %arg4: index, %arg5: f16) -> (f32, f32, f32, f32, f32, i32, i32, i32, i32, i32, i32) {
// CHECK-NEXT: %v55 = arith.constant -5 : i32
// CHECK-NEXT: %v56 = arith.constant 0 : i32
// CHECK-NEXT: %v57 = arith.constant 5 : i32
// CHECK-NEXT: %v58 = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %v59 = arith.constant 0x7FC00000 : f32
// CHECK-NEXT: %v60 = arith.mulf %arg0, %v58 fastmath<nnan,nsz> : f32
// CHECK-NEXT: %v61 = arith.maxnumf %arg0, %v59 : f32
// CHECK-NEXT: %v62 = arith.mulf %arg0, %arg0 : f32
// CHECK-NEXT: %v63 = arith.divf %arg0, %arg0 : f32
// CHECK-NEXT: %v64 = arith.andi %arg1, %v57 : i32
// CHECK-NEXT: %v65 = arith.muli %arg1, %v57 overflow<nuw> : i32
// CHECK-NEXT: %v66 = arith.divui %v65, %v57 : i32
// CHECK-NEXT: return %v60, %arg0, %v61, %v62, %v63, %arg1, %v64, %v66, %v56, %v56, %v55 : f32, f32, f32, f32, f32, i32, i32, i32, i32, i32, i32
// CHECK-LABEL: func.func @p2(%arg0: f64, %arg1: i32, %arg2: i64, %arg3: i1, %arg4: index, %arg5: i16) -> (f32, f32, i16, i16, f32, f32, index, i32, i32, i1, i1, i1) {
// CHECK-NEXT: %v67 = arith.constant true
// CHECK-NEXT: %v68 = arith.constant 48 : i64
// CHECK-NEXT: %v69 = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %v70 = arith.constant 0 : i32
// CHECK-NEXT: %v71 = arith.constant 1.000000e-01 : f64
// CHECK-NEXT: %v72 = arith.truncf %v71 : f64 to f32
// CHECK-NEXT: %v73 = arith.extsi %arg5 : i16 to i64
// CHECK-NEXT: %v74 = arith.shrui %v73, %v68 : i64
// CHECK-NEXT: %v75 = arith.trunci %v74 : i64 to i16
// CHECK-NEXT: %v76 = arith.sitofp %arg1 : i32 to f64
// CHECK-NEXT: %v77 = arith.truncf %v76 : f64 to f32
// CHECK-NEXT: %v78 = arith.extsi %arg5 : i16 to i32
// CHECK-NEXT: %v79 = arith.sitofp %v78 : i32 to f32
// CHECK-NEXT: %v80 = arith.cmpi sgt, %arg1, %v70 : i32
// CHECK-NEXT: return %v72, %v69, %v75, %arg5, %v77, %v79, %arg4, %arg1, %arg1, %v80, %arg3, %v67 : f32, f32, i16, i16, f32, f32, index, i32, i32, i1, i1, i1
// CHECK-LABEL: func.func @p3(%arg0: i1, %arg1: i32) -> (vector<2xi32>, i32, i32, i32, f32, f16) {
// CHECK-NEXT: %v81 = arith.constant 1.000000e+00 : f16
// CHECK-NEXT: %v82 = arith.constant 1.000000e+10 : f32
// CHECK-NEXT: %v83 = arith.constant true
// CHECK-NEXT: %v84 = arith.constant 7 : i32
// CHECK-NEXT: %v85 = arith.constant dense<[1, 4]> : vector<2xi32>
// CHECK-NEXT: %v86 = arith.extui %arg0 : i1 to i32
// CHECK-NEXT: %v87 = arith.xori %arg0, %v83 : i1
// CHECK-NEXT: %v88 = arith.extui %v87 : i1 to i32
// CHECK-NEXT: return %v85, %v86, %v88, %v84, %v82, %v81 : vector<2xi32>, i32, i32, i32, f32, f16
// CHECK-LABEL: func.func @f(%arg0: i32) -> (f32, f32, f32, f32, f32, i32, i32) {
// CHECK-NEXT: %v89 = arith.constant -1 : i32
// CHECK-NEXT: %v90 = arith.constant -2147483648 : i32
// CHECK-NEXT: %v91 = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %v92 = arith.constant 0x7FC00000 : f32
// CHECK-NEXT: %v93 = arith.constant 0xFFC00001 : f32
// CHECK-NEXT: %v94 = arith.divsi %v90, %v89 : i32
// CHECK-NEXT: %v95 = arith.ceildivsi %v90, %v89 : i32
// CHECK-NEXT: return %v91, %v91, %v92, %v93, %v93, %v94, %v95 : f32, f32, f32, f32, f32, i32, i32
// CHECK-LABEL: func.func @f2() -> (i32, i32, i32, f32, f32, f32, f32, f16, i8, i8, i8, f32) {
// CHECK-NEXT: %v96 = arith.constant 0x7FC00000 : f32
// CHECK-NEXT: %v97 = arith.constant -128 : i8
// CHECK-NEXT: %v98 = arith.constant -1 : i8
// CHECK-NEXT: %v99 = arith.constant 0 : i8
// CHECK-NEXT: %v100 = arith.constant 0x7E01 : f16
// CHECK-NEXT: %v101 = arith.constant 0x7FC00002 : f32
// CHECK-NEXT: %v102 = arith.constant 0x7FE00000 : f32
// CHECK-NEXT: %v103 = arith.constant 0x7FA00000 : f32
// CHECK-NEXT: %v104 = arith.constant -2147483648 : i32
// CHECK-NEXT: %v105 = arith.constant 5 : i32
// CHECK-NEXT: %v106 = arith.constant -5 : i32
// CHECK-NEXT: %v107 = arith.constant 2 : i32
// CHECK-NEXT: %v108 = arith.ceildivsi %v105, %v104 : i32
// CHECK-NEXT: %v109 = arith.ceildivsi %v106, %v104 : i32
// CHECK-NEXT: %v110 = arith.ceildivsi %v104, %v107 : i32
// CHECK-NEXT: return %v108, %v109, %v110, %v103, %v103, %v102, %v101, %v100, %v99, %v98, %v97, %v96 : i32, i32, i32, f32, f32, f32, f32, f16, i8, i8, i8, f32
// CHECK-LABEL: func.func @f3() -> (f32, f32, f32, f32, f32, f32, f32, f32) {
// CHECK-NEXT: %v111 = arith.constant 0x7FC00001 : f32
// CHECK-NEXT: %v112 = arith.constant 0x7FA00000 : f32
// CHECK-NEXT: %v113 = arith.constant -0.000000e+00 : f32
// CHECK-NEXT: %v114 = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %v115 = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: return %v111, %v111, %v112, %v113, %v113, %v113, %v114, %v115 : f32, f32, f32, f32, f32, f32, f32, f32
