class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), [x * 2 for x in Countdown(2)])
a, b, c = Countdown(3)
print(a, b, c)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
class Gen:
    def __iter__(self):
        yield from range(3)
print(list(Gen()), sorted(Gen(), reverse=True), 2 in Gen(), 5 in Gen())
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class NotIter: pass
try:
    for x in NotIter(): pass
except TypeError as e:
    print(e)
try:
    next(NotIter())
except TypeError as e:
    print(e)
