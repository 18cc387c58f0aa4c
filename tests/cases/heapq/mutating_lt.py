import heapq
h = []
class Evil:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        h.clear()
        return self.v < other.v
h.extend([Evil(3), Evil(1)])
try:
    heapq.heappush(h, Evil(0))
except RuntimeError as e:
    print('RuntimeError', e)
h2 = [Evil(1), Evil(2), Evil(3)]
h = h2
try:
    heapq.heapify(h2)
except RuntimeError as e:
    print('RuntimeError', e)
print(len(h2))
