import itertools, collections
objs = [iter(b'x'), iter([]), iter(()), iter(""), iter(range(3)), iter({}), iter({}.values()), iter({}.items()), iter(set()), iter(frozenset()), reversed([]), reversed(range(2)), reversed("ab"), reversed({}),
 enumerate([]), zip(), map(str, []), filter(None, []), (x for x in []), iter(lambda: 1, 2), itertools.count(), itertools.chain(), collections.deque(), object(), lambda: 0, print, [].append, len]
for o in objs:
    r = repr(o)
    print(r.split(" at 0x")[0], " at 0x" in r)
try: pow(2.0, 3, 5)
except TypeError as e: print(e)
try: pow(2, 3.0, 5)
except TypeError as e: print(e)
try: pow(2, 3, 5.0)
except TypeError as e: print(e)
try: pow("a", 3, 5)
except TypeError as e: print(e)
try: pow(2, 3, "5")
except TypeError as e: print(e)
try: pow(2, -1, 4)
except ValueError as e: print(e)
try: pow(2, 3, 0)
except ValueError as e: print(e)
