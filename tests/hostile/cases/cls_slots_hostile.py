# __slots__ abuse: a huge slot list, a long chain over one slotted root, a
# __slots__ iterable that raises, self-referencing slot values
# limits: --max-duration=5 --max-memory=200000000
# expect: ok|MemoryError|TimeoutError
Big = type("Big", (), {"__slots__": tuple("a%d" % i for i in range(100000))})
b = Big()
b.a99999 = b
print(b.a99999 is b, type(Big.a5).__name__)


class Root:
    __slots__ = ("r",)


k = Root
for i in range(500):
    k = type("K%d" % i, (k,), {})
x = k()
x.r = x
print(x.r is x)


def gen():
    yield "a"
    raise KeyError("boom")


try:
    type("G", (), {"__slots__": gen()})
except KeyError as e:
    print("KeyError", e)


class Odd:
    __slots__ = ("a",)


try:
    class Bad(Odd, type("O2", (), {"__slots__": ("b",)})):
        pass
except TypeError as e:
    print(e)
