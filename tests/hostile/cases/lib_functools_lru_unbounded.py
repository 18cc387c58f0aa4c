# limits: --max-duration=2 --max-memory=64000000
# expect: MemoryError|TimeoutError
import functools
f = functools.lru_cache(maxsize=10**12)(lambda x: x)
i = 0
while True:
    f(i)
    i += 1
