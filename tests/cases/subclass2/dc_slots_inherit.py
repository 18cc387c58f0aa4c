from dataclasses import dataclass
@dataclass(slots=True)
class A:
    x: int
@dataclass(slots=True)
class B(A):
    y: int = 2
b = B(1)
print(b, B.__slots__, A.__slots__, B.__name__, B.__qualname__)
try:
    b.q = 1
except AttributeError as e:
    print(e)
