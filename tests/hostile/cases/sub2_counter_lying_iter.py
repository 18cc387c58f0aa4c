# a Counter subclass whose __iter__ lies (endless) and whose most_common gives junk
# limits: --max-memory=100000000 --max-duration=10
# expect: ok
from collections import Counter
import itertools
class C(Counter):
    def __iter__(self):
        return itertools.count()
    def most_common(self, n=None):
        return [1, 2, 3]
c = C("abc")
try:
    repr(c)
except (TypeError, ValueError) as e:
    print(type(e).__name__)
print(Counter(dict(c)), len(c), sorted(c.items()))
it = iter(c)
print(next(it), next(it))
