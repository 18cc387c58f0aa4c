class Flag(int):
    names = {}
    def __new__(cls, value, name):
        obj = super().__new__(cls, value)
        obj.name = name
        cls.names[value] = name
        return obj
    def __repr__(self):
        return f"<Flag {self.name}: {int(self)}>"
    def __or__(self, other):
        return Flag(int(self) | int(other), f"{self.name}|{getattr(other, 'name', other)}")
READ = Flag(4, "READ")
WRITE = Flag(2, "WRITE")
rw = READ | WRITE
print(READ, WRITE, rw, rw.name, int(rw), rw & 4, rw == 6, [READ, WRITE], READ + 1)
print(sorted([READ, WRITE]), {READ: "r"}[4], READ in (4, 2), str(READ), f"{READ:03d}", "%s" % READ)
print(Flag.names, isinstance(READ, Flag), bin(READ), hex(rw), oct(WRITE), chr(Flag(65, "A")))
print([1, 2, 3, 4, 5][WRITE], "abcdef"[READ:], list(range(WRITE)), "x" * WRITE, divmod(READ, WRITE))
