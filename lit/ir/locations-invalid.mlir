// Location syntax errors, with mlir-opt 19's messages.
// RUN: edge-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

// expected-error@+1 {{expected ':' in FileLineColLoc}}
"test.op"() : () -> () loc("a":1)

// -----

// expected-error@+1 {{expected integer line number in FileLineColLoc}}
"test.op"() : () -> () loc("a":x:1)

// -----

// expected-error@+1 {{expected integer line number in FileLineColLoc}}
"test.op"() : () -> () loc("a":99999999999:1)

// -----

// expected-error@+1 {{expected integer column number in FileLineColLoc}}
"test.op"() : () -> () loc("a":1:x)

// -----

// expected-error@+1 {{expected location instance}}
"test.op"() : () -> () loc(foo)

// -----

// expected-error@+1 {{expected location instance}}
"test.op"() : () -> () loc(1)

// -----

// expected-error@+1 {{expected ')' in location}}
"test.op"() : () -> () loc("a" "b")

// -----

// expected-error@+1 {{expected ')' in location}}
"test.op"() : () -> () loc("a":1:2:3)

// -----

// expected-error@+1 {{expected location instance}}
"test.op"() : () -> () loc("a"(

// -----

// expected-error@+1 {{expected 'at' in callsite location}}
"test.op"() : () -> () loc(callsite("a" "b"))

// -----

// expected-error@+1 {{expected location instance}}
"test.op"() : () -> () loc(callsite("a" at))

// -----

// expected-error@+1 {{expected '[' in fused location}}
"test.op"() : () -> () loc(fused<"m">)

// -----

// expected-error@+1 {{expected ']' in fused location}}
"test.op"() : () -> () loc(fused["a" "b"])

// -----

// expected-error@+1 {{undefined symbol alias id 'nope'}}
"test.op"() : () -> () loc(callsite(#nope at "a":1:2))

// -----

#x = 1
// expected-error@+1 {{expected location, but found '1 : i64'}}
"test.op"() : () -> () loc(#x)
