#!/usr/bin/env python3
"""Regenerate the expected output of every case from CPython 3.11.

For tests/cases/**/NAME.py writes NAME.out (stdout) and, when CPython exits
with an uncaught exception, NAME.exc (the last stderr line, "Type: message").
Usage: python3 tests/gen_expected.py [substring filters...]
"""
import os
import subprocess
import sys

# A case whose first line starts with this marker is a deliberate difference
# from CPython (the sandbox removes a capability): its .out/.exc are written
# by hand and this script leaves them alone.
HAND_WRITTEN = "# sandpy-expected:"
ROOT = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(ROOT, "cases")


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("expected outputs must come from CPython 3.11, this is %s" % sys.version)
    filters = sys.argv[1:]
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    n = 0
    for d, _, files in sorted(os.walk(CASES)):
        for f in sorted(files):
            if not f.endswith(".py"):
                continue
            path = os.path.join(d, f)
            if filters and not any(x in path for x in filters):
                continue
            with open(path, encoding="utf-8") as src:
                if src.readline().startswith(HAND_WRITTEN):
                    continue
            p = subprocess.run([sys.executable, f], cwd=d, capture_output=True, env=env, timeout=60)
            base = path[:-3]
            with open(base + ".out", "wb") as o:
                o.write(p.stdout)
            if p.returncode == 0:
                if os.path.exists(base + ".exc"):
                    os.remove(base + ".exc")
            else:
                lines = [l for l in p.stderr.decode().splitlines() if l.strip()]
                with open(base + ".exc", "w") as o:
                    o.write((lines[-1] if lines else "") + "\n")
            n += 1
    print("generated %d cases" % n)


if __name__ == "__main__":
    main()
