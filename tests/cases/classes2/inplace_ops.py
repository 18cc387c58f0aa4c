class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __isub__(self, x):
        self.items.remove(x)
        return self
    def __imul__(self, k):
        self.items = self.items * k
        return self
    def __repr__(self): return f"Acc({self.items})"
a = Acc()
orig = a
a += 1
a += 2
a -= 1
a *= 2
print(a, a is orig)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
o = OnlyAdd(1)
p = o
o += 5
print(o.v, p.v, o is p)
class Ior:
    def __ior__(self, o): return "ior"
    def __ipow__(self, o): return "ipow"
    def __ifloordiv__(self, o): return "ifloordiv"
    def __imod__(self, o): return "imod"
    def __itruediv__(self, o): return "itruediv"
    def __iand__(self, o): return "iand"
    def __ixor__(self, o): return "ixor"
    def __ilshift__(self, o): return "ilshift"
    def __irshift__(self, o): return "irshift"
    def __imatmul__(self, o): return "imatmul"
r = []
for op in ["|=", "**=", "//=", "%=", "/=", "&=", "^=", "<<=", ">>=", "@="]:
    x = Ior()
    if op == "|=": x |= 1
    elif op == "**=": x **= 1
    elif op == "//=": x //= 1
    elif op == "%=": x %= 1
    elif op == "/=": x /= 1
    elif op == "&=": x &= 1
    elif op == "^=": x ^= 1
    elif op == "<<=": x <<= 1
    elif op == ">>=": x >>= 1
    else: x @= 1
    r.append(x)
print(r)
try:
    y = Ior()
    y += 1
except TypeError as e:
    print(e)
