class A:
    def get_x(self): return self._x
    def set_x(self, v): self._x = v
    x = property(get_x, set_x, None, "x prop")
    y = property()
a = A()
a.x = 4
print(a.x, A.x.__doc__)
try:
    a.y
except AttributeError as e:
    print(e)
try:
    a.y = 1
except AttributeError as e:
    print(e)
p = property(lambda s: 1)
print(p.fset, p.fdel)
