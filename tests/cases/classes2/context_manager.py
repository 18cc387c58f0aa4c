class CM:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with CM("a") as c:
    print("body", c.name)
with CM("b", True):
    raise ValueError("boom")
print("after b")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", e)
with CM("x") as x, CM("y") as y:
    print(x.name, y.name)
def f():
    with CM("ret"):
        return "returned"
print(f())
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
try:
    with object():
        pass
except TypeError as e:
    print(e)
