class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.data = {}
    def get(self, k):
        if k not in self.data:
            return -1
        v = self.data.pop(k)
        self.data[k] = v
        return v
    def put(self, k, v):
        self.data.pop(k, None)
        self.data[k] = v
        if len(self.data) > self.cap:
            del self.data[next(iter(self.data))]
c = LRU(2)
c.put(1, 1); c.put(2, 2)
print(c.get(1))
c.put(3, 3)
print(c.get(2), c.get(3), list(c.data))
