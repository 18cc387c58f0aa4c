class M1(type): pass
class M2(type): pass
class M3(M1): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
class C(metaclass=M3): pass
try:
    class D(A, B): pass
except TypeError as e:
    print(e)
class E(A, C): pass
print(type(E).__name__)
class F(C, A): pass
print(type(F).__name__)
try:
    class G(A, metaclass=M2): pass
except TypeError as e:
    print(e)
class H(metaclass=M1):
    pass
class I(H, metaclass=type): pass
print(type(I).__name__)
try:
    type('X', (A, B), {})
except TypeError as e:
    print(e)
