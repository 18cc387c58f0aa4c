from functools import total_ordering
@total_ordering
class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        if not isinstance(other, Ver):
            return NotImplemented
        return self.parts == other.parts
    def __gt__(self, other):
        if not isinstance(other, Ver):
            return NotImplemented
        return self.parts > other.parts
    def __repr__(self):
        return "Ver%r" % (self.parts,)
vs = [Ver(1, 2), Ver(1, 0, 5), Ver(0, 9), Ver(1, 2)]
print(sorted(vs), max(vs), Ver(1) <= Ver(1), Ver(2) < Ver(1, 5))
try:
    Ver(1) < 3
except TypeError as e:
    print("TypeError", e)
try:
    @total_ordering
    class Bad:
        pass
except ValueError as e:
    print("ValueError", e)
