from collections import Counter
class C(Counter):
    def __missing__(self, k):
        return -1
c = C("aa")
print(c['a'], c['b'], c.get('b'))
