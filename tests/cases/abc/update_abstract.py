from abc import ABC, abstractmethod, update_abstractmethods
class A(ABC):
    @abstractmethod
    def f(self): ...
class B(A):
    pass
def f(self): return "patched"
B.f = f
update_abstractmethods(B)
print(B().f(), B.__abstractmethods__)
class C(A):
    def f(self): return 1
C.g = abstractmethod(lambda self: 0)
update_abstractmethods(C)
try:
    C()
except TypeError as e:
    print(e)
class Plain:
    pass
print(update_abstractmethods(Plain) is Plain)
