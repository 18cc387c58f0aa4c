class O: pass
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B(D, E): pass
class A(B, C): pass
print([k.__name__ for k in A.__mro__])
class K1: pass
class K2: pass
class K3: pass
class Z1(K1, K2): pass
class Z2(K2, K3): pass
class Z3(K1, K3): pass
class M(Z1, Z2, Z3): pass
print([k.__name__ for k in M.__mro__])
