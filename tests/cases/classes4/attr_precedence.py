class DataDesc:
    def __get__(self, obj, owner): return "data-descriptor"
    def __set__(self, obj, v): print("set via descriptor", v)
class NonData:
    def __get__(self, obj, owner): return "non-data"
class A:
    d = DataDesc()
    n = NonData()
    c = "class attr"
a = A()
a.__dict__["d"] = "inst d"
a.__dict__["n"] = "inst n"
a.__dict__["c"] = "inst c"
print(a.d, a.n, a.c)
a.d = 5
print(A.d, A.n, A.c)
