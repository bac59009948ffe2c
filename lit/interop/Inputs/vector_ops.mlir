// vector dialect custom forms: load/store (nontemporal), masked
// load/store, transfer_read/transfer_write (default and explicit
// permutation maps, broadcast dims, in_bounds, masks, tensors, 0-D and
// vector element types), broadcast, splat, fma, reduction (every kind,
// accumulator, fastmath), contract, extract/insert (static and dynamic
// positions), extractelement/insertelement, shape_cast, transpose,
// bitcast, vscale and masks, on fixed, scalable and 0-D vectors.
func.func @memory(%m: memref<?x?xf32>, %m1: memref<8xf32>,
                  %mv: memref<4xvector<8xf32>>, %ms: memref<f32>,
                  %t: tensor<?x?xf32>, %i: index, %j: index, %f: f32,
                  %v: vector<4xf32>, %mask: vector<4xi1>,
                  %sv: vector<[4]xf32>, %smask: vector<[4]xi1>) {
  %0 = vector.load %m[%i, %j] : memref<?x?xf32>, vector<4xf32>
  %1 = vector.load %m[%i, %j] {nontemporal = true} : memref<?x?xf32>, vector<4xf32>
  %2 = vector.load %m[%i, %j] : memref<?x?xf32>, vector<2x4xf32>
  %3 = vector.load %mv[%i] : memref<4xvector<8xf32>>, vector<8xf32>
  %4 = vector.load %m1[%i] : memref<8xf32>, vector<[4]xf32>
  vector.store %0, %m[%i, %j] : memref<?x?xf32>, vector<4xf32>
  vector.store %0, %m[%i, %j] {nontemporal = true} : memref<?x?xf32>, vector<4xf32>
  vector.store %3, %mv[%j] : memref<4xvector<8xf32>>, vector<8xf32>
  %5 = vector.maskedload %m1[%i], %mask, %v : memref<8xf32>, vector<4xi1>, vector<4xf32> into vector<4xf32>
  vector.maskedstore %m1[%i], %mask, %v : memref<8xf32>, vector<4xi1>, vector<4xf32>
  %6 = vector.maskedload %m1[%i], %smask, %sv : memref<8xf32>, vector<[4]xi1>, vector<[4]xf32> into vector<[4]xf32>
  %7 = vector.transfer_read %m[%i, %j], %f : memref<?x?xf32>, vector<4xf32>
  %8 = vector.transfer_read %m[%i, %j], %f {in_bounds = [true]} : memref<?x?xf32>, vector<4xf32>
  %9 = vector.transfer_read %m[%i, %j], %f {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<?x?xf32>, vector<4x8xf32>
  %10 = vector.transfer_read %m[%i, %j], %f, %mask {permutation_map = affine_map<(d0, d1) -> (d0)>} : memref<?x?xf32>, vector<4xf32>
  %11 = vector.transfer_read %m[%i, %j], %f {in_bounds = [true, false], permutation_map = affine_map<(d0, d1) -> (0, d1)>} : memref<?x?xf32>, vector<3x4xf32>
  %12 = vector.transfer_read %t[%i, %j], %f : tensor<?x?xf32>, vector<2x4xf32>
  %13 = vector.transfer_read %ms[], %f {in_bounds = [true]} : memref<f32>, vector<1xf32>
  %14 = vector.transfer_read %mv[%i], %3 : memref<4xvector<8xf32>>, vector<2x8xf32>
  %15 = vector.transfer_read %m1[%i], %f, %smask : memref<8xf32>, vector<[4]xf32>
  %m2 = vector.create_mask %i, %j : vector<4x8xi1>
  %16 = vector.transfer_read %m[%i, %j], %f, %m2 {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<?x?xf32>, vector<8x4xf32>
  vector.transfer_write %v, %m[%i, %j] : vector<4xf32>, memref<?x?xf32>
  vector.transfer_write %v, %m[%i, %j], %mask {in_bounds = [true]} : vector<4xf32>, memref<?x?xf32>
  vector.transfer_write %9, %m[%i, %j] {permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<4x8xf32>, memref<?x?xf32>
  %17 = vector.transfer_write %v, %t[%i, %j] : vector<4xf32>, tensor<?x?xf32>
  %18 = vector.transfer_write %12, %17[%i, %j] {in_bounds = [false, true]} : vector<2x4xf32>, tensor<?x?xf32>
  vector.transfer_write %sv, %m1[%i], %smask : vector<[4]xf32>, memref<8xf32>
  return
}

func.func @arith(%f: f32, %i32: i32, %idx: index, %v: vector<4xf32>,
                 %vi: vector<8xi32>, %vx: vector<4xindex>,
                 %sv: vector<[8]xf32>, %v0: vector<f32>,
                 %a: vector<4x8xf32>, %b: vector<8x2xf32>,
                 %c: vector<4x2xf32>) -> f32 {
  %0 = vector.broadcast %f : f32 to vector<4x8xf32>
  %1 = vector.broadcast %v : vector<4xf32> to vector<2x3x4xf32>
  %2 = vector.broadcast %f : f32 to vector<[8]xf32>
  %3 = vector.broadcast %f : f32 to vector<f32>
  %4 = vector.broadcast %v0 : vector<f32> to vector<4xf32>
  %5 = vector.splat %f : vector<4xf32>
  %6 = vector.splat %i32 : vector<2x[4]xi32>
  %7 = vector.splat %idx : vector<4xindex>
  %8 = vector.fma %v, %v, %v : vector<4xf32>
  %9 = vector.fma %sv, %sv, %sv : vector<[8]xf32>
  %r0 = vector.reduction <add>, %v : vector<4xf32> into f32
  %r1 = vector.reduction <mul>, %v, %f : vector<4xf32> into f32
  %r2 = vector.reduction <minimumf>, %v fastmath<nnan,ninf> : vector<4xf32> into f32
  %r3 = vector.reduction <maximumf>, %v, %f fastmath<fast> : vector<4xf32> into f32
  %r4 = vector.reduction <minnumf>, %sv : vector<[8]xf32> into f32
  %r5 = vector.reduction <maxnumf>, %v0 : vector<f32> into f32
  %r6 = vector.reduction <minsi>, %vi : vector<8xi32> into i32
  %r7 = vector.reduction <minui>, %vi, %i32 : vector<8xi32> into i32
  %r8 = vector.reduction <maxsi>, %vi : vector<8xi32> into i32
  %r9 = vector.reduction <maxui>, %vi : vector<8xi32> into i32
  %r10 = vector.reduction <and>, %vi : vector<8xi32> into i32
  %r11 = vector.reduction <or>, %vi : vector<8xi32> into i32
  %r12 = vector.reduction <xor>, %vi {tag = 1 : i32} : vector<8xi32> into i32
  %r13 = vector.reduction <add>, %vx : vector<4xindex> into index
  %r14 = vector.reduction <add>, %v fastmath<reassoc,contract> : vector<4xf32> into f32
  %c1 = vector.contract {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"]} %a, %b, %c : vector<4x8xf32>, vector<8x2xf32> into vector<4x2xf32>
  %c2 = vector.contract {indexing_maps = [affine_map<(k) -> (k)>, affine_map<(k) -> (k)>, affine_map<(k) -> ()>], iterator_types = ["reduction"], kind = #vector.kind<maxnumf>} %v, %v, %f {tag} : vector<4xf32>, vector<4xf32> into f32
  %s = arith.addf %r0, %r1 : f32
  return %s : f32
}

func.func @shuffle(%f: f32, %i: index, %j: index, %v: vector<4xf32>,
                   %m: vector<4x8xf32>, %row: vector<8xf32>,
                   %sv: vector<2x[4]xf32>, %v0: vector<f32>, %i32: i32) {
  %0 = vector.extract %m[1, 2] : f32 from vector<4x8xf32>
  %1 = vector.extract %m[3] : vector<8xf32> from vector<4x8xf32>
  %2 = vector.extract %m[%i] : vector<8xf32> from vector<4x8xf32>
  %3 = vector.extract %m[%i, 7] : f32 from vector<4x8xf32>
  %4 = vector.extract %m[] : vector<4x8xf32> from vector<4x8xf32>
  %5 = vector.extract %sv[1] : vector<[4]xf32> from vector<2x[4]xf32>
  %6 = vector.extract %v[0] : vector<1xf32> from vector<4xf32>
  %7 = vector.insert %f, %m [1, 2] : f32 into vector<4x8xf32>
  %8 = vector.insert %row, %m [%j] : vector<8xf32> into vector<4x8xf32>
  %9 = vector.insert %f, %m [%i, %j] : f32 into vector<4x8xf32>
  %10 = vector.insert %m, %m [] : vector<4x8xf32> into vector<4x8xf32>
  %11 = vector.extractelement %v[%i : index] : vector<4xf32>
  %12 = vector.extractelement %v[%i32 : i32] : vector<4xf32>
  %13 = vector.extractelement %v0[] : vector<f32>
  %14 = vector.insertelement %f, %v[%i : index] : vector<4xf32>
  %15 = vector.insertelement %f, %v0[] : vector<f32>
  %16 = vector.shape_cast %m : vector<4x8xf32> to vector<32xf32>
  %17 = vector.shape_cast %16 : vector<32xf32> to vector<2x2x8xf32>
  %18 = vector.shape_cast %sv : vector<2x[4]xf32> to vector<1x2x[4]xf32>
  %19 = vector.shape_cast %v0 : vector<f32> to vector<1xf32>
  %20 = vector.constant_mask [3] : vector<4xi1>
  %21 = vector.constant_mask [2, 8] : vector<4x8xi1>
  %22 = vector.constant_mask [0, 0] : vector<4x[8]xi1>
  %23 = vector.constant_mask [1] : vector<i1>
  %24 = vector.create_mask %i : vector<[4]xi1>
  %25 = vector.create_mask %i : vector<i1>
  %26 = vector.transpose %m, [1, 0] : vector<4x8xf32> to vector<8x4xf32>
  %27 = vector.transpose %sv, [1, 0] {tag} : vector<2x[4]xf32> to vector<[4]x2xf32>
  %28 = vector.transpose %v0, [] : vector<f32> to vector<f32>
  %29 = vector.bitcast %m : vector<4x8xf32> to vector<4x16xf16>
  %30 = vector.bitcast %v0 : vector<f32> to vector<i32>
  %31 = vector.bitcast %sv : vector<2x[4]xf32> to vector<2x[8]xi16>
  %vs = vector.vscale
  %32 = arith.muli %vs, %i : index
  return
}
