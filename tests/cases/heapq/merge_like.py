import heapq
# k-way merge by hand, the way agents often write it
lists = [[1, 4, 9], [2, 3, 10, 11], [0, 5], []]
h = [(l[0], i, 0) for i, l in enumerate(lists) if l]
heapq.heapify(h)
out = []
while h:
    v, i, j = heapq.heappop(h)
    out.append(v)
    if j + 1 < len(lists[i]):
        heapq.heappush(h, (lists[i][j + 1], i, j + 1))
print(out)
# running top-3 with heappushpop
top = []
for x in [5, 1, 9, 3, 7, 8, 2, 6]:
    if len(top) < 3:
        heapq.heappush(top, x)
    else:
        heapq.heappushpop(top, x)
print(sorted(top), top)
