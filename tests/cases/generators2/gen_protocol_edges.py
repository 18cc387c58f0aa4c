def g1():
    yield 1
    raise StopIteration("inner")
try: print(list(g1()))
except RuntimeError as e: print(type(e).__name__, e, repr(e.__cause__))
def g2():
    me = yield
    yield next(me)
g = g2(); next(g)
try: g.send(g)
except ValueError as e: print(e)
def g3():
    try: yield 1
    finally: yield 2
g = g3(); next(g)
try: g.close()
except RuntimeError as e: print(e)
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-ret"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3
g = outer(); print(next(g), g.send("a"), g.send("b"))
try: next(g)
except StopIteration as e: print("done", e.value)
def thrower():
    try:
        yield 1
    except KeyError as e:
        print("caught in gen", repr(e))
        yield "recovered"
g = thrower(); next(g); print(g.throw(KeyError("k")))
g = thrower(); next(g)
try: g.throw(ValueError)
except ValueError as e: print("propagated", repr(e))
def deleg():
    yield from thrower()
g = deleg(); next(g); print(g.throw(KeyError("via yield from")))
def empty():
    return
    yield
print(list(empty()), list(x for x in []))
g = (1 / x for x in [1, 0])
print(next(g))
try: next(g)
except ZeroDivisionError as e: print(e)
try: next(g)
except StopIteration: print("exhausted after error")
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset": n = 0
        elif cmd == "stop": return n
        else: n += 1
c = counter(); next(c)
print(c.send(None), c.send(None), c.send("reset"), c.send(None))
try: c.send("stop")
except StopIteration as e: print("stopped", e.value)
try: c.send(None)
except StopIteration as e: print("again", e.value)
g = counter()
try: g.send(5)
except TypeError as e: print(e)
print(g.close(), g.close())
def gen_ret(): return 5; yield
try: next(gen_ret())
except StopIteration as e: print(e.value, e.args, str(e))
import itertools
def nat():
    n = 0
    while True:
        yield n; n += 1
print(list(itertools.takewhile(lambda x: x < 5, nat())), list(itertools.islice(nat(), 2, 8, 2)), list(itertools.dropwhile(lambda x: x < 3, range(6))))
print(sum(x * x for x in range(10)), max((len(w), w) for w in "a bb ccc".split()), sorted(x for x in "cab"), dict((k, v) for k, v in [("a", 1)]))
