# Attribute lookup during a class pattern: missing attribute = no match,
# other exceptions propagate, properties and __getattr__ are honoured.
class P:
    __match_args__ = ("a", "b")
    def __init__(self):
        self.a = 1
    @property
    def b(self):
        raise AttributeError("no b today")
    @property
    def c(self):
        raise KeyError("c")
    @property
    def d(self):
        return "computed d"

class G:
    __match_args__ = ("anything",)
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)

def f(v):
    match v:
        case P(a, b):
            return "no"
        case P(a, d=d):
            return f"a={a} d={d}"

def g(v):
    match v:
        case P(c=c):
            return "no"

def h(v):
    match v:
        case G(xval=x, xother=y):
            return (x, y)

def k(v):
    match v:
        case G(x):
            return x
        case G():
            return "G without attribute"

print(f(P()))
try:
    g(P())
except KeyError as e:
    print("KeyError", e)
print(h(G()))
print(k(G()))
