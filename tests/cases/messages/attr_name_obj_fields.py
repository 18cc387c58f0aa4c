try:
    [].apend
except AttributeError as e:
    print(e.name, e.obj, e, e.args)
try:
    undefined_thing
except NameError as e:
    print(e.name, repr(e), e.args)
print(AttributeError("m").name, AttributeError("m").obj, NameError("x").name)
class A:
    @property
    def p(self):
        raise AttributeError("inner")
try:
    A().p
except AttributeError as e:
    print(e.name, type(e.obj).__name__, e)
print(getattr([], "x", "default"), hasattr([], "x"))
