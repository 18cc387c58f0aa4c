def acc():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            print('thrown', e)
            continue
        if x is None:
            break
        total += x
    return total
g = acc()
print(next(g), g.send(5), g.send(10))
print(g.throw(ValueError('bad')))
try:
    g.send(None)
except StopIteration as e:
    print('returned', e.value)
def closer():
    try:
        yield 1
        yield 2
    finally:
        print('cleanup')
c = closer()
print(next(c))
c.close()
print('closed')
