from enum import Flag, auto
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.value, rw.name)
print(Perm.R in rw, Perm.X in rw, len(rw), list(rw), bool(Perm(0)), repr(Perm(0)), str(Perm(0)))
print(~Perm.R, repr(~rw), Perm.R & Perm.W, rw ^ Perm.R, Perm(7), list(Perm))
try:
    Perm(8)
except ValueError as e:
    print(e)
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print(list(Color), Color.WHITE, repr(Color.RED | Color.GREEN), Color(3), Color.WHITE.value)
print(Color.RED | Color.GREEN | Color.BLUE is Color.WHITE, [c.name for c in Color.WHITE])
