# A dict subclass's own get() is used to look keys up (never __getitem__).
class Loud(dict):
    def get(self, key, default=None):
        print("get", repr(key))
        return super().get(key, default)

match Loud(a=1, b=2, c=3):
    case {"a": 1, "b": x}:
        print("matched", x)

class Always(dict):
    def get(self, key, default=None):
        return "always"

match Always(x=0, y=0):
    case {"p": p, "q": q}:
        print("get decides:", p, q)

class Missing(dict):
    def __missing__(self, key):
        return "made up"

match Missing(a=1):
    case {"zzz": v}:
        print("no")
    case {"a": a}:
        print("__missing__ is not used", a)
