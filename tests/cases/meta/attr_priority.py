class Meta(type):
    shared = "meta"
    only_meta = "meta-only"
    @property
    def computed(cls):
        return "computed for " + cls.__name__
    def method(cls):
        return "meta method of " + cls.__name__
class A(metaclass=Meta):
    shared = "class"
    computed = "class attr shadowed by meta property"
    def method(self):
        return "instance method"
print(A.shared, A.only_meta, A.computed, A.method(A()))
print(A().shared, hasattr(A(), "only_meta"), A().computed)
class B(A):
    pass
print(B.shared, B.only_meta, B.computed)
del A.shared
print(A.shared)
