def f():
    x = 1
    del x
    try: print(x)
    except UnboundLocalError as e: print(e)
f()
def outer():
    def inner(): return y
    try: inner()
    except NameError as e: print(type(e).__name__, e)
    y = 2
    return inner()
print(outer())
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc(); print(counter)
def bad():
    counter += 1
try: bad()
except UnboundLocalError as e: print(e)
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    total = sum(vals)
print(C.doubled, C.total)
x = 10
def shadow():
    print(x)
shadow()
def g():
    if False: z = 1
    return z
try: g()
except UnboundLocalError as e: print(e)
def loc(a, b=2):
    c = a + b
import math
print([n for n in dir(math) if n.startswith("is")])
def make():
    fs = []
    for i in range(3):
        def h(): return i
        fs.append(h)
    return [q() for q in fs]
print(make())
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            nonlocal a
            a += b
            return a
        return l2()
    return l1(), a
print(deep())
v = 5
def uses_later():
    return [v for _ in range(2)]
print(uses_later())
try:
    del undefined_var
except NameError as e: print(e)
lst = [1, 2]
del lst[0], lst[0]
print(lst)
a = b = c = []
a.append(1); print(b, c)
i = 0
while (i := i + 1) < 3: pass
print(i)
print([i for i in range(3)], i)
