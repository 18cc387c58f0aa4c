class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 10
class M:
    a = Field()
    b = Field()
m = M()
print(M.a.name, M.b.owner, m.a)
m.a = 4
print(m.a, m.__dict__)
