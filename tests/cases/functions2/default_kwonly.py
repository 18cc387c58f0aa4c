def f(*, a=1, b):
    return a, b
print(f(b=2), f(a=0, b=1))
