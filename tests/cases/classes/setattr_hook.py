class Logged:
    def __init__(self):
        self.a = 1
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
l = Logged()
l.b = 5
print(l.a, l.b)
del l.a
print(hasattr(l, "a"))
class ReadOnly:
    def __setattr__(self, name, value):
        raise AttributeError(f"can't set {name}")
r = ReadOnly()
try:
    r.x = 1
except AttributeError as e:
    print(e)
