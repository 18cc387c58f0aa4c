from collections import Counter
class C(Counter):
    def most_common(self, n=None):
        return sorted(self.items())[:n] if n else sorted(self.items())
c = C("banana")
print(c)
print(c.most_common(1), c['n'], c['zz'])
