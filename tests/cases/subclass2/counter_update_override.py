from collections import Counter
class C(Counter):
    def update(self, *args, **kw):
        print("update", args, kw)
        super().update(*args, **kw)
c = C("ab", z=1)
print(c)
c.update("a")
print(c, c.total())
