# CPython says "doesn't" on the sequence path (int key) and "does not" otherwise
class A: pass
for v in [(1,), "s", 5, A(), None, len, 1.5, range(3), b"x", frozenset()]:
    for k in [0, "a", True]:
        try:
            del v[k]
        except TypeError as e:
            print(e)
        try:
            v[k] = 1
        except TypeError as e:
            print(e)
