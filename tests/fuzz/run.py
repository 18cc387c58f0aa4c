#!/usr/bin/env python3
"""Runs the libFuzzer harnesses (built by `make fuzz`) for --seconds each,
seeding their corpora from the test suite, and reports executions, CPU time
and any crash artifact.  Exit status 1 if a harness found a crash.

  python3 tests/fuzz/run.py --build build-fuzz --seconds 60 [source gen input snap]

A crash leaves build-fuzz/artifacts/HARNESS-crash-*; reproduce with
`build-fuzz/fuzz_HARNESS FILE`, and for the grammar harness print the
program with `build-fuzz/fuzz_gen_print FILE`; then add it as a regression
case under tests/hostile/cases, or (snapshot bytes) copy the input itself
to tests/fuzz/regress/HARNESS/, which every run replays first.
"""
import argparse
import glob
import os
import re
import resource
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HARNESSES = ("source", "gen", "input", "snap", "qc")
JSON_SEEDS = [b'[1, 2.5, "x", null, true, {"a": [[]]}]', b'{"k": {"k": {"k": [1e308, -0.0]}}}',
              b'"\\ud800\\u00e9\\n"', b'123456789012345678901234567890', b'[' * 50 + b']' * 50,
              b'{"a": 1, "a": 2}', b'NaN', b'[-Infinity, 1E400]']


def seed(harness, dest, build):
    os.makedirs(dest, exist_ok=True)
    if harness == "snap":
        # real snapshots: the test programs' code dumps and paused agent runs
        progs = sorted(glob.glob(os.path.join(ROOT, "cases", "**", "*.py"), recursive=True))
        progs = [p for p in progs if os.path.getsize(p) <= 4096][::7]
        subprocess.run([os.path.join(build, "fuzz_snap_seeds"), dest] + progs,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return
    if harness == "input":
        for i, s in enumerate(JSON_SEEDS):
            with open(os.path.join(dest, "seed%d.json" % i), "wb") as f:
                f.write(s)
        return
    # Source programs drive both the raw-source harness and, read as a
    # byte stream of choices, the grammar harness.
    for path in glob.glob(os.path.join(ROOT, "cases", "**", "*.py"), recursive=True) + \
            glob.glob(os.path.join(ROOT, "hostile", "cases", "*.py")):
        if os.path.getsize(path) <= 8192:
            shutil.copy(path, os.path.join(dest, os.path.relpath(path, ROOT).replace(os.sep, "_")))


def run(build, harness, seconds, extra):
    exe = os.path.join(build, "fuzz_" + harness)
    corpus = os.path.join(build, "corpus", harness)
    seeds = os.path.join(build, "seeds", harness)
    arts = os.path.join(build, "artifacts")
    os.makedirs(corpus, exist_ok=True)
    os.makedirs(arts, exist_ok=True)
    seed(harness, seeds, build)
    # crashes found earlier replay first (tests/fuzz/regress/HARNESS/)
    regress = os.path.join(ROOT, "fuzz", "regress", harness)
    dirs = [corpus, seeds] + ([regress] if os.path.isdir(regress) else [])
    argv = [exe] + dirs + ["-max_total_time=%d" % seconds, "-timeout=20",
            "-rss_limit_mb=3072", "-max_len=16384", "-print_final_stats=1",
            "-artifact_prefix=%s/%s-" % (arts, harness)]
    dic = os.path.join(ROOT, "fuzz", "python.dict")
    if harness != "input" and os.path.exists(dic):
        argv.append("-dict=" + dic)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(argv + extra, capture_output=True, text=True, errors="replace")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    execs = re.search(r"stat::number_of_executed_units:\s*(\d+)", p.stderr)
    cov = re.findall(r"cov: (\d+)", p.stderr)
    crashed = p.returncode != 0
    arts_found = re.findall(r"Test unit written to (\S+)", p.stderr)
    return {"harness": harness, "cpu": cpu, "execs": int(execs.group(1)) if execs else 0,
            "cov": int(cov[-1]) if cov else 0, "crashed": crashed, "artifacts": arts_found,
            "tail": p.stderr[-4000:] if crashed else ""}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build-fuzz")
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("harness", nargs="*", default=list(HARNESSES))
    a, extra = ap.parse_known_args()
    bad = 0
    total = 0.0
    for h in a.harness:
        r = run(a.build, h, a.seconds, extra)
        total += r["cpu"]
        print("%-7s %8d execs  %7.1f s CPU  cov %5d  %s" % (
            h, r["execs"], r["cpu"], r["cov"], "CRASH " + " ".join(r["artifacts"]) if r["crashed"] else "ok"))
        if r["crashed"]:
            bad += 1
            print(r["tail"])
        sys.stdout.flush()
    print("total CPU fuzzed: %.1f s, %d harness(es) crashed" % (total, bad))
    print("%d passed, %d failed" % (len(a.harness) - bad, bad))  # the line CI sums
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
