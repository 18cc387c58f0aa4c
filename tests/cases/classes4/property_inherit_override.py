class Base:
    def __init__(self): self._v = 1
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x
class Child(Base):
    @Base.v.getter
    def v(self): return self._v * 100
class Plain(Base):
    v = 5
c = Child()
c.v = 3
print(c.v, Base().v, Plain().v, type(Child.v).__name__)
p = Plain()
p.v = 9
print(p.v, Plain.v)
