from functools import lru_cache
calls = []
@lru_cache(maxsize=3)
def f(x):
    calls.append(x)
    return x * 10
for x in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    f(x)
print(calls)
print(f.cache_info())
f.cache_clear()
print(f.cache_info(), f(1), f.cache_info())
@lru_cache(maxsize=2, typed=False)
def g(x, y=0, *, z=0):
    calls.append((x, y, z))
    return x + y + z
calls.clear()
print(g(1), g(1, 0), g(1, y=0), g(1, z=0), g(1), g(x=1))
print(calls, g.cache_info().misses)
print(g.cache_parameters())
