def append(x, to=[]):
    to.append(x)
    return to
print(append(1), append(2))
i = 10
def f(x=i):
    return x
i = 20
print(f())
