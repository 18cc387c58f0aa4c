class A:
    """Doc."""
    x = 1
    def m(self): pass
a = A()
a.y = 2
print(a.__dict__)
d = A.__dict__
print(d["x"], d["__doc__"], "m" in d, "__module__" in d)
a.__dict__["z"] = 3
print(a.z, vars(a))
print(sorted(k for k in vars(A) if not k.startswith("__")))
