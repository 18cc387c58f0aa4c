class Traced:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"hidden {name}")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback:{name}"
t = Traced()
print(t.a, t.secret_x, t.other)
class Upper:
    def __getattribute__(self, name):
        v = object.__getattribute__(self, name)
        return v.upper() if isinstance(v, str) else v
u = Upper()
u.s = "abc"
print(u.s, getattr(u, "s"))
