# expect: ok
# stdout: RecursionError
import copy
x = []
for _ in range(1000000):
    x = [x]
try:
    copy.deepcopy(x)
except RecursionError:
    print('RecursionError')
