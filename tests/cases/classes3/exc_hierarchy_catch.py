class Base(Exception): pass
class A(Base): pass
class B(Base): pass
class AB(A, B): pass
for cls in [A, B, AB, Base]:
    try:
        raise cls("x")
    except B:
        print(cls.__name__, "caught as B")
    except A:
        print(cls.__name__, "caught as A")
    except Base:
        print(cls.__name__, "caught as Base")
try:
    raise AB
except (KeyError, A) as e:
    print("tuple", type(e).__name__, e.args)
