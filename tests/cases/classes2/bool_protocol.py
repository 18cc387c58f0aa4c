class B:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
print([bool(B(True)), bool(B(False))], B(True) and "x", B(False) or "y")
class BadBool:
    def __bool__(self): return 1
try:
    if BadBool(): pass
except TypeError as e:
    print(e)
class LenOnly:
    def __len__(self): return 0
print(bool(LenOnly()), not LenOnly())
class BoolWins:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(BoolWins()))
