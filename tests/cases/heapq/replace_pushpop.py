import heapq
h = [1, 4, 2, 8, 5, 3]
heapq.heapify(h)
print(heapq.heapreplace(h, 6), h)
print(heapq.heapreplace(h, 0), h)
print(heapq.heappushpop(h, -1), h)
print(heapq.heappushpop(h, 10), h)
print(heapq.heappushpop([], 3))
