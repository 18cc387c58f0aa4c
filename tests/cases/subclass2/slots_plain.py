class S:
    __slots__ = ('a', 'b')
s = S()
s.a = 1
try:
    s.c = 2
except AttributeError as e:
    print(e)
try:
    print(s.b)
except AttributeError as e:
    print(e)
print(hasattr(s, '__dict__'))
class T:
    __slots__ = ('a', '__dict__')
t = T()
t.q = 5
print(t.__dict__)
class U(S):
    pass
u = U()
u.z = 1
print(u.__dict__)
