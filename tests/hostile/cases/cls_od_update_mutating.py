# OrderedDict subclass whose __setitem__ mutates the mapping being copied from
# (itself), deletes keys, and a Counter subclass whose __setitem__ clears itself
# limits: --max-duration=5 --max-memory=200000000
# expect: ok|RuntimeError|MemoryError|TimeoutError
from collections import OrderedDict, Counter


class O(OrderedDict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v)
        if len(self) < 10000:
            super().__setitem__((k, len(self)), v)


o = O(a=1, b=2)
for _ in range(3):
    try:
        o.update(o)
    except RuntimeError:
        pass
try:
    o |= o
except RuntimeError:
    pass


class D(OrderedDict):
    def __setitem__(self, k, v):
        self.clear()
        super().__setitem__(k, v)


d = D((i, i) for i in range(1000))
d.update({i: i for i in range(1000)})
print(len(d))


class C(Counter):
    def __setitem__(self, k, v):
        self.clear()
        super().__setitem__(k, v)


c = C("abcdef" * 100)
c += Counter("xyz" * 1000)
c -= Counter("x")
c |= Counter("q" * 5)
c &= Counter("q" * 5)
print(sorted(c.items()))
big = O()
big.update((i, i) for i in range(200000))
print(len(big) > 0)
