class Meta(type):
    pass
class A(metaclass=Meta):
    pass
print(repr(A).split(".")[-1], str(A).endswith("A'>"), A.__name__, A.__qualname__)
def f():
    class Local(metaclass=Meta):
        pass
    return Local
L = f()
print(L.__qualname__, type(L).__name__, type(L).__qualname__)
print(hash(A) == hash(A), A == A, A != L, {A: 1}[A])
try:
    A.missing
except AttributeError as e:
    print(e)
