from collections import deque
a = deque([1, 2])
b = deque([3])
print(a + b, a * 2, 2 * b)
a += [9, 8]
print(a)
a *= 2
print(a)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) == [1])
c = a.copy()
c.append(0)
print(len(a), len(c))
print(deque("abc"))
print(list(deque(range(5))), sum(deque(range(5))))
r = deque([1, 2, 3], maxlen=5)
r *= 3
print(r)
e = deque()
e.append(e)
print(e)
print(deque([1, 2, 3]).index(3, 1), deque([1, 2, 3, 2]).index(2, 2))
print(deque([[1], [2]]))
