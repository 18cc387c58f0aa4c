# counts beyond the index range fail like CPython (len(range) overflows)
# expect: ok
# stdout: OverflowError
import random
try:
    random.sample(['a', 'b'], 5, counts=[10**30, 10**30])
except OverflowError as e:
    print('OverflowError', e)
