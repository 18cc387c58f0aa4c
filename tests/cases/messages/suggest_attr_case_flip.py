class Point:
    x = 1
print(Point.X)
