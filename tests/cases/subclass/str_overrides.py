class CIStr(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
    def __ne__(self, other):
        return not self == other
    def __hash__(self):
        return hash(self.lower())
    def __repr__(self):
        return f"CIStr({str.__repr__(self)})"
a = CIStr("Hello")
print(a == "hello", a != "HELLO", repr(a), str(a), [a], a in {CIStr("HELLO")}, len({CIStr("x"), CIStr("X")}))
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, str(v).upper())
    def __str__(self):
        return "U:" + str.__str__(self)
u = Upper("abc")
print(u, repr(u), f"{u}", u + "d", len(u), "%s" % u, str(u))
class Path(str):
    def __truediv__(self, other):
        return Path(self + "/" + other)
    def __len__(self):
        return 99
p = Path("a") / "b" / "c"
print(p, type(p).__name__, len(p), p.count("/"))
