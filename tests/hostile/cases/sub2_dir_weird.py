# __dir__ returning non-lists, unsortable or self-referencing values
# limits: --max-memory=60000000 --max-duration=10
# expect: ok
class D:
    def __init__(self, r): self.r = r
    def __dir__(self): return self.r
l = ['b', 'a']
l.append('c')
for r in (None, 5, "zyx", {'q': 1}, ['a', 1], [[1], [2]], l, (x for x in "cba")):
    try:
        print(dir(D(r)))
    except TypeError as e:
        print("TypeError", e)
class R:
    def __dir__(self): return dir(self)
try:
    dir(R())
except RecursionError:
    print("RecursionError")
