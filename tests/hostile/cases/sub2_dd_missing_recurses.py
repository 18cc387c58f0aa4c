# a defaultdict subclass whose __missing__ looks itself up: RecursionError, no C stack overflow
# limits: --max-memory=100000000 --max-duration=10
# expect: RecursionError
from collections import defaultdict
class D(defaultdict):
    def __missing__(self, k):
        return self[k]
D(int)['x']
