# a metaclass __getattr__ that looks itself up: RecursionError, no C overflow
# expect: RecursionError
class Meta(type):
    def __getattr__(cls, name):
        return getattr(cls, name + "x")
class C(metaclass=Meta):
    pass
C.missing
