def f(**kw):
    return list(kw.items())
print(f(b=1, a=2, c=3))
