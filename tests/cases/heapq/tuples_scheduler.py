import heapq
# a typical Dijkstra
graph = {'a': [('b', 7), ('c', 9), ('f', 14)], 'b': [('a', 7), ('c', 10), ('d', 15)],
         'c': [('a', 9), ('b', 10), ('d', 11), ('f', 2)], 'd': [('b', 15), ('c', 11), ('e', 6)],
         'e': [('d', 6), ('f', 9)], 'f': [('a', 14), ('c', 2), ('e', 9)]}
dist = {'a': 0}
pq = [(0, 'a')]
order = []
while pq:
    d, u = heapq.heappop(pq)
    if d > dist.get(u, 1e9):
        continue
    order.append((u, d))
    for v, w in graph[u]:
        if d + w < dist.get(v, 1e9):
            dist[v] = d + w
            heapq.heappush(pq, (d + w, v))
print(order)
print(sorted(dist.items()))
