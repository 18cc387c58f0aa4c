class I(int): pass
class F(float): pass
class S(str): pass
vals = [I(7), F(0.5), S("hi")]
print(", ".join(f"{v}" for v in vals), [f"{v!r:>6}" for v in vals], "%s %s %s" % tuple(vals))
print("{0:03d} {1:.1%} {2:^6}".format(*vals), "%r %r %r" % (I(1), F(2.0), S("z")), str(vals))
print(f"{I(255):#x} {I(255):b} {I(1000000):,} {F(1234.5):,.1f} {S('x')!s:*<4}")
