# metaclasses open no door: no __subclasses__, __mro__ stays read-only, a
# junk mro() is never used, builtin types stay immutable, __class__ of
# builtins is fixed
# expect: ok
# stdout: ^ok 9\n$
n = 0
class Meta(type):
    def mro(cls):
        return [int, object]
class C(metaclass=Meta):
    pass
if C.__mro__ == (C, object) and not issubclass(C, int):
    n += 1
for f in [lambda: type.__subclasses__(int), lambda: Meta.__subclasses__(),
          lambda: C.__subclasses__(), lambda: setattr(C, '__mro__', (int,)),
          lambda: setattr(Meta, '__bases__', (int,)), lambda: type.__setattr__(int, 'x', 1),
          lambda: Meta.__setattr__(int, 'x', 1), lambda: setattr((5), '__class__', C)]:
    try:
        f()
    except (AttributeError, TypeError):
        n += 1
print("ok", n)
