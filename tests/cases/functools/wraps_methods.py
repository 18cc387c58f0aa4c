import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args[1:], kwargs)
        return fn(*args, **kwargs)
    return wrapper
class Acc:
    """An accumulator."""
    def __init__(self):
        self.total = 0
    @logged
    def add(self, n, *, times=1):
        """Add n."""
        self.total += n * times
        return self.total
    @functools.cached_property
    def doubled(self):
        print("computing")
        return self.total * 2
a = Acc()
a.add(3)
a.add(2, times=4)
print(a.total, Acc.add.__name__, Acc.add.__doc__, Acc.add.__wrapped__.__qualname__)
print(a.doubled, a.doubled)
a.total = 100
print(a.doubled)
del a.doubled
print(a.doubled)
print(functools.cached_property.__module__)
