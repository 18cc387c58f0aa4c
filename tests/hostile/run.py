#!/usr/bin/env python3
"""Hostile-program runner: every tests/hostile/cases/NAME.py is run by sandpy
under the limits its header names, and must end in one of the outcomes it
accepts, within its limits.

Header lines (leading comments, any order):
  # limits: --max-memory=BYTES --max-duration=S ...   CLI flags for the run
  # expect: MemoryError|TimeoutError|ok                accepted outcomes
  # match: REGEX        the last stderr line must match (re.search)
  # stdout: REGEX       stdout must match (re.search, DOTALL)
  # source: PYEXPR      the program is this expression's value (str or bytes),
                        fed on stdin: deep-source cases without huge files
  # cpython: ...        NAME.out holds CPython 3.11's stdout (--gen-expected)

The outcome is "ok" (exit 0) or the exception type of the last stderr line
(exit 1).  A run fails if it dies by a signal, reports a sanitizer error,
ends in an outcome not accepted, overshoots its duration limit by more than
10% + 100 ms, or its peak RSS exceeds the memory limit by more than
10% + 16 MiB (the CLI's own start-up time and RSS, from `sandpy -c pass`,
subtracted).  Without a flag the CLI defaults apply (256 MiB, 10 s).  The
overshoot is measured on min(wall time, CPU time): on a busy machine a
descheduled process overshoots in wall time only, while one that misses its
polls overshoots in CPU time as well.

Wall time and peak RSS come from wait4() on the child.  `-v` prints them for
every case.  tests/run.py folds these results into its own count.
"""
import argparse
import concurrent.futures as cf
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
SAN_MARKERS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer")
CLI_MEMORY = 256 << 20
CLI_DURATION = 10.0
MiB = 1 << 20


def parse_case(path):
    meta = {"limits": [], "expect": ["ok"], "match": None, "stdout": None,
            "source": None, "cpython": False}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"#\s*(limits|expect|match|stdout|source|cpython):\s?(.*)$", line.rstrip("\n"))
            if not line.startswith("#"):
                break
            if not m:
                continue
            key, val = m.group(1), m.group(2).strip()
            if key == "limits":
                meta["limits"] = val.split()
            elif key == "expect":
                meta["expect"] = [x.strip() for x in val.split("|")]
            elif key == "stdout":
                meta["stdout"] = val
            elif key == "cpython":
                meta["cpython"] = True
            else:
                meta[key] = val
    meta["max_memory"] = CLI_MEMORY
    meta["max_duration"] = CLI_DURATION
    for flag in meta["limits"]:
        name, _, val = flag.partition("=")
        if name == "--max-memory":
            meta["max_memory"] = int(float(val))
        elif name == "--max-duration":
            meta["max_duration"] = float(val)
    return meta


def program_bytes(meta, path):
    if meta["source"]:
        src = eval(meta["source"], {})  # our own repository's text, not untrusted input
        return src if isinstance(src, bytes) else src.encode("utf-8")
    return None


def spawn(argv, stdin_bytes, cwd, hard_timeout):
    """Run argv; returns (rc, out, err, wall, cpu, maxrss_bytes, timed_out)."""
    with tempfile.TemporaryFile() as fin, tempfile.TemporaryFile() as fout, \
            tempfile.TemporaryFile() as ferr:
        if stdin_bytes is not None:
            fin.write(stdin_bytes)
            fin.seek(0)
        t0 = time.monotonic()
        p = subprocess.Popen(argv, stdin=fin, stdout=fout, stderr=ferr, cwd=cwd)
        killed = []

        def kill():
            killed.append(1)
            try:
                os.kill(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(hard_timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        wall = time.monotonic() - t0
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped: keep Popen from waiting
        fout.seek(0)
        ferr.seek(0)
        out = fout.read().decode("utf-8", "surrogateescape")
        err = ferr.read().decode("utf-8", "surrogateescape")
        cpu = ru.ru_utime + ru.ru_stime
        return p.returncode, out, err, wall, cpu, ru.ru_maxrss * 1024, bool(killed)


class Baseline:
    """Start-up wall time and RSS of `sandpy -c pass` (best of 5)."""

    def __init__(self, binary):
        runs = [spawn([binary, "-c", "pass"], None, HERE, 30) for _ in range(5)]
        self.wall = min(r[3] for r in runs)
        self.rss = min(r[5] for r in runs)


def last_line(text):
    lines = [l for l in text.splitlines() if l.strip()]
    return lines[-1] if lines else ""


def outcome_of(rc, err):
    if rc == 0:
        return "ok"
    line = last_line(err)
    return re.split(r"[:\s]", line, 1)[0] if line else "(no message)"


def run_case(binary, rel, base, opts):
    """One run; a run failing only its time check is retried once (a busy
    machine can deschedule the process past its deadline)."""
    run, problem = run_once(binary, rel, base, opts)
    if problem and run.get("time_only"):
        run, problem = run_once(binary, rel, base, opts)
    return run, problem


def run_once(binary, rel, base, opts):
    path = os.path.join(CASES, rel)
    meta = parse_case(path)
    src = program_bytes(meta, path)
    argv = [binary] + meta["limits"] + ["-" if src is not None else os.path.basename(path)]
    hard = meta["max_duration"] * opts.slow + 10
    rc, out, err, wall, cpu, rss, killed = spawn(argv, src, os.path.dirname(path), hard)
    run = {"wall": wall, "cpu": cpu, "rss": rss, "outcome": None}
    if killed:
        return run, "hung: killed after %.1fs" % hard
    if rc < 0:
        return run, "killed by signal %s\n%s" % (signal.Signals(-rc).name, err[-2000:])
    if any(m in err for m in SAN_MARKERS):
        return run, "sanitizer report:\n" + err[-3000:]
    problems = []
    run["outcome"] = outcome = outcome_of(rc, err)
    if rc not in (0, 1):
        problems.append("exit status %d" % rc)
    if outcome not in meta["expect"]:
        problems.append("outcome %s (%s), expected %s" % (outcome, last_line(err)[:300],
                                                          "|".join(meta["expect"])))
    if meta["match"] and not re.search(meta["match"], last_line(err)):
        problems.append("last stderr line %r does not match %r" % (last_line(err)[:300], meta["match"]))
    if meta["stdout"] is not None and not re.search(meta["stdout"], out, re.S):
        problems.append("stdout %r does not match %r" % (out[-300:], meta["stdout"]))
    want = read(path[:-3] + ".out")
    if want is not None and out != want:
        problems.append(diff(want, out))
    # A process descheduled on a busy machine overshoots in wall time only;
    # one that misses its polls overshoots in CPU time too.
    over_t = min(wall - base.wall, cpu) - meta["max_duration"]
    if opts.check_time and over_t > 0.1 * meta["max_duration"] + 0.1 * opts.slow:
        run["time_only"] = not problems
        problems.append("ran %.3fs (%.3fs CPU): over the %.3gs limit by %.3fs" % (
            wall, cpu, meta["max_duration"], over_t))
    over_m = rss - base.rss - meta["max_memory"]
    if opts.check_rss and over_m > 0.1 * meta["max_memory"] + 16 * MiB:
        problems.append("peak RSS %.1f MiB: over the %.1f MiB limit by %.1f MiB" % (
            rss / MiB, meta["max_memory"] / MiB, over_m / MiB))
    return run, "\n".join(problems) if problems else None


def read(path):
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return f.read()
    except FileNotFoundError:
        return None


def diff(want, got):
    import difflib
    d = list(difflib.unified_diff(want.splitlines(), got.splitlines(), "cpython", "sandpy",
                                  lineterm="", n=0))
    return "stdout differs:\n" + "\n".join(d[:30]) + ("\n..." if len(d) > 30 else "")


def find_cases(filters=()):
    names = sorted(f for f in os.listdir(CASES) if f.endswith(".py"))
    return [n for n in names if not filters or any(x in "hostile/" + n for x in filters)]


class Opts:
    def __init__(self, check_time=True, check_rss=True, slow=1.0):
        self.check_time, self.check_rss, self.slow = check_time, check_rss, slow


def run_all(binary, filters=(), jobs=2, opts=None, on_result=None):
    """{name: (run info, problem or None)} for the selected cases."""
    opts = opts or Opts()
    binary = os.path.abspath(binary)
    base = Baseline(binary)
    cases = find_cases(filters)
    results = {}
    with cf.ThreadPoolExecutor(jobs) as ex:
        futs = {ex.submit(run_case, binary, c, base, opts): c for c in cases}
        for fut in cf.as_completed(futs):
            results[futs[fut]] = fut.result()
            if on_result:
                on_result(futs[fut], *results[futs[fut]])
    return results, base


def gen_expected(filters):
    """Write NAME.out (CPython's stdout) for the cases marked `# cpython:`."""
    for c in find_cases(filters):
        path = os.path.join(CASES, c)
        if not parse_case(path)["cpython"]:
            continue
        p = subprocess.run([sys.executable, c], cwd=CASES, capture_output=True, timeout=120)
        if p.returncode != 0:
            print("%s: CPython exited %d: %s" % (c, p.returncode, last_line(p.stderr.decode())))
            continue
        with open(path[:-3] + ".out", "wb") as f:
            f.write(p.stdout)
        print("wrote", c[:-3] + ".out")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/sandpy")
    ap.add_argument("--jobs", type=int, default=2, help="parallel runs (timing needs idle cores)")
    ap.add_argument("--san", action="store_true",
                    help="sanitizer build: no RSS check, 2 s time slack")
    ap.add_argument("--no-rss", action="store_true")
    ap.add_argument("--gen-expected", action="store_true")
    ap.add_argument("--table", help="write a markdown table of outcome/wall/RSS per case")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("filters", nargs="*")
    a = ap.parse_args()
    if a.gen_expected:
        return gen_expected(a.filters)
    opts = Opts(check_rss=not (a.san or a.no_rss), slow=20.0 if a.san else 1.0)

    def show(name, run, problem):
        if a.verbose:
            print("%-44s %-14s %7.3fs %7.3fs CPU %8.1f MiB%s" % (
                name, run["outcome"] or "-", run["wall"], run["cpu"], run["rss"] / MiB,
                "  FAIL" if problem else ""))
            sys.stdout.flush()
    results, base = run_all(a.bin, a.filters, a.jobs, opts, show)
    failed = 0
    for name in sorted(results):
        run, problem = results[name]
        if problem:
            failed += 1
            print("FAIL hostile/%s\n  %s" % (name, problem.replace("\n", "\n  ")))
    if a.table:
        with open(a.table, "w") as f:
            f.write("| case | outcome | wall s | CPU s | peak RSS MiB |\n|---|---|---|---|---|\n")
            for name in sorted(results):
                run, problem = results[name]
                f.write("| %s | %s%s | %.3f | %.3f | %.1f |\n" % (name[:-3], run["outcome"],
                        " FAIL" if problem else "", run["wall"], run["cpu"], run["rss"] / MiB))
    print("baseline: %.1f ms, %.1f MiB RSS" % (base.wall * 1e3, base.rss / MiB))
    print("%d passed, %d failed, 0 skipped" % (len(results) - failed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
