def f():
    pass
def g():
    return
def h(x):
    if x:
        return 1
print(f(), g(), h(0), h(1))
