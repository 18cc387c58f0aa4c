import heapq
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 3, 3, 0, -4, 12]:
    heapq.heappush(h, x)
    print(h)
while h:
    print(heapq.heappop(h), h)
