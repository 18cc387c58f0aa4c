def attempt(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
class I(int): pass
class S(str): pass
class T(tuple): pass
attempt(lambda: int.__new__(S))
attempt(lambda: int.__new__(5))
attempt(lambda: int.__new__())
attempt(lambda: str.__new__(I, "x"))
attempt(lambda: I("abc"))
attempt(lambda: I(1, 2, 3))
attempt(lambda: T(1))
attempt(lambda: S(1, 2, 3, 4))
attempt(lambda: I(5) + "a")
attempt(lambda: "a" + I(5))
attempt(lambda: S("a") - 1)
attempt(lambda: I(5).nope)
attempt(lambda: S("a").nope)
attempt(lambda: len(I(5)))
attempt(lambda: I(5)[0])
attempt(lambda: S("abc")[10])
attempt(lambda: T((1,))[5])
attempt(lambda: tuple.__new__(S))
attempt(lambda: float.__new__(I, 1.5))
attempt(lambda: I.__new__(I, 7))
attempt(lambda: S.__new__(S, "q") + "r")
attempt(lambda: type(I(5)).__name__)
attempt(lambda: I.__mro__)
attempt(lambda: S.__mro__)
attempt(lambda: T.__bases__)
