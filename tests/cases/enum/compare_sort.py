from enum import Enum, IntEnum
class A(Enum):
    X = 1
    Y = 2
class B(Enum):
    X = 1
print(A.X == B.X, A.X == 1, A.X is A(1), A.X != A.Y)
print(sorted(A, key=lambda m: -m.value), max(A, key=lambda m: m.value))
print({A.X, A.Y, A.X}, len({A.X: 1, B.X: 2}))
try:
    sorted([A.Y, A.X])
except TypeError as e:
    print(e)
class N(IntEnum):
    ONE = 1
    TWO = 2
print(sorted([N.TWO, N.ONE]), N.ONE < 2, N.TWO >= N.ONE, N.ONE == A.X)
