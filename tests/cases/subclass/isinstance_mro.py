class I(int): pass
class J(I): pass
class S(str): pass
class Mixin:
    def hello(self):
        return f"hello {self!r}"
class MS(Mixin, str): pass
class MI(int, Mixin): pass
j = J(3)
print(isinstance(j, I), isinstance(j, int), isinstance(j, str), issubclass(J, int), type(j) is J, J.__mro__)
print(J.__base__, I.__bases__, MS.__mro__, MS("x").hello(), MI(4).hello(), MI(4) + 1)
print(type(j).__name__, j.__class__.__name__, J.__name__, J(7) * 2, J(7) // J(2))
print(isinstance(S("a"), (int, str)), isinstance(True, I), issubclass(bool, I))
print(int.__subclasscheck__ if False else "", [t.__name__ for t in type(MS("a")).__mro__])
