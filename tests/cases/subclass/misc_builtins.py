class I(int): pass
class S(str): pass
class L(list): pass
class T(tuple): pass
print(len(S("abc")), len(L([1])), len(T((1, 2))), abs(I(-2)), sum(L([I(1), I(2)])), any(L([0, I(1)])), all(T()))
print(sorted(S("cab")), list(enumerate(S("ab"))), list(zip(T((1, 2)), S("xy"))), list(map(str, L([1, 2]))))
print(min(S("zy")), max(T((3, 9))), reversed(L([1, 2])).__class__.__name__, list(reversed(T((1, 2)))))
print(I(5) == 5, hash(T((1,))) == hash((1,)), repr(L()), repr(T()), repr(S()))
print(isinstance(L(), list), type(L()) is list, type(L()) == L, callable(I), I.__class__.__name__)
