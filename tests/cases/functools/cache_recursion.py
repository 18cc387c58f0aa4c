import functools
@functools.cache
def ways(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return ways(n - k, k) + ways(n, k - 1)
print(ways(100, 100))
print(ways.cache_info().currsize > 1000)
@functools.lru_cache(maxsize=None)
def collatz(n):
    return 0 if n == 1 else 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)
print(max(range(1, 3000), key=collatz))
@functools.cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(150) % 1000003)
print(type(fact).__name__, fact.__name__, fact.__wrapped__(5))
