class Model:
    _registry = {}
    _count = 0
    def __init_subclass__(cls, table=None, **kw):
        super().__init_subclass__(**kw)
        cls.table = table or cls.__name__.lower() + "s"
        Model._registry[cls.table] = cls
    def __init__(self, **fields):
        type(self)._count += 1
        for k, v in fields.items():
            setattr(self, k, v)
    def __repr__(self):
        body = ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items()))
        return f"<{self.table} {body}>"
class User(Model): pass
class Post(Model, table="articles"): pass
u1, u2, p = User(name="a"), User(name="b"), Post(title="t")
print(sorted(Model._registry), User._count, Post._count, Model._count, u1, p)
