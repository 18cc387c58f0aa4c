def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print('RecursionError', e)
def g():
    g()
g()
