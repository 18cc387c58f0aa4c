from collections import deque
d = deque([1, 2, 3])
for f in [lambda: d[10], lambda: d["a"], lambda: d[1:2], lambda: d.index(7), lambda: d.remove(7),
          lambda: deque().popleft(), lambda: d + [1], lambda: hash(d), lambda: deque(maxlen="x")]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
print(len(d))
