class Tracing(type):
    calls = []
    def __call__(cls, *args, **kwargs):
        Tracing.calls.append((cls.__name__, args, tuple(sorted(kwargs.items()))))
        obj = super().__call__(*args, **kwargs)
        obj.traced = True
        return obj
class P(metaclass=Tracing):
    def __new__(cls, *a, **k):
        print("P.__new__", a)
        return super().__new__(cls)
    def __init__(self, x, y=0):
        print("P.__init__", x, y)
        self.s = x + y
p = P(1, y=2)
print(p.s, p.traced, Tracing.calls)
class Q(P):
    def __init__(self, x):
        super().__init__(x, 10)
print(Q(5).s, Tracing.calls[-1])
class Factory(type):
    def __call__(cls, kind):
        sub = {"a": A, "b": B}[kind]
        return type.__call__(sub)
class Shape(metaclass=Factory): pass
class A(Shape): pass
class B(Shape): pass
print(type(Shape("a")).__name__, type(Shape("b")).__name__)
