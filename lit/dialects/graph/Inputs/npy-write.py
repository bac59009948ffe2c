"""Writes a .npy file byte by byte (no numpy needed), for the .npy tests.

usage: npy-write.py OUT MAJOR DICT DATA [TRUNCATE]

MAJOR is the format version (1, 2, 3 or anything, for bad files), DICT
the header dictionary text (padded with spaces and a newline to a
multiple of 64 bytes, as numpy does), DATA the payload as hex, TRUNCATE
an optional byte count to cut the file to.
"""
import struct
import sys

out, major = sys.argv[1], int(sys.argv[2])
header, data = sys.argv[3], sys.argv[4]
lenfmt = "<H" if major == 1 else "<I"
pre = 8 + struct.calcsize(lenfmt)
total = (pre + len(header) + 1 + 63) // 64 * 64
header = header + " " * (total - pre - len(header) - 1) + "\n"
blob = (b"\x93NUMPY" + bytes([major, 0]) +
        struct.pack(lenfmt, len(header)) + header.encode("latin-1") +
        bytes.fromhex(data))
if len(sys.argv) > 5:
    blob = blob[:int(sys.argv[5])]
with open(out, "wb") as f:
    f.write(blob)
