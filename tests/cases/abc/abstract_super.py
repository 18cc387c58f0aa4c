from abc import ABC, abstractmethod
class Base(ABC):
    @abstractmethod
    def greet(self):
        return "base greeting"
class Impl(Base):
    def greet(self):
        return super().greet() + " + impl"
print(Impl().greet())
class WithNew(ABC):
    @abstractmethod
    def m(self): ...
    def __new__(cls, *a):
        return super().__new__(cls)
try:
    WithNew()
except TypeError as e:
    print(e)
class Ok(WithNew):
    def m(self): return 1
print(Ok().m())
class NotAbstract(ABC):
    pass
print(type(NotAbstract()).__name__, NotAbstract.__abstractmethods__)
