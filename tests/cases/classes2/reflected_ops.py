class M:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return f"radd({o})"
    def __rsub__(self, o): return f"rsub({o})"
    def __rtruediv__(self, o): return f"rtruediv({o})"
    def __rfloordiv__(self, o): return f"rfloordiv({o})"
    def __rmod__(self, o): return f"rmod({o})"
    def __rpow__(self, o): return f"rpow({o})"
    def __rmatmul__(self, o): return f"rmatmul({o})"
m = M(1)
print(1 + m, 2.5 - m, "s" / m if False else 1 / m, 7 // m, 8 % m, 2 ** m, [1] @ m)
print(sum([M(1), M(2)], 0) if False else 0 + m)
try:
    m + 1
except TypeError as e:
    print(e)
try:
    m * m
except TypeError as e:
    print(e)
