registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
def add_repr(cls):
    def __repr__(self):
        return f"<{cls.__name__} {self.__dict__}>"
    cls.__repr__ = __repr__
    return cls
@register
@add_repr
class Thing:
    def __init__(self): self.a = 1
print(registry, Thing.registered, Thing())
