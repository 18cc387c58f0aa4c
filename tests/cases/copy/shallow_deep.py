import copy
def _t(f, s):
    try:
        print(s, '->', repr(f()))
    except Exception as e:
        print(s, '!!', type(e).__name__, e)
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
_t(lambda: (b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]["k"] is a[2]["k"], c == a), '(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]["k"] is a[2]["k"], c == a)')
tup = (1, 2, "x")
_t(lambda: copy.deepcopy(tup) is tup, 'copy.deepcopy(tup) is tup')
_t(lambda: copy.copy(tup) is tup, 'copy.copy(tup) is tup')
t2 = (1, [2])
_t(lambda: (copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2), '(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)')
