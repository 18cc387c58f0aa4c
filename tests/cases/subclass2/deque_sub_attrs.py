from collections import deque
class Q(deque):
    kind = "q"
q = Q(range(3))
q.tag = 1
print(q.tag, q.kind, q.__dict__, list(reversed(q)))
q.rotate(1)
print(q, q.index(2), 1 in q)
