from operator import attrgetter
class N:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
chain = N(1, N(2, N(3)))
print(attrgetter("nxt.nxt.v")(chain), attrgetter("v", "nxt.v")(chain))
try:
    attrgetter("nxt.nxt.nxt.v")(chain)
except AttributeError as e:
    print("AttributeError", e)
try:
    attrgetter("v", 5)
except TypeError as e:
    print("TypeError", e)
print(repr(attrgetter("a.b.c")))
