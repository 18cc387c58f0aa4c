class Counter:
    def __init__(self):
        self.n = 0
    def make_inc(self):
        def inc(by=1):
            self.n += by
            return self.n
        return inc
c = Counter()
inc = c.make_inc()
inc(); inc(5)
print(c.n)
class K:
    def gen(self):
        for i in range(3):
            yield i * 2
    def comp(self):
        return [self.f(i) for i in range(3)]
    def f(self, i):
        return -i
print(list(K().gen()), K().comp())
