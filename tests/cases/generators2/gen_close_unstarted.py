def g():
    print('never')
    yield 1
x = g()
x.close()
print('ok')
try:
    next(x)
except StopIteration:
    print('stopped')
