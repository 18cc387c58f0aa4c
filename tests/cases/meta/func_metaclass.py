def upper_attrs(name, bases, ns, **kw):
    print("called", name, bases, kw)
    return type(name, bases, {k if k.startswith("__") else k.upper(): v for k, v in ns.items()})
class A(metaclass=upper_attrs, extra=1):
    value = 3
print(A.VALUE, hasattr(A, "value"), type(A).__name__)
def not_a_class(name, bases, ns):
    return 42
class B(metaclass=not_a_class):
    pass
print(B)
