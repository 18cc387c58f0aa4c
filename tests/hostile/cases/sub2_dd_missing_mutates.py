# __missing__ clearing and refilling the dict being looked up
# limits: --max-memory=100000000 --max-duration=10
# expect: ok
from collections import defaultdict
class D(defaultdict):
    def __missing__(self, k):
        self.clear()
        for i in range(100):
            self[i] = i
        return super().__missing__(k)
d = D(list)
for i in range(1000):
    d[('k', i)].append(i)
print(len(d))
