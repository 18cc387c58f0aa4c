#!/usr/bin/env python3
"""Allocator-failure sweep: run each test program with its N-th allocation
failing (SANDPY_FAIL_ALLOC=N, a test hook of the CLI), for every N up to the
program's allocation count, or a deterministic sample of them for large
programs, under an ASan+UBSan build with leak detection.

Every run must end cleanly: no signal, no sanitizer or leak report, no hang,
exit status 0 or 1.  A run that fails must fail with MemoryError (the last
stderr line), unless the program itself went on (it caught the exception) -
then its outcome must be one of its ordinary ones.  Anything else (a
SystemError, a wrong exception) is reported as "odd".

  python3 tests/alloc_fail.py --bin build-asan/sandpy [--per-case 40] [filters]

Ends with "N runs, N failed, N odd" and the summary line "N passed, N failed".
"""
import argparse
import concurrent.futures as cf
import os
import random
import re
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
SAN = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer")
COUNT = re.compile(r"^sandpy: allocations: (\d+)$", re.M)


def corpus(filters):
    out = []
    for sub in ("cases", "hostile/cases"):
        base = os.path.join(ROOT, sub)
        for d, _, files in os.walk(base):
            for f in sorted(files):
                rel = os.path.relpath(os.path.join(d, f), ROOT)
                if f.endswith(".py") and (not filters or any(x in rel for x in filters)):
                    out.append(rel)
    return sorted(out)


def header_limits(path):
    """Hostile cases name CLI limits and sometimes generate their source."""
    limits, source = [], None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            if line.startswith("# limits:"):
                limits = line.split(":", 1)[1].split()
            elif line.startswith("# source:"):
                source = line.split(":", 1)[1].strip()
    return limits, source


def run(binary, rel, n, timeout):
    path = os.path.join(ROOT, rel)
    limits, source = header_limits(path)
    stdin = None
    argv = [binary] + limits
    if source:
        src = eval(source, {})  # our own repository's text
        stdin = src if isinstance(src, bytes) else src.encode()
        argv.append("-")
    else:
        argv.append(os.path.basename(path))
    env = dict(os.environ, SANDPY_FAIL_ALLOC=str(n))
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
    try:
        p = subprocess.run(argv, input=stdin, cwd=os.path.dirname(path), env=env,
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "", "hung"
    err = p.stderr.decode("utf-8", "replace")
    m = COUNT.search(err)
    count = int(m.group(1)) if m else None
    err = COUNT.sub("", err)
    return p.returncode, err, count


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def exc_type(err):
    # the message may be lost for lack of memory; the type may not
    return re.split(r"[:\s]", last_line(err), 1)[0]


def sample(count, per_case, seed):
    """All of 1..count if small, else the first ones, the last ones and an
    even spread between (deterministic, so failures reproduce)."""
    if count <= per_case:
        return list(range(1, count + 1))
    head = list(range(1, max(1, per_case // 4) + 1))
    rng = random.Random(seed)
    spread = rng.sample(range(head[-1] + 1, count + 1), per_case - len(head))
    return sorted(set(head + spread + [count]))


def check_case(binary, rel, per_case, timeout):
    rc0, err0, count = run(binary, rel, 0, timeout)
    if count is None:
        return rel, 0, [("-", "no allocation count (rc %s): %s" % (rc0, last_line(err0)))], []
    normal = {rc0: err0}
    fails, odd = [], []
    ns = sample(count, per_case, rel)
    for n in ns:
        rc, err, _ = run(binary, rel, n, timeout)
        if rc is None:
            fails.append((n, "hung"))
        elif rc < 0:
            fails.append((n, "signal %s: %s" % (signal.Signals(-rc).name, err[-1500:])))
        elif any(s in err for s in SAN):
            fails.append((n, "sanitizer: " + err[-2500:]))
        elif rc not in (0, 1):
            fails.append((n, "exit %d" % rc))
        elif rc == 1 and exc_type(err) not in ("MemoryError", exc_type(normal.get(1, ""))):
            odd.append((n, last_line(err)[:200]))
    return rel, len(ns), fails, odd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build-asan/sandpy")
    ap.add_argument("--per-case", type=int, default=40, help="failure points tried per program")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--skip", default="deep_|src_|_1e6|_1e5|mem_closure|free_deep",
                    help="regex of slow hostile cases to leave out")
    ap.add_argument("--every", type=int, default=1,
                    help="take every K-th program only (CI: a fixed subset, minutes not hours)")
    ap.add_argument("filters", nargs="*")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    cases = [c for c in corpus(a.filters) if not (a.skip and re.search(a.skip, c))][::a.every]
    runs = nfail = nodd = 0
    with cf.ThreadPoolExecutor(a.jobs) as ex:
        for rel, n, fails, odd in ex.map(lambda c: check_case(binary, c, a.per_case, a.timeout), cases):
            runs += n
            for k, why in fails:
                nfail += 1
                print("FAIL %s SANDPY_FAIL_ALLOC=%s\n  %s" % (rel, k, why.replace("\n", "\n  ")))
            for k, why in odd:
                nodd += 1
                print("ODD  %s SANDPY_FAIL_ALLOC=%s: %s" % (rel, k, why))
            sys.stdout.flush()
    print("%d runs over %d programs, %d failed, %d odd" % (runs, len(cases), nfail, nodd))
    print("%d passed, %d failed" % (runs - nfail, nfail))  # the line CI sums
    sys.exit(1 if nfail else 0)


if __name__ == "__main__":
    main()
