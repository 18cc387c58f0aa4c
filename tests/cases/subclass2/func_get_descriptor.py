class Wrap:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, owner=None):
        return self.f.__get__(obj, owner) if obj is not None else self
class A:
    def __init__(self, v): self.v = v
    @Wrap
    def show(self, extra=""):
        return f"A({self.v}){extra}"
a = A(3)
print(a.show(), a.show("!"), type(A.show).__name__)
