# sandpy-expected: the data model reaches no interpreter internals
def attempt(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__)
    except (AttributeError, TypeError, RuntimeError) as e:
        print(label, "blocked:", type(e).__name__, e)
class A:
    def m(self):
        return 1
    def gen(self):
        yield 1
a = A()
attempt("object.__subclasses__", lambda: object.__subclasses__())
attempt("type.__subclasses__", lambda: type.__subclasses__(object))
attempt("A.__subclasses__", lambda: A.__subclasses__())
attempt("().__class__.__bases__[0].__subclasses__", lambda: ().__class__.__bases__[0].__subclasses__())
attempt("a.m.__func__.__globals__", lambda: a.m.__func__.__globals__)
attempt("a.m.__globals__", lambda: a.m.__globals__)
attempt("A.m.__code__", lambda: A.m.__code__)
attempt("A.m.__closure__", lambda: A.m.__closure__)
attempt("A.m.__builtins__", lambda: A.m.__builtins__)
attempt("a.gen().gi_frame", lambda: a.gen().gi_frame)
attempt("a.gen().gi_code", lambda: a.gen().gi_code)
attempt("property.fget.__globals__", lambda: property(A.m).fget.__globals__)
attempt("staticmethod.__func__.__code__", lambda: staticmethod(A.m).__func__.__code__)
attempt("super().__self_class__", lambda: super(A, a).__self_class__)
attempt("a.__init__.__globals__", lambda: a.__init__.__globals__)
try:
    raise ValueError("x")
except ValueError as e:
    attempt("e.__traceback__.tb_frame", lambda: e.__traceback__.tb_frame)
