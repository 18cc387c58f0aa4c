class A:
    def __len__(self): return 3
a = A()
a.__len__ = lambda: 99
print(len(a), a.__len__())
class B:
    pass
b = B()
b.__repr__ = lambda: "inst"
print(repr(b) != "inst")
B.__repr__ = lambda self: "class-level"
print(repr(b))
B.__eq__ = lambda self, o: True
print(b == 1)
