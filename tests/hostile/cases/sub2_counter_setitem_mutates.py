# a Counter subclass whose __setitem__ changes the counter being updated
# limits: --max-memory=100000000 --max-duration=10
# expect: ok|RuntimeError
from collections import Counter
class C(Counter):
    def __setitem__(self, k, v):
        super().__setitem__(k, v)
        if len(self) < 500:
            super().__setitem__(('x', len(self)), 1)
c = C("ab")
c.update({i: 1 for i in range(100)})
c.update("abc" * 100)
print(len(c))
