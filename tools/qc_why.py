#!/usr/bin/env python3
"""Where the quick compiler (src/sp_qc.c) gives up on a file: the first
top-level statement whose prefix it no longer takes.

Usage: python3 tools/qc_why.py [--bin BUILD/ctests/test_qc] FILE.py...
It runs `test_qc --taken` on growing prefixes of each file (one process per
prefix: fine for the few files one looks at when extending the compiler).
"""
import os
import subprocess
import sys
import tempfile


def taken(test_qc, src):
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(src)
    try:
        out = subprocess.run([test_qc, "--taken", f.name], capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    return out.startswith("taken")


def main():
    args = sys.argv[1:]
    test_qc = "build/ctests/test_qc"
    if args[:1] == ["--bin"]:
        test_qc, args = args[1], args[2:]
    for path in args:
        lines = open(path, encoding="utf-8").read().split("\n")
        starts = [i for i, l in enumerate(lines) if l and not l[0].isspace() and not l.startswith("#")]
        starts.append(len(lines))
        for k in range(1, len(starts)):
            if not taken(test_qc, "\n".join(lines[:starts[k]]) + "\n"):
                i = starts[k - 1]
                print("%s:%d: gives up in: %s" % (path, i + 1, lines[i][:70]))
                break
        else:
            print("%s: taken whole" % path)


if __name__ == "__main__":
    main()
