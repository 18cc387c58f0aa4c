class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def describe(cls):
        return "Meta.describe(%s)" % cls.__name__
class Sub(Meta):
    def describe(cls):
        return "Sub+" + super().describe()
class Base(metaclass=Sub):
    def hello(self):
        return "Base.hello"
class Child(Base):
    def hello(self):
        return "Child+" + super().hello()
    @classmethod
    def make(cls):
        return super().__new__(cls)
print(Child().hello(), Child.describe(), type(Child.make()).__name__)
print(__class__ if False else "ok")
