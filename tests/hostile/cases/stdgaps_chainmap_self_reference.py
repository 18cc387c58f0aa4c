# A ChainMap inside its own maps: repr shows '...', lookups of a missing key,
# len and iteration recurse without end (RecursionError, as CPython).
# cpython: stdout
# limits: --max-memory=100000000 --max-duration=10
# expect: ok
from collections import ChainMap
cm = ChainMap({'a': 1})
cm.maps.append(cm)
cm.maps[0]['me'] = cm
print(repr(cm), cm['a'], 'a' in cm)
for f in (lambda: cm['zz'], lambda: len(cm), lambda: list(cm), lambda: 'zz' in cm, lambda: cm == cm):
    try:
        print(f())
    except RecursionError:
        print('RecursionError')
c2 = ChainMap({})
for i in range(50000):
    c2 = ChainMap(c2)
try:
    print(c2['x'])
except (RecursionError, KeyError) as e:
    print(type(e).__name__)
