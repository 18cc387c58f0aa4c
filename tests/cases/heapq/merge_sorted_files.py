import heapq
shards = [
    [(3, 'c', {'v': 1}), (7, 'g', {'v': 2}), (9, 'i', {'v': 3})],
    [(1, 'a', {'v': 4}), (7, 'f', {'v': 5})],
    [(2, 'b', {'v': 6}), (7, 'e', {'v': 7}), (10, 'j', {'v': 8})],
]
print([r[1] for r in heapq.merge(*shards, key=lambda r: r[0])])
print([r[1] for r in heapq.merge(*[list(reversed(s)) for s in shards], key=lambda r: r[0], reverse=True)])
def chunked(seq, n):
    for i in range(0, len(seq), n):
        yield sorted(seq[i:i + n])
data = [(i * 7919) % 101 for i in range(60)]
merged = list(heapq.merge(*chunked(data, 8)))
print(merged == sorted(data), merged[:10], merged[-5:])
print(list(heapq.merge(*chunked(data, 8), key=lambda x: -x, reverse=True))[:8])
top = heapq.nlargest(3, heapq.merge(*chunked(data, 10)))
print(top, heapq.nsmallest(4, heapq.merge(*chunked(data, 10)), key=lambda x: (x % 10, x)))
