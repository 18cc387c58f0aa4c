class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        if obj is None:
            return self
        v = self.fn(obj)
        obj.__dict__[self.fn.__name__] = v
        return v
class A:
    calls = 0
    @Lazy
    def expensive(self):
        A.calls += 1
        return 42
a = A()
print(a.expensive, a.expensive, A.calls, type(A.expensive).__name__)
