# Subclasses of builtins keep the "match self" rule unless they define __match_args__.
class MyInt(int):
    pass

class MyStr(str):
    __match_args__ = ("upper_name",)
    @property
    def upper_name(self):
        return self.upper()

class MyList(list):
    pass

class MyDict(dict):
    pass

match MyInt(5):
    case MyInt(x):
        print("MyInt", x, type(x).__name__)
match MyInt(5):
    case int(5):
        print("int pattern matches the subclass")
match MyStr("abc"):
    case MyStr(u):
        print("MyStr", u)
match MyStr("abc"):
    case str(s):
        print("str(s) is the subject itself:", s)
match MyList([1, 2, 3]):
    case [a, *rest]:
        print("list subclass is a sequence", a, rest)
match MyList([1, 2]):
    case MyList([a, b]):
        print("MyList self", a, b)
match MyDict(k=1):
    case {"k": v}:
        print("dict subclass is a mapping", v)
