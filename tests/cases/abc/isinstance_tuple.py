from abc import ABC
class Number(ABC): pass
Number.register(int)
Number.register(float)
print(isinstance(3, Number), isinstance(2.5, (str, Number)), isinstance("x", (Number, list)))
print(issubclass(bool, Number), issubclass(str, (Number, bytes)))
print([type(v).__name__ for v in [1, "a", 2.0, None, True] if isinstance(v, Number)])
