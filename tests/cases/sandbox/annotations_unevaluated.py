# sandpy-expected: annotations are never evaluated (no __annotations__); CPython 3.11 evaluates a def's at def time and would raise NameError here
def f(x: UndefinedName) -> AlsoUndefined:
    return x
print(f(1))
y: Nowhere = 2
print(y)
