# list nested 1000000 deep through every recursive operation: each gives a value or a Python exception
# limits: --max-memory=1073741824 --max-duration=20
# expect: ok|MemoryError
# stdout: freed\n$
import json
N = 1000000
def build():
    x = []
    for i in range(N):
        x = [x]
    return x
x = build()
y = build()
def attempt(name, f):
    try:
        r = f()
        print(name, 'value', type(r).__name__)
    except (RecursionError, TypeError, ValueError) as e:
        print(name, type(e).__name__)
attempt('repr', lambda: len(repr(x)))
attempt('str', lambda: len(str(x)))
attempt('fstring', lambda: len(f'{x}'))
attempt('percent', lambda: len('%s' % (x,)))
attempt('eq', lambda: x == y)
attempt('ne', lambda: x != y)
attempt('eq_self', lambda: x == x)
attempt('lt', lambda: x < y)
attempt('hash', lambda: hash(x))
attempt('len', lambda: len(x))
attempt('in', lambda: y in [x])
attempt('count', lambda: [x, y].count(y))
attempt('sorted', lambda: len(sorted([x, y])))
attempt('set', lambda: len({x}))
attempt('dict_key', lambda: len({x: 1}))
attempt('bool', lambda: bool(x))
attempt('dumps', lambda: len(json.dumps(x)))
attempt('loads', lambda: json.loads('[' * N + ']' * N))
attempt('copy', lambda: x.copy())
attempt('roundtrip', lambda: json.loads(json.dumps(x)) == x)
x = y = None
junk = [[i] for i in range(100000)]
junk = None
print('freed')
