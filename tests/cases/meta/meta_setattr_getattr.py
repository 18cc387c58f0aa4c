class Frozen(type):
    def __setattr__(cls, name, value):
        if getattr(cls, "_frozen", False):
            raise AttributeError("frozen class %s: cannot set %s" % (cls.__name__, name))
        super().__setattr__(name, value)
    def __delattr__(cls, name):
        raise AttributeError("no delete of " + name)
    def __getattr__(cls, name):
        return "<missing %s>" % name
class C(metaclass=Frozen):
    x = 1
C.y = 2
C._frozen = True
try:
    C.z = 3
except AttributeError as e:
    print(e)
try:
    del C.x
except AttributeError as e:
    print(e)
print(C.x, C.y, C.nothing, getattr(C, "other"))
c = C()
try:
    c.nothing
except AttributeError as e:
    print(e)
c.w = 5
print(c.w)
