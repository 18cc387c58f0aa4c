class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
cs = [Counter() for _ in range(3)]
print(Counter.count, [c.id for c in cs])
class Shared:
    items = []
a, b = Shared(), Shared()
a.items.append(1)
print(b.items, Shared.items)
setattr(Shared, "new", 5)
print(a.new, getattr(b, "new"), hasattr(a, "nope"))
delattr(Shared, "new")
print(hasattr(a, "new"))
try:
    del Shared.nothing
except AttributeError as e:
    print(e)
