# __instancecheck__ calling isinstance on itself: RecursionError
# expect: RecursionError
class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, cls)
class C(metaclass=Meta):
    pass
isinstance(5, C)
