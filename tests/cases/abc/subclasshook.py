from abc import ABC, abstractmethod
class Sized2(ABC):
    @abstractmethod
    def __len__(self): ...
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            if any("__len__" in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented
class Mine:
    def __len__(self): return 0
print(issubclass(Mine, Sized2), issubclass(list, Sized2), issubclass(int, Sized2))
print(isinstance(Mine(), Sized2), isinstance("abc", Sized2), isinstance(3, Sized2))
class Never(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return False
class Child(Never): pass
print(issubclass(Child, Never), isinstance(Child(), Never))
