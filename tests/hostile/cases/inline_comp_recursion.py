# Recursion through module-level (inlined) comprehensions and functions'
# comprehensions: RecursionError every time, the depth back each time.
# limits: --max-duration=10
# expect: ok
# stdout: ^ok 40 True\n$
def f(n):
    return [g(n + 1) for _ in (1,)]
def g(n):
    return {k: f(n + 1) for k in (n,)}
caught = 0
depths = set()
for i in range(40):
    try:
        [f(0) for _ in range(1)]
    except RecursionError:
        caught += 1
    def probe(n=0):
        try:
            return probe(n + 1)
        except RecursionError:
            return n
    depths.add([probe() for _ in "x"][0])
print("ok", caught, len(depths) == 1)
