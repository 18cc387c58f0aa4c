class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(len(L(5)), len(L(True)))
for bad in [-1, 1.5, 2 ** 70, "3"]:
    try:
        print(len(L(bad)))
    except Exception as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self): return 4
print(len(L(Idx())))
