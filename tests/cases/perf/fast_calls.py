# The inline call path (plain positional Python functions and methods) must
# keep every check of the general path: arity errors, recursion depth, defaults.
def f(a, b):
    return a - b

def g(a, b=10):
    return a + b

class C:
    def m(self, x):
        return x * 2
    def n(self):
        return self

print(f(5, 3), g(1), g(1, 2), C().m(4), C().n().m(1))
for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: C().m(), lambda: C().m(1, 2),
             lambda: C().n(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(20))

def unbound(x):
    if x:
        y = 1
    return y

try:
    unbound(0)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
print(unbound(1))
