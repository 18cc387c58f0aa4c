class Base:
    def __add__(self, o): return "Base.add"
    def __radd__(self, o): return "Base.radd"
class Sub(Base):
    def __radd__(self, o): return "Sub.radd"
class Sub2(Base):
    pass
print(Base() + Sub(), Sub() + Base(), Base() + Sub2())
class L(list):
    def __radd__(self, o): return "L.radd"
print([1] + L([2]))
class I:
    def __eq__(self, o):
        print("I.eq"); return NotImplemented
class J(I):
    def __eq__(self, o):
        print("J.eq"); return True
print(I() == J())
