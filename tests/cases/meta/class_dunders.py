class Registry(type):
    def __iter__(cls):
        return iter(cls._items)
    def __len__(cls):
        return len(cls._items)
    def __getitem__(cls, i):
        return cls._items[i]
    def __contains__(cls, x):
        return x in cls._items
    def __repr__(cls):
        return "<Registry %s>" % cls.__name__
    def __bool__(cls):
        return bool(cls._items)
    def __or__(cls, other):
        return "%s|%s" % (cls.__name__, other.__name__)
    def __call__(cls, *a):
        return ("called", cls.__name__, a)
class Fruits(metaclass=Registry):
    _items = ["apple", "pear"]
class Empty(metaclass=Registry):
    _items = []
print(list(Fruits), len(Fruits), Fruits[1], "pear" in Fruits, "kiwi" in Fruits)
print(repr(Fruits), str(Fruits), bool(Fruits), bool(Empty), Fruits | Empty)
print(Fruits(1, 2), [x.upper() for x in Fruits], sorted(Fruits, reverse=True))
print(f"{Fruits}", [Fruits, Empty])
