class Meta(type):
    counter = 0
    def create(cls, *a):
        Meta.counter += 1
        return cls(*a)
    @property
    def label(cls):
        return "label:" + cls.__name__
    @classmethod
    def meta_cm(mcls):
        return mcls.__name__
    @staticmethod
    def meta_sm(x):
        return x * 2
class A(metaclass=Meta):
    def __init__(self, v=0):
        self.v = v
    def label_of(self):
        return "inst"
a = A.create(4)
print(a.v, Meta.counter, A.label, A.meta_cm(), A.meta_sm(5))
print(hasattr(a, "create"), hasattr(a, "label"), "create" in dir(A) or True)
try:
    a.create
except AttributeError as e:
    print(e)
class B(A):
    counter = 10
print(B.counter, B.label, B.create().v)
try:
    A.label = "x"
except AttributeError as e:
    print(e)
print(A.mro(), A.__class__, A.__class__.__class__)
