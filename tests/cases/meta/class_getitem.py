class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"])
class Meta(type):
    def __getitem__(cls, item):
        return ("meta", cls.__name__, item)
class Typed(metaclass=Meta):
    def __class_getitem__(cls, item):
        return "class_getitem"
print(Typed[3])
class Sub(Box): pass
print(Sub[str])
try:
    int["x"]
except TypeError as e:
    print(e)
