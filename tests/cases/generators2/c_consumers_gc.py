# Every C consumer of iterators fed by generators and a user iterator (each step
# may collect: make test-gcstress runs this with a collection at every safe point).
import collections, itertools, functools, operator, math, statistics, copy, json, heapq, bisect
def g(n=60):
    for i in range(n):
        yield str(i) * 3
def gi(n=60):
    for i in range(n):
        yield i * 7 % 13
print(max(g()), min(g(), key=len), max(g(), default=None, key=str.upper))
print(sum(map(len, g())), sum(gi()), sum(map(float, gi())), sum([[i] for i in gi()], []))
print(any(s == '999' for s in g()), all(map(str.isdigit, g())))
print(sorted(g(), key=lambda s: (len(s), s))[:3], sorted(gi(), reverse=True)[:3])
print(list(filter(None, gi()))[:5], list(filter(lambda s: '1' in s, g()))[:3])
print(dict(zip(g(), gi())) == {a: b for a, b in zip(g(), gi())}, dict.fromkeys(g(), 0) == {s: 0 for s in g()})
print(len(set(g())), len(frozenset(map(len, g()))), set(g()) >= set(itertools.islice(g(), 5)))
print(set(g()).issubset(g()), set(g()).issuperset(g()), set(g()).isdisjoint(map(str, range(1000, 1010))))
s = set(g()); s.update(g(70)); s.intersection_update(g(65)); s.difference_update(g(10)); s.symmetric_difference_update(g(66)); print(len(s))
d = {}; d.update(zip(g(), gi())); d.update((str(i), i) for i in range(5)); print(len(d))
print(sorted({}.keys() | g()), len({s: 1 for s in g()}.keys() & g()), len({s: 1 for s in g()}.items() - zip(g(), gi())))
print(collections.Counter(map(len, g())).most_common(3), collections.Counter(g()).total())
c = collections.Counter(); c.update(g()); c.subtract(g(30)); print(sum(c.values()))
dq = collections.deque(g(), maxlen=10); dq.extend(g(20)); dq.extendleft(g(5)); print(list(dq)[:3], len(dq))
print(collections.OrderedDict(zip(g(), gi())).popitem())
print(''.join(g(10)), ','.join(map(str, gi(10))), b''.join(s.encode() for s in g(5)), bytes(gi()))
print(tuple(g(4)), list(g(4)), [*g(3), *gi(3)], (*g(2),), {*g(2)} == set(g(2)), {**dict(zip(g(3), gi(3)))})
print(list(enumerate(g(4), 1)), list(zip(g(3), gi(3), map(len, g(3)))), list(map(operator.add, g(3), g(3))))
print(functools.reduce(operator.add, g(10)), functools.reduce(lambda a, b: a + b, gi(), 100))
print(list(itertools.accumulate(gi(10))), list(itertools.chain.from_iterable(g(3))), list(itertools.compress(g(6), gi(6))))
print(list(itertools.dropwhile(lambda s: len(s) < 6, g(40)))[:2], list(itertools.takewhile(lambda s: len(s) < 6, g())))
print([(k, list(v)) for k, v in itertools.groupby(g(20), key=len)][:2], list(itertools.islice(itertools.cycle(g(3)), 7)))
print(list(itertools.product(g(3), gi(2))), list(itertools.permutations(g(3), 2))[:3], list(itertools.combinations(g(5), 2))[:3])
print(list(itertools.zip_longest(g(3), gi(5))), list(itertools.starmap(operator.mul, zip(gi(5), gi(5)))))
a, b = itertools.tee(g(10)); print(list(a)[:2], list(b)[-1:], list(itertools.pairwise(g(4))), list(itertools.filterfalse(None, gi(10))))
print(math.fsum(map(float, gi())), math.prod(gi(10)), math.prod(map(float, gi(5))))
print(statistics.mean(gi()), statistics.median(gi()), statistics.mode(gi()), statistics.fmean(gi()), round(statistics.pstdev(gi()), 6), round(statistics.variance(gi()), 6))
print(copy.deepcopy([list(g(3)), dict(zip(g(3), gi(3))), tuple(g(3)), set(g(2))]) == [list(g(3)), dict(zip(g(3), gi(3))), tuple(g(3)), set(g(2))])
print(json.dumps(list(g(3))), json.dumps(dict(zip(g(3), gi(3))), sort_keys=True), json.dumps({'a': [list(g(2))]}, default=list, indent=1))
h = list(gi()); heapq.heapify(h); print(heapq.nsmallest(3, g()), heapq.nlargest(3, gi()), list(heapq.merge(sorted(g(5)), sorted(g(5))))[:3])
print('11' in g(), 5 in gi(), list(reversed(list(g(3)))), str(list(g(2))), repr(tuple(g(2))), sorted(map(repr, set(gi()))))
x, y, *z = g(5); print(x, y, z)
def deleg():
    yield from g(5)
    yield from map(str, gi(3))
    r = yield from iter(list(g(2)))
print(list(deleg()))
print(list(iter(functools.partial(next, iter(g(5))), '333')), next(g(), 'x'), next(iter([]), 'dflt'))
print(str.join('-', g(4)), ' '.join(reversed(list(g(3)))), '%s %s' % tuple(g(2)), '{}{}'.format(*g(2)), f'{[*g(2)]}')
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 40: raise StopIteration
        return [str(self.i)] * 3
print(max(It(), key=lambda l: l[0]), len(list(It())), sum(map(len, It())), sorted(map(tuple, It()))[:2], dict(zip(map(tuple, It()), It())) and 1)
