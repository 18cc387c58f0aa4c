class JsonMixin:
    def to_dict(self):
        d = {}
        for k, v in vars(self).items():
            d[k] = v.to_dict() if hasattr(v, "to_dict") else v
        return d
class ReprMixin:
    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({args})"
class LogMixin:
    def __init__(self, *a, **kw):
        self.log = []
        super().__init__(*a, **kw)
class User(LogMixin, JsonMixin, ReprMixin):
    def __init__(self, name, addr=None):
        super().__init__()
        self.name = name
        self.addr = addr
class Addr(JsonMixin, ReprMixin):
    def __init__(self, city):
        self.city = city
u = User("ann", Addr("oslo"))
print(u, u.to_dict(), [c.__name__ for c in User.__mro__])
