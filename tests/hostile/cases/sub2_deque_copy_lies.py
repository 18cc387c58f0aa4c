# a deque subclass whose constructor gives something else: copy and + fail cleanly
# limits: --max-memory=100000000 --max-duration=10
# expect: ok
from collections import deque
class Q(deque):
    def __new__(cls, *a, **k):
        return [1, 2, 3]
class R(deque):
    def __init__(self, *a):
        super().__init__(range(10 ** 5))
r = R([1])
print(len(r + r), len(r.copy()))
for i in range(200):
    r = r.copy()
print(len(r))
print(Q(), type(Q()).__name__)
