class A:
    """A doc."""
    cls_attr = 1
    def method(self): pass
    @property
    def prop(self): return 2
a = A()
print(type(A.__dict__).__name__, "method" in A.__dict__, A.__dict__["cls_attr"])
try:
    A.__dict__["x"] = 1
except TypeError as e:
    print(e)
print(sorted(n for n in dir(a) if not n.startswith("__")))
print(A.__doc__, a.__doc__, A.__name__, a.__module__)
print(callable(a.method), hasattr(a, "prop"), getattr(A, "prop").__class__.__name__)
print(vars(a), type(a.method).__name__, type(A.method).__name__)
print(object.__name__, type.__name__, int.__hash__ is not None, list.__hash__)
