class Plugin:
    registry = {}
    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key or cls.__name__.lower()
        Plugin.registry[cls.key] = cls
class Csv(Plugin, key="csv"): pass
class Json(Plugin): pass
print(sorted(Plugin.registry), Csv.key, Json.key)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns, **kw)
class Base(metaclass=Meta):
    def __init_subclass__(cls, tag="none", **kw):
        print("init_subclass", cls.__name__, tag)
        cls.tag = tag
class Child(Base, tag="child"): pass
class Grand(Child): pass
print(Child.tag, Grand.tag)
try:
    class Bad(Plugin, nope=1): pass
except TypeError as e:
    print(e)
