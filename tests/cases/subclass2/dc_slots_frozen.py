from dataclasses import dataclass
@dataclass(slots=True, frozen=True)
class F:
    a: int
    b: str = "x"
f = F(2)
print(f, hash(f) == hash(F(2)), F.__slots__)
try:
    f.a = 3
except Exception as e:
    print(type(e).__name__, e)
