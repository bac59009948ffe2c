// place-buffers on the Cortex-M55 (dtcm 6.4 GB/s 2 pJ/B, sram 3.2 GB/s
// 4 pJ/B, flash 0.8 GB/s 30 pJ/B): copying 64 KiB of int8 weights into a
// DTCM argument. The weights' level is the knob place.<site>; "default"
// leaves the type alone (flash, as before placement existed).
//
// RUN: edge-opt %s --pass-pipeline='builtin.module(place-buffers{target=cortex-m55})' \
// RUN:   --list-knobs | FileCheck %s --check-prefix=SPACE
// Knobs are listed by name. A writable buffer is never offered flash; a
// global's site is its symbol.
// SPACE: "name": "place.tmp",
// SPACE-NEXT: "domain": {"kind": "enum", "names": ["default", "dtcm", "sram"]},
// SPACE-NEXT: "default": "default",
// SPACE: "name": "place.w",
// SPACE-NEXT: "domain": {"kind": "enum", "names": ["default", "dtcm", "sram", "flash"]},
// A buffer reaching a return would change the signature: no knob.
// SPACE-NOT: place.ret
//
// RUN: edge-opt %s --pass-pipeline='builtin.module(place-buffers{target=cortex-m55})' \
// RUN:   --knob place.w=sram | FileCheck %s --check-prefix=IR
// IR: memref.global "private" constant @w : memref<65536xi8, 2>
// IR: memref.get_global @w : memref<65536xi8, 2>
// IR: memref.alloc() {name = "tmp"} : memref<64xi8>
//
// In flash (default): 64 KiB / 0.8 GB/s + 64 KiB / 6.4 GB/s = 92.16 us (+
// 0.02 us: the 64-byte copy, 128 bytes in DTCM).
// RUN: edge-opt %s --pass-pipeline='builtin.module(place-buffers{target=cortex-m55})' \
// RUN:   --target=cortex-m55 --evaluate | FileCheck %s --check-prefix=WFLASH
// WFLASH: "latency_s": 9.218e-05,
// WFLASH: "bytes": {"dtcm": 65664, "sram": 0, "flash": 65536},
// WFLASH: "peak_bytes": {"dtcm": 65600, "sram": 0, "flash": 65536},
//
// In SRAM: 64 KiB / 3.2 GB/s + 64 KiB / 6.4 GB/s = 30.72 us (+ 0.02 us).
// RUN: edge-opt %s --pass-pipeline='builtin.module(place-buffers{target=cortex-m55})' \
// RUN:   --knob place.w=sram --target=cortex-m55 --evaluate \
// RUN:   | FileCheck %s --check-prefix=WSRAM
// WSRAM: "latency_s": 3.074e-05,
// WSRAM: "bytes": {"dtcm": 65664, "sram": 65536, "flash": 0},
// WSRAM: "peak_bytes": {"dtcm": 65600, "sram": 65536, "flash": 0},
//
// In DTCM: 128 KiB / 6.4 GB/s = 20.48 us (+ 0.03 us); the scratch buffer
// in SRAM.
// RUN: edge-opt %s --pass-pipeline='builtin.module(place-buffers{target=cortex-m55})' \
// RUN:   --knob place.w=dtcm --knob place.tmp=sram --target=cortex-m55 \
// RUN:   --evaluate | FileCheck %s --check-prefix=WDTCM
// WDTCM: "latency_s": 2.051e-05,
// WDTCM: "bytes": {"dtcm": 131136, "sram": 64, "flash": 0},
// WDTCM: "peak_bytes": {"dtcm": 131072, "sram": 64, "flash": 0},

memref.global "private" constant @w : memref<65536xi8> = dense<1>

func.func @load_w(%dst: memref<65536xi8>) {
  %g = memref.get_global @w : memref<65536xi8>
  memref.copy %g, %dst {name = "copy_w"} : memref<65536xi8> to memref<65536xi8>
  %t = memref.alloc() {name = "tmp"} : memref<64xi8>
  %v = memref.subview %dst[0] [64] [1] : memref<65536xi8> to memref<64xi8, strided<[1]>>
  memref.copy %v, %t : memref<64xi8, strided<[1]>> to memref<64xi8>
  memref.dealloc %t : memref<64xi8>
  return
}

func.func private @ret() -> memref<4xi8> {
  %r = memref.alloc() {name = "ret"} : memref<4xi8>
  return %r : memref<4xi8>
}
