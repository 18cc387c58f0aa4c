# LOAD_METHOD's per-site cache for Python methods of classes.

def call_f(o):
    return o.f()

def warm(o):
    r = None
    for _ in range(300):
        r = call_f(o)
    return r

class A:
    def f(self):
        return "A.f"
class B:
    def f(self):
        return "B.f"

a = A()
print(warm(a))
A.f = lambda self: "patched"
print(call_f(a))
a.f = lambda: "instance attr"
print(call_f(a))
del a.f
print(call_f(a))
a.__dict__["f"] = lambda: "via __dict__"
print(call_f(a))
a.__dict__.clear()
print(warm(a))
a.__class__ = B
print(call_f(a))
B.__getattribute__ = lambda self, n: (lambda: "getattribute " + n)
print(call_f(a))
del B.__getattribute__
print(warm(a))
del B.f
try:
    call_f(a)
except AttributeError as e:
    print("AttributeError", e)

# polymorphic: subclasses overriding after the site is warm
class Base:
    def f(self):
        return "base"
class S1(Base):
    pass
class S2(Base):
    pass
objs = [S1(), S2(), Base()]
def run():
    return [call_f(o) for o in objs]
for _ in range(200):
    run()
print(run())
S2.f = lambda self: "S2"
print(run())
Base.f = staticmethod(lambda: "static")
print(run())
Base.f = property(lambda self: (lambda: "prop"))
print(run())

# a method shadowed by a slot-less instance dict entry set with setattr
class C:
    def f(self):
        return "C.f"
c = C()
print(warm(c))
setattr(c, "f", lambda: "setattr")
print(call_f(c))
