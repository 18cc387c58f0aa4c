from enum import IntFlag, auto
class Opt(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print(Opt.A, Opt.B, Opt.C, list(Opt), repr(Opt.A | Opt.C))
x = Opt.A | Opt.B
x |= Opt.C
print(repr(x), x == 7, Opt.C in x, x & Opt.B, repr(x ^ Opt.A), repr(Opt(0)), Opt(5))
print(repr(Opt.A | 16), int(Opt.B), Opt.B << 1, [repr(o) for o in Opt(6)])
