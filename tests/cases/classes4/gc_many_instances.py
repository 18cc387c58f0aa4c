class Obj:
    def __init__(self, i):
        self.i = i
        self.data = [i] * 10
        self.me = self
total = 0
for i in range(20000):
    o = Obj(i)
    total += o.data[3]
print(total)
class Pair:
    def __init__(self, a, b): self.a, self.b = a, b
objs = [Pair(i, str(i)) for i in range(5000)]
print(sum(p.a for p in objs), objs[-1].b)
