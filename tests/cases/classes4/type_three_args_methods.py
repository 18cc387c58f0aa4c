def init(self, v): self.v = v
def show(self): return f"<{type(self).__name__} {self.v}>"
Base = type("Base", (object,), {"__init__": init, "show": show, "kind": "base"})
Child = type("Child", (Base,), {"kind": "child", "__repr__": show})
c = Child(3)
print(c.show(), repr(c), c.kind, Base(1).kind, isinstance(c, Base), Child.__name__)
Counter = type("Counter", (), {"n": 0, "inc": lambda self: setattr(self, "n", self.n + 1) or self})
print(Counter().inc().inc().n)
