# __hash__ = <builtin>.__hash__ next to an __eq__ (which would clear it):
# the builtin's own hash, not a call back into the class's hash slot.
class P(tuple):
    def __eq__(self, o): return True
    __hash__ = tuple.__hash__
print(hash(P((1, 2))) == hash((1, 2)), len({P((1,)), P((2,))}))

class R(int):
    def __eq__(self, o): return True
    __hash__ = int.__hash__
print(hash(R(5)), hash(R(-1)), {R(3): 'x'}[3])

class S(str):
    def __eq__(self, o): return True
    __hash__ = str.__hash__
print(hash(S("a")) == hash("a"))

class F(float):
    def __eq__(self, o): return True
    __hash__ = float.__hash__
print(hash(F(1.5)) == hash(1.5))

class B(bytes):
    def __eq__(self, o): return True
    __hash__ = bytes.__hash__
print(hash(B(b"ab")) == hash(b"ab"))

class Z(frozenset):
    def __eq__(self, o): return True
    __hash__ = frozenset.__hash__
print(hash(Z({1, 2})) == hash(frozenset({1, 2})))

class U(tuple):
    def __hash__(self):
        return tuple.__hash__(self) + 1
print(hash(U((1,))) == hash((1,)) + 1)

class L(list):
    __hash__ = tuple.__hash__
try:
    hash(L([1]))
except TypeError as e:
    print("TypeError", e)
