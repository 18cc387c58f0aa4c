import bisect
calls = []
class V:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        calls.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self):
        return 'V(%r)' % self.v
a = [V(i) for i in range(0, 20, 2)]
print(bisect.bisect_left(a, V(7)), calls)
calls.clear()
print(bisect.bisect_right(a, V(8)), calls)
calls.clear()
bisect.insort(a, V(5)); print(a, calls)
