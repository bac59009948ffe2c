!per_tensor = !quant.uniform<i8:f32, 5.000000e-02:-3>     // scale:zero_point
!zero_point_0 = !quant.uniform<i8:f32, 5.000000e-02>      // zero point 0
!unsigned = !quant.uniform<u8:f32, 1.000000e-01:128>      // unsigned storage
!narrowed = !quant.uniform<i8<-127:127>:f32, 2.0e-02>     // narrowed storage range
!per_channel = !quant.uniform<i8:f32:0, {1.0e-01:0, 2.0e-01:0}> // per channel, axis 0
!bias = !quant.uniform<i32:f32, 1.0e-03>                  // int32 bias-like values
func.func private @uses(tensor<2x!per_tensor>, tensor<2x!zero_point_0>, tensor<2x!unsigned>, tensor<2x!narrowed>, tensor<2x3x!per_channel>, tensor<2x!bias>)
