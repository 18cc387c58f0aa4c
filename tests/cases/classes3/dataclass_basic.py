from dataclasses import dataclass, field
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)
    def total(self):
        return self.price * self.qty
a = Item("apple", 0.5, 4)
b = Item("pear", 1.25)
print(a, b, a.total(), b.total())
print(a == Item("apple", 0.5, 4), a == b, a != b)
b.tags.append("fruit")
print(b.tags, Item("x", 1).tags, Item.__doc__)
print(Item.__init__.__qualname__, Item.__match_args__)
try:
    Item("x")
except TypeError as e:
    print(e)
try:
    Item("x", 1, 2, [], 5)
except TypeError as e:
    print(e)
print(Item.__hash__ is None)
try:
    hash(a)
except TypeError as e:
    print(e)
