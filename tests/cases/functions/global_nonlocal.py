count = 0
def inc():
    global count
    count += 1
inc(); inc()
print(count)
def outer():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    bump(); bump()
    return n
print(outer())
def unbound():
    print(v)
    v = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
