# a metaclass __call__ that calls the class again forever: RecursionError
# expect: RecursionError
class Meta(type):
    def __call__(cls, *a):
        return cls(*a)
class C(metaclass=Meta):
    pass
C()
