# a metaclass __new__ that builds a class with itself forever: RecursionError
# expect: RecursionError
class Meta(type):
    def __new__(mcls, name, bases, ns):
        return Meta(name, bases, ns)
class C(metaclass=Meta):
    pass
