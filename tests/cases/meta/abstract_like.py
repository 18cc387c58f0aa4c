class Interface(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        required = set(getattr(cls, "required", ()))
        missing = sorted(r for r in required if not callable(ns.get(r)) and not any(r in b.__dict__ for b in cls.__mro__[1:] if b is not object))
        if bases and missing:
            raise TypeError("%s missing %s" % (name, ", ".join(missing)))
        return cls
class Base(metaclass=Interface):
    required = ("run", "stop")
class Good(Base):
    def run(self): return "run"
    def stop(self): return "stop"
print(Good().run())
try:
    class Bad(Base):
        def run(self): pass
except TypeError as e:
    print(e)
