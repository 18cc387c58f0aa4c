class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print([10, 20, 30][I(1)], "abc"[I(2)], list(range(I(3))), bin(I(5)), hex(I(255)))
print([1, 2, 3, 4][I(1):I(3)], (1, 2, 3)[I(-1)])
class BadIdx:
    def __index__(self): return "no"
try:
    [1][BadIdx()]
except TypeError as e:
    print(e)
try:
    [1][object()]
except TypeError as e:
    print(e)
