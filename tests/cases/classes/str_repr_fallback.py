class R:
    def __repr__(self): return "R!"
class S:
    def __str__(self): return "S!"
class Both(R):
    def __str__(self): return "both"
print(str(R()), repr(R()), f"{R()}", [R()])
print(str(S()), repr(S()).startswith("<__main__.S object"))
print(str(Both()), repr(Both()), f"{Both()!r}", "%s %r" % (Both(), Both()))
print(format(Both()), "{} {!r}".format(Both(), Both()))
