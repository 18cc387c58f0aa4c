class NotExc:
    pass
try:
    try:
        raise ValueError
    except NotExc:
        pass
except TypeError as e:
    print(e)
class E1(Exception): pass
class E2(E1): pass
errs = []
for cls in (E1, E2, ValueError):
    try:
        raise cls("m")
    except E2:
        errs.append("E2")
    except E1:
        errs.append("E1")
    except Exception:
        errs.append("other")
print(errs, issubclass(E2, Exception), E2.__bases__)
