class MyInt(int): pass
class MyStr(str): pass
class MyTuple(tuple): pass
class Pt(tuple):
    __match_args__ = ("x", "y")
    @property
    def x(self): return self[0]
    @property
    def y(self): return self[1]
def m(v):
    match v:
        case bool(b): return f"bool {b}"
        case MyInt(0): return "zero myint"
        case int(n) if n > 100: return f"big {n}"
        case MyStr(s): return f"mystr {s} {type(s).__name__}"
        case str() as s: return f"str {s}"
        case Pt(x, y): return f"pt {x} {y}"
        case (a, b): return f"pair {a} {b}"
        case float(f): return f"float {f}"
        case _: return "other"
for v in [MyInt(0), MyInt(500), MyStr("q"), "z", Pt((1, 2)), MyTuple((3, 4)), True, 2.5, MyInt(7)]:
    print(m(v))
match MyStr("abc"):
    case "abc":
        print("literal matches str subclass")
match MyInt(3):
    case 3:
        print("literal matches int subclass")
