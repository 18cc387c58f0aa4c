# Counter and re argument errors carry the messages of CPython's Python-level functions.
import collections, re


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Neg:
    def __eq__(self, o):
        return False

    def __ge__(self, o):
        return False

    def __neg__(self):
        return -2


c = collections.Counter('abracadabra')
cases = [
    lambda: c.most_common('a'), lambda: c.most_common(1.5), lambda: c.most_common(9.0),
    lambda: c.most_common(1.0), lambda: c.most_common(True), lambda: c.most_common(-1),
    lambda: c.most_common(Idx(2)), lambda: c.most_common(Idx(99)), lambda: c.most_common(Neg()),
    lambda: c.most_common(n=2), lambda: c.most_common(None), lambda: c.most_common(10 ** 30),
    lambda: c.most_common(-10 ** 30), lambda: c.most_common(object()),
    lambda: collections.Counter().most_common('a'), lambda: collections.Counter().most_common(0),
    lambda: c.most_common(1, 2), lambda: c.most_common(m=1), lambda: c.most_common(2, n=1),
    lambda: collections.Counter(1, 2), lambda: c.update(1, 2), lambda: c.subtract(1, 2),
    lambda: c.elements(1), lambda: c.total(1), lambda: c.total(x=1), lambda: c.elements(x=1),
    lambda: collections.Counter(self=1, iterable=2), lambda: collections.Counter('ab', x=1),
    lambda: re.sub('a', 'b', 'c', nope=1), lambda: re.subn('a', 'b', 'c', nope=1),
    lambda: re.match('a', 'b', nope=1), lambda: re.search('a', 'b', nope=1),
    lambda: re.fullmatch('a', 'b', nope=1), lambda: re.compile('a', nope=1),
    lambda: re.findall('a', 'b', x=2), lambda: re.finditer('a', 'b', nope=1),
    lambda: re.split('a', 'b', nope=1), lambda: re.escape('a', nope=1), lambda: re.escape(),
    lambda: re.purge(1), lambda: re.purge(x=1), lambda: re.sub('a'), lambda: re.sub(),
    lambda: re.sub('a', 'b', 'c', 1, 0, 9), lambda: re.sub('a', 'b', 'c', pattern='a'),
    lambda: re.split('a', 'bab', 1, 0, 2), lambda: re.compile(),
    lambda: re.sub(pattern='a', repl='b', string='cac', count=1),
    lambda: re.split(string='a,b', pattern=','), lambda: re.compile(pattern='x', flags=re.I),
    lambda: re.findall('a', 'aa', 0, 1), lambda: re.match(string='ab', pattern='a').group(),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
