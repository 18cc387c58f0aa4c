# Recursive calls: the cost of a Python-level call and return.
N = 31  # quick: 24


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(N))
