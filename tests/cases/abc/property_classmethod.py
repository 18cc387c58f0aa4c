from abc import ABC, abstractmethod
class Base(ABC):
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def create(cls): ...
    @staticmethod
    @abstractmethod
    def version(): ...
print(sorted(Base.__abstractmethods__))
try:
    Base()
except TypeError as e:
    print(e)
class Impl(Base):
    @property
    def name(self): return "impl"
    @classmethod
    def create(cls): return cls()
    @staticmethod
    def version(): return 2
i = Impl.create()
print(i.name, Impl.version(), type(i).__name__)
print(Base.__dict__['name'].__isabstractmethod__, Impl.__dict__['name'].__isabstractmethod__)
print(property(lambda s: 1).__isabstractmethod__)
