class Counting(type):
    count = 0
    def __new__(mcls, name, bases, ns):
        Counting.count += 1
        ns["serial"] = Counting.count
        return super().__new__(mcls, name, bases, ns)
class Base(metaclass=Counting): pass
class A(Base): pass
class B(Base): pass
class C(A, B): pass
print([k.serial for k in (Base, A, B, C)], Counting.count)
print([k.__name__ for k in C.__mro__], type(C).__name__)
class SubMeta(Counting):
    def describe(cls):
        return "sub:" + cls.__name__
class D(C, metaclass=SubMeta): pass
print(D.serial, D.describe(), type(D).__mro__[:2])
print(isinstance(D, Counting), isinstance(C, SubMeta), issubclass(SubMeta, type))
