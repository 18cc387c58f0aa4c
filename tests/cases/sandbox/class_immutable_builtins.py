# sandpy-expected: builtin types are shared by every interpreter: never writable
def attempt(label, f):
    try:
        f()
        print(label, "-> allowed")
    except (AttributeError, TypeError) as e:
        print(label, "blocked:", type(e).__name__, e)
class A:
    pass
def set_int():
    int.x = 1
def set_int_add():
    int.__add__ = lambda a, b: 0
def obj_setattr_int():
    object.__setattr__(int, "x", 1)
def type_setattr_int():
    type.__setattr__(int, "x", 1)
def dict_mutation():
    int.__dict__["__add__"] = 1
def class_dict_mutation():
    A.__dict__["x"] = 1
def mro_assign():
    A.__mro__ = (A, object)
def bases_assign():
    A.__bases__ = (object,)
def class_assign_builtin():
    A().__class__ = int
def class_assign_on_int():
    (5).__class__ = A
def class_assign_heap():
    class B:
        pass
    A().__class__ = B
def del_builtin_attr():
    del list.append
def exc_class_assign():
    ValueError("x").__class__ = KeyError
for f in [set_int, set_int_add, obj_setattr_int, type_setattr_int, dict_mutation,
          class_dict_mutation, mro_assign, bases_assign, class_assign_builtin,
          class_assign_on_int, class_assign_heap, del_builtin_attr, exc_class_assign]:
    attempt(f.__name__, f)
print(1 + 1, A.__mro__, hasattr(int, "x"))
