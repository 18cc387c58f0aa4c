class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, (C, A)), isinstance(b, (C,)), isinstance(b, object))
print(issubclass(B, (C, A)), issubclass(bool, int), isinstance(A, type), isinstance(b, type))
print(type(A), type(type), isinstance(3, A))
try:
    isinstance(b, b)
except TypeError as e:
    print(e)
try:
    issubclass(b, A)
except TypeError as e:
    print(e)
