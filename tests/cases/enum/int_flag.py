from enum import IntFlag
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw == 6, rw + 1, repr(Perm(8)), repr(Perm.R | 8), format(rw))
print(repr(~Perm.R), Perm.R & 4, isinstance(rw, int), list(rw), Perm(0), repr(Perm(0)))
