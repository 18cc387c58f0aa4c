class Tagged(int):
    def __init__(self, value, tag="none"):
        self.tag = tag
    def __new__(cls, value, tag="none"):
        return super().__new__(cls, value)
t = Tagged(3, tag="x")
print(t, t.tag, t.__dict__, t + 1)
t.extra = [1]
print(sorted(t.__dict__), vars(t))
del t.extra
print(hasattr(t, "extra"))
class Counter(int):
    count = 0
    def incr(self):
        return Counter(self + 1)
c = Counter(0).incr().incr()
print(c, type(c).__name__, Counter.count)
