def free(self, x):
    return ("free", x)
class A:
    method = free
    lam = lambda self: "lam"
    builtin = len
a = A()
print(a.method(1), a.lam(), a.builtin([1, 2]))
a.inst = free
print(a.inst(None, 2))
A.later = lambda self, y: y * 2
print(a.later(4))
