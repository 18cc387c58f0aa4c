# collections.ChainMap: lookup through the maps, writes on the first one.
from collections import ChainMap

a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
cm = ChainMap(a, b)
print(cm, repr(cm), len(cm), list(cm), cm['y'], cm['z'], cm.get('w'), cm.get('w', 5))
print('x' in cm, 'w' in cm, bool(cm), bool(ChainMap()), bool(ChainMap({}, {})), ChainMap())
print(cm.maps, cm.maps is cm.maps, cm.maps[0] is a)
print(list(cm.keys()), list(cm.values()), list(cm.items()), cm.keys(), cm.items(), cm.values())
print(('y', 2) in cm.items(), ('y', 20) in cm.items(), ('q', 1) in cm.items(), 20 in cm.values(), 2 in cm.values())
print(len(cm.keys()), 'z' in cm.keys(), type(cm.keys()).__name__)
cm['z'] = 300
cm['new'] = 0
print(a, b, cm)
del cm['x']
print(a, cm)
for k in ('z', 'nope'):
    try:
        del cm[k]
    except KeyError as e:
        print('KeyError', e)
try:
    cm['nope']
except KeyError as e:
    print('KeyError', e)
print(cm.pop('y'), cm.pop('y', 'dflt'), a)
try:
    cm.pop('z')
except KeyError as e:
    print('KeyError', e)
a["p"] = 1
print(cm.popitem(), cm.popitem(), a)
try:
    cm.popitem()
except KeyError as e:
    print('KeyError', e)
c = cm.new_child()
c['k'] = 1
print(c, c.parents, c.parents.parents, c.maps[1] is cm.maps[0])
d = cm.new_child({'m': 1}, n=2)
print(d, cm.new_child(q=3), cm.new_child(m={}))
print(c.setdefault('k', 9), c.setdefault('z', 9), c.setdefault('zz', 7), c)
c.update({'u': 1}, v=2)
c.update([('w', 3)])
c.update(ChainMap({'cm': 1}))
print(c)
print(cm | {'z': 0, 'p': 1}, {'z': 0, 'p': 1} | cm, cm)
c2 = ChainMap({'a': 1}, {'b': 2})
c2 |= {'b': 3}
print(c2, c2 | c2, c2 == {'a': 1, 'b': 3}, c2 == ChainMap({'b': 3, 'a': 1}), c2 != {'a': 1}, c2 == 5)
try:
    cm | 5
except TypeError as e:
    print('TypeError', e)
try:
    hash(cm)
except TypeError as e:
    print('TypeError', e)
e = ChainMap.fromkeys('abc', 0)
print(e, type(e).__name__, ChainMap.fromkeys([1, 2]))
f = c.copy()
f['copied'] = 1
print(c.maps[0] is f.maps[0], c.maps[1] is f.maps[1], 'copied' in c, f)
c.clear()
print(c, len(c))
# iteration order: dict filled from the last map to the first
o = ChainMap({'c': 1, 'a': 2}, {'b': 3, 'a': 4}, {'d': 5, 'c': 6})
print(list(o), list(o.items()), len(o))
o.maps.append({'e': 7})
o.maps.insert(0, {'zz': 1})
print(o, list(o), o.parents)


class Sub(ChainMap):
    def __missing__(self, key):
        return 'missing:' + key


s = Sub({'a': 1})
print(s, s['b'], s.get('b'), s.new_child(), type(s.parents).__name__, type(s | {}).__name__, s.copy())
cyc = ChainMap({'a': 1})
cyc.maps.append(cyc)
print(repr(cyc), cyc['a'])
import collections
print(collections.ChainMap is ChainMap, ChainMap.__name__, ChainMap.__module__)
from collections import Counter
cc = ChainMap(Counter('aab'), {'z': 1})
print(cc['a'], cc['q'] if 'q' in cc else None, list(cc), cc)
