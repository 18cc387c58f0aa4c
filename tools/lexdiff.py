#!/usr/bin/env python3
"""Differential test of two front ends (tools/lexdump.c built against each).

    python3 tools/lexdiff.py OLD_LEXDUMP NEW_LEXDUMP [--mutations N] [--seed S]
    python3 tools/lexdiff.py --limits OLD_SANDPY NEW_SANDPY [--files N]

Writes every .py under tests/ and bench/, mutations of them (truncations,
byte flips, inserted and deleted bytes) and generated edge cases (string
prefixes and quotes, odd numbers, deep brackets, bad indentation, stray
bytes) to a temporary directory, runs both binaries (`--both`: every token
with all its fields or the error, then the AST with positions or the error;
and the old `--tokens` against the new `--ahead` and `--fill`: tokens lexed
in runs) and reports the first sources whose outputs differ.  Exit status 1
if any.

--limits compares two CLI builds instead, on the syntax, f-string and match
cases and the largest cases: every allocation failing in turn
(SANDPY_FAIL_ALLOC, sampled) and small instruction limits.  Where the
parser polls the limits and which allocations it makes must not change, so
the output (and which error, where) must not either.
"""
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sources():
    out = []
    for top in ("tests", "bench"):
        for d, _, fs in os.walk(os.path.join(ROOT, top)):
            out += [os.path.join(d, f) for f in sorted(fs) if f.endswith(".py")]
    return sorted(out)


def edge_cases():
    cases = []
    prefixes = ["", "r", "b", "f", "u", "R", "B", "F", "U", "rb", "br", "Rb", "bR", "fr", "rf",
                "Fr", "rF", "ur", "ru", "bu", "fb", "bf", "rr", "x", "_b"]
    bodies = ["", "a", "a\\n", "a\\", "{x}", "{x!r:>{w}}", "\\'", "\\\"", "é", "{", "}", "{{}}",
              "a\nb", "\\\nb", "\r", "{x=}"]
    for p in prefixes:
        for q in ["'", '"', "'''", '"""']:
            for b in bodies:
                cases.append(f"x = {p}{q}{b}{q}\n")
                cases.append(f"x = {p}{q}{b}\n")          # unterminated
                cases.append(f"{p}{q}{b}{q}{p}{q}{b}{q}")  # no newline, concatenated
    nums = ["0", "00", "0_0", "1_000", "1__0", "1_", "0x", "0x_1", "0x1_", "0xg", "0o8", "0o_7",
            "0b102", "0b", "0777", "0_7", "09.5", "09e1", "09j", "1e", "1e+", "1e-5", "1E5j",
            "1j", "1J", "1.", ".5", "1.5.2", "1..2", "1.e5", "1.j", "1_000.000_1e1_0j",
            "1if 1else 2", "1in x", "1or 2", "1and 2", "1not in x", "1is 1", "1for", "0x1for",
            "1abc", "0b1and 1", "0o7or 1", "1_e5", "1e_5", "0.0_", "3__", "1__j", "100000000000000000000000",
            "0xffffffffffffffffffffffff", "1\\\n2", "1 .real", "1.real", "1..real", "0j", "0_j"]
    for v in nums:
        cases += [f"x = {v}\n", f"{v}", f"[{v}]\n", f"f({v},)"]
    ops = ["(", ")", "[", "]", "{", "}", ":", ",", ";", "+", "-", "*", "/", "|", "&", "<", ">", "=",
           ".", "%", "==", "!=", "<=", ">=", "~", "^", "<<", ">>", "**", "+=", "-=", "*=", "/=", "%=",
           "&=", "|=", "^=", "<<=", ">>=", "**=", "//", "//=", "@", "@=", "->", "...", ":=", "!",
           "$", "?", "`", "\x01", "\x7f", "\t", "\f", "\\", "#", "..", "<>", "=>", "===", "***"]
    for a in ops:
        for b in ops[:30]:
            cases.append(f"x {a}{b} y\n")
        cases.append(f"x{a}")
    for depth in (1, 50, 199, 200, 201, 300):
        for o, c in (("(", ")"), ("[", "]"), ("{", "}")):
            cases.append("x = " + o * depth + "1" + c * depth + "\n")
            cases.append("x = " + o * depth + "1\n")
            cases.append("x = " + o * depth + "1" + c * (depth + 1) + "\n")
    cases += ["(]", "[)", "{)", "(\n]", "x = (1,\n2]\n", ")", "]", "}", "((((", "f(a, b\n\ndef g(): pass\n"]
    blocks = ["if x:\n  a\n b\n", "if x:\n\ta\n        b\n", "if x:\n        a\n\tb\n", "  x\n",
              "if x:\n a\n  b\n", "if x:\n\n\n   \n a\n", "if x:\n a\n# c\n  \n b\n", "if x:\n\ta\n\t b\n",
              "if x:\n \ta\n\t b\n", "\f x\n", "if x:\n\f a\n", "if x:\n  a\n\\\n  b\n", "x = 1 \\\n  + 2\n",
              "x = 1 \\ \n", "x \\", "x = 1\\", "\\\n", "if x:\n    pass\n  pass\n", "def f():\n\treturn 1\n"]
    blocks.append("".join("    " * i + "if x:\n" for i in range(120)) + "    " * 120 + "pass\n")
    blocks.append("".join(" " * i + "if x:\n" for i in range(1, 110)) + " " * 110 + "pass\n")
    cases += blocks
    cases += ["x = 1\r\ny = 2\r\n", "x = 1\ry = 2\r", "x = '''a\r\nb'''\r\n", "if x:\r\n  y\r\n",
              "ä = 1\n", "x = ä\n", "€ = 1\n", "a€b = 1\n", "x\u00a0= 1\n", "1ä\n", "ÿ", "\u200b = 1\n",
              "x = 1 # comment\n", "#!x\n", "# only", "", "\n", "   ", "\t\n", "x;y;;z\n", "f(**x)\n",
              "def f(*, a=1, **k) -> int: ...\n", "x = [i for i in y if i]\n", "match x:\n case 1: pass\n",
              "async def f(): await x\n", "lambda: (yield)\n", "x = f'{a!r}'\n", "x = f'{a:{b}}'\n",
              "print(f'{1+2=}')\n", "f'{'\n", "f'}'\n", "f'{a b}'\n", "f'{)}'\n", "f'{]'\n"]
    # columns derived from line starts (sp_tok_cols): tokens after multi-line
    # tokens, continuations and bare CRs, f-string fields on later lines
    cases += ["x = '''a\nbc''' + y\n", "x = '''a\rbc''' + y ( z\n", "x = (1 +\r  2)\r", "x = 1 + \\\r\n  2 +\n",
              "f'''{\n  a +\n b}'''\n", "f'''x\n{a:{\nb}}'''\n", "x = [\n\n  1,\r\n\r  2 3]\n", "\f x = 1 +\n",
              "if x:\n  y = '''\n''' z\n", "x = \"a\" \\\n 'b' c\n", "(\n" + "a, " * 300 + "\n" + "b " * 3 + ")\n"]
    return cases


def mutate(data, rng, k):
    out = []
    n = len(data)
    if n == 0:
        return out
    step = max(1, n // 6)
    for cut in range(step, n, step):
        out.append(data[:cut])
    for _ in range(k):
        b = bytearray(data)
        kind = rng.randrange(4)
        i = rng.randrange(n)
        if kind == 0:
            b[i] = rng.randrange(256)
        elif kind == 1:
            b[i:i] = bytes([rng.choice(b"()[]{}'\"\\#\n\r\t :.0123456789_xeEjJ=+-*/<>!@fbrFBRu \x00\xc3\xa4")])
        elif kind == 2:
            del b[i:i + rng.randrange(1, 8)]
        else:
            j = rng.randrange(n)
            b[i:i] = data[j:j + rng.randrange(1, 40)]
        out.append(bytes(b))
    return out


def run(binary, files, mode="--both"):
    r = subprocess.run([binary, mode] + files, capture_output=True, timeout=600)
    if r.returncode != 0:
        return None
    return r.stdout


def split(out):
    parts = {}
    cur = None
    for line in out.split(b"\n"):
        if line.startswith(b"== "):
            cur = line[3:].decode()
            parts[cur] = []
        elif cur is not None:
            parts[cur].append(line)
    return parts


def limits(old, new, nfiles):
    import concurrent.futures as cf
    import glob
    import re
    cases = os.path.join(ROOT, "tests", "cases")
    files = sorted(glob.glob(os.path.join(cases, "syntax", "*.py")))
    for area in ("fstrings", "match", "strings"):
        files += sorted(glob.glob(os.path.join(cases, area, "*.py")))
    files += sorted(glob.glob(os.path.join(cases, "*", "*.py")), key=os.path.getsize)[-30:]
    files = sorted(set(files))[:nfiles]
    count = re.compile(rb"sandpy: allocations: (\d+)\n")

    def go(b, f, env=None, args=()):
        r = subprocess.run([b, *args, f], capture_output=True, timeout=60, env=dict(os.environ, **(env or {})))
        return r.returncode, r.stdout, count.sub(b"", r.stderr)

    def check(f):
        m = count.search(subprocess.run([new, f], capture_output=True, timeout=60,
                                        env=dict(os.environ, SANDPY_FAIL_ALLOC="999999999")).stderr)
        n = int(m.group(1)) if m else 0
        bad, runs = [], 0
        for k in sorted(set(list(range(1, min(n, 60) + 1)) + list(range(1, n + 1, max(1, n // 40))))):
            runs += 1
            if go(old, f, {"SANDPY_FAIL_ALLOC": str(k)}) != go(new, f, {"SANDPY_FAIL_ALLOC": str(k)}):
                bad.append(("alloc", k))
        for lim in list(range(1, 64)) + list(range(64, 4000, 37)):
            runs += 1
            a = ("--max-instructions=%d" % lim,)
            if go(old, f, args=a) != go(new, f, args=a):
                bad.append(("instructions", lim))
        return f, runs, bad

    total, nbad = 0, 0
    with cf.ThreadPoolExecutor(2) as ex:
        for f, runs, bad in ex.map(check, files):
            total += runs
            if bad:
                nbad += 1
                print("DIFF", f, bad[:5])
    print(f"{len(files)} programs, {total} runs each way (allocation failures, instruction limits): {nbad} differ")
    return 1 if nbad else 0


def main():
    args = sys.argv[1:]
    if args and args[0] == "--limits" and len(args) >= 3:
        n = int(args[args.index("--files") + 1]) if "--files" in args else 400
        return limits(args[1], args[2], n)
    if len(args) < 2:
        print(__doc__)
        return 2
    old, new = args[0], args[1]
    nmut = int(args[args.index("--mutations") + 1]) if "--mutations" in args else 8
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    rng = random.Random(seed)
    tmp = tempfile.mkdtemp(prefix="lexdiff-")
    files = []

    def add(data):
        p = os.path.join(tmp, f"{len(files)}.py")
        with open(p, "wb") as f:
            f.write(data)
        files.append(p)

    srcs = sources()
    for s in srcs:
        with open(s, "rb") as f:
            data = f.read()
        add(data)
        for m in mutate(data, rng, nmut):
            add(m)
    for c in edge_cases():
        add(c.encode())
    bad = 0
    chunk = 200
    fill = run(new, [], "--fill") == b""  # a new tree with sp_lex_fill (the quick compiler's)
    for i in range(0, len(files), chunk):
        part = files[i:i + chunk]
        a, b = run(old, part), run(new, part)
        if a == b and a is not None:
            # the new lexer's runs (sp_lex_ahead, and sp_lex_fill's with its pairs
            # and bracket notes checked) against the old one token at a time
            a, b = run(old, part, "--tokens"), run(new, part, "--ahead")
            if a == b and a is not None and fill:
                b = run(new, part, "--fill")
            if a == b and a is not None:
                continue
        if a is None or b is None:
            # a crash: find it file by file
            for f in part:
                t = run(old, [f], "--tokens")
                if run(old, [f]) != run(new, [f]) or t != run(new, [f], "--ahead") or \
                        (fill and t != run(new, [f], "--fill")):
                    print("DIFF (crash?)", f)
                    bad += 1
            continue
        pa, pb = split(a), split(b)
        for f in part:
            if pa.get(f) != pb.get(f):
                bad += 1
                if bad <= 10:
                    la, lb = pa.get(f, []), pb.get(f, [])
                    k = next((j for j in range(min(len(la), len(lb))) if la[j] != lb[j]), min(len(la), len(lb)))
                    print("DIFF", f)
                    print("  old:", la[k][:300] if k < len(la) else "<end>")
                    print("  new:", lb[k][:300] if k < len(lb) else "<end>")
    print(f"{len(files)} sources ({len(srcs)} files, mutations, edge cases): {bad} differ; kept in {tmp}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
