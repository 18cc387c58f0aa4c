import heapq
calls = []
class Task:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name
    def __lt__(self, other):
        calls.append((self.name, other.name))
        return self.prio < other.prio
    def __repr__(self):
        return f'{self.name}:{self.prio}'
h = []
for i, p in enumerate([5, 2, 8, 2, 1, 9, 3]):
    heapq.heappush(h, Task(p, 't%d' % i))
print(h)
print(calls)
calls.clear()
print([heapq.heappop(h) for _ in range(3)], h)
print(calls)
