class retry:
    def __init__(self, times):
        self.times = times
    def __call__(self, fn):
        def wrapper(*a, **kw):
            for i in range(self.times):
                try:
                    return fn(*a, **kw)
                except ValueError as e:
                    print("attempt", i + 1, "failed:", e)
            return None
        wrapper.__name__ = fn.__name__
        return wrapper
count = [0]
@retry(3)
def flaky(x):
    count[0] += 1
    if count[0] < 3:
        raise ValueError(f"try {count[0]}")
    return x * 2
print(flaky(21), flaky.__name__)
class Const:
    def __init__(self, v): self.v = v
    def __call__(self, *a): return self.v
print(list(map(Const(7), range(3))))
