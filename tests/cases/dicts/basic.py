d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), d['a'], 'b' in d, 'z' not in d, d.get('z'), d.get('z', 0))
del d['b']
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop('a'), d.pop('q', 'dflt'), d.setdefault('x', 9), d)
d.update({'y': 1}, z=2); d.update([('w', 0)]); print(d)
print(d.popitem(), d, dict(a=1), dict([(1, 2)]), dict.fromkeys('ab', 0), {**d, 'n': 1}, d | {'m': 1})
