// Every graph verifier and syntax diagnostic (docs/graph-dialect.md).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op attribute 'strides' must be an i64 dense array (array<i64: ...>)}}
  %0 = graph.conv2d %x, %w {strides = array<i32: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.concat' op attribute 'axis' must be an i64 integer}}
  %0 = graph.concat %x, %x {axis = 1 : i32} : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>) -> tensor<1x6x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.clip' op attribute 'min' must be an f32 float}}
  %0 = graph.clip %x {min = 0.0 : f64} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%a: tensor<4x4xf32>) {
  // expected-error@+1 {{'graph.gemm' op attribute 'trans_a' must be a bool (true or false)}}
  %0 = graph.gemm %a, %a {trans_a = 1 : i64} : (tensor<4x4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.relu' op attribute 'name' must be a string}}
  %0 = graph.relu %x {name = 3 : i64} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.resize' op attribute 'scales' must be an f64 dense array (array<f64: ...>)}}
  %0 = graph.resize %x {scales = array<f32: 2.0, 2.0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op attribute 'auto_pad' must be one of "NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER", but is "SAME"}}
  %0 = graph.conv2d %x, %w {auto_pad = "SAME"} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.add' op attribute 'activation' must be one of "none", "relu", "relu6", "clip", "leaky_relu", "sigmoid", "tanh", "hard_swish", but is "gelu"}}
  %0 = graph.add %x, %x {activation = "gelu"} : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.pad' op attribute 'mode' must be one of "constant", "reflect", "edge", but is "linear"}}
  %0 = graph.pad %x {pads = array<i64: 0, 0, 0, 0, 0, 0, 0, 0>, mode = "linear"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.resize' op attribute 'mode' must be one of "nearest", "linear", but is "edge"}}
  %0 = graph.resize %x {mode = "edge"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.max_pool' op attribute 'layout' must be one of "NCHW", "NHWC", but is "NCDHW"}}
  %0 = graph.max_pool %x {kernel = array<i64: 2, 2>, layout = "NCDHW"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.gelu' op attribute 'approximate' must be one of "none", "tanh", but is "erf"}}
  %0 = graph.gelu %x {approximate = "erf"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) {
  // expected-error@+1 {{'graph.conv2d' op expected 2 or 3 operands, but found 4}}
  %0 = graph.conv2d %x, %w, %b, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{'graph.concat' op expected at least 1 operand, but found 0}}
  %0 = "graph.concat"() {axis = 0 : i64} : () -> tensor<1xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.add' op expected 2 operands, but found 3}}
  %0 = graph.add %x, %x, %x : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>, tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.max_pool' op requires attribute 'kernel'}}
  %0 = graph.max_pool %x : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.split' op expected at least 1 result, but found 0}}
  "graph.split"(%x) {sizes = array<i64: 3>} : (tensor<1x3x8x8xf32>) -> ()
  return
}

// -----

func.func @f(%u: tensor<*xf32>) {
  // expected-error@+1 {{'graph.relu' op operand #0 must be a ranked tensor, but got 'tensor<*xf32>'}}
  %0 = graph.relu %u : (tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @f(%d: tensor<1x?xf32>) {
  // expected-error@+1 {{'graph.relu' op operand #0 must be a statically shaped tensor (graph ops take no dynamic dims), but got 'tensor<1x?xf32>'}}
  %0 = graph.relu %d : (tensor<1x?xf32>) -> tensor<1x?xf32>
  return
}

// -----

func.func @f(%ix: tensor<2xindex>) {
  // expected-error@+1 {{'graph.relu' op operand #0 must be a tensor of float, integer or quantized values, but got 'tensor<2xindex>'}}
  %0 = graph.relu %ix : (tensor<2xindex>) -> tensor<2xindex>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.relu' op result #0 must be of the element type of operand #0, but got 'tensor<1x3x8x8xf16>'}}
  %0 = graph.relu %x : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf16>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %i: tensor<1x3x8x8xi32>) {
  // expected-error@+1 {{'graph.add' op operand #1 must be of the element type of operand #0, but got 'tensor<1x3x8x8xi32>'}}
  %0 = graph.add %x, %i : (tensor<1x3x8x8xf32>, tensor<1x3x8x8xi32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%i: tensor<1x3x8x8xi32>) {
  // expected-error@+1 {{'graph.sqrt' op operand #0 must be a tensor of float values, but got 'tensor<1x3x8x8xi32>'}}
  %0 = graph.sqrt %i : (tensor<1x3x8x8xi32>) -> tensor<1x3x8x8xi32>
  return
}

// -----

func.func @f(%i: tensor<1x3x8x8xi32>) {
  // expected-error@+1 {{'graph.conv2d' op operand #0 must be a tensor of float or quantized values, but got 'tensor<1x3x8x8xi32>'}}
  %0 = graph.conv2d %i, %i : (tensor<1x3x8x8xi32>, tensor<1x3x8x8xi32>) -> tensor<1x1x1x1xi32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %h: tensor<2xf32>) {
  // expected-error@+1 {{'graph.gather' op operand #1 must be a tensor of i32 or i64 indices, but got 'tensor<2xf32>'}}
  %0 = graph.gather %x, %h : (tensor<1x3x8x8xf32>, tensor<2xf32>) -> tensor<2x3x8x8xf32>
  return
}

// -----

func.func @f(%q: tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) {
  // expected-error@+1 {{'graph.sub' op operand #0 must be a tensor of float or integer values, but got 'tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>'}}
  %0 = graph.sub %q, %q : (tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return
}

// -----

func.func @f(%qx: tensor<1x3x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op operand #1 must be a quantized tensor, as operand #0 is, but got 'tensor<4x3x3x3xf32>'}}
  %0 = graph.conv2d %qx, %w : (tensor<1x3x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return
}

// -----

func.func @f(%qx: tensor<1x3x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>, %qw: tensor<4x3x3x3x!quant.uniform<i8:f32, 2.000000e-02>>, %b: tensor<4xf32>) {
  // expected-error@+1 {{'graph.conv2d' op operand #2 must be a tensor of i32 or of a quantized type with i32 storage, but got 'tensor<4xf32>'}}
  %0 = graph.conv2d %qx, %qw, %b : (tensor<1x3x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32, 2.000000e-02>>, tensor<4xf32>) -> tensor<1x4x6x6x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return
}

// -----

func.func @f(%qx: tensor<1x3x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>, %qw: tensor<4x3x3x3x!quant.uniform<i8:f32, 2.000000e-02>>) {
  // expected-error@+1 {{'graph.conv2d' op result #0 must be a quantized tensor or a tensor of i32, but got 'tensor<1x4x6x6xf32>'}}
  %0 = graph.conv2d %qx, %qw : (tensor<1x3x8x8x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4x3x3x3x!quant.uniform<i8:f32, 2.000000e-02>>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%q: tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>, %h: tensor<4xf32>) {
  // expected-error@+1 {{'graph.add' op operand #1 must be a quantized tensor, as the other operands and result, but got 'tensor<4xf32>'}}
  %0 = graph.add %q, %h : (tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return
}

// -----

func.func @f(%q: tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) {
  // expected-error@+1 {{'graph.add' op result #0 must be a quantized tensor, as the operands, but got 'tensor<4xf32>'}}
  %0 = graph.add %q, %q : (tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>, tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%q: tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) {
  // expected-error@+1 {{'graph.relu' op result #0 must be of the element type of operand #0, but got 'tensor<4x!quant.uniform<i8:f32, 2.000000e-02>>'}}
  %0 = graph.relu %q : (tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<4x!quant.uniform<i8:f32, 2.000000e-02>>
  return
}

// -----

func.func @f(%i4: tensor<4xi32>) {
  // expected-error@+1 {{'graph.quantize' op operand #0 must be a tensor of float values, but got 'tensor<4xi32>'}}
  %0 = graph.quantize %i4 : (tensor<4xi32>) -> tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return
}

// -----

func.func @f(%h: tensor<4xf32>) {
  // expected-error@+1 {{'graph.quantize' op result #0 must be a quantized tensor, but got 'tensor<4xi8>'}}
  %0 = graph.quantize %h : (tensor<4xf32>) -> tensor<4xi8>
  return
}

// -----

func.func @f(%h16: tensor<4xf16>) {
  // expected-error@+1 {{'graph.quantize' op result #0 must be a quantized tensor whose expressed type is the operand's element type, but got 'tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>'}}
  %0 = graph.quantize %h16 : (tensor<4xf16>) -> tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return
}

// -----

func.func @f(%h: tensor<4xf32>) {
  // expected-error@+1 {{'graph.dequantize' op operand #0 must be a quantized tensor, but got 'tensor<4xf32>'}}
  %0 = graph.dequantize %h : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%q: tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) {
  // expected-error@+1 {{'graph.dequantize' op result #0 must be a tensor of the operand's expressed type, but got 'tensor<4xf16>'}}
  %0 = graph.dequantize %q : (tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<4xf16>
  return
}

// -----

func.func @f(%q: tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) {
  // expected-error@+1 {{'graph.requantize' op result #0 must be a quantized tensor, but got 'tensor<4xi8>'}}
  %0 = graph.requantize %q : (tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-3>>) -> tensor<4xi8>
  return
}

// -----

func.func @f(%pa: tensor<4x!quant.uniform<i8:f32:1, {1.0e-01}>>) {
  // expected-error@+1 {{'graph.dequantize' op operand #0 must be a tensor with the quantized axis among its dims, but got 'tensor<4x!quant.uniform<i8:f32:1, {1.000000e-01}>>'}}
  %0 = graph.dequantize %pa : (tensor<4x!quant.uniform<i8:f32:1, {1.0e-01}>>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%pb: tensor<4x!quant.uniform<i8:f32:0, {1.0e-01, 2.0e-01}>>) {
  // expected-error@+1 {{'graph.dequantize' op operand #0 must be a tensor with one scale per element of its quantized axis, but got 'tensor<4x!quant.uniform<i8:f32:0, {1.000000e-01,2.000000e-01}>>'}}
  %0 = graph.dequantize %pb : (tensor<4x!quant.uniform<i8:f32:0, {1.0e-01, 2.0e-01}>>) -> tensor<4xf32>
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{'graph.constant' op attribute 'value' must be a dense or dense_resource elements attribute}}
  %0 = graph.constant 1.0 : f32
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{'graph.constant' op result type 'tensor<3x!quant.uniform<i8:f32, 5.000000e-02:-3>>' is neither the value's type 'tensor<2xi8>' nor a quantized tensor of its shape with its element type as storage}}
  %0 = graph.constant dense<1> : tensor<2xi8> as tensor<3x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{'graph.constant' op result type 'tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>' is neither the value's type 'tensor<2xi16>' nor a quantized tensor of its shape with its element type as storage}}
  %0 = graph.constant dense<1> : tensor<2xi16> as tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{'graph.constant' op result type 'tensor<2xf16>' is neither the value's type 'tensor<2xf32>' nor a quantized tensor of its shape with its element type as storage}}
  %0 = graph.constant dense<1.0> : tensor<2xf32> as tensor<2xf16>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op result shape [1, 4, 6, 5] does not match the inferred shape [1, 4, 6, 6]}}
  %0 = graph.conv2d %x, %w {strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x5xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op attribute 'strides' entry 0 must be positive, but is 0}}
  %0 = graph.conv2d %x, %w {strides = array<i64: 0, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op attribute 'pads' must have 4 entries, but has 2}}
  %0 = graph.conv2d %x, %w {pads = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op attribute 'pads' entry 2 must be non-negative, but is -1}}
  %0 = graph.conv2d %x, %w {pads = array<i64: 1, 1, -1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op attribute 'pads' must be zero when 'auto_pad' is not NOTSET}}
  %0 = graph.conv2d %x, %w {auto_pad = "VALID", pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op attribute 'groups' (2) must divide the input channels (3)}}
  %0 = graph.conv2d %x, %w {groups = 2 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w2: tensor<4x2x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op filter has 2 input channels per group, but the input has 3 channels in 1 group(s)}}
  %0 = graph.conv2d %x, %w2 : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b3: tensor<3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op bias must have shape [4]}}
  %0 = graph.conv2d %x, %w, %b3 : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op kernel window (extent 9) does not fit in the padded input (size 8) along H}}
  %0 = graph.conv2d %x, %w {pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 4, 4>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x1xf32>
  return
}

// -----

func.func @f(%h: tensor<4xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op expects a 4-D input, but operand #0 has rank 1}}
  %0 = graph.conv2d %h, %w : (tensor<4xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %tw: tensor<3x2x3x3xf32>) {
  // expected-error@+1 {{'graph.conv_transpose2d' op attribute 'output_padding' entry 0 (2) must be smaller than the stride or the dilation}}
  %0 = graph.conv_transpose2d %x, %tw {strides = array<i64: 2, 2>, output_padding = array<i64: 2, 0>} : (tensor<1x3x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x19x17xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv_transpose2d' op filter dim 0 (4) must equal the input channels (3)}}
  %0 = graph.conv_transpose2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x3x10x10xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %t1: tensor<3x2x1x1xf32>) {
  // expected-error@+1 {{'graph.conv_transpose2d' op auto_pad SAME_UPPER with a stride larger than the kernel extent plus output_padding is not supported}}
  %0 = graph.conv_transpose2d %x, %t1 {strides = array<i64: 4, 4>, auto_pad = "SAME_UPPER"} : (tensor<1x3x8x8xf32>, tensor<3x2x1x1xf32>) -> tensor<1x2x32x32xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x7x7xf32>) {
  // expected-error@+1 {{'graph.max_pool' op result shape [1, 3, 3, 3] does not match the inferred shape [1, 3, 4, 4]}}
  %0 = graph.max_pool %x {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = true} : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.avg_pool' op attribute 'kernel' entry 0 must be positive, but is 0}}
  %0 = graph.avg_pool %x {kernel = array<i64: 0, 2>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x7xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.global_avg_pool' op result shape [1, 3, 1] does not match the inferred shape [1, 3, 1, 1]}}
  %0 = graph.global_avg_pool %x : (tensor<1x3x8x8xf32>) -> tensor<1x3x1xf32>
  return
}

// -----

func.func @f(%a: tensor<4x4xf32>, %m: tensor<3x4xf32>) {
  // expected-error@+1 {{'graph.matmul' op contraction dimensions differ: 4 (lhs) vs 3 (rhs)}}
  %0 = graph.matmul %a, %m : (tensor<4x4xf32>, tensor<3x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @f(%s: tensor<f32>, %a: tensor<4x4xf32>) {
  // expected-error@+1 {{'graph.matmul' op operands must have rank >= 1}}
  %0 = graph.matmul %s, %a : (tensor<f32>, tensor<4x4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%h: tensor<4xf32>, %a: tensor<4x4xf32>) {
  // expected-error@+1 {{'graph.gemm' op operands a and b must be 2-D}}
  %0 = graph.gemm %h, %a : (tensor<4xf32>, tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @f(%a: tensor<4x4xf32>, %m: tensor<3x4xf32>) {
  // expected-error@+1 {{'graph.gemm' op operand c is not broadcastable to [4, 4]}}
  %0 = graph.gemm %a, %a, %m : (tensor<4x4xf32>, tensor<4x4xf32>, tensor<3x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @f(%a: tensor<4x4xf32>, %m: tensor<3x4xf32>) {
  // expected-error@+1 {{'graph.add' op operand shapes [4, 4] and [3, 4] are not broadcastable}}
  %0 = graph.add %a, %m : (tensor<4x4xf32>, tensor<3x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @f(%a: tensor<4x4xf32>) {
  // expected-error@+1 {{'graph.softmax' op axis 2 is out of range for rank 2}}
  %0 = graph.softmax %a {axis = 2 : i64} : (tensor<4x4xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @f(%a: tensor<4x4xf32>) {
  // expected-error@+1 {{'graph.reduce_sum' op axis -1 appears twice in 'axes'}}
  %0 = graph.reduce_sum %a {axes = array<i64: 1, -1>} : (tensor<4x4xf32>) -> tensor<4x1xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.transpose' op attribute 'perm' is not a permutation of 0..3}}
  %0 = graph.transpose %x {perm = array<i64: 0, 1, 1, 2>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.transpose' op attribute 'perm' has 2 entries, but the input has rank 4}}
  %0 = graph.transpose %x {perm = array<i64: 0, 1>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.reshape' op attribute 'shape' has 168 elements, but the input has 192}}
  %0 = graph.reshape %x {shape = array<i64: 3, 8, 7>} : (tensor<1x3x8x8xf32>) -> tensor<3x8x7xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.reshape' op attribute 'shape' entry 0 must be non-negative, but is -1}}
  %0 = graph.reshape %x {shape = array<i64: -1, 8>} : (tensor<1x3x8x8xf32>) -> tensor<24x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.flatten' op axis 5 is out of range for rank 4}}
  %0 = graph.flatten %x {axis = 5 : i64} : (tensor<1x3x8x8xf32>) -> tensor<192x1xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %a: tensor<4x4xf32>) {
  // expected-error@+1 {{'graph.concat' op operand #1 has rank 2, expected 4}}
  %0 = graph.concat %x, %a {axis = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x4xf32>) -> tensor<1x7x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %x7: tensor<1x3x7x7xf32>) {
  // expected-error@+1 {{'graph.concat' op operand #1 differs from operand #0 in dim 2 (7 vs 8)}}
  %0 = graph.concat %x, %x7 {axis = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<1x3x7x7xf32>) -> tensor<1x6x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.split' op attribute 'sizes' sums to 2, but dim 1 has size 3}}
  %0:2 = graph.split %x {axis = 1 : i64, sizes = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>) -> (tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>)
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.split' op expected 3 results (one per entry of 'sizes'), but found 2}}
  %0:2 = graph.split %x {axis = 1 : i64, sizes = array<i64: 1, 1, 1>} : (tensor<1x3x8x8xf32>) -> (tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>)
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.split' op result #1 shape [1, 1, 8, 8] does not match the inferred shape [1, 2, 8, 8]}}
  %0:2 = graph.split %x {axis = 1 : i64, sizes = array<i64: 1, 2>} : (tensor<1x3x8x8xf32>) -> (tensor<1x1x8x8xf32>, tensor<1x1x8x8xf32>)
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.slice' op attributes 'starts', 'ends', 'axes' and 'steps' must have the same length}}
  %0 = graph.slice %x {starts = array<i64: 0, 0>, ends = array<i64: 1>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.slice' op attribute 'steps' entry 0 must not be zero}}
  %0 = graph.slice %x {starts = array<i64: 0>, ends = array<i64: 1>, steps = array<i64: 0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.slice' op axis 4 is out of range for rank 4}}
  %0 = graph.slice %x {starts = array<i64: 0>, ends = array<i64: 2>, axes = array<i64: 4>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.pad' op attribute 'pads' must have 8 entries (2 x rank), but has 2}}
  %0 = graph.pad %x {pads = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.pad' op reflect padding of dim 2 must be smaller than its size (8)}}
  %0 = graph.pad %x {pads = array<i64: 0, 0, 8, 0, 0, 0, 0, 0>, mode = "reflect"} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.pad' op attribute 'pads' must be non-negative}}
  %0 = graph.pad %x {pads = array<i64: 0, 0, -1, 0, 0, 0, 0, 0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x7x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.squeeze' op cannot squeeze dim 1 of size 3}}
  %0 = graph.squeeze %x {axes = array<i64: 1>} : (tensor<1x3x8x8xf32>) -> tensor<1x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.unsqueeze' op axis 5 is out of range for rank 5}}
  %0 = graph.unsqueeze %x {axes = array<i64: 5>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8x1xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %ind: tensor<2xi64>) {
  // expected-error@+1 {{'graph.gather' op axis -5 is out of range for rank 4}}
  %0 = graph.gather %x, %ind {axis = -5 : i64} : (tensor<1x3x8x8xf32>, tensor<2xi64>) -> tensor<2x3x8x8xf32>
  return
}

// -----

func.func @f(%a: tensor<4x4xf32>) {
  // expected-error@+1 {{'graph.resize' op operand #0 must be a 4-D tensor, but got 'tensor<4x4xf32>'}}
  %0 = graph.resize %a : (tensor<4x4xf32>) -> tensor<8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.resize' op result must keep the batch and channel dims of the input}}
  %0 = graph.resize %x : (tensor<1x3x8x8xf32>) -> tensor<1x4x16x16xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.resize' op attribute 'scales' must be array<f64> with 2 entries ([h, w])}}
  %0 = graph.resize %x {scales = array<f64: 2.0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x16xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.resize' op result shape [1, 3, 16, 15] does not match the inferred shape [1, 3, 16, 16]}}
  %0 = graph.resize %x {scales = array<f64: 2.0, 2.0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x16x15xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %h: tensor<4xf32>) {
  // expected-error@+1 {{'graph.batch_norm' op operand #1 must have shape [3]}}
  %0 = graph.batch_norm %x, %h, %h, %h, %h : (tensor<1x3x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %h: tensor<4xf32>) {
  // expected-error@+1 {{'graph.layer_norm' op operand #1 is not broadcastable to the normalized dims}}
  %0 = graph.layer_norm %x, %h : (tensor<1x3x8x8xf32>, tensor<4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %a: tensor<4x4xf32>) {
  // expected-error@+1 {{'graph.layer_norm' op operand #1 has rank 2, more than the 1 normalized dims}}
  %0 = graph.layer_norm %x, %a {axis = 3 : i64} : (tensor<1x3x8x8xf32>, tensor<4x4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w0: tensor<4x3x0x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op filter has an empty kernel}}
  %0 = graph.conv2d %x, %w0 : (tensor<1x3x8x8xf32>, tensor<4x3x0x3xf32>) -> tensor<1x4x9x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %tw: tensor<3x2x3x3xf32>) {
  // expected-error@+1 {{'graph.conv_transpose2d' op output size 0 along H is not positive}}
  %0 = graph.conv_transpose2d %x, %tw {pads = array<i64: 5, 5, 5, 5>} : (tensor<1x3x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x2x1x1xf32>
  return
}

// -----

func.func @f(%h: tensor<4xf32>) {
  // expected-error@+1 {{'graph.pad' op padded dim 0 overflows 64 bits}}
  %0 = graph.pad %h {pads = array<i64: 0, 9223372036854775807>} : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%e: tensor<0xf32>) {
  // expected-error@+1 {{'graph.pad' op edge padding of the empty dim 0}}
  %0 = graph.pad %e {pads = array<i64: 1, 0>, mode = "edge"} : (tensor<0xf32>) -> tensor<1xf32>
  return
}

// -----

func.func @f(%r9: tensor<1x1x1x1x1x1x1x1x1xf32>) {
  // expected-error@+1 {{'graph.relu' op operand #0 must be a tensor of rank at most 8, but got 'tensor<1x1x1x1x1x1x1x1x1xf32>'}}
  %0 = graph.relu %r9 : (tensor<1x1x1x1x1x1x1x1x1xf32>) -> tensor<1x1x1x1x1x1x1x1x1xf32>
  return
}

// -----

func.func @f(%s: tensor<f32>) {
  // expected-error@+1 {{'graph.softmax' op expects an input of rank >= 1}}
  %0 = graph.softmax %s : (tensor<f32>) -> tensor<f32>
  return
}

// -----

func.func @f(%h: tensor<4xf32>) {
  // expected-error@+1 {{'graph.batch_norm' op expects an input of rank >= 2}}
  %0 = graph.batch_norm %h, %h, %h, %h, %h : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.resize' op attribute 'scales' entry 0 (0.01) gives an invalid size}}
  %0 = graph.resize %x {scales = array<f64: 0.01, 1.0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x1x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.resize' op result dims must be positive}}
  %0 = graph.resize %x : (tensor<1x3x8x8xf32>) -> tensor<1x3x0x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.transpose' op attribute 'perm' has 9 entries, expected at most 8}}
  %0 = graph.transpose %x {perm = array<i64: 0, 1, 2, 3, 4, 5, 6, 7, 8>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%r8: tensor<1x1x1x1x1x1x1x1xf32>) {
  // expected-error@+1 {{'graph.unsqueeze' op result rank 9 exceeds 8}}
  %0 = graph.unsqueeze %r8 {axes = array<i64: 0>} : (tensor<1x1x1x1x1x1x1x1xf32>) -> tensor<1x1x1x1x1x1x1x1xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.split' op attribute 'sizes' must not be empty}}
  %0 = "graph.split"(%x) {sizes = array<i64>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.split' op attribute 'sizes' sums to more than the size 3 of dim 1}}
  %0:2 = graph.split %x {axis = 1 : i64, sizes = array<i64: 4, -1>} : (tensor<1x3x8x8xf32>) -> (tensor<1x4x8x8xf32>, tensor<1x1x8x8xf32>)
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.split' op attribute 'sizes' entry 0 (-1) is negative}}
  %0:2 = graph.split %x {axis = 1 : i64, sizes = array<i64: -1, 4>} : (tensor<1x3x8x8xf32>) -> (tensor<1x1x8x8xf32>, tensor<1x4x8x8xf32>)
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error@+1 {{'graph.conv2d' op sizes along H overflow 64 bits}}
  %0 = graph.conv2d %x, %w {dilations = array<i64: 4611686018427387904, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @f(%x: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.avg_pool' op attribute 'pads' entry 1 (3) must be smaller than the kernel (3)}}
  %0 = graph.avg_pool %x {kernel = array<i64: 2, 3>, pads = array<i64: 0, 3, 0, 0>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x7x9xf32>
  return
}

// -----

func.func @f(%x: tensor<4xf32>) {
  // expected-error@+1 {{expected a functional type '(operand types) -> result types'}}
  %0 = graph.relu %x : tensor<4xf32>
  return
}

// -----

func.func @f(%x: tensor<4xf32>) {
  // expected-error@+1 {{2 operands present, but expected 1}}
  %0 = graph.add %x, %x : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{expected a typed elements attribute}}
  %0 = graph.constant "x"
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{expected SSA operand}}
  %0 = graph.relu : () -> tensor<4xf32>
  return
}
