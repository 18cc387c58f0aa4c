class A:
    def __eq__(self, o):
        if not isinstance(o, A): return NotImplemented
        return True
    def __lt__(self, o):
        return NotImplemented
print(A() == A(), A() == 1, A() != 1, 1 == A())
try:
    A() < A()
except TypeError as e:
    print(e)
try:
    A() < 1
except TypeError as e:
    print(e)
class B:
    def __gt__(self, o):
        return "B.gt"
print(A() < B(), 1 < B())
print(A() in [1, A()], A() in [1, 2])
