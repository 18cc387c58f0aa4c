# A finally body is compiled once per exit path (normal, exception,
# return/break/continue): blocks inside it (comprehensions, lambdas,
# nested functions and classes) are compiled as many times, and each copy
# must get its own names, locals and cells.
x = [1, 2, 3]


def loop(items):
    out = []
    for i in items:
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append([v * 10 for v in items if v != i])
            out.append((lambda a, b=i: a + b + len(items))(100))
    return out


print(loop([0, 1, 2, 3, 4]))


def ret(n):
    try:
        if n:
            return n
    finally:
        def inner(q, k=1):
            t = q

            def deeper():
                nonlocal t
                t += k
                return t + n
            return deeper()
        print('inner', inner(n), {w: w * n for w in x}, sorted({w % 2 for w in x}))
    return -1


print(ret(0), ret(5))


def nested(n):
    while True:
        try:
            try:
                return [[u for u in range(v)] for v in range(n)]
            finally:
                print('a', list(y * n for y in x))
        finally:
            class K:
                base = n
                vals = [q for q in x]

                def m(self):
                    return self.base + len(self.vals)
            print('b', K().m())
        break


print(nested(3))
try:
    raise ValueError('boom')
except ValueError as e:
    try:
        pass
    finally:
        print([str(e) + s for s in 'ab'], (lambda: (lambda: x)())())
