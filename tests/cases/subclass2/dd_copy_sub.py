from collections import defaultdict
class D(defaultdict):
    def __init__(self, f=None, *a, **k):
        print("init", f)
        super().__init__(f, *a, **k)
d = D(list, {'a': [1]})
c = d.copy()
print(type(c).__name__, c, c is d)
print(d | {'b': [2]})
