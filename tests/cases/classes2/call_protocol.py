class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
    def __call__(self, *args):
        if args not in self.cache:
            self.cache[args] = self.f(*args)
        return self.cache[args]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(50), len(fib.cache))
class Kw:
    def __call__(self, **kw): return sorted(kw.items())
print(Kw()(b=2, a=1))
print(sorted([3, 1, 2], key=Memo(lambda x: -x)))
