// Type syntax errors, with mlir-opt 19's messages.
// RUN: edge-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

// expected-error@+1 {{expected non-function type}}
"test.op"() : () -> (i0x)

// -----

// expected-error@+1 {{integer bitwidth is limited to 16777215 bits}}
"test.op"() : () -> (i16777216)

// -----

// expected-error@+1 {{invalid integer width}}
"test.op"() : () -> (i99999999999999999999)

// -----

// expected-error@+1 {{expected non-function type}}
"test.op"() : () -> (f33)

// -----

// expected-error@+1 {{expected non-function type}}
"test.op"() : () -> (tensor<-1xf32>)

// -----

// expected-error@+1 {{expected 'x' in dimension list}}
"test.op"() : () -> (tensor<4x4>)

// -----

// expected-error@+1 {{expected 'x' in dimension list}}
"test.op"() : () -> (tensor<*>)

// -----

// expected-error@+1 {{expected '>' in tensor type}}
"test.op"() : () -> (tensor<4xi32)

// -----

// expected-error@+1 {{invalid dimension}}
"test.op"() : () -> (tensor<99999999999999999999xf32>)

// -----

// expected-error@+1 {{invalid tensor element type}}
"test.op"() : () -> (tensor<4xnone>)

// -----

// expected-error@+1 {{invalid tensor element type}}
"test.op"() : () -> (tensor<4xtuple<>>)

// -----

// expected-error@+1 {{cannot apply encoding to unranked tensor}}
"test.op"() : () -> (tensor<*xf32, "e">)

// -----

// expected-error@+1 {{expected non-function type}}
"test.op"() : () -> (vector<?xf32>)

// -----

// expected-error@+1 {{vector types must have positive constant sizes}}
"test.op"() : () -> (vector<0xf32>)

// -----

// expected-error@+1 {{vector types must have positive constant sizes}}
"test.op"() : () -> (vector<2x[0]xf32>)

// -----

// expected-error@+1 {{invalid dimension}}
"test.op"() : () -> (vector<[?]xf32>)

// -----

// expected-error@+1 {{missing ']' closing scalable dimension}}
"test.op"() : () -> (vector<[4xf32>)

// -----

// expected-error@+1 {{vector elements must be int/index/float type}}
"test.op"() : () -> (vector<4xtensor<4xf32>>)

// -----

// expected-error@+1 {{invalid element type for complex}}
"test.op"() : () -> (complex<index>)

// -----

// expected-error@+1 {{expected '>' in complex type}}
"test.op"() : () -> (complex<f32)

// -----

// expected-error@+1 {{expected non-function type}}
"test.op"() : () -> (tuple<i32,>)

// -----

// expected-error@+1 {{invalid memref element type}}
"test.op"() : () -> (memref<4xtensor<4xf32>>)

// -----

// expected-error@+1 {{invalid memref element type}}
"test.op"() : () -> (memref<4x!foo.bar>)

// -----

// expected-error@+1 {{memref layout mismatch between rank and affine map: 1 != 2}}
"test.op"() : () -> (memref<4xf32, affine_map<(d0, d1) -> (d0)>>)

// -----

// expected-error@+1 {{expected the number of strides to match the rank}}
"test.op"() : () -> (memref<4xf32, strided<[1, 1]>>)

// -----

// expected-error@+1 {{unsupported memory space Attribute}}
"test.op"() : () -> (memref<4xf32, 1.0>)

// -----

// expected-error@+1 {{unsupported memory space Attribute}}
"test.op"() : () -> (memref<4xf32, [1]>)

// -----

// expected-error@+1 {{multiple memory spaces specified in memref type}}
"test.op"() : () -> (memref<4xf32, 1, 2>)

// -----

// expected-error@+1 {{cannot have affine map for unranked memref type}}
"test.op"() : () -> (memref<*xf32, affine_map<(d0) -> (d0)>>)

// -----

// expected-error@+1 {{expected memory space to be last in memref type}}
"test.op"() : () -> (memref<4xf32, 1, affine_map<(d0) -> (d0)>>)

// -----

// expected-error@+1 {{expected ',' or '>' in memref type}}
"test.op"() : () -> (memref<4xf32 1>)

// -----

// expected-error@+1 {{expected '->' in function type}}
"test.op"() : () -> ((i32) i32)

// -----

// expected-error@+1 {{unbalanced '(' character in pretty dialect name}}
"test.op"() : () -> (!foo.bar<(]>)

// -----

// expected-error@+1 {{undefined symbol alias id 'undefined_alias'}}
"test.op"() : () -> (!undefined_alias)

// -----

// expected-error@+1 {{dialect 'builtin' provides no type parsing hook}}
"test.op"() : () -> (!builtin.foo)

// -----

// expected-error@+1 {{expected '>' in tensor type}}
"test.op"() : () -> (tensor<4xf32
  )

// -----

// An empty dialect namespace (mlir-opt: the same message and column).
// expected-error@+1 {{invalid dialect namespace '""'}}
func.func private @f(!.)

// -----

// expected-error@+1 {{invalid dialect namespace '""'}}
func.func private @f(!.foo)

// -----

// expected-error@+1 {{invalid dialect namespace '"ai--m--tl"'}}
func.func private @f(!ai--m--tl.matmul--)
