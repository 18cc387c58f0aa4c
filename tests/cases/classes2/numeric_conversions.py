class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
    def __round__(self, n=None): return ("round", n)
    def __index__(self): return 3
n = Num()
print(int(n), float(n), round(n), round(n, 2))
class OnlyIndex:
    def __index__(self): return 9
print(int(OnlyIndex()), float(OnlyIndex()))
class DM:
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
print(divmod(DM(), 3), divmod(3, DM()))
try:
    int(object())
except TypeError as e:
    print(e)
