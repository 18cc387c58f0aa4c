class Seq:
    def __init__(self, *items): self.items = items
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
print(list(reversed(Seq(1, 2, 3))))
class Rev:
    def __reversed__(self): return iter("cba")
print(list(reversed(Rev())))
try:
    reversed(object())
except TypeError as e:
    print(e)
