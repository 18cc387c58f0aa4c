class Empty: pass
class Sized:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class Truth:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
print(bool(Empty()), bool(Sized(0)), bool(Sized(2)), len(Sized(3)))
print(bool(Truth(False)), not Truth(True), "yes" if Sized(1) else "no")
try:
    len(Empty())
except TypeError as e:
    print(e)
