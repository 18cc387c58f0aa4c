class PluginMeta(type):
    registry = {}
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.registry[ns.get("name", name.lower())] = cls
        return cls
    def __getitem__(cls, key):
        return cls.registry[key]
    def __iter__(cls):
        return iter(sorted(cls.registry))
class Plugin(metaclass=PluginMeta):
    def run(self):
        return "%s ran" % type(self).__name__
class Upper(Plugin):
    name = "up"
class Lower(Plugin):
    pass
print(list(Plugin), Plugin["up"]().run(), Plugin["lower"]().run())
try:
    Plugin["nope"]
except KeyError as e:
    print("KeyError", e)
