import heapq
for data in [[], [1], [2, 1], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0], list(range(30, 0, -3)) + [7, 7, 7],
             [(3, 'c'), (1, 'z'), (1, 'a'), (2, 'b')], ['pear', 'apple', 'fig', 'kiwi', 'banana']]:
    heapq.heapify(data)
    print(data)
big = [(i * 7919) % 3001 for i in range(3000)]
heapq.heapify(big)
print(big[:20], sum(big[i] * i for i in range(len(big))))
print([heapq.heappop(big) for _ in range(10)])
