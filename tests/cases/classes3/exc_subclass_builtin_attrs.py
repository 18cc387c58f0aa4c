class MyKey(KeyError): pass
try:
    raise MyKey("missing")
except KeyError as e:
    print(str(e), repr(e))
class MyStop(StopIteration): pass
def gen():
    yield 1
    return 5
s = MyStop(7)
print(s.value, s.args)
class MyOS(OSError): pass
print(str(MyOS(2, "No such file")), MyOS(2, "x").errno)
class MyAttr(AttributeError): pass
class Obj:
    def __getattr__(self, n):
        raise MyAttr(n)
print(hasattr(Obj(), "q"), getattr(Obj(), "q", "dflt"))
