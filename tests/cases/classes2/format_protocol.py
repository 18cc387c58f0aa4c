class Money:
    def __init__(self, c): self.c = c
    def __format__(self, spec):
        if spec == "short":
            return f"${self.c // 100}"
        return f"${self.c / 100:{spec or '.2f'}}"
m = Money(12345)
print(f"{m}", f"{m:short}", f"{m:.1f}", format(m, "short"), "{:short}".format(m))
class Plain: pass
print(format(Plain(), "").startswith("<__main__.Plain"))
try:
    format(Plain(), "x")
except TypeError as e:
    print(e)
try:
    f"{Plain():>10}"
except TypeError as e:
    print(e)
class Bad:
    def __format__(self, spec): return 1
try:
    f"{Bad()}"
except TypeError as e:
    print(e)
class S:
    def __str__(self): return "str!"
print(f"{S()}", f"{S()!s}", format(S()))
