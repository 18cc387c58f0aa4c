# expect: ok
# stdout: RecursionError
import itertools
it = iter([1])
for _ in range(200000):
    it = itertools.chain(it)
try:
    next(it)
except RecursionError:
    print('RecursionError')
