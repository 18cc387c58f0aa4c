# with the depth limit out of the way, frames exhaust the heap limit, not the C stack
# limits: --max-recursion=1000000000 --max-memory=67108864
# expect: MemoryError|RecursionError
def f(n):
    return f(n + 1) + 1
f(0)
