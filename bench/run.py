"""sandpy benchmark suite: every workload in CPython 3.11, Monty and sandpy.

`make bench` runs this (after building the library and bench driver).  Each runtime times
parse + run inside its own process (process start-up excluded); runs are interleaved and
repeated, and the table shows medians and ratios.  All three must print the same output:
a mismatch is reported loudly and left out of the ratios.

    python3 bench/run.py --driver build/bench_driver [--repeat N] [--quick] [--only a,b]
                         [--markdown] [--python PATH] [--timeout S]
"""
import argparse
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = os.path.join(HERE, "workloads")
MONTY_DIR = os.path.join(HERE, ".monty")
MONTY_PKG = os.path.join(MONTY_DIR, "node_modules", "@pydantic", "monty")
RUNTIMES = ("cpython", "monty", "sandpy")
TITLES = {"cpython": "CPython", "monty": "Monty", "sandpy": "sandpy"}
QUICK_RE = re.compile(r"^(\w+) = \d+  # quick: (\d+)$", re.M)
SKIP_RE = re.compile(r"^# bench-skip: (\w+) \(?(.*?)\)?$", re.M)
# A runtime that rejects a feature it does not have is "n/a" rather than "err".
UNSUPPORTED_RE = re.compile(r"NotImplementedError|not (yet )?supported")


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--driver", default=os.path.join("build", "bench_driver"),
                    help="the sandpy bench driver (built by `make bench`)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per workload and runtime")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: small sizes, one repeat, short latency loop")
    ap.add_argument("--only", default="", help="comma-separated workload names")
    ap.add_argument("--latency-iters", type=int, default=10000)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    ap.add_argument("--python", default="", help="CPython binary (default: resolve python3)")
    ap.add_argument("--markdown", action="store_true", help="print the report as markdown")
    args = ap.parse_args(argv)
    if args.quick:
        args.repeat = 1
        args.latency_iters = min(args.latency_iters, 1000)
    return args


def real_python(explicit):
    """python3 may be a pyenv shim costing ~0.1 s per start: use the binary behind it."""
    if explicit:
        return explicit
    try:
        out = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True, timeout=60, check=True)
        return out.stdout.strip() or sys.executable
    except (OSError, subprocess.SubprocessError):
        return sys.executable


def ensure_monty():
    """Install @pydantic/monty into bench/.monty (git-ignored) on first use."""
    if not shutil.which("node"):
        return "node not found"
    if os.path.isdir(MONTY_PKG):
        return None
    if not shutil.which("npm"):
        return "npm not found"
    print("installing @pydantic/monty into bench/.monty ...", file=sys.stderr)
    r = subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund",
                        "--prefix", MONTY_DIR, "@pydantic/monty"],
                       capture_output=True, text=True)
    if r.returncode != 0 or not os.path.isdir(MONTY_PKG):
        return "npm install failed: " + (r.stderr.strip().splitlines() or ["?"])[-1]
    return None


def monty_version():
    try:
        with open(os.path.join(MONTY_PKG, "package.json"), encoding="utf-8") as f:
            m = re.search(r'"version":\s*"([^"]+)"', f.read())
        return m.group(1) if m else "?"
    except OSError:
        return "?"


def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "n/a"


class Workload:
    def __init__(self, name, path, skips):
        self.name = name
        self.path = path
        self.skips = skips  # runtime -> reason


def load_workloads(only, quick, tmpdir):
    names = sorted(f[:-3] for f in os.listdir(WORKLOADS) if f.endswith(".py"))
    if only:
        wanted = only.split(",")
        unknown = [w for w in wanted if w not in names]
        if unknown:
            sys.exit(f"unknown workload(s): {', '.join(unknown)}; have: {', '.join(names)}")
        names = [n for n in names if n in wanted]
    out = []
    for name in names:
        path = os.path.join(WORKLOADS, name + ".py")
        with open(path, encoding="utf-8") as f:
            src = f.read()
        skips = {rt: why for rt, why in SKIP_RE.findall(src)}
        if quick:
            # Same source for all three runtimes, only the size line changes.
            src = QUICK_RE.sub(lambda m: f"{m.group(1)} = {m.group(2)}", src)
            path = os.path.join(tmpdir, name + ".py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(src)
        out.append(Workload(name, path, skips))
    return out


class Result:
    """All runs of one workload in one runtime."""

    def __init__(self):
        self.times = []
        self.status = None  # None (ok so far), "err", "n/a", "skip", "timeout"
        self.note = ""
        self.output = None
        self.mismatch = False

    def median(self):
        return statistics.median(self.times) if self.times else None

    def usable(self):
        return self.status is None and not self.mismatch and bool(self.times)


def last_line(text):
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1].strip() if lines else ""


def run_once(cmd, timeout):
    """Run cmd; return (seconds, stdout, None) or (None, stdout, (status, note))."""
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                           encoding="utf-8", errors="replace")
    except subprocess.TimeoutExpired:
        return None, "", ("timeout", f"over {timeout:g} s")
    except OSError as e:
        return None, "", ("err", str(e))
    m = re.search(r"^time: ([0-9.eE+-]+)$", r.stderr, re.M)
    if r.returncode == 0 and m:
        return float(m.group(1)), r.stdout, None
    note = last_line(r.stderr) or f"exit status {r.returncode}"
    return None, r.stdout, ("n/a" if UNSUPPORTED_RE.search(r.stderr) else "err", note)


def commands(args, python, monty_ok):
    cmds = {"cpython": [python, os.path.join(HERE, "cpython_run.py")],
            "sandpy": [os.path.abspath(args.driver)]}
    if monty_ok:
        cmds["monty"] = ["node", os.path.join(HERE, "monty_run.mjs")]
    return cmds


def run_workloads(workloads, cmds, args, unavailable):
    results = {(w.name, rt): Result() for w in workloads for rt in RUNTIMES}
    for w in workloads:
        for rt in RUNTIMES:
            res = results[w.name, rt]
            if rt in unavailable:
                res.status, res.note = "n/a", unavailable[rt]
            elif rt in w.skips:
                res.status, res.note = "skip", w.skips[rt]
    for rep in range(args.repeat):
        for i, w in enumerate(workloads):
            # Rotate the order so no runtime always runs first (noisy shared machines).
            k = (rep + i) % len(RUNTIMES)
            for rt in RUNTIMES[k:] + RUNTIMES[:k]:
                res = results[w.name, rt]
                if res.status is not None:
                    continue
                secs, out, fail = run_once(cmds[rt] + [w.path], args.timeout)
                if fail:
                    res.status, res.note = fail
                    continue
                res.times.append(secs)
                if res.output is None:
                    res.output = out
                elif out != res.output:
                    res.mismatch, res.note = True, "output differs between its own runs"
            print(f"  [{rep + 1}/{args.repeat}] {w.name}", file=sys.stderr)
    check_outputs(workloads, results)
    return results


def check_outputs(workloads, results):
    """CPython's output is the reference checksum; anything else that differs is flagged."""
    for w in workloads:
        ref = results[w.name, "cpython"].output
        if ref is None:
            continue
        for rt in ("monty", "sandpy"):
            res = results[w.name, rt]
            if res.output is not None and res.output != ref:
                res.mismatch = True
                res.note = first_difference(ref, res.output)


def first_difference(ref, got):
    a, b = ref.splitlines(), got.splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<missing>"
        y = b[i] if i < len(b) else "<missing>"
        if x != y:
            return f"line {i + 1}: expected {x[:70]!r}, got {y[:70]!r}"
    return "outputs differ"


def run_latency(cmds, args, unavailable):
    out = {}
    for rt in RUNTIMES:
        if rt in unavailable:
            out[rt] = None
            continue
        vals = []
        for _ in range(args.repeat):
            try:
                r = subprocess.run(cmds[rt] + ["--latency", str(args.latency_iters)],
                                   capture_output=True, text=True, timeout=args.timeout)
            except (OSError, subprocess.SubprocessError):
                break
            m = re.search(r"^per_iter_us: ([0-9.]+)$", r.stderr, re.M)
            if r.returncode != 0 or not m:
                break
            vals.append(float(m.group(1)))
        out[rt] = statistics.median(vals) if vals else None
    return out


def idle_memory(cmds, unavailable):
    if "sandpy" in unavailable:
        return None
    try:
        r = subprocess.run(cmds["sandpy"] + ["--memory"], capture_output=True, text=True,
                           timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.search(r"^idle_bytes: (\d+)$", r.stderr, re.M)
    return int(m.group(1)) if m else None


def embed_numbers(cmds, args, unavailable):
    """The embedding measurements of bench/driver.c: snapshot dump/load of a
    paused run holding 1000 small dicts, and 1000x3 JSON in -> reshape -> JSON
    out; {name: microseconds}."""
    if "sandpy" in unavailable:
        return {}
    n = "30" if args.quick else "300"
    out = {}
    for flag in ("--snapshot", "--json-io"):
        try:
            r = subprocess.run(cmds["sandpy"] + [flag, n], capture_output=True, text=True,
                               timeout=120)
        except (OSError, subprocess.SubprocessError):
            continue
        for k, v in re.findall(r"^(\w+_us|snapshot_bytes): ([\d.]+)$", r.stderr, re.M):
            out[k] = float(v)
    return out


def limits_overhead(workloads, cmds, args, unavailable):
    """sandpy with every limit armed vs none, interleaved: geomean of armed/unarmed
    (issue 4: at most 1.10)."""
    if "sandpy" in unavailable:
        return None
    plain, armed = {w.name: [] for w in workloads}, {w.name: [] for w in workloads}
    for rep in range(args.repeat):
        for w in workloads:
            pair = [(plain, []), (armed, ["--armed"])]
            for store, flag in (pair if rep % 2 == 0 else pair[::-1]):
                secs, _, fail = run_once(cmds["sandpy"] + flag + [w.path], args.timeout)
                if not fail:
                    store[w.name].append(secs)
    ratios = {w.name: statistics.median(armed[w.name]) / statistics.median(plain[w.name])
              for w in workloads if plain[w.name] and armed[w.name]}
    return (geomean(list(ratios.values())), ratios) if ratios else None


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            m = re.search(r"^model name\s*:\s*(.*)$", f.read(), re.M)
            model = m.group(1).strip() if m else "?"
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {model}"


def cell(res):
    if res.status:
        return res.status
    t = res.median()
    if t is None:
        return "err"
    return f"{t:.3f}" + ("!" if res.mismatch else "")


def ratio(a, b):
    if a.usable() and b.usable() and b.median() > 0:
        return a.median() / b.median()
    return None


def fmt_ratio(r):
    return "-" if r is None else f"{r:.2f}"


def geomean(vals):
    vals = [v for v in vals if v is not None and v > 0]
    if not vals:
        return None
    return math.exp(sum(math.log(v) for v in vals) / len(vals))


def build_rows(workloads, results):
    rows, cols = [], {"sp/py": [], "sp/monty": [], "monty/py": []}
    for w in workloads:
        py, mo, sp = (results[w.name, rt] for rt in RUNTIMES)
        r = {"sp/py": ratio(sp, py), "sp/monty": ratio(sp, mo), "monty/py": ratio(mo, py)}
        for k, v in r.items():
            cols[k].append(v)
        bad = [TITLES[rt] for rt in RUNTIMES if results[w.name, rt].mismatch]
        check = "MISMATCH: " + ", ".join(bad) if bad else "ok"
        rows.append([w.name, cell(py), cell(mo), cell(sp),
                     fmt_ratio(r["sp/py"]), fmt_ratio(r["sp/monty"]), fmt_ratio(r["monty/py"]),
                     check])
    rows.append(["geomean", "", "", "", fmt_ratio(geomean(cols["sp/py"])),
                 fmt_ratio(geomean(cols["sp/monty"])), fmt_ratio(geomean(cols["monty/py"])), ""])
    return rows


HEADER = ["workload", "CPython s", "Monty s", "sandpy s", "sandpy/CPython", "sandpy/Monty",
          "Monty/CPython", "output"]


def render_table(rows, markdown):
    if markdown:
        lines = ["| " + " | ".join(HEADER) + " |",
                 "| " + " | ".join(["---"] + ["---:"] * 6 + ["---"]) + " |"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(str(r[i])) for r in rows + [HEADER]) for i in range(len(HEADER))]
    fmt = lambda r: "  ".join(  # noqa: E731
        (str(c).ljust(widths[i]) if i in (0, 7) else str(c).rjust(widths[i]))
        for i, c in enumerate(r)).rstrip()
    return "\n".join([fmt(HEADER), fmt(["-" * w for w in widths])] + [fmt(r) for r in rows])


def notes(workloads, results, unavailable):
    out = [f"{TITLES[rt]}: n/a: {why}" for rt, why in unavailable.items()]
    for w in workloads:
        for rt in RUNTIMES:
            res = results[w.name, rt]
            if rt not in unavailable and res.note and (res.status or res.mismatch):
                kind = "MISMATCH" if res.mismatch else res.status
                out.append(f"{w.name} / {TITLES[rt]}: {kind}: {res.note}")
    return out


def report(args, workloads, results, unavailable, lat, mem, versions, cmds, lim):
    md = args.markdown
    print(("**" if md else "") + f"sandpy benchmark, {time.strftime('%Y-%m-%d %H:%M %Z')}"
          + ("**" if md else ""))
    print()
    li = "- " if md else ""
    print(f"{li}machine: {machine()}; {versions}")
    print(f"{li}mode: {'quick' if args.quick else 'full'}, median of {args.repeat} run(s) per "
          "cell, seconds of parse + run inside each process")
    print()
    print(render_table(build_rows(workloads, results), md))
    print()
    fmt_us = lambda v: "n/a" if v is None else f"{v:.2f} us"  # noqa: E731
    print(f"{li}latency (fresh interpreter + compile + run of a one-line snippet, "
          f"{args.latency_iters} iterations): " + ", ".join(
              f"{TITLES[rt]} {fmt_us(lat[rt])}" for rt in RUNTIMES))
    print(f"{li}idle interpreter: sandpy {'n/a' if mem is None else f'{mem} bytes'}")
    emb = embed_numbers(cmds, args, unavailable)
    if emb:
        get = lambda k: fmt_us(emb.get(k))  # noqa: E731
        print(f"{li}snapshot of a run paused holding 1000 dicts "
              f"({int(emb.get('snapshot_bytes', 0))} bytes): dump {get('dump_us')}, "
              f"load {get('load_us')} (fresh interpreter; {get('load_reuse_us')} replacing a loaded "
              f"state); JSON 1000x3 in -> reshape -> out: {get('json_io_us')}")
    if lim:
        worst = max(lim[1].items(), key=lambda kv: kv[1])
        print(f"{li}limits armed vs none (sandpy, interleaved medians): geomean "
              f"{lim[0]:.3f}, worst {worst[0]} {worst[1]:.3f}")
    extra = notes(workloads, results, unavailable)
    if extra:
        print()
        print("notes:")
        for n in extra:
            print(("- " if md else "  ") + n)
    bad = [n for n in extra if "MISMATCH" in n]
    if bad:
        sys.stdout.flush()
        print("\n" + "!" * 72, file=sys.stderr)
        print("!!! CHECKSUM MISMATCH: some runtime printed something else than CPython",
              file=sys.stderr)
        for n in bad:
            print("!!! " + n, file=sys.stderr)
        print("!" * 72, file=sys.stderr)


def main(argv):
    args = parse_args(argv)
    python = real_python(args.python)
    unavailable = {}
    if not os.access(args.driver, os.X_OK):
        unavailable["sandpy"] = f"no driver at {args.driver} (run `make bench`)"
    why = ensure_monty()
    if why:
        unavailable["monty"] = why
    pyver = tool_version([python, "-c", "import sys; print(sys.version.split()[0])"])
    if not pyver.startswith("3.11"):
        print(f"warning: {python} is Python {pyver}, not 3.11", file=sys.stderr)
    versions = (f"CPython {pyver}, Monty {'n/a' if why else monty_version()}, "
                f"Node {tool_version(['node', '--version'])}")
    cmds = commands(args, python, "monty" not in unavailable)
    with tempfile.TemporaryDirectory(prefix="sandpy-bench-") as tmp:
        workloads = load_workloads(args.only, args.quick, tmp)
        results = run_workloads(workloads, cmds, args, unavailable)
        lim = limits_overhead(workloads, cmds, args, unavailable)
    lat = run_latency(cmds, args, unavailable)
    mem = idle_memory(cmds, unavailable)
    report(args, workloads, results, unavailable, lat, mem, versions, cmds, lim)
    failed = any(results[w.name, "sandpy"].mismatch or results[w.name, "sandpy"].status in
                 ("err", "timeout") for w in workloads)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
