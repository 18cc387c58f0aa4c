class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
class Meta(type):
    pass
class Model(metaclass=Meta):
    a = Field()
    b = Field()
m = Model()
m.a = 5
print(m.a, m.b, m._a, type(Model.a).__name__)
late = Field()
Model.c = late
print(hasattr(late, "name"))
