from collections import deque
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
print(d, d.maxlen)
d.appendleft(-1)
print(d)
d.extend("ab")
print(d)
print(deque([1, 2], maxlen=3))
print(deque(range(10), 4))
try:
    d.insert(0, 9)
except IndexError as e:
    print("IndexError", e)
try:
    deque([], maxlen=-1)
except ValueError as e:
    print("ValueError", e)
print(deque().maxlen)
z = deque([1, 2, 3], maxlen=0)
z.append(1)
print(z)
last3 = deque(maxlen=3)
for line in ["a", "b", "c", "d", "e"]:
    last3.append(line)
print(list(last3))
