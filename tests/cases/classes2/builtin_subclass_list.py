class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), s[0], type(s).__name__, isinstance(s, list), s + [4])
s.extra = "attr"
print(s.extra, list(s), sorted(s, reverse=True), s == [1, 2, 3], s.pop(), s)
class Named(list):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name
    def __repr__(self):
        return f"{self.name}{list.__repr__(self)}"
n = Named("n", "abc")
print(n, n.count("a"), [x.upper() for x in n])
class Empty(list): pass
print(Empty(), Empty(range(3)), bool(Empty()))
