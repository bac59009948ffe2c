"""Links an AOT model library built for Cortex-M55 (edge-opt --emit=c-lib)
with aot_m55_main.c, runs it on QEMU's mps3-an547 with semihosting and
prints what it says (MATCH or MISMATCH against the reference output).

usage: aot_qemu.py LIBDIR NAME INPUT.npy OUTPUT.npy WORKDIR

Without arm-none-eabi-gcc or qemu-system-arm it prints one line,
"SKIP: ...", and succeeds (the FileCheck prefix then accepts either)."""
import array
import ast
import os
import shutil
import subprocess
import sys


def load_f32_npy(path):
    """The values of a little-endian float32 .npy (no numpy needed)."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:6] != b"\x93NUMPY":
        raise ValueError(path + ": not a .npy file")
    major = raw[6]
    hl = int.from_bytes(raw[8:10] if major == 1 else raw[8:12], "little")
    start = (10 if major == 1 else 12) + hl
    hdr = ast.literal_eval(raw[(10 if major == 1 else 12):start].decode())
    if hdr["descr"] != "<f4" or hdr["fortran_order"]:
        raise ValueError(path + ": expected little-endian float32, C order")
    a = array.array("f")
    a.frombytes(raw[start:])
    return a


def c_array(name, a):
    body = ",\n".join(", ".join(repr(float(v)) + "f" for v in a[i:i + 8])
                      for i in range(0, len(a), 8))
    return ("const float %s[] = {\n%s\n};\nconst unsigned %s_n = %d;\n"
            % (name, body, name, len(a)))


def main():
    libdir, name, inp, ref, work = sys.argv[1:6]
    gcc = shutil.which("arm-none-eabi-gcc")
    qemu = shutil.which("qemu-system-arm")
    if not gcc or not qemu:
        print("SKIP: %s not installed (apt-get install gcc-arm-none-eabi "
              "qemu-system-arm)" % " and ".join(
                  t for t, p in (("arm-none-eabi-gcc", gcc),
                                 ("qemu-system-arm", qemu)) if not p))
        return 0
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(work, exist_ok=True)
    data = os.path.join(work, "aot_data.c")
    with open(data, "w") as f:
        f.write(c_array("aot_input", load_f32_npy(inp)))
        f.write(c_array("aot_expected", load_f32_npy(ref)))
    elf = os.path.join(work, name + ".elf")
    cmd = [gcc, "-mcpu=cortex-m55", "-mthumb", "-mfloat-abi=softfp", "-O2",
           "-ffreestanding", "-fno-builtin", "-nostdlib",
           "-DLIB=" + name, "-DLIBU=" + name.upper(),
           "-include", os.path.join(libdir, name + ".h"),
           "-T", os.path.join(here, "aot_m55.ld"),
           os.path.join(here, "aot_m55_main.c"), data,
           os.path.join(libdir, name + ".o"), "-lgcc", "-Wl,-z,noexecstack",
           "-o", elf]
    subprocess.run(cmd, check=True)
    r = subprocess.run([qemu, "-M", "mps3-an547", "-nographic",
                        "-monitor", "none", "-serial", "none",
                        "-semihosting-config", "enable=on,target=native",
                        "-kernel", elf], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, timeout=120)
    # Semihosting output may come on either stream: both go to stdout.
    sys.stdout.write(r.stdout)
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
