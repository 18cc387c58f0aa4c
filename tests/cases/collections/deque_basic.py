from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d))
print(d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d[0], d[-1], 3 in d, 99 in d)
d[1] = "x"
del d[0]
print(d)
print(d.count(5), d.index(5), list(reversed(d)))
d.insert(2, "ins")
d.remove("x")
print(d)
d.reverse()
print(d)
d.clear()
print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print("IndexError", e)
