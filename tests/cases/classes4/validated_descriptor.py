class Positive:
    def __set_name__(self, owner, name):
        self.private = "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.private[1:]} must be positive, got {value}")
        setattr(obj, self.private, value)
class Rect:
    w = Positive()
    h = Positive()
    def __init__(self, w, h):
        self.w, self.h = w, h
    @property
    def area(self): return self.w * self.h
r = Rect(2, 3)
print(r.area, r.w, vars(r))
try:
    r.h = -1
except ValueError as e:
    print(e)
try:
    Rect(0, 1)
except ValueError as e:
    print(e)
