class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
p.z = 5
print(sorted(p.__dict__.items()))
Point.dims = 3
print(p.dims)
p.dims = 10
print(p.dims, Point.dims)
del p.dims
print(p.dims)
print(type(p).__name__, type(p) is Point, p.__class__ is Point)
