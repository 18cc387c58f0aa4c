it = iter([1, 2])
print(next(it), next(it), next(it, 'default'))
try:
    next(it)
except StopIteration:
    print('stop')
try:
    next([1])
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
