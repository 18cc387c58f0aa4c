class AutoProps(type):
    def __new__(mcls, name, bases, ns):
        for field in ns.get("fields", ()):
            def getter(self, _f=field):
                return self._data.get(_f)
            def setter(self, value, _f=field):
                self._data[_f] = value
            ns[field] = property(getter, setter)
        return super().__new__(mcls, name, bases, ns)
class Record(metaclass=AutoProps):
    fields = ("name", "age")
    def __init__(self, **kw):
        self._data = dict(kw)
r = Record(name="ann", age=3)
r.age += 1
print(r.name, r.age, r._data, type(Record.__dict__["name"]).__name__)
class Point(metaclass=AutoProps):
    fields = ("x", "y")
    def __init__(self):
        self._data = {}
p = Point()
p.x = 1
print(p.x, p.y)
