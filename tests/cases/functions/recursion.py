def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fact(30), fib(20))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
