from collections import Counter
class C(Counter):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v)
c = C("aab")
c.update("a")
c.subtract("b")
print(c)
