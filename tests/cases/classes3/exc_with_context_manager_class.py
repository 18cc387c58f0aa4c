class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        if t is not None and issubclass(t, self.types):
            self.caught = v
            return True
        return False
with Suppress(KeyError, IndexError) as s:
    [][1]
print(type(s.caught).__name__, s.caught)
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)
