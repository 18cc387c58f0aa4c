import heapq
data = [5, 1, 8, 3, 9, 2, 8, 7, 1, 0]
for n in [-1, 0, 1, 3, 10, 20]:
    print(n, heapq.nlargest(n, data), heapq.nsmallest(n, data))
words = ['bb', 'a', 'ccc', 'dd', 'e', 'fff']
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nsmallest(2, iter(words)), heapq.nlargest(2, (x * x for x in range(-5, 3))))
recs = [{'n': 'x', 'v': 3}, {'n': 'y', 'v': 1}, {'n': 'z', 'v': 3}]
print(heapq.nlargest(2, recs, key=lambda r: r['v']), heapq.nsmallest(1, [], key=len))
