class Outer:
    class Inner:
        def m(self): pass
    def meth(self): pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__, Outer.Inner.m.__qualname__)
print(Outer.meth.__qualname__, Outer.__module__)
print(repr(Outer.Inner), repr(Outer), str(Outer))
print(repr(Outer()).startswith("<__main__.Outer object at 0x"))
def f():
    class Local: pass
    return Local
print(f().__qualname__)
