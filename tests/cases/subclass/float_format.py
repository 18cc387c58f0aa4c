class F(float):
    def __format__(self, spec):
        return "F<" + super().__format__(spec) + ">"
f = F(3.14159)
print(f"{f:.2f}", format(f, ".1e"), "{:>10.3f}".format(f), f"{f}", str(f), repr(f), "%.2f" % f)
class G(float): pass
g = G(2.5)
print(f"{g:.3f}", f"{g:%}", f"{g!r}", format(g), round(g), round(g, 0), g.__round__(), g.__trunc__())
