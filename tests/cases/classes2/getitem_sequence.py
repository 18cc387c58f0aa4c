class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
s = Squares()
print(s[3], list(s), 9 in s, 10 in s, list(zip(s, "ab")))
for x in s:
    print(x, end=" ")
print()
class Mapping:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __len__(self): return len(self.d)
    def __contains__(self, k): return k in self.d
m = Mapping()
m["a"] = 1
m["b"] = 2
del m["a"]
print(len(m), "a" in m, "b" in m, m["b"])
try:
    m["zz"]
except KeyError as e:
    print("KeyError", e)
class Slicer:
    def __getitem__(self, k): return k
sl = Slicer()
print(sl[1:2], sl[::3], sl[1, 2], sl[...], sl["x"])
