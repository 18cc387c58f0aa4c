# most_common with huge and odd n on a big Counter: no huge allocation.
# cpython: stdout
# limits: --max-memory=200000000 --max-duration=10
# expect: ok
from collections import Counter
c = Counter({i: i % 1000 for i in range(100000)})
print(c.most_common(3), len(c.most_common(10 ** 100)), c.most_common(-10 ** 100), len(c.most_common(2 ** 63)))
print(len(c.most_common(99999)), c.most_common(0), len(c.most_common(True)))
