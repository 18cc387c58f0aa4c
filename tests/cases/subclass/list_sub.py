class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, repr(s), type(s).__name__, s.peek(), len(s), s + [4], type(s + [4]).__name__, s * 2, s[1:])
s += [9]
print(s, type(s).__name__, sorted(s, reverse=True), s.pop(), s, s == [1, 2, 3], isinstance(s, list))
class Logged(list):
    def __init__(self, items, name):
        super().__init__(items)
        self.name = name
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))
    def __len__(self):
        return 42
l = Logged([5, 6], "n")
print(l, l.name, l[0], len(l), list(l), l.__dict__)
class Typed(list):
    def append(self, x):
        if not isinstance(x, int):
            raise TypeError(f"ints only, got {type(x).__name__}")
        super().append(x)
t = Typed()
t.append(1)
try:
    t.append("x")
except TypeError as e:
    print(e)
print(t, Typed([1, 2]), list.__new__(Typed), type(list.__new__(Typed)).__name__)
