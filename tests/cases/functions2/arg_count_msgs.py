def f(a):
    pass
for args in [(), (1, 2)]:
    try:
        f(*args)
    except TypeError as e:
        print(e)
def g():
    pass
try:
    g(1)
except TypeError as e:
    print(e)
