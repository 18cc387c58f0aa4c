class A:
    def who(self):
        return __class__.__name__
    def parent_who(self):
        return super().who() if hasattr(super(), "who") else "none"
class B(A):
    def who(self):
        return "B via " + __class__.__name__ + " then " + super().who()
print(A().who(), B().who(), B().parent_who())
class C:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.tag = cls.__name__.lower()
    def __new__(cls, *a):
        inst = super().__new__(cls)
        inst.created_by = __class__.__name__
        return inst
class D(C):
    pass
print(D.tag, D().created_by)
