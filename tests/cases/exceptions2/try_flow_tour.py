def risky(n):
    if n == 0: raise ValueError("zero")
    if n == 1: raise KeyError(n)
    if n == 2: raise TypeError
    return n
for n in range(4):
    try:
        r = risky(n)
    except (ValueError, KeyError) as e:
        print("caught", type(e).__name__, e, repr(e))
    except Exception as e:
        print("generic", type(e), repr(e), str(e) == "")
    else:
        print("ok", r)
    finally:
        print("finally", n)
try:
    try:
        1/0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
try:
    try:
        [][1]
    except IndexError:
        raise KeyError("k")
except KeyError as e:
    print(repr(e.__context__), e.__cause__)
try:
    raise ValueError("x") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
def f():
    try:
        return "try"
    finally:
        print("in finally")
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
def h():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print("fin", i)
h()
try:
    x = 1
except:
    pass
else:
    print("else ran")
e = "before"
try:
    raise ValueError
except ValueError as e:
    pass
try: print(e)
except NameError as ne: print(ne)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try: raise MyErr(404, "not found")
except MyErr as e: print(e.code, e, e.args, repr(e))
class E2(ValueError): pass
try: raise E2("sub")
except ValueError as e: print("base caught", type(e).__name__, isinstance(e, Exception))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), KeyError.__mro__)
print(repr(ValueError()), repr(ValueError("a", "b")), str(ValueError("a", "b")), str(KeyError("a")), str(KeyError("a", "b")))
print(repr(Exception("it's")), str(OSError(2, "nf")) if False else "", repr(StopIteration(5)))
try: raise
except RuntimeError as e: print(e)
def reraise():
    try: 1/0
    except ZeroDivisionError:
        print("handling")
        raise
try: reraise()
except ZeroDivisionError as e: print("re", e)
err = None
try: int("x")
except ValueError as exc: err = exc
print(type(err).__name__, err.args)
try:
    raise Exception("a") 
except Exception as e:
    e.add_note("note1") if hasattr(e, "add_note") else None
    print(getattr(e, "__notes__", None))
