from abc import ABCMeta, abstractmethod, get_cache_token
import abc
class Base(metaclass=ABCMeta):
    @abstractmethod
    def run(self): pass
print(type(Base).__name__, isinstance(Base, ABCMeta), type(Base) is abc.ABCMeta)
class Runner(Base):
    def run(self): return "running"
print(Runner().run())
t = get_cache_token()
Base.register(dict)
print(get_cache_token() != t, isinstance({}, Base))
class Meta2(ABCMeta):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name.lower()
        return cls
class X(metaclass=Meta2):
    @abstractmethod
    def go(self): ...
class Y(X):
    def go(self): return self.tag
print(Y().go(), X.tag)
try:
    X()
except TypeError as e:
    print(e)
