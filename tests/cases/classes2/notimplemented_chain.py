class A:
    def __add__(self, o):
        print("A.add")
        return NotImplemented
    def __radd__(self, o):
        print("A.radd")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("B.radd")
        return "B wins"
print(A() + B())
try:
    A() + A()
except TypeError as e:
    print(e)
try:
    A() + 1
except TypeError as e:
    print(e)
try:
    1 + A()
except TypeError as e:
    print(e)
