from collections import deque
class Q(deque):
    pass
q = Q([1, 2])
print(q, Q(), Q([1], 5), repr(Q('ab')))
print(q + q, type(q + q).__name__, q * 2, type(q.copy()).__name__)
print(q == deque([1, 2]), isinstance(q, deque))
