def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return tag + ':' + str(fn(*a, **k))
        return inner
    return wrap
def twice(fn):
    return lambda x: fn(fn(x))
@deco('A')
@twice
def inc(x):
    return x + 1
print(inc(5))
