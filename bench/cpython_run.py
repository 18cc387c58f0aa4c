"""Time one workload inside CPython: compile + exec, excluding process start.

    cpython_run.py FILE            run FILE; its output on stdout, `time: <s>` on stderr
    cpython_run.py --latency N     N x (fresh globals + compile + exec) of the latency
                                   snippet; prints `per_iter_us: <float>` on stderr
"""
import sys
import time

SNIPPET = "x = {'a': [1, 2, 3]}; y = [v * 2 for v in x['a']]"


def run_file(path):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    t0 = time.perf_counter()
    code = compile(src, path, "exec")
    exec(code, {"__name__": "__main__"})
    t1 = time.perf_counter()
    sys.stdout.flush()
    print(f"time: {t1 - t0:.6f}", file=sys.stderr)


def latency(n):
    t0 = time.perf_counter()
    for _ in range(n):
        exec(compile(SNIPPET, "<snippet>", "exec"), {"__name__": "__main__"})
    t1 = time.perf_counter()
    print(f"per_iter_us: {(t1 - t0) / n * 1e6:.3f}", file=sys.stderr)


def main(argv):
    if len(argv) == 3 and argv[1] == "--latency":
        latency(int(argv[2]))
    elif len(argv) == 2:
        run_file(argv[1])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
