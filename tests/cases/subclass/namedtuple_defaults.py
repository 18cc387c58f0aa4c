from typing import NamedTuple
class Item(NamedTuple):
    name: str
    qty: int = 1
    price: float = 0.0
    def total(self):
        return self.qty * self.price
    def __str__(self):
        return f"{self.name} x{self.qty}"
i = Item("pen", price=2.5)
print(i, repr(i), i.total(), Item._field_defaults, Item("a", 2, 3.0).total(), str(i), f"{i}")
print(i._replace(qty=4).total(), i._asdict(), list(Item._fields), Item.__match_args__)
try:
    class Bad(NamedTuple):
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
try:
    Item("a", 1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    Item(name="a", bogus=1)
except TypeError as e:
    print("TypeError", e)
items = [Item("b", 2, 1.0), Item("a", 1, 5.0)]
print(sorted(items), max(items, key=Item.total), [it.name for it in sorted(items, key=lambda t: t.qty)])
d = {Item("k"): 1}
print(d[Item("k")], Item("k") == ("k", 1, 0.0), hash(Item("k")) == hash(("k", 1, 0.0)))
