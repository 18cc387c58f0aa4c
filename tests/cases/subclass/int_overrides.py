class Modular(int):
    MOD = 7
    def __new__(cls, v):
        return super().__new__(cls, v % cls.MOD)
    def __add__(self, other):
        return Modular(int(self) + int(other))
    __radd__ = __add__
    def __repr__(self):
        return f"Modular({int(self)})"
    def __eq__(self, other):
        return int(self) % 7 == int(other) % 7
    def __hash__(self):
        return hash(int(self))
a = Modular(5)
print(a, repr(a), a + 4, 4 + a, a == 12, a != 12, a * 2, type(a * 2).__name__)
print(str(a), f"{a}", [a], {a: 1})
print(sum([Modular(3), Modular(5)], Modular(0)))
