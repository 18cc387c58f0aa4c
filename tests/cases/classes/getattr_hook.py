class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print("getattr", name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
print(p._target)
p.append(0)
print(p._target, p.count(1))
class Default:
    real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")
d = Default()
print(d.real, d.xyz, hasattr(d, "xa"), hasattr(d, "b"))
try:
    d.b
except AttributeError as e:
    print(e)
class PropErr:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "fallback " + name
print(PropErr().p)
