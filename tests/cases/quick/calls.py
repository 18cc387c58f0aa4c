# Calls: positional, keyword, methods, chains; imports.
import json
import math as m
from collections import Counter, OrderedDict as OD
print(json.dumps({'b': 1, 'a': [1, 2]}, sort_keys=True, indent=None))
print(m.sqrt(16), Counter('abca').most_common(1), OD(a=1))
print(sorted([3, 1, 2], reverse=True), sorted(['b', 'A'], key=str.lower))
words = 'the quick brown fox'.split()
print(' '.join(w.capitalize() for w in words), len(words))
print('x={}, y={y}'.format(1, y=2), 'abc'.upper().lower().replace('b', 'B'))
d = dict(a=1, b=2)
print(d.get('c', 3), d.get('a'), list(d.items()), dict(d, c=3))
print(max(1, 2, 3), min([4, 5]) if True else None)
print(int('42'), float('1.5'), str(1) + str(2), repr('q'), abs(-3), round(2.675, 2))
try_dotted = 'import a.b is compiled too (tests/c/test_qc.c), but no such module is allowed here'
print(try_dotted[:6])
