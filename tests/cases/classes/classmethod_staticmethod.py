class Temp:
    scale = "C"
    def __init__(self, deg): self.deg = deg
    @classmethod
    def from_f(cls, f): return cls((f - 32) * 5 / 9)
    @staticmethod
    def valid(d): return d > -273.15
    def __repr__(self): return f"Temp({self.deg:.1f})"
class Sub(Temp): pass
print(Temp.from_f(212), Sub.from_f(32), type(Sub.from_f(32)).__name__)
print(Temp.valid(0), Temp(1).valid(-300))
sm = Temp.__dict__["valid"]
cm = Temp.__dict__["from_f"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(5), sm(5))
print(isinstance(sm, staticmethod), isinstance(cm, classmethod))
