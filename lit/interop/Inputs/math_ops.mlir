// math custom forms (MLIR 19): every op of the dialect, the fastmath
// flags, scalars, vectors and tensors.
func.func @math_ops(%x: f32, %y: f32, %n: i32, %v: vector<4xf32>, %t: tensor<?xf64>, %h: f16, %ix: index) {
  %a = math.exp %x fastmath<fast> : f32
  %b = math.absi %n : i32
  %c = math.fma %x, %y, %x fastmath<nnan,ninf> : f32
  %d = math.powf %x, %y : f32
  %e = math.atan2 %x, %y : f32
  %f = math.sqrt %v : vector<4xf32>
  %g = math.ctlz %n : i32
  %h2 = math.fpowi %x, %n : f32, i32
  %k = math.ipowi %n, %n : i32
  %o = math.round %x fastmath<none> : f32
  %p = math.copysign %x, %y {foo = 1 : i32} : f32
  %q = math.tanh %t fastmath<reassoc,nsz,arcp,contract,afn> : tensor<?xf64>
  %r = math.absf %h : f16
  %s = math.ctpop %ix : index
  %0 = math.acos %x : f32
  %1 = math.acosh %x : f32
  %2 = math.asin %x : f32
  %3 = math.asinh %x : f32
  %4 = math.atan %x : f32
  %5 = math.atanh %x : f32
  %6 = math.cbrt %x : f32
  %7 = math.ceil %x : f32
  %8 = math.cos %x : f32
  %9 = math.cosh %x : f32
  %10 = math.cttz %n : i32
  %11 = math.erf %x : f32
  %12 = math.exp2 %x : f32
  %13 = math.expm1 %x : f32
  %14 = math.floor %x : f32
  %15 = math.log %x : f32
  %16 = math.log10 %x : f32
  %17 = math.log1p %x : f32
  %18 = math.log2 %x : f32
  %19 = math.roundeven %x : f32
  %20 = math.rsqrt %x : f32
  %21 = math.sin %x : f32
  %22 = math.sinh %x : f32
  %23 = math.tan %x : f32
  %24 = math.trunc %x : f32
  return
}
func.func @math_flags(%x: f64, %v: vector<2x[4]xf32>, %t: tensor<*xf16>, %n: vector<4xi8>, %m: index, %w: vector<2x[4]xi32>) {
  %0 = math.sin %x fastmath<nnan> : f64
  %1 = math.cos %v fastmath<ninf,nsz> : vector<2x[4]xf32>
  %2 = math.floor %t fastmath<afn> {tag} : tensor<*xf16>
  %3 = math.ctlz %n {tag = 1 : i32} : vector<4xi8>
  %4 = math.ipowi %m, %m : index
  %5 = math.fpowi %v, %w fastmath<fast> : vector<2x[4]xf32>, vector<2x[4]xi32>
  %6 = math.copysign %x, %x fastmath<reassoc> : f64
  return
}
