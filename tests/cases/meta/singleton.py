class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, name="default"):
        print("init", name)
        self.name = name
class Other(metaclass=Singleton):
    pass
a = Config("first")
b = Config("second")
print(a is b, a.name, Other() is Other(), Other() is a)
print(type.__call__(Config, "fresh").name, Config().name)
