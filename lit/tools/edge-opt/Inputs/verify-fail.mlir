"my.op"(%a) : (i32) -> ()

// -----

// expected-error@+1 {{this is never emitted}}
"my.op"() : () -> ()

// -----

// expected-warning@+1 {{use of undeclared SSA value name}}
"my.op"(%b) : (i32) -> ()

// -----

// expected-error@+2 {{use of undeclared SSA value name}}
"my.op"(%c) : (i32) -> ()

// -----

%0 = "my.a"() : () -> i32
// expected-error@+1 {{redefinition of SSA value '%0'}}
%0 = "my.b"() : () -> i32

// -----

// expected-error-re@+1 {{use of {{undeclared SSA}}
"my.op"(%d) : (i32) -> ()

// -----

// expected-error-re@+1 {{use of {{(}} SSA}}
"my.op"(%e) : (i32) -> ()
