from collections import deque
d = deque(range(5))
print([x * 2 for x in d], list(reversed(d)), sorted(d, reverse=True))
it = iter(d)
print(next(it), next(it))
d.append(9)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
d2 = deque("abc")
d2[0] = "z"
print(list(d2), "".join(d2), len(deque(range(1000), maxlen=10)))
q = deque()
for i in range(100):
    q.append(i)
    if len(q) > 3:
        q.popleft()
print(q)
