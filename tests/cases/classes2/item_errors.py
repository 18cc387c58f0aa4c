class NoItems: pass
n = NoItems()
for f in [lambda: n[0], lambda: n.__setitem__(0, 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
try:
    n[0] = 1
except TypeError as e:
    print(e)
try:
    del n[0]
except TypeError as e:
    print(e)
class GetOnly:
    def __getitem__(self, k): return k
try:
    GetOnly()[0] = 1
except TypeError as e:
    print(e)
